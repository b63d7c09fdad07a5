package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Scenario;

/**
 * The SLOW-rows-only evaluation of fast mode's quadrature ({@link org.vascalc.physiology.model.Block#addSlowRates},
 * {@link AssembledModel#slowDerivatives}, {@link AssembledModel#plainSlowDerivatives}) gives the SLOW rows
 * (and the milieu) of the full derivative call: for the reference adult, CKD G4 and G5 without labs,
 * a man of 72 with diabetes on haemodialysis, with and without the wall, over states spread around
 * each patient's baseline (every state scaled by up to a factor 2, so FAST and SLOW states far from
 * their orbits, the gut holding tablets, a binder and vitamin K), and over a decade of drivers.
 */
class SlowRatesTest {

    @Test
    void slowRowsEqualTheFullCallsOverPatientsStatesAndDrivers() {
        List<Scenario> scenarios = Scenarios.rowPatients();
        var parameters = ModelAssembly.defaultParameters();
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        double worst = 0;
        for (Scenario sc : scenarios) {
            for (boolean withWall : new boolean[] {true, false}) {
                AssembledModel model = InitialisedModels.assembled(parameters, sc, withWall);
                int n = model.dimension();
                double[] base = Scenarios.baselineWithGutLoaded(model, sc.patient());
                int milieuSize = model.milieuSize();
                double[] y = new double[n];
                double[] full = new double[n];
                double[] slowOnly = new double[n];
                double[] plain = new double[n];
                double[] milieuFull = new double[Math.max(1, milieuSize)];
                double[] milieuSlow = new double[Math.max(1, milieuSize)];
                for (int k = 0; k < 40; k++) {
                    for (int i = 0; i < n; i++) {
                        y[i] = k == 0 ? base[i] : base[i] * Math.exp(random.nextDouble(-0.7, 0.7));
                    }
                    double t = random.nextDouble(0, 10 * 365.25 * 24);
                    model.derivatives(t, y, full);
                    model.slowDerivatives(t, y, slowOnly);
                    for (int i : model.slowIndices()) {
                        worst = Math.max(worst, relative(slowOnly[i], full[i]));
                        compared++;
                    }
                    if (milieuSize > 0) {
                        model.plainDerivatives(t, y, plain, milieuFull);
                        model.plainSlowDerivatives(t, y, slowOnly, milieuSlow);
                        for (int i : model.slowIndices()) {
                            worst = Math.max(worst, relative(slowOnly[i], plain[i]));
                        }
                        for (int c = 0; c < milieuSize; c++) {
                            worst = Math.max(worst, relative(milieuSlow[c], milieuFull[c]));
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        // The same expressions in the same order: bit-identical today; 1e-12 leaves room for a
        // reordering that only rounds differently.
        assertThat(worst).isLessThan(1e-12);
    }

    private static double relative(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }

}
