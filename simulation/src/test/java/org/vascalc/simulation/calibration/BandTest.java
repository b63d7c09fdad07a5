package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validation colours at their edges: green below 10 %, yellow below 30 %, red from 30 % (Pulse's bands). */
class BandTest {

    private static CalibrationTarget target(double value, double low, double high) {
        return CheckRunnerTest.target("B", CalibrationTarget.Use.CHECK, value, low, high);
    }

    @Test
    void tenAndThirtyPercentOpenTheNextBandOnEitherSide() {
        CalibrationTarget t = target(200, 150, 250);
        assertThat(Band.of(t, 219.9)).isEqualTo(Band.GREEN);
        assertThat(Band.of(t, 220)).isEqualTo(Band.YELLOW);
        assertThat(Band.of(t, 180.1)).isEqualTo(Band.GREEN);
        assertThat(Band.of(t, 180)).isEqualTo(Band.YELLOW);
        assertThat(Band.of(t, 259.9)).isEqualTo(Band.YELLOW);
        assertThat(Band.of(t, 260)).isEqualTo(Band.RED);
        assertThat(Band.of(t, 140)).isEqualTo(Band.RED);
        assertThat(Band.of(t, Double.NaN)).isEqualTo(Band.NOT_RUN);
        assertThat(Band.of(t, Double.NEGATIVE_INFINITY)).isEqualTo(Band.RED);
    }

    @Test
    void theSignedErrorIsRelativeToTheSizeOfANegativeTarget() {
        // (model - target) / |target|: -45 against -50 is 10 % above it, not below
        CalibrationTarget t = target(-50, -60, -40);
        assertThat(t.signedPercentError(-45)).isEqualTo(10.0);
        assertThat(t.signedPercentError(-55)).isEqualTo(-10.0);
        assertThat(Band.of(t, -45.5)).isEqualTo(Band.GREEN);
        assertThat(Band.of(t, -35)).isEqualTo(Band.RED);
    }

    @Test
    void aTargetOfZeroIsGreenInsideItsClosedToleranceAndRedOutside() {
        CalibrationTarget t = target(0, -0.5, 0.5);
        assertThat(t.signedPercentError(0.1)).isNaN();
        assertThat(Band.of(t, 0.5)).isEqualTo(Band.GREEN);
        assertThat(Band.of(t, -0.5)).isEqualTo(Band.GREEN);
        assertThat(Band.of(t, 0.5000001)).isEqualTo(Band.RED);
        assertThat(Band.of(t, -0.5000001)).isEqualTo(Band.RED);
        assertThat(t.accepts(0.5)).isTrue();
        assertThat(t.accepts(-0.5)).isTrue();
    }
}
