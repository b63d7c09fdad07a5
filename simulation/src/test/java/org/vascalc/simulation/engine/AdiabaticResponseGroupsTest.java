package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Scenario;

/**
 * {@link AdiabaticResponse} differences its Jacobian blocks by groups of columns that touch disjoint
 * FAST rows from the second orbit on: the response {@code S}, {@code J_ff^-1} and the relaxation
 * times equal the column-by-column ones within rounding, over patients (with and without the wall)
 * and a sequence of orbits at moved states, at 1 + groups derivative calls per orbit instead of
 * 1 + FAST + entering columns. (On main, before the groups, every orbit cost 41 calls in the
 * reference adult; the counters asserted here do not exist there.)
 */
class AdiabaticResponseGroupsTest {

    @Test
    void groupedDifferencesGiveTheColumnByColumnResponseAtFewerCalls() {
        List<Scenario> scenarios = Scenarios.probePatients("adiabatic-groups");
        var parameters = ModelAssembly.defaultParameters();
        SplittableRandom random = new SplittableRandom(20261201);
        double worst = 0;
        for (Scenario sc : scenarios) {
            for (boolean wall : new boolean[] {false, true}) {
                AssembledModel model = InitialisedModels.assembled(parameters, sc, wall);
                int[] fast = model.fastIndices();
                int[] slow = model.slowIndices();
                double[] atol = model.absoluteTolerances();
                double[] base = InitialisedModels.initialState(model, sc.patient());
                AdiabaticResponse grouped = new AdiabaticResponse(model, fast, slow, atol);
                AdiabaticResponse columns = new AdiabaticResponse(model, fast, slow, atol, false);
                double[] y = base.clone();
                for (int orbit = 0; orbit < 5; orbit++) {
                    double t = orbit * 60 * 24.0;
                    for (int j : slow) {
                        y[j] *= Math.exp(random.nextDouble(-0.03, 0.03));
                    }
                    double[][] samples = InitialisedModels.orbitSamples(y, base, fast, random);
                    long before = grouped.differenceCalls();
                    grouped.update(t, samples, y);
                    columns.update(t, samples, y);
                    long calls = grouped.differenceCalls() - before;
                    int width = fast.length + grouped.entering().length;
                    if (orbit == 0) {
                        assertThat(calls).isEqualTo(columns.differenceCalls());
                    } else if (orbit >= 2) {
                        assertThat(grouped.groupCount()).isPositive().isLessThan(width);
                        assertThat(calls).isEqualTo(1 + grouped.groupCount());
                    }
                    worst = Math.max(worst, compare(grouped, columns, y, slow, fast.length, random));
                }
                System.out.printf("%s wall=%b: FAST %d, entering %d, groups %d%n", sc.conditions(), wall, fast.length,
                        grouped.entering().length, grouped.groupCount());
            }
        }
        System.out.println("worst relative difference, grouped vs column by column: " + worst);
        assertThat(worst).isLessThan(1e-8);
    }

    /** Largest difference of S dSlow, J_ff^-1 e_k and the relaxation times, relative to each vector's size. */
    private static double compare(AdiabaticResponse a, AdiabaticResponse b, double[] y, int[] slow, int nf,
            SplittableRandom random) {
        assertThat(a.entering()).isEqualTo(b.entering());
        double worst = 0;
        double[] moved = y.clone();
        for (int j : slow) {
            moved[j] *= Math.exp(random.nextDouble(-0.02, 0.02));
        }
        double[] outA = new double[nf];
        double[] outB = new double[nf];
        a.shift(moved, outA);
        b.shift(moved, outB);
        worst = Math.max(worst, relative(outA, outB));
        double[] forcing = new double[nf];
        for (int k = 0; k < nf; k++) {
            java.util.Arrays.fill(forcing, 0.0);
            forcing[k] = 1;
            a.forcingResponse(forcing, outA);
            b.forcingResponse(forcing, outB);
            worst = Math.max(worst, relative(outA, outB));
            double ta = a.relaxationTime(k);
            double tb = b.relaxationTime(k);
            if (Double.isFinite(tb)) {
                worst = Math.max(worst, Math.abs(ta - tb) / Math.abs(tb));
            } else {
                assertThat(ta).isEqualTo(tb);
            }
        }
        return worst;
    }

    private static double relative(double[] a, double[] b) {
        double size = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            size = Math.max(size, Math.abs(b[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff == 0 ? 0 : diff / size;
    }

}
