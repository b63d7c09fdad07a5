package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link OrbitReuse#stateWeight} against its definition (the class comment): a flux error growing from
 * zero at the orbit as {@code (s/h)^p} over an interval {@code h}, carried by a state relaxing at rate
 * {@code kappa}, leaves at the interval's end {@code G(x) = x int_0^1 e^(-x (1 - u)) u^p du} of the end
 * error ({@code x = kappa h}); the weight is the larger of G and the mean {@code 1 / (p + 1)}, at most 1.
 * G is computed here by Simpson's rule, not from the closed form the class uses. The existing test
 * read the second order only where the mean or the cap decides.
 */
class OrbitReuseStateWeightTest {

    /** {@code x int_0^1 e^(-x (1 - u)) u^p du} by composite Simpson's rule (2000 intervals: error below 1e-12 here). */
    private static double carried(double x, int p) {
        int n = 2000;
        double h = 1.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double u = i * h;
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * Math.exp(-x * (1 - u)) * Math.pow(u, p);
        }
        return x * sum * h / 3;
    }

    @Test
    void theSecondOrderWeightIsTheRelaxationFilteredEndErrorWhereItExceedsTheMean() {
        for (double x : new double[] {2, 5, 20}) {
            double g = carried(x, 2);
            assertThat(g).isGreaterThan(1.0 / 3);
            assertThat(OrbitReuse.stateWeight(x, 2)).as("x = %s", x).isCloseTo(g, within(1e-9));
        }
    }

    @Test
    void theFirstOrderWeightFollowsTheSameIntegral() {
        for (double x : new double[] {2, 5, 20}) {
            assertThat(OrbitReuse.stateWeight(x, 1)).as("x = %s", x).isCloseTo(carried(x, 1), within(1e-9));
        }
    }

    @Test
    void belowTheMeanTheMeanIsTaken() {
        // G(0.5) is 0.213 (first order) and 0.148 (second), below the means 1/2 and 1/3.
        assertThat(carried(0.5, 1)).isLessThan(0.5);
        assertThat(carried(0.5, 2)).isLessThan(1.0 / 3);
        assertThat(OrbitReuse.stateWeight(0.5, 1)).isEqualTo(0.5);
        assertThat(OrbitReuse.stateWeight(0.5, 2)).isEqualTo(1.0 / 3);
    }
}
