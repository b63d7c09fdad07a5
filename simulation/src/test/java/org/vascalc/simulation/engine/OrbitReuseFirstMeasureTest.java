package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link OrbitReuse#measureFirstBy} ({@link BiasProbe#firstMeasureHours}, layercheck, sixty-first session): a new
 * regimen's first orbit measured at the latest after the rule's hours, and the interval after that measurement set by
 * the measured error up to the restart's own first interval, not at most twofold; a measurement made earlier (by the
 * start drift guard) is the control's as today.
 */
class OrbitReuseFirstMeasureTest {

    private static final double DAY = 24;
    private static final double[] ATOL = {1e-9, 1e-9};
    /** An integrator (diagonal 0) and a state relaxing in 10 hours, as {@code OrbitReuseTest}. */
    private static final double[] DIAG = {0, -0.1};
    private static final double[] STATE = {100, 1};

    /** The restart, the rule at {@code ruleDays} (0: none), and one measurement after {@code ageDays} at {@code error} tolerances. */
    private static OrbitReuse measuredOnce(double ruleDays, double ageDays, double error) {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        if (ruleDays > 0) {
            r.measureFirstBy(ruleDays * DAY);
        }
        measure(r, ageDays * DAY, error);
        return r;
    }

    /** One measurement after {@code age} hours, {@code error} tolerances off on the integrator's flux. */
    private static void measure(OrbitReuse r, double age, double error) {
        // the integrator's scale: 3e-3 of its flux (1) plus of its state (100) over a year
        double scale = 3e-3 * (1.0 + 100 / OrbitReuse.HORIZON_HOURS) + 1e-9 / OrbitReuse.HORIZON_HOURS;
        r.predicted(new double[] {1.0, 0.0}, age);
        r.measured(new double[] {1.0 + r.trend(0, age) + error * scale, 0.0}, DIAG, STATE, ATOL, age, DAY);
    }

    @Test
    void theRuleMakesTheFirstOrbitDueByItsDaysAndLeavesALongerRestartIntervalAlone() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        r.measureFirstBy(14 * DAY);
        assertThat(r.interval()).isEqualTo(14 * DAY);
        assertThat(r.controlled()).isFalse();
        OrbitReuse longer = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        longer.restart();
        longer.measureFirstBy(90 * DAY);
        assertThat(longer.interval()).isEqualTo(60 * DAY);
    }

    @Test
    void theRulesMeasurementLetsTheIntervalGrowAsFarAsTheErrorAllowsUpToTheRestartsFirstInterval() {
        // 0.2 tolerances after 14 days, first order: the error allows 0.8 / 0.2 = 4 times, 56 days (twofold: 28)
        assertThat(measuredOnce(14, 14, 0.2).interval()).isEqualTo(56 * DAY);
        // no error: back to the restart's 60 days, not beyond (no fourfold 56 -> 112 from an onset's 14 days)
        assertThat(measuredOnce(14, 14, 0).interval()).isEqualTo(60 * DAY);
        // a large error shrinks it as the control always does
        assertThat(measuredOnce(14, 14, 8).interval()).isEqualTo(3 * DAY); // shrunk fourfold at most: 3.5 days, whole days
    }

    @Test
    void aMeasurementBeforeTheRulesDaysIsTheControlsAsToday() {
        // the start drift guard made the orbit due on day 3: twofold at most, with the rule or without
        assertThat(measuredOnce(14, 3, 0).interval()).isEqualTo(measuredOnce(0, 3, 0).interval()).isEqualTo(6 * DAY);
        assertThat(measuredOnce(14, 3, 0.2).interval()).isEqualTo(measuredOnce(0, 3, 0.2).interval());
    }

    @Test
    void afterTheRulesMeasurementTheTwofoldCapIsBackAndARestartForgetsTheRule() {
        OrbitReuse r = measuredOnce(14, 14, 0.2);
        measure(r, r.interval(), 0);
        assertThat(r.interval()).isEqualTo(112 * DAY);
        r.restart();
        assertThat(r.interval()).isEqualTo(60 * DAY);
        measure(r, 20 * DAY, 0);
        assertThat(r.interval()).isEqualTo(40 * DAY);
    }

    @Test
    void theSwitchIsOffByDefaultAndRejectsANegativeOrNonFiniteValue() {
        assertThat(BiasProbe.NONE.firstMeasureHours()).isZero();
        assertThat(BiasProbe.NONE.withFirstMeasure(14 * DAY).firstMeasureHours()).isEqualTo(14 * DAY);
        assertThat(BiasProbe.NONE.withFirstMeasure(14 * DAY).withInitialLayer(BiasProbe.LAYER_AT_MEAN)
                .firstMeasureHours()).isEqualTo(14 * DAY);
        assertThatThrownBy(() -> BiasProbe.NONE.withFirstMeasure(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first measurement -1.0 h");
        assertThatThrownBy(() -> BiasProbe.NONE.withFirstMeasure(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
