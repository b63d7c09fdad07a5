package org.vascalc.physiology.mineral;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.StateLayout;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): which PTH a CKD patient off dialysis who
 * brings labs can start at (ckdgland, docs/model/mineral.md "High PTH off dialysis"). For CKD G3b, G4 and G5
 * (eGFR 40, 22, 10 mL/min) and a grid of calcium and phosphate, prints per PTH "ok" with the gland's starting
 * capacity, or the refusal (GLAND: the parathyroid glands cannot secrete it at rest; GUT: any other), and the
 * highest PTH that starts (bisection to 0.1 pg/mL).
 */
class CkdGlandGridRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        MineralBlock block = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = new StateLayout(List.of(block));
        block.bind(layout);
        int capacity = layout.index("mineral.glandCapacity");
        String message = null;
        for (double egfr : new double[] {40, 22, 10}) {
            for (double ca : new double[] {2.1, 2.3, 2.5}) {
                for (double po4 : new double[] {1.0, 1.5, 2.0}) {
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "eGFR %2.0f Ca %.1f P %.1f:", egfr, ca, po4));
                    for (double pth : new double[] {300, 500, 586, 588, 600, 700, 1000, 1400, 1445, 1447}) {
                        double[] y = new double[layout.size()];
                        try {
                            block.initialise(patient(egfr, ca, po4, pth), y);
                            row.append(String.format(Locale.ROOT, " %4.0f ok %.3f", pth, y[capacity]));
                        } catch (RuntimeException e) {
                            row.append(String.format(Locale.ROOT, " %4.0f %s", pth,
                                    e.getMessage().contains("parathyroid") ? "GLAND" : "GUT"));
                            if (message == null && pth > 586) {
                                message = e.getMessage();
                            }
                        }
                    }
                    double lo = 100, hi = 3000;
                    while (hi - lo > 0.1) {
                        double mid = (lo + hi) / 2;
                        try {
                            block.initialise(patient(egfr, ca, po4, mid), new double[layout.size()]);
                            lo = mid;
                        } catch (RuntimeException e) {
                            hi = mid;
                        }
                    }
                    row.append(String.format(Locale.ROOT, " | highest start %.1f", lo));
                    System.out.println(row);
                }
            }
        }
        System.out.println("first refusal above 586: " + message);
        for (double egfr : new double[] {90, 40, 22, 10}) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "LOW eGFR %2.0f Ca 2.3 P 1.4:", egfr));
            String low = null;
            for (double pth : new double[] {1, 2, 3, 5, 7, 10, 15, 20}) {
                try {
                    block.initialise(patient(egfr, 2.3, 1.4, pth), new double[layout.size()]);
                    row.append(String.format(Locale.ROOT, " %.0f ok", pth));
                } catch (RuntimeException e) {
                    row.append(String.format(Locale.ROOT, " %.0f refused", pth));
                    low = e.getMessage();
                }
            }
            System.out.println(row + " | " + low);
        }
    }

    private static Patient patient(double egfr, double ca, double po4, double pth) {
        return new Patient("ckd", 63, Sex.FEMALE, 70, 162, egfr, OptionalDouble.of(ca), OptionalDouble.of(po4),
                OptionalDouble.of(pth), RiskFactors.typical());
    }
}
