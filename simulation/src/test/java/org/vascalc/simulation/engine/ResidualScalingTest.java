package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The share of the last orbit's residual that a FAST state's next start guess carries
 * ({@link ResidualScaling}), on moves measured in the benchmark decade (closure scales; PTH at the
 * orbits of days 107 and 141: predicted -187.4 and -190.7, reached -151.7 and -154.4).
 */
class ResidualScalingTest {

    @Test
    void theResidualFollowsTheStatesOwnPredictedMove() {
        double residual = -151.7 - -187.4;
        double carried = ResidualScaling.ratio(-190.7, -187.4, 1, 0.2) * residual;
        // The guess -190.7 + carried misses the reached -154.4 by well under a closure scale;
        // the SLOW states' projection (0.2 here) would have left it tens of scales off.
        assertThat(-190.7 + carried).isCloseTo(-154.4, within(1.0));
    }

    @Test
    void aMoveUnderAClosureScaleFallsBackToTheSlowStatesProjection() {
        assertThat(ResidualScaling.ratio(3.0, 0.5, 1, 0.7)).isEqualTo(0.7);
        assertThat(ResidualScaling.ratio(3.0, Double.NaN, 1, 0.7)).isEqualTo(0.7);
    }

    @Test
    void theRatioIsBounded() {
        assertThat(ResidualScaling.ratio(-5.0, 2.0, 1, 0.7)).isZero();
        assertThat(ResidualScaling.ratio(100.0, 2.0, 1, 0.7)).isEqualTo(ResidualScaling.MAX_RATIO);
    }
}
