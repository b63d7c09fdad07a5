package org.vascalc.physiology.mineral;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): which haemodialysis labs the derivation can
 * start at (hdhold, docs/model/mineral.md "High PTH on dialysis: an enlarged gland" and "A low calcium on a
 * higher bath"). For a grid of calcium and PTH on the 1.25, 1.5 and 1.75 mmol/L baths (phosphate 1.68 mmol/L,
 * DOPPS's mean; 162 cm), prints per lab set "ok" with the gut's target (urine + dialysate exchange + secretion,
 * mmol/d) and the dialysate exchange (mmol/d, negative a gain), or the refusal: GLAND (the parathyroid glands
 * cannot secrete the PTH at rest) or GUT (the target below what the paracellular route alone absorbs, mmol/d).
 */
class DialysisStartGridRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        MineralBlock block = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = new StateLayout(List.of(block));
        block.bind(layout);
        for (double bath : new double[] {1.25, 1.5, 1.75}) {
            for (double ca : new double[] {1.7, 1.8, 1.9, 2.0, 2.1, 2.22, 2.4, 2.6}) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "bath %.2f Ca %.2f:", bath, ca));
                for (double pth : new double[] {100, 300, 500, 580, 590, 800, 1400, 1500}) {
                    Patient pt = new Patient("hd", 63, Sex.FEMALE, 70, 162, 40, OptionalDouble.of(ca),
                            OptionalDouble.of(1.68), OptionalDouble.of(pth), RiskFactors.typical());
                    Drivers d = new Drivers();
                    d.setEgfrMlPerMin(7);
                    d.setDietCalciumMmolPerHour(0);
                    d.setDietPhosphateMmolPerHour(32.3 / 24);
                    d.setHaemodialysis(true);
                    d.setDialysateCalciumMmolL(bath);
                    d.setResidualGfrMlPerMin(Double.NaN);
                    double dial = block.dialysedCalcium(ca, d) * 24;
                    double[] y = new double[layout.size()];
                    try {
                        block.initialise(pt, d, y);
                        row.append(String.format(Locale.ROOT, " [%4.0f ok target %.2f dial %.2f]", pth,
                                block.gutAbsorptionTarget(pt) * 24, dial));
                    } catch (RuntimeException e) {
                        String m = e.getMessage();
                        if (m.contains("parathyroid")) {
                            row.append(String.format(Locale.ROOT, " [%4.0f GLAND]", pth));
                            continue;
                        }
                        double target = Double.parseDouble(m.replaceAll(".*absorbs ([0-9.e-]+) mmol/h of.*", "$1"));
                        double para = Double.parseDouble(m.replaceAll(".*alone absorbs ([0-9.e-]+) mmol/h.*", "$1"));
                        row.append(String.format(Locale.ROOT, " [%4.0f GUT target %.2f para %.2f dial %.2f]", pth,
                                target * 24, para * 24, dial));
                    }
                }
                System.out.println(row);
            }
        }
    }
}
