package org.vascalc.physiology.vitamink;

import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Intake;

/**
 * Prints the intermediate quantities behind the dp-ucMGP response to MK-7 in haemodialysis (development aid:
 * {@code java ... PrintDialysisResponse}; docs/model/vitamin-k.md "dp-ucMGP response on dialysis"): plasma MK-7,
 * the extra-hepatic pool, the carboxylated MGP fraction and dp-ucMGP of the reference woman healthy and on
 * haemodialysis, at baseline and on daily or thrice-weekly MK-7, over a range of doses.
 */
final class PrintDialysisResponse {
    private PrintDialysisResponse() {
    }

    /** Runs {@code days} of MK-7 ({@code ug} per dose on the given weekdays) and prints the state at the end. */
    private static void run(ParameterCatalog c, HipparchusPropagator p, boolean hd, double ug, int[] weekDays,
            int days, String label) {
        VitaminKTargets.Run r = hd ? VitaminKTargets.Run.haemodialysis(c, p) : VitaminKTargets.Run.healthy(c, p);
        double base = r.dpUcMgp();
        double t0 = r.y[r.block.index(VitaminKBlock.TISSUE)];
        double c0 = r.block.cMgpFraction(r.y);
        double dose = MolarMass.MENAQUINONE_7.ugToNmol(ug);
        for (int day = 0; day < days; day++) {
            for (int wd : weekDays) {
                if (day % 7 == wd) {
                    r.advanceTo(Time.days(day));
                    r.take(new Intake(Intake.Kind.VITAMIN_MK7, dose));
                }
            }
        }
        r.advanceTo(Time.days(days));
        double mk7NgPerMl = r.block.plasmaMk7NmolPerL(r.y) * MolarMass.MENAQUINONE_7.gramsPerMol() / 1000;
        double t1 = r.y[r.block.index(VitaminKBlock.TISSUE)];
        System.out.printf("%-3s %-22s %5.0f ug x%d/wk %4d d | MK-7 trough %6.2f ng/mL | tissue %7.2f -> %7.2f nmol (x%.2f)"
                + " | cMGP %.3f -> %.3f | dp-ucMGP %6.0f -> %6.0f pmol/L (%+.1f %%, %+.0f)%n",
                hd ? "HD" : "ok", label, ug, weekDays.length, days, mk7NgPerMl, t0, t1, t1 / t0, c0,
                r.block.cMgpFraction(r.y), base, r.dpUcMgp(), 100 * (r.dpUcMgp() / base - 1), r.dpUcMgp() - base);
    }

    /** haemodialysisUraemicInhibition that puts E22 back at 4.5 under the other values of {@code c} (bisection). */
    static ParameterCatalog withE22Refitted(ParameterCatalog c, HipparchusPropagator p) {
        double lo = 0, hi = 0.98;
        for (int i = 0; i < 50; i++) {
            double mid = 0.5 * (lo + hi);
            double ratio = VitaminKTargets.e22HaemodialysisRatio(
                    c.with(java.util.Map.of("haemodialysisUraemicInhibition", mid)), p);
            if (ratio < 4.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return c.with(java.util.Map.of("haemodialysisUraemicInhibition", 0.5 * (lo + hi)));
    }

    /** One line per variant: E22, E23 (Caluwe 720 ug TIW, 8 weeks) and the HD responses that the trials test. */
    private static void variant(String label, ParameterCatalog c, HipparchusPropagator p) {
        System.out.printf("%-44s u_HD %.4f dietHD %.3f kMK7 %.5f | E22 %.3f | E23 %+.1f %% | E19 %+.1f %% E20 %+.1f %%%n", label,
                c.value("haemodialysisUraemicInhibition"), c.value("haemodialysisDietFactor"),
                c.value("mk7EliminationPerH"), VitaminKTargets.e22HaemodialysisRatio(c, p),
                100 * VitaminKTargets.e23HaemodialysisMk7_720Tiw(c, p),
                100 * VitaminKTargets.e19DpUcMgpChangeMk7_180(c, p), 100 * VitaminKTargets.e20DpUcMgpChangeMk7_360(c, p));
        int[] daily = {0, 1, 2, 3, 4, 5, 6};
        int[] tiw = {0, 2, 4};
        for (double ug : new double[] {360, 720, 1080}) {
            run(c, p, true, ug, tiw, 56, "  TIW, 8 wk (Caluwe)");
        }
        run(c, p, true, 360, daily, 42, "  daily, 6 wk");
        run(c, p, true, 360, daily, 730, "  daily, 2 y (RenaKvit)");
    }

    public static void main(String[] args) {
        ParameterCatalog c = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
        HipparchusPropagator p = HipparchusPropagator.standard();
        if (args.length > 0 && args[0].equals("variants")) {
            variant("catalog", c, p);
            variant("MK-7 elimination halved (E15-E17 not refitted)",
                    c.with(java.util.Map.of("mk7EliminationPerH", c.value("mk7EliminationPerH") / 2)), p);
            for (double diet : new double[] {0.5, 0.42, 0.3}) {
                variant("HD diet factor " + diet + ", u_HD refitted to E22",
                        withE22Refitted(c.with(java.util.Map.of("haemodialysisDietFactor", diet)), p), p);
            }
            return;
        }
        int[] daily = {0, 1, 2, 3, 4, 5, 6};
        int[] tiw = {0, 2, 4};
        for (boolean hd : new boolean[] {false, true}) {
            for (double ug : new double[] {45, 135, 180, 360, 720, 1080}) {
                run(c, p, hd, ug, daily, 42, "daily, 6 wk (Westenfeld)");
                run(c, p, hd, ug, daily, 84, "daily, 12 wk");
                run(c, p, hd, ug, daily, 730, "daily, 2 y (RenaKvit)");
            }
            for (double ug : new double[] {360, 720, 1080}) {
                run(c, p, hd, ug, tiw, 56, "TIW, 8 wk (Caluwe)");
            }
            run(c, p, hd, 360, daily, 28, "daily, 4 wk (Aoun)");
        }
    }
}
