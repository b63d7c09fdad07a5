package org.vascalc.physiology.vitamink;

import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Intake;

/**
 * Prints the model's extra-hepatic potency of K1 against MK-7 (development aid:
 * {@code java ... PrintPotency}): dp-ucMGP change of the reference woman after daily K1 or MK-7 at equal
 * µg and equal µmol doses, at the weeks of Schurgers 2007 and of the dp-ucMGP trials.
 */
final class PrintPotency {
    private PrintPotency() {
    }

    /** dp-ucMGP (pmol/L) after {@code weeks} of a daily dose, and the baseline, of the reference woman. */
    static double[] after(ParameterCatalog c, VitaminKTargets.Propagator p, Intake.Kind kind, double nmolPerDay,
            int weeks) {
        VitaminKTargets.Run r = VitaminKTargets.Run.healthy(c, p);
        double before = r.dpUcMgp();
        int days = weeks * 7;
        for (int day = 0; day < days; day++) {
            r.advanceTo(Time.days(day));
            r.take(new Intake(kind, nmolPerDay));
        }
        r.advanceTo(Time.days(days));
        return new double[] {before, r.dpUcMgp(), r.y[r.block.index(VitaminKBlock.TISSUE)]};
    }

    private static String readFile(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        ParameterCatalog c = args.length > 0
                ? ParameterCatalog.parse(readFile(args[0]), args[0])
                : ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
        HipparchusPropagator p = HipparchusPropagator.standard();
        System.out.println("tissueUptakeFractionK1 " + c.value("tissueUptakeFractionK1") + " Mk7 "
                + c.value("tissueUptakeFractionMk7"));
        System.out.println("dose basis | dose | weeks | base | K1 after | MK-7 after | dK1 | dMK7 | ratio K1:MK7");
        int[] weeksList = {2, 6, 12};
        for (int weeks : weeksList) {
            for (double ug : new double[] {50, 100, 180, 200, 360, 500}) {
                double[] k1 = after(c, p, Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(ug), weeks);
                double[] mk7 = after(c, p, Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(ug), weeks);
                System.out.printf("ug %6.0f %3d wk base %.1f K1 %.1f MK7 %.1f dK1 %.1f dMK7 %.1f ratio %.3f%n", ug, weeks,
                        k1[0], k1[1], mk7[1], k1[1] - k1[0], mk7[1] - mk7[0], (k1[1] - k1[0]) / (mk7[1] - mk7[0]));
            }
            for (double nmol : new double[] {220}) {
                double[] k1 = after(c, p, Intake.Kind.VITAMIN_K1, nmol, weeks);
                double[] mk7 = after(c, p, Intake.Kind.VITAMIN_MK7, nmol, weeks);
                System.out.printf("nmol %5.0f %3d wk base %.1f K1 %.1f MK7 %.1f dK1 %.1f dMK7 %.1f ratio %.3f (ucMGP fraction K1 %.3f MK7 %.3f)%n",
                        nmol, weeks, k1[0], k1[1], mk7[1], k1[1] - k1[0], mk7[1] - mk7[0],
                        (k1[1] - k1[0]) / (mk7[1] - mk7[0]), k1[1] / k1[0], mk7[1] / mk7[0]);
            }
        }
        // MK-7 dose equal in effect to K1 500 ug/d over 12 weeks (bisection on ug)
        double target = after(c, p, Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(500), 12)[1];
        double lo = 10, hi = 5000;
        for (int i = 0; i < 40; i++) {
            double mid = Math.sqrt(lo * hi);
            double v = after(c, p, Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(mid), 12)[1];
            if (v > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        System.out.printf("MK-7 ug/d equal to K1 500 ug/d at 12 wk: %.1f%n", lo);
        // the trial regimens: K1 500 ug/d for 3 years (Shea 2009/2011), MK-7 720 ug/d for 2 years (AVADEC)
        double[] shea = after(c, p, Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(500), 156);
        double[] avadec = after(c, p, Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(720), 104);
        System.out.printf("K1 500 ug/d 156 wk: %.1f -> %.1f (%.1f pmol/L, %.1f %%); MK-7 720 ug/d 104 wk: %.1f -> %.1f (%.1f pmol/L, %.1f %%); ratio %.3f%n",
                shea[0], shea[1], shea[1] - shea[0], 100 * (shea[1] / shea[0] - 1), avadec[0], avadec[1],
                avadec[1] - avadec[0], 100 * (avadec[1] / avadec[0] - 1), (shea[1] - shea[0]) / (avadec[1] - avadec[0]));
    }
}
