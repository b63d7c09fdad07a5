package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Scenario;

/**
 * What makes fast mode's diagonal of a group of the wall's SLOW states one call of the wall
 * ({@code FastRun.affineOnly}) exact: moving any SLOW state of a
 * {@link org.vascalc.physiology.model.MilieuAffine} block leaves the other blocks' rates (every row)
 * and the milieu the same bits, so the quadrature at the moved state differs only in the block's own
 * rows, at the same mean milieu. Checked for every such state over patients, spread states and a
 * decade of drivers; the benchmark decade's outputs and counters other than the derivative calls are
 * the same bits with and without the shortcut (docs/performance-log.md, "wallgap").
 */
class AffineDiagonalTest {

    @Test
    void movingAWallStateLeavesTheOtherBlocksRatesAndTheMilieuUnchanged() {
        List<Scenario> scenarios = Scenarios.probePatients("affine-diagonal");
        var parameters = ModelAssembly.defaultParameters();
        SplittableRandom random = new SplittableRandom(20261201);
        int owned = 0;
        int compared = 0;
        for (Scenario sc : scenarios) {
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters, true),
                    new DriverCourse(sc, parameters));
            int n = model.dimension();
            double[] base = new double[n];
            for (var b : model.blocks()) {
                b.initialise(sc.patient(), base);
            }
            int m = model.milieuSize();
            assertThat(m).isPositive();
            double[] y = new double[n];
            double[] plain0 = new double[n];
            double[] plain1 = new double[n];
            double[] milieu0 = new double[m];
            double[] milieu1 = new double[m];
            for (int k = 0; k < 10; k++) {
                for (int i = 0; i < n; i++) {
                    y[i] = k == 0 ? base[i] : base[i] * Math.exp(random.nextDouble(-0.7, 0.7));
                }
                double t = random.nextDouble(0, 10 * 365.25 * 24);
                model.plainDerivatives(t, y, plain0, milieu0);
                owned = 0;
                for (int i : model.slowIndices()) {
                    if (!model.ownedByAffine(i)) {
                        continue;
                    }
                    owned++;
                    double keep = y[i];
                    y[i] = 1.5 * keep + 1e-3;
                    model.plainDerivatives(t, y, plain1, milieu1);
                    y[i] = keep;
                    assertThat(plain1).as("other blocks' rates with state %d moved", i).isEqualTo(plain0);
                    assertThat(Arrays.equals(milieu1, milieu0)).as("milieu with state %d moved", i).isTrue();
                    compared++;
                }
            }
        }
        // the wall's 44 SLOW states (6 per bed in 7 beds and 8 more)
        assertThat(owned).isEqualTo(44);
        assertThat(compared).isEqualTo(3 * 10 * 44);
    }

}
