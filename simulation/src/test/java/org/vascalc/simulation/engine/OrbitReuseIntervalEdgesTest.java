package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Edges of {@link OrbitReuse}'s interval control that {@code OrbitReuseTest} does not reach: the carried
 * error of a passive state that relaxes within the interval (its weight at {@code x = kappa h}, not at an
 * integrator's {@code x = 0}), and a run's last interval that reaches the run's end exactly (whole periods,
 * the stretch's bounds inclusive as its Javadoc states them).
 */
class OrbitReuseIntervalEdgesTest {

    private static final double DAY = 24;
    private static final double[] ATOL = {1e-9, 1e-9};
    private static final double[] STATE = {100, 1};
    /** The interval control's safety factor: "keeps 0.8 of its length" at one tolerance (OrbitReuseTest). */
    private static final double SAFETY = 0.8;

    /**
     * State 0 enters no FAST derivative (not a column of the secant) and relaxes with a 100-hour time
     * constant: over a first interval of 60 days, {@code x = 0.01/h * 1440 h = 14.4}, and the end error it
     * carries is {@code G(x) = 1 - (1 - e^-x) / x} (first order: no trend yet), 0.93, not the mean 0.5 of an
     * integrator. An error of about two tolerances then keeps {@code 0.8 / (2 * 0.93)} of the interval.
     */
    @Test
    void aPassiveStateRelaxingWithinTheIntervalCarriesItsFilteredEndError() {
        double[] diag = {-0.01, -0.1};
        OrbitReuse r = new OrbitReuse(2, new FluxSecant(2, new int[] {1}, new double[] {1.0}), 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        r.orbitAt(STATE);
        double age = 60 * DAY;
        r.predicted(new double[] {1.0, 0.0}, STATE, age);
        // the flux scale (OrbitReuse.measured): atol kappa + tol (|average| + kappa |state|), kappa = 0.01/h
        double scale = 1e-9 * 0.01 + 3e-3 * (1.0 + 0.01 * 100);
        r.measured(new double[] {1.0 + 2 * scale, 0.0}, diag, STATE, ATOL, age, DAY);
        double e = r.lastError();
        assertThat(e).isBetween(1.95, 2.05);
        double x = 0.01 * age;
        double g = 1 - (1 - Math.exp(-x)) / x;
        double expected = Math.floor(age * SAFETY / (e * g) / DAY) * DAY;
        assertThat(expected).isEqualTo(25 * DAY);
        assertThat(r.interval()).isEqualTo(expected);
    }

    /**
     * 20 days of accurate prediction: the control alone would allow 40 days, the cap is 32. The run's end
     * 34 days on (a whole number of periods) is reached in 34 days, not 35; an end exactly at the
     * control's 40 days, which is also exactly a quarter beyond the cap, is still reached.
     */
    @Test
    void aLastIntervalReachesAnEndOnThePeriodGridAndTheStretchBoundsAreInclusive() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 32 * DAY);
        double[] diag = {0, -0.1};
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        r.measured(new double[] {1.0, 0.0}, diag, STATE, ATOL, 20 * DAY, DAY, 34 * DAY);
        assertThat(r.interval()).isEqualTo(34 * DAY);
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        r.measured(new double[] {1.0, 0.0}, diag, STATE, ATOL, 20 * DAY, DAY, 40 * DAY);
        assertThat(r.interval()).isEqualTo(40 * DAY);
        // a hair beyond: the cap
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        r.measured(new double[] {1.0, 0.0}, diag, STATE, ATOL, 20 * DAY, DAY, 40.5 * DAY);
        assertThat(r.interval()).isEqualTo(32 * DAY);
    }
}
