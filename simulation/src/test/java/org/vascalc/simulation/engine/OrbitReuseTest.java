package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The reuse interval of fast-mode orbits behaves like an error-controlled step size. */
class OrbitReuseTest {

    private static final double DAY = 24;
    private static final double[] ATOL = {1e-9, 1e-9};

    /** Two SLOW states: an integrator (diagonal 0) and one relaxing with a 10-hour time constant. */
    private static final double[] DIAG = {0, -0.1};
    private static final double[] STATE = {100, 1};

    @Test
    void aFreshStartHasNoTrendAndTheFormerFixedAgeUntilAnErrorIsMeasured() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        assertThat(r.interval()).isEqualTo(60 * DAY);
        assertThat(r.controlled()).isFalse();
        assertThat(r.trend(0, 5 * DAY)).isZero();
        r.predicted(new double[] {1.0, 0.0}, DAY);
        r.measured(new double[] {1.0, 0.0}, DIAG, STATE, ATOL, DAY, DAY);
        assertThat(r.controlled()).isTrue();
    }

    @Test
    void anAccuratePredictionDoublesTheIntervalAndALargeErrorShrinksIt() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 10 * DAY);
        r.measured(new double[] {1.0, 0.0}, DIAG, STATE, ATOL, 10 * DAY, DAY);
        assertThat(r.interval()).isEqualTo(20 * DAY);
        assertThat(r.lastError()).isZero();

        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        // 10 % off on the integrator's flux: far above 3e-3, so the interval shrinks fourfold.
        r.measured(new double[] {1.1, 0.0}, DIAG, STATE, ATOL, 20 * DAY, DAY);
        assertThat(r.lastError()).isGreaterThan(10);
        assertThat(r.interval()).isEqualTo(5 * DAY);
    }

    @Test
    void theIntervalStaysWithinOnePeriodAndTheLongestAllowed() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 30 * DAY);
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        r.measured(new double[] {1.0, 0.0}, DIAG, STATE, ATOL, 20 * DAY, DAY);
        assertThat(r.interval()).isEqualTo(30 * DAY);
        r.predicted(new double[] {1.0, 0.0}, DAY);
        r.measured(new double[] {5.0, 0.0}, DIAG, STATE, ATOL, DAY, DAY);
        assertThat(r.interval()).isEqualTo(DAY);
    }

    @Test
    void theMissedChangeBecomesADampedTrendWithOneWeightForAllStates() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 10 * DAY);
        r.measured(new double[] {1.01, 0.02}, DIAG, STATE, ATOL, 10 * DAY, DAY);
        double w = OrbitReuse.TREND_WEIGHT;
        assertThat(r.trend(0, 10 * DAY)).isCloseTo(w * 0.01, Offset.offset(1e-12));
        assertThat(r.trend(1, 10 * DAY)).isCloseTo(w * 0.02, Offset.offset(1e-12));
        // The next prediction carries the trend; a change that follows it exactly leaves no error.
        r.predicted(new double[] {1.01, 0.0}, 10 * DAY);
        r.measured(new double[] {1.01 + w * 0.01, w * 0.02}, DIAG, STATE, ATOL, 10 * DAY, DAY);
        assertThat(r.lastError()).isLessThan(1e-9);
    }

    @Test
    void noTrendIsTakenFromOrbitsLessThanAWeekApart() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, DAY);
        r.measured(new double[] {1.05, 0.0}, DIAG, STATE, ATOL, DAY, DAY);
        assertThat(r.trend(0, DAY)).isZero();
    }
}
