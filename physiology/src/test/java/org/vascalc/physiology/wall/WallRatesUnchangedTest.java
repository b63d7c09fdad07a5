package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.vitamink.VitaminKBlock;

/**
 * The wall's derivative call, made cheaper (exponentials of age from {@code GridExp}, the plaque-growth
 * factors remembered one by one, the MGP Hill constant computed once), gives the rates of the formulas
 * as they were ({@link WallBlockBeforeGridExp}) within 1e-12 relative, at random plausible states and
 * drivers, in orbit-like sequences of small time steps and in jumps. Relative to the size of the row
 * over all states of a patient: a rate that is the difference of two nearly equal terms (plaque
 * growth minus statin regression) cancels, and the 1e-15 of a term is then more of the difference.
 */
class WallRatesUnchangedTest {

    private static final double RELATIVE = 1e-12;

    @Test
    void ratesMatchTheFormulasBeforeAtRandomPlausibleStates() {
        SplittableRandom random = new SplittableRandom(20261130);
        for (Patient patient : List.of(Patient.referenceAdult(), TestPatients.ckd3(66), TestPatients.diabeticSmoker(58),
                TestPatients.haemodialysis(71), TestPatients.woman(45))) {
            WallBlock now = new WallBlock();
            WallBlockBeforeGridExp before = new WallBlockBeforeGridExp(WallBlock.defaultCatalog(),
                    new Susceptibility(1, 1));
            List<Block> blocks = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock(), now);
            StateLayout layout = new StateLayout(blocks);
            blocks.forEach(b -> b.bind(layout));
            before.bind(layout);
            double[] y0 = new double[layout.size()];
            blocks.forEach(b -> b.initialise(patient, y0));
            double[] yBefore = y0.clone();
            before.initialise(patient, yBefore);
            for (int i = 0; i < y0.length; i++) {
                // the wall's history (its state at the patient's age) integrates the same rates
                assertThat(Math.abs(yBefore[i] - y0[i])).as("initial state %d", i)
                        .isLessThanOrEqualTo(RELATIVE * Math.abs(y0[i]));
            }

            Drivers drivers = new Drivers();
            double[] y = new double[y0.length];
            java.util.List<double[][]> calls = new java.util.ArrayList<>();
            for (int state = 0; state < 40; state++) {
                // a plausible state: every state within ±30 % of the patient's baseline, the wall grown
                for (int i = 0; i < y.length; i++) {
                    y[i] = y0[i] * (1 + random.nextDouble(-0.3, 0.3)) + (i >= layout.offset(WallBlock.ID)
                            ? random.nextDouble(0, 5) : 0);
                }
                drivers.setEgfrMlPerMin(random.nextDouble(10, 110));
                drivers.setHaemodialysis(random.nextInt(6) == 0);
                drivers.setDiabetes(random.nextBoolean());
                drivers.setStatinIntensity(random.nextInt(3) / 2.0);
                double age = patient.ageYears() + random.nextDouble(0, 25);
                // an orbit: a day's small steps of time (and of the FAST serum calcium and phosphate)
                for (int step = 0; step < 20; step++) {
                    drivers.setAgeYears(age + step * random.nextDouble(0, 2e-4));
                    y[layout.index(WallBlock.CALCIUM_STATE)] *= 1 + random.nextDouble(-1e-3, 1e-3);
                    y[layout.index(WallBlock.PHOSPHATE_STATE)] *= 1 + random.nextDouble(-1e-3, 1e-3);
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
                for (int i = 0; i < a.length; i++) {
                    assertThat(Math.abs(a[i] - b[i])).as("%s call %d, row %d: %s vs %s", patient.id(), c, i, a[i], b[i])
                            .isLessThanOrEqualTo(RELATIVE * rowSize[i]);
                }
            }
        }
    }

    /** The rates of the wall now and before at one state (this call's and the previous ones' inputs). */
    private static double[][] rates(WallBlock now, WallBlockBeforeGridExp before, double[] y, Drivers drivers) {
        double[] a = new double[y.length];
        double[] b = new double[y.length];
        now.addRates(0, y, drivers, a);
        before.addRates(0, y, drivers, b);
        return new double[][] {a, b};
    }
}
