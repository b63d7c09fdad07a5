package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.wall.WallBlock;
import org.vascalc.simulation.Scenario;

/**
 * The FAST-rows-only evaluation of fast mode's drift guard and structural probes
 * ({@link org.vascalc.physiology.model.Block#addFastRates}, {@link AssembledModel#fastRowDerivatives})
 * gives the FAST rows of the full derivative call bit for bit: for the reference adult, CKD G4 and
 * G5 without labs, a man of 72 with diabetes on haemodialysis, with and without the wall, over
 * states spread around each patient's baseline (every state scaled by up to a factor 2, the gut
 * holding tablets, a binder and vitamin K) and over a decade of drivers. The wall's own FAST-row
 * call (its mineral sink alone) is checked to withdraw something, so the comparison covers it.
 */
class FastRowsTest {

    @Test
    void fastRowsEqualTheFullCallsBitForBit() {
        List<Scenario> scenarios = Scenarios.rowPatients();
        var parameters = ModelAssembly.defaultParameters();
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        int differing = 0;
        int wallSinks = 0;
        for (Scenario sc : scenarios) {
            for (boolean withWall : new boolean[] {true, false}) {
                AssembledModel model = InitialisedModels.assembled(parameters, sc, withWall);
                int n = model.dimension();
                double[] base = Scenarios.baselineWithGutLoaded(model, sc.patient());
                int caEcf = model.layout().index(MineralBlock.CA_ECF);
                double[] y = new double[n];
                double[] full = new double[n];
                double[] fastOnly = new double[n];
                double[] wallOnly = new double[n];
                for (int k = 0; k < 40; k++) {
                    for (int i = 0; i < n; i++) {
                        y[i] = k == 0 ? base[i] : base[i] * Math.exp(random.nextDouble(-0.7, 0.7));
                    }
                    double t = random.nextDouble(0, 10 * 365.25 * 24);
                    // in both orders, so that no remembered term of one call decides the other's bits
                    if (k % 2 == 0) {
                        model.derivatives(t, y, full);
                        model.fastRowDerivatives(t, y, fastOnly);
                    } else {
                        model.fastRowDerivatives(t, y, fastOnly);
                        model.derivatives(t, y, full);
                    }
                    for (int i : model.fastIndices()) {
                        compared++;
                        if (Double.doubleToRawLongBits(fastOnly[i]) != Double.doubleToRawLongBits(full[i])) {
                            differing++;
                        }
                    }
                    for (var b : model.blocks()) {
                        if (b instanceof WallBlock wall) {
                            Arrays.fill(wallOnly, 0.0);
                            wall.addFastRates(t, y, model.driversAt(t), wallOnly);
                            if (wallOnly[caEcf] < 0) {
                                wallSinks++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5000);
        assertThat(wallSinks).isGreaterThan(100);
        assertThat(differing).isZero();
    }

}
