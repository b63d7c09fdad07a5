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
    void aRunsLastIntervalRunsToItsEndWhereTheErrorControlReachesItWithinAQuarterOfTheCap() {
        // 20 days of accurate prediction: the control alone would allow 40 days, the cap 30.
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 30 * DAY);
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        r.measured(new double[] {1.0, 0.0}, DIAG, STATE, ATOL, 20 * DAY, DAY, 34.5 * DAY);
        assertThat(r.interval()).isEqualTo(35 * DAY);
        // the end beyond a quarter of the cap (37.5 days): the cap stays
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 20 * DAY);
        r.measured(new double[] {1.0, 0.0}, DIAG, STATE, ATOL, 20 * DAY, DAY, 38 * DAY);
        assertThat(r.interval()).isEqualTo(30 * DAY);
        // the control's own interval short of the end (10 days of age: 20 allowed): no stretch
        r.restart();
        r.predicted(new double[] {1.0, 0.0}, 10 * DAY);
        r.measured(new double[] {1.0, 0.0}, DIAG, STATE, ATOL, 10 * DAY, DAY, 25 * DAY);
        assertThat(r.interval()).isEqualTo(20 * DAY);
    }

    /** After a restart, the first measured interval: it spans a regimen's onset, so neither trend nor secant comes from it. */
    private static void firstInterval(OrbitReuse r, double[] state) {
        r.restart();
        r.orbitAt(state);
        tenDays(r, 1.0, 1.0, state);
        r.orbitAt(state);
    }

    /**
     * One interval of ten days ending at the SLOW states {@code state}: the integrator's flux predicted
     * and then measured (the relaxing state's flux 0 in both).
     */
    private static void tenDays(OrbitReuse r, double predicted, double measured, double[] state) {
        r.predicted(new double[] {predicted, 0.0}, state, 10 * DAY);
        r.measured(new double[] {measured, 0.0}, DIAG, state, ATOL, 10 * DAY, DAY);
    }

    @Test
    void aRestartsFirstIntervalSetsNeitherTrendNorSecant() {
        OrbitReuse r = withSecant();
        r.restart();
        double[] s0 = {100, 1.0};
        r.orbitAt(s0);
        double[] s1 = {100, 1.1};
        r.predicted(new double[] {1.0, 0.0}, s1, 10 * DAY);
        r.measured(new double[] {1.01, 0.02}, DIAG, s1, ATOL, 10 * DAY, DAY);
        r.orbitAt(s1);
        assertThat(r.trend(0, 10 * DAY)).isZero();
        assertThat(r.indirect(0, new double[] {100, 1.2}, 10 * DAY)).isZero();
        // The second interval's change is taken as a trend (and learnt by the secant).
        double[] s2 = {100, 1.2};
        r.predicted(new double[] {1.01, 0.0}, s2, 10 * DAY);
        r.measured(new double[] {1.02, 0.02}, DIAG, s2, ATOL, 10 * DAY, DAY);
        assertThat(r.trend(0, 10 * DAY)).isCloseTo(OrbitReuse.TREND_WEIGHT * 0.01, Offset.offset(1e-12));
    }

    /**
     * The interval grows beyond twofold (up to fourfold, as far as the error allows) only where the error
     * fell over each of the last two intervals although each was longer than the one before, each at least a
     * week ({@link OrbitReuse#DECAY_SPAN_HOURS}).
     */
    @Test
    void theIntervalGrowsBeyondTwofoldOnlyAfterTheErrorFellTwiceOverLongerIntervals() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 3650 * DAY);
        r.restart();
        double age = 10 * DAY;
        double[] errors = {0.1, 0.05, 0.01, 0.02};
        // 0.1 (first: twofold); 0.05 over a longer interval (one fall: twofold); 0.01 (the second fall: fourfold
        // of the eight the error allows); 0.02 (a rise: twofold again).
        double[] expected = {20 * DAY, 40 * DAY, 160 * DAY, 320 * DAY};
        assertIntervals(r, age, errors, expected);
    }

    /**
     * Falls of the error over intervals shorter than a week (the span over which {@link OrbitDrift} renews
     * the FAST lag) do not count: from one day, the interval doubles up to 16 days; the falls over 8 -> 16
     * and 16 -> 32 days then allow fourfold (the CKD G5 carbonate-binder year: docs/performance-log.md, `reusesafe`).
     */
    @Test
    void fallsOfTheErrorOverIntervalsShorterThanAWeekDoNotLetTheIntervalGrowBeyondTwofold() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 3650 * DAY);
        r.restart();
        double age = DAY;
        double[] errors = {0.1, 0.05, 0.02, 0.01, 0.005, 0.002};
        double[] expected = {2 * DAY, 4 * DAY, 8 * DAY, 16 * DAY, 32 * DAY, 128 * DAY};
        assertIntervals(r, age, errors, expected);
    }

    /**
     * With {@link FastSettings#reuseRules} off (the control before `reusesafe`, for comparisons) a restart's
     * first interval sets a trend and the interval never grows beyond twofold; the default has them on.
     */
    @Test
    void theRulesOffTakeATrendFromTheFirstIntervalAndKeepTheTwofoldCap() {
        assertThat(FastSettings.DEFAULT.reuseRules()).isTrue();
        assertThat(FastSettings.DEFAULT.withReuseRules(false).reuseRules()).isFalse();
        assertThat(FastSettings.DEFAULT.withReuseRules(false).withQuadratureSamples(12).reuseRules()).isFalse();
        boolean rules = FastSettings.DEFAULT.withReuseRules(false).reuseRules();
        OrbitReuse r = new OrbitReuse(2, new FluxSecant(2, new int[] {1}, new double[] {1}), 3e-3, 7 * DAY, 365 * DAY, rules);
        r.restart();
        double[] s0 = {100, 1.0};
        r.orbitAt(s0);
        double[] s1 = {100, 1.1};
        r.predicted(new double[] {1.0, 0.0}, s1, 10 * DAY);
        r.measured(new double[] {1.01, 0.02}, DIAG, s1, ATOL, 10 * DAY, DAY);
        assertThat(r.trend(0, 10 * DAY)).isCloseTo(OrbitReuse.TREND_WEIGHT * 0.01, Offset.offset(1e-12));
        OrbitReuse off = new OrbitReuse(2, null, 3e-3, 7 * DAY, 3650 * DAY, rules);
        off.restart();
        // The errors of theIntervalGrowsBeyondTwofoldOnlyAfterTheErrorFellTwiceOverLongerIntervals: twofold throughout.
        assertIntervals(off, 10 * DAY, new double[] {0.1, 0.05, 0.01, 0.02}, new double[] {20 * DAY, 40 * DAY, 80 * DAY, 160 * DAY});
    }

    @Test
    void theMissedChangeBecomesADampedTrendWithOneWeightForAllStates() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        firstInterval(r, STATE);
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

    /** A secant over the first SLOW state's flux by the second state (the only one that moves the orbit). */
    private static OrbitReuse withSecant() {
        return new OrbitReuse(2, new FluxSecant(2, new int[] {1}, new double[] {1}), 3e-3, 7 * DAY, 365 * DAY);
    }

    @Test
    void theSecantIsAppliedOnceItPredictedBetterThanTheTrendAndItsErrorThenSetsTheInterval() {
        OrbitReuse r = withSecant();
        double[] s0 = {100, 1.0};
        firstInterval(r, s0);
        assertThat(r.secantApplied()).isFalse();
        // The flux of state 0 rises by 0.01 per 0.1 of state 1: 1 % off, a first-order error.
        double[] s1 = {100, 1.1};
        tenDays(r, 1.0, 1.01, s1);
        r.orbitAt(s1);
        // Learnt, but not yet shown to be better than the trend (both predicted nothing here).
        assertThat(r.secantApplied()).isFalse();
        // Along the same line the secant is exact and the trend (damped) is not.
        double[] s2 = {100, 1.2};
        tenDays(r, 1.01, 1.02, s2);
        r.orbitAt(s2);
        assertThat(r.secantApplied()).isTrue();
        assertThat(r.indirect(0, new double[] {100, 1.3}, 10 * DAY)).isCloseTo(0.01, Offset.offset(1e-12));
        // Applied and exact again: no error, the interval doubles.
        double[] s3 = {100, 1.3};
        tenDays(r, 1.02, 1.03, s3);
        assertThat(r.lastError()).isLessThan(1e-9);
        assertThat(r.interval()).isEqualTo(20 * DAY);
    }

    @Test
    void aSecantThatPredictedWorseThanTheTrendIsNotAppliedNext() {
        OrbitReuse r = withSecant();
        firstInterval(r, new double[] {100, 1.0});
        double[] s1 = {100, 1.1};
        tenDays(r, 1.0, 1.01, s1);
        r.orbitAt(s1);
        double[] s2 = {100, 1.2};
        tenDays(r, 1.01, 1.02, s2);
        r.orbitAt(s2);
        assertThat(r.secantApplied()).isTrue();
        // State 1 turns back while the flux keeps rising: the secant predicts a fall, the trend a rise.
        double[] s3 = {100, 1.1};
        tenDays(r, 1.02, 1.03, s3);
        assertThat(r.secantApplied()).isFalse();
        assertThat(r.indirect(0, s3, 10 * DAY)).isEqualTo(r.trend(0, 10 * DAY));
    }

    /**
     * The integrator (state 0) enters no FAST derivative (not a column of the secant): an error of two
     * tolerances at the end of a first interval (no trend: first order) is one tolerance in the mean it
     * carries, so the interval keeps 0.8 of its length instead of 0.4. The relaxing state (a column:
     * it moves the orbit) and the integrator without a secant (nothing known) keep the end error.
     */
    @Test
    void anIntegratorThatEntersNoFastDerivativeIsControlledByItsMeanError() {
        double[] integratorOff = {1.0061, 0.0};
        double[] relaxingOff = {1.0, 6e-4};
        assertThat(firstControlledInterval(new FluxSecant(2, new int[] {1}, new double[] {1.0}), integratorOff))
                .isEqualTo(48 * DAY);
        assertThat(firstControlledInterval(null, integratorOff)).isEqualTo(24 * DAY);
        assertThat(firstControlledInterval(new FluxSecant(2, new int[] {1}, new double[] {1.0}), relaxingOff))
                .isEqualTo(24 * DAY);
    }

    private static double firstControlledInterval(FluxSecant secant, double[] average) {
        OrbitReuse r = new OrbitReuse(2, secant, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        r.orbitAt(STATE);
        r.predicted(new double[] {1.0, 0.0}, STATE, 60 * DAY);
        r.measured(average, DIAG, STATE, ATOL, 60 * DAY, DAY);
        // About two tolerances, either way.
        assertThat(r.lastError()).isBetween(1.9, 2.1);
        return r.interval();
    }

    /** The weight: the mean (1/(p+1)) for a slowly relaxing state, the relaxation-filtered end error for a fast one. */
    @Test
    void theCarriedErrorIsTheMeanForASlowStateAndTheEndErrorForAFastOne() {
        assertThat(OrbitReuse.stateWeight(0, 1)).isEqualTo(0.5);
        assertThat(OrbitReuse.stateWeight(1e-3, 2)).isEqualTo(1.0 / 3);
        // x = kappa h = 2, first order: 1 - (1 - e^-2) / 2.
        assertThat(OrbitReuse.stateWeight(2, 1)).isCloseTo(1 - (1 - Math.exp(-2)) / 2, Offset.offset(1e-12));
        assertThat(OrbitReuse.stateWeight(200, 2)).isCloseTo(1, Offset.offset(0.011));
        assertThat(OrbitReuse.stateWeight(200, 2)).isLessThanOrEqualTo(1);
    }

    /**
     * Measures, from an interval of {@code age} hours, errors of {@code errors} tolerances (on the
     * integrator's flux; its scale: 3e-3 of the flux plus of its state over a year) one after another,
     * each over the interval the last one set, and checks each next interval.
     */
    private static void assertIntervals(OrbitReuse r, double age, double[] errors, double[] expected) {
        double scale = 3e-3 * (1.0 + 100 / OrbitReuse.HORIZON_HOURS) + 1e-9 / OrbitReuse.HORIZON_HOURS;
        for (int k = 0; k < errors.length; k++) {
            r.predicted(new double[] {1.0, 0.0}, age);
            r.measured(new double[] {1.0 + r.trend(0, age) + errors[k] * scale, 0.0}, DIAG, STATE, ATOL, age, DAY);
            assertThat(r.interval()).isEqualTo(expected[k]);
            age = r.interval();
        }
    }
}
