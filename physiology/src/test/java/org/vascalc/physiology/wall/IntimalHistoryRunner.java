package org.vascalc.physiology.wall;

import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * Prints the coronary intimal mineral of the haemodialysis example's patient (woman, eGFR 7, phosphate
 * 1.9 mmol/L) at the end of the wall's history for ages 35 to 63, at several surface-growth rates;
 * developer aid for docs/model/sensitivity-audit.md item 1, on request only ({@code -Dvascalc.scratch=true}).
 * Each age is the baseline of the same person seen at that age (CKD in the ten years before it).
 */
class IntimalHistoryRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void printReferencePeople() {
        WallBlock wall = new WallBlock();
        System.out.println("  who                  plaque mm3  micro mg  macro mg  macro/plaque  (micro+macro)/plaque");
        for (double age : new double[] {45, 55, 65, 75, 84}) {
            for (Patient pt : new Patient[] {TestPatients.woman(age), TestPatients.man(age), TestPatients.diabeticSmoker(age),
                    TestPatients.ckd3(age), TestPatients.haemodialysis(age)}) {
                double[] s = wall.integrateHistory(pt, Susceptibility.TYPICAL);
                double[] c = coronary(s);
                double v = c[0];
                double mu = c[1];
                double mac = c[2];
                System.out.printf("  %-20s %10.1f %9.2f %9.4g %9.3f %9.3f%n", pt.id(), v, mu, mac, mac / v, (mac + mu) / v);
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void printHistory() {
        for (double ks : new double[] {0.011656, 0.05, 0.1, 0.2}) {
            ParameterCatalog catalog = WallBlock.defaultCatalog().with(Map.of("macroSurfaceGrowthPerYear", ks));
            WallBlock wall = new WallBlock(catalog, Susceptibility.TYPICAL);
            System.out.printf("k_s %.4f/y%n  age  plaque mm3  micro mg  macro mg  macro/plaque mg/mm3%n", ks);
            for (double age = 35; age <= 63.001; age += age < 60 ? 5 : 3) {
                Patient hd = new Patient("hd", age, Sex.FEMALE, 70, 162, 7, OptionalDouble.empty(),
                        OptionalDouble.of(1.9), OptionalDouble.empty(), RiskFactors.typical());
                double[] s = wall.integrateHistory(hd, Susceptibility.TYPICAL);
                double[] c = coronary(s);
                double v = c[0];
                double mu = c[1];
                double mac = c[2];
                System.out.printf("  %4.0f %10.1f %9.2f %9.4g %9.4g%n", age, v, mu, mac, mac / v);
            }
        }
    }

    /** Plaque volume (mm³), microcalcium and macrocalcium (mg) summed over the coronary beds of a wall state. */
    private static double[] coronary(double[] s) {
        double[] c = new double[3];
        for (Bed b : Bed.values()) {
            if (b.coronary()) {
                c[0] += s[b.ordinal() * WallBlock.PER_BED + WallBlock.PLAQUE];
                c[1] += s[b.ordinal() * WallBlock.PER_BED + WallBlock.MICRO];
                c[2] += s[b.ordinal() * WallBlock.PER_BED + WallBlock.MACRO];
            }
        }
        return c;
    }
}
