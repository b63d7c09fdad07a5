package org.vascalc.physiology.vitamink;

import java.util.Map;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Intake;

/**
 * Prints the model's hepatic clotting-factor synthesis under warfarin 5 mg/d with K1, MK-4 or MK-7
 * supplements (development aid for docs/model/vitamin-k.md, "Menaquinones in the hepatic cycle"):
 * Theuwissen 2013's stepped MK-7 regimen and steady-state equal doses, at the catalog's and other
 * hepatic availabilities.
 */
final class PrintWarfarinInteraction {
    private PrintWarfarinInteraction() {
    }

    public static void main(String[] args) {
        ParameterCatalog base = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
        HipparchusPropagator p = HipparchusPropagator.standard();
        double[] steps = {10, 20, 45};
        for (double rho : new double[] {base.value("hepaticAvailabilityMk7"), 0.25, 0.5}) {
            ParameterCatalog c = base.with(Map.of("hepaticAvailabilityMk7", rho, "hepaticAvailabilityMk4", rho));
            System.out.printf("availability %.2f%n", rho);
            double[] stepped = VitaminKTargets.warfarinSupplementSynthesisRatio(c, p, Intake.Kind.VITAMIN_MK7, steps, 2);
            System.out.printf("  stepped MK-7 10/20/45 ug/d, 2 weeks each: %.3f %.3f %.3f%n", stepped[0], stepped[1], stepped[2]);
            for (Intake.Kind kind : new Intake.Kind[] {Intake.Kind.VITAMIN_K1, Intake.Kind.VITAMIN_MK7, Intake.Kind.VITAMIN_MK4}) {
                StringBuilder sb = new StringBuilder("  " + kind + " 4 weeks:");
                for (double ug : new double[] {10, 20, 45, 100, 150, 500, 45000}) {
                    double r = VitaminKTargets.warfarinSupplementSynthesisRatio(c, p, kind, new double[] {ug}, 4)[0];
                    sb.append(String.format(" %.0f->%.3f", ug, r));
                }
                System.out.println(sb);
            }
            StringBuilder sb = new StringBuilder("  K1 1 week (Schurgers 2004 steps):");
            for (double ug : new double[] {50, 100, 150, 200, 250, 300, 500}) {
                sb.append(String.format(" %.0f->%.3f", ug,
                        VitaminKTargets.warfarinSupplementSynthesisRatio(c, p, Intake.Kind.VITAMIN_K1, new double[] {ug}, 1)[0]));
            }
            System.out.println(sb);
        }
        // dp-ucMGP after the stepped MK-7 regimen (10, 20, 45 ug/d, 2 weeks each) against warfarin alone
        VitaminKTargets.Run with = VitaminKTargets.Run.healthy(base, p);
        VitaminKTargets.Run alone = VitaminKTargets.Run.healthy(base, p);
        double before = with.dpUcMgp();
        double atStart = 0;
        for (int day = 0; day < 102; day++) {
            with.advanceTo(org.vascalc.core.units.Time.days(day));
            alone.advanceTo(org.vascalc.core.units.Time.days(day));
            if (day == 60) {
                atStart = with.dpUcMgp();
            }
            with.take(new Intake(Intake.Kind.WARFARIN, 5));
            alone.take(new Intake(Intake.Kind.WARFARIN, 5));
            if (day >= 60) {
                double ug = day < 74 ? 10 : day < 88 ? 20 : 45;
                with.take(new Intake(Intake.Kind.VITAMIN_MK7, org.vascalc.core.units.MolarMass.MENAQUINONE_7.ugToNmol(ug)));
            }
        }
        with.advanceTo(org.vascalc.core.units.Time.days(102));
        alone.advanceTo(org.vascalc.core.units.Time.days(102));
        System.out.printf("dp-ucMGP: no warfarin %.0f, day 60 %.0f, day 102 warfarin alone %.0f, with stepped MK-7 %.0f pmol/L%n",
                before, atStart, alone.dpUcMgp(), with.dpUcMgp());
        System.out.printf("warfarin alone, clottingFactorSynthesisRelative at day 60: %.4f (E25 %.4f)%n",
                VitaminKTargets.e25WarfarinVkh2Fraction(base, p), VitaminKTargets.e25WarfarinVkh2Fraction(base, p));
    }
}
