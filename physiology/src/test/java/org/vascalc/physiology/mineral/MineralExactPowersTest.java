package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * The mineral block's derivative call takes exact algebraic forms where a catalog exponent makes a
 * power trivial (docs/performance-log.md, "percall"): the bone efflux's exponent 1 (the ratio itself),
 * FGF23's ratio^-0.5 on 1-alpha-hydroxylase (one square root) and the phosphate stimulus' exponent 1.
 * The oracle is the block's own general path: the same catalog with those exponents one unit in the last
 * place away (so the call takes {@code Math.pow} and the remembered powers), which must give the same
 * rates within 1e-12 relative, at random plausible states and drivers, in orbit-like sequences of small
 * steps of the FAST states and in jumps; and the same baseline. Relative to the size of the row over
 * all calls for a patient: a rate that is a difference of nearly equal terms (a balance near its steady
 * state) cancels, and the 1e-16 of a term is then more of the difference. (Replaces a frozen 740-line
 * copy of the block, MineralBlockBeforePercall, that had to be kept in step with every model change.)
 */
class MineralExactPowersTest {

    private static final double RELATIVE = 1e-12;

    private static Patient person(String id, Sex sex, double height, double egfr, Double ca, Double po4, Double pth) {
        return new Patient(id, 60, sex, 75, height, egfr, optional(ca), optional(po4), optional(pth), RiskFactors.typical());
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Test
    void theExactFormsGiveTheRatesOfTheGeneralPowers() {
        SplittableRandom random = new SplittableRandom(20261130);
        ParameterCatalog catalog = MineralBlock.defaultParameters();
        // the exponents that make the forms exact: efflux 0.5 x 2 / (2 - 1) = 1, FGF23 on the hydroxylase
        // 0.5 (Peterson & Riggs' law, calcitriolRegulationOn 0), phosphate stimulus 1
        assertThat(catalog.value("boneEffluxPthGamma") * catalog.value("boneEffluxPthMax")
                / (catalog.value("boneEffluxPthMax") - 1)).isEqualTo(1.0);
        assertThat(catalog.value("calcitriolRegulationOn")).isZero();
        assertThat(catalog.value("fgf23HydroxylaseGamma")).isEqualTo(0.5);
        assertThat(catalog.value("fgf23PhosphateGamma")).isEqualTo(1.0);
        ParameterCatalog general = catalog.with(java.util.Map.of(
                "boneEffluxPthGamma", Math.nextUp(catalog.value("boneEffluxPthGamma")),
                "fgf23HydroxylaseGamma", Math.nextUp(0.5),
                "fgf23PhosphateGamma", Math.nextUp(1.0)));
        int differingCalls = 0;
        for (Patient patient : List.of(Patient.referenceAdult(),
                person("g3b", Sex.MALE, 176, 35, 2.25, 1.40, 120.0),
                person("g4", Sex.FEMALE, 160, 22, null, null, null),
                person("hi", Sex.MALE, 190, 90, 2.55, 1.0, 20.0))) {
            MineralBlock now = new MineralBlock(catalog);
            MineralBlock before = new MineralBlock(general);
            StateLayout layout = new StateLayout(List.of(now));
            now.bind(layout);
            before.bind(layout);
            double[] y0 = new double[layout.size()];
            double[] yBefore = new double[layout.size()];
            now.initialise(patient, y0);
            before.initialise(patient, yBefore);
            for (int i = 0; i < y0.length; i++) {
                assertThat(y0[i]).as("baseline of %s, %s", patient.id(), layout.variable(i).id())
                        .isCloseTo(yBefore[i], org.assertj.core.api.Assertions.within(RELATIVE * Math.abs(yBefore[i])));
            }

            Drivers drivers = new Drivers();
            double[] y = new double[y0.length];
            List<double[][]> calls = new ArrayList<>();
            for (int state = 0; state < 60; state++) {
                // a plausible state: every state within ±30 % of the baseline, a dose somewhere in the gut
                for (int i = 0; i < y.length; i++) {
                    y[i] = y0[i] * (1 + random.nextDouble(-0.3, 0.3));
                }
                y[layout.index("mineral.caStomach")] += random.nextDouble(0, 12);
                y[layout.index("mineral.caTablet")] += random.nextInt(3) == 0 ? random.nextDouble(0, 12) : 0;
                y[layout.index("mineral.fgf23")] *= random.nextDouble(0.5, 4); // above and below baseline
                drivers.setEgfrMlPerMin(random.nextDouble(8, 120));
                drivers.setHaemodialysis(random.nextInt(8) == 0);
                // on dialysis: the catalog's residual GFR (NaN) or the condition's, anuric included
                drivers.setResidualGfrMlPerMin(random.nextBoolean() ? Double.NaN : random.nextDouble(0, 5));
                drivers.setDietPhosphateMmolPerHour(random.nextDouble(0, 2));
                // an orbit: small steps of every FAST state, the SLOW ones frozen
                for (int step = 0; step < 20; step++) {
                    for (int i = 0; i < y.length; i++) {
                        if (layout.variable(i).timeScale() == org.vascalc.physiology.model.TimeScale.FAST) {
                            y[i] *= 1 + random.nextDouble(-2e-3, 2e-3);
                        }
                    }
                    calls.add(rates(now, before, y, drivers));
                }
            }
            double[] rowSize = new double[y.length];
            for (double[][] call : calls) {
                for (int i = 0; i < y.length; i++) {
                    rowSize[i] = Math.max(rowSize[i], Math.abs(call[1][i]));
                }
            }
            for (int c = 0; c < calls.size(); c++) {
                double[] a = calls.get(c)[0];
                double[] b = calls.get(c)[1];
                differingCalls += java.util.Arrays.equals(a, b) ? 0 : 1;
                for (int i = 0; i < a.length; i++) {
                    assertThat(Math.abs(a[i] - b[i])).as("%s call %d, %s: %s vs %s", patient.id(), c,
                            layout.variable(i).id(), a[i], b[i]).isLessThanOrEqualTo(RELATIVE * rowSize[i]);
                }
            }
        }
        // the two blocks took different paths: most calls differ in their last bits
        assertThat(differingCalls).as("calls whose rates differ in some bit").isGreaterThan(1000);
    }

    private static double[][] rates(MineralBlock now, MineralBlock before, double[] y, Drivers drivers) {
        double[] a = new double[y.length];
        double[] b = new double[y.length];
        now.addRates(0, y, drivers, a);
        before.addRates(0, y, drivers, b);
        return new double[][] {a, b};
    }
}
