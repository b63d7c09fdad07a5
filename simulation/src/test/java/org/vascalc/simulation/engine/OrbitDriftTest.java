package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link OrbitDrift}'s lag worked by hand from its contract on a stand-in response: the slope between
 * orbit means at least {@link OrbitDrift#MIN_SPAN_HOURS} apart, carried forward from the slope's
 * midpoint to the new orbit along the trend of the last two slopes, never past zero, at most twice the
 * slope, none after a second reversal of the slope's sign in a row that grows, only for states that relax
 * over at least {@link OrbitDrift#MIN_LAG_HOURS}, at most
 * {@link OrbitDrift#MAX_LAG} of the mean; each mean first cleared of the orbit's response to the rate
 * it was computed with. Two FAST states at model indices 2 and 0 (of three), so that the FAST position
 * and the model index differ; the orbits' samples average to the given means.
 */
class OrbitDriftTest {

    private static final double TOL = 1e-12;

    /** A response with given relaxation times whose orbit does not move under a forcing (out = 0). */
    private record Still(double... tau) implements OrbitDrift.Response {
        @Override
        public void forcingResponse(double[] forcing, double[] out) {
            java.util.Arrays.fill(out, 0.0);
        }

        @Override
        public double relaxationTime(int k) {
            return tau[k];
        }
    }

    /** x' = -x / tau per state (J_ff diagonal -1/tau): a constant forcing f moves the mean by J^-1 f = -tau f. */
    private record Linear(double... tau) implements OrbitDrift.Response {
        @Override
        public void forcingResponse(double[] forcing, double[] out) {
            for (int k = 0; k < tau.length; k++) {
                out[k] = -tau[k] * forcing[k];
            }
        }

        @Override
        public double relaxationTime(int k) {
            return tau[k];
        }
    }

    /** No Jacobian known: NaN movement (then not cleared), NaN relaxation (then no lag). */
    private record Unknown() implements OrbitDrift.Response {
        @Override
        public void forcingResponse(double[] forcing, double[] out) {
            java.util.Arrays.fill(out, Double.NaN);
        }

        @Override
        public double relaxationTime(int k) {
            return Double.NaN;
        }
    }

    private static OrbitDrift drift() {
        return new OrbitDrift(new int[] {2, 0});
    }

    /**
     * Three samples whose mean is {@code a} at model index 2 (FAST position 0) and {@code b} at index 0
     * (position 1); index 1 (SLOW) holds junk that must not enter.
     */
    private static double[][] orbit(double a, double b) {
        return new double[][] {{b - 3, 1e6, a - 1}, {b + 1, -1e6, a + 4}, {b + 2, 7, a - 3}};
    }

    @Test
    void theFirstOrbitsGiveNoLagAndTheSlopeSpansAtLeastAWeek() {
        OrbitDrift d = drift();
        Still r = new Still(10, 10);
        d.orbitComputed(0, orbit(100, 50), r);
        assertThat(d.rate()).containsExactly(0, 0);
        // 100 h later: too close for a slope, and the base stays at t = 0
        d.orbitComputed(100, orbit(130, 10), r);
        assertThat(d.rate()).containsExactly(0, 0);
        // exactly a week after t = 0: slope (100.168 - 100) / 168 = 0.001 /h and (49.832 - 50) / 168 = -0.001 /h
        d.orbitComputed(168, orbit(100.168, 49.832), r);
        assertThat(d.rate()[0]).isCloseTo(0.001, within(TOL));
        assertThat(d.rate()[1]).isCloseTo(-0.001, within(TOL));
    }

    @Test
    void theSlopeIsCarriedFromItsMidpointToTheNewOrbitAlongTheTrendOfTheLastTwo() {
        OrbitDrift d = drift();
        Still r = new Still(10, 10);
        d.orbitComputed(0, orbit(100, 50), r);
        d.orbitComputed(200, orbit(100.2, 49.8), r); // slopes +-0.001 /h, midpoint 100 h
        assertThat(d.rate()[0]).isCloseTo(0.001, within(TOL));
        // 400 h on: slope 0.64 / 400 = 0.0016 /h (and -0.0016), midpoint 400 h; the trend
        // (0.0016 - 0.001) / (400 - 100) = 2e-6 /h^2 over the 200 h from the midpoint to t = 600 adds 0.0004
        d.orbitComputed(600, orbit(100.84, 49.16), r);
        assertThat(d.rate()[0]).isCloseTo(0.002, within(TOL));
        assertThat(d.rate()[1]).isCloseTo(-0.002, within(TOL));
    }

    @Test
    void theCarriedSlopeNeverPassesZeroNorExceedsTwiceTheSlope() {
        OrbitDrift d = drift();
        Still r = new Still(10, 10);
        // state 0 decelerates: slopes 0.005 then 0.001 /h, ahead 0.001 - 0.004 / 200 * 100 = -0.001 -> 0
        // state 1 turns: slopes -0.003 then 0.001 /h, ahead 0.001 + 0.004 / 200 * 100 = 0.003 -> 2 x 0.001
        d.orbitComputed(0, orbit(100, 50), r);
        d.orbitComputed(200, orbit(101, 49.4), r);
        d.orbitComputed(400, orbit(101.2, 49.6), r);
        assertThat(d.rate()[0]).isZero();
        assertThat(d.rate()[1]).isCloseTo(0.002, within(TOL));
        // the mirror images: state 0 accelerates downwards past twice the slope (-0.001, then -0.001 - 0.002),
        // state 1 decelerates past zero (0.001 -> -0.001: ahead -0.001 - 0.001 = -0.002, twice -0.001 exactly)
        OrbitDrift e = drift();
        e.orbitComputed(0, orbit(100, 50), r);
        e.orbitComputed(200, orbit(100.6, 50.2), r); // slopes 0.003, 0.001
        e.orbitComputed(400, orbit(100.4, 50), r); // slopes -0.001, -0.001
        // state 0: -0.001 + (-0.004) / 200 * 100 = -0.003, beyond twice -0.001: -0.002
        assertThat(e.rate()[0]).isCloseTo(-0.002, within(TOL));
        // state 1: -0.001 + (-0.002) / 200 * 100 = -0.002: exactly twice, kept
        assertThat(e.rate()[1]).isCloseTo(-0.002, within(TOL));
    }

    @Test
    void aSlopeThatReversesTwiceInARowWithAGrowingAmplitudeGivesNoLag() {
        OrbitDrift d = drift();
        Still r = new Still(10, 10);
        // state 0 alternates with a growing amplitude: slopes +0.001, -0.0015, +0.002, -0.0025 /h (200 h spans);
        // state 1 alternates with a shrinking one: +0.004, -0.003, +0.002, -0.001 /h
        d.orbitComputed(0, orbit(100, 100), r);
        d.orbitComputed(200, orbit(100.2, 100.8), r);
        assertThat(d.rate()[0]).isCloseTo(0.001, within(TOL));
        // the first reversal keeps the trend's rule: -0.0015 + (-0.0025) / 200 * 100 = -0.00275 (within twice the
        // slope); state 1: -0.003 + (-0.007) / 200 * 100 = -0.0065, capped at -0.006
        d.orbitComputed(400, orbit(99.9, 100.2), r);
        assertThat(d.rate()[0]).isCloseTo(-0.00275, within(TOL));
        assertThat(d.rate()[1]).isCloseTo(-0.006, within(TOL));
        // the second reversal in a row: state 0's slope 0.002 is larger than 0.0015, no lag; state 1's 0.002 is
        // smaller than 0.003, the trend's rule: 0.002 + 0.005 / 200 * 100 = 0.0045, capped at 0.004
        d.orbitComputed(600, orbit(100.3, 100.6), r);
        assertThat(d.rate()[0]).isZero();
        assertThat(d.rate()[1]).isCloseTo(0.004, within(TOL));
        // and again (state 0: -0.0025 larger than 0.002): no lag; state 1: -0.001 + (-0.003) / 200 * 100 = -0.0025,
        // capped at -0.002
        d.orbitComputed(800, orbit(99.8, 100.4), r);
        assertThat(d.rate()[0]).isZero();
        assertThat(d.rate()[1]).isCloseTo(-0.002, within(TOL));
        // a slope of the same sign again ends the alternation: state 0 slope -0.001 after -0.0025, the trend's rule
        // -0.001 + 0.0015 / 200 * 100 = -0.00025
        d.orbitComputed(1000, orbit(99.6, 100.2), r);
        assertThat(d.rate()[0]).isCloseTo(-0.00025, within(TOL));
    }

    @Test
    void aLaggingStateRelaxesOverAtLeastTwoHoursAndOnlyFinitely() {
        Still[] responses = {new Still(2, 1.99), new Still(Double.POSITIVE_INFINITY, 0)};
        double[][] expected = {{0.001, 0}, {0, 0}};
        for (int i = 0; i < responses.length; i++) {
            OrbitDrift d = drift();
            d.orbitComputed(0, orbit(100, 100), responses[i]);
            d.orbitComputed(200, orbit(100.2, 100.2), responses[i]);
            assertThat(d.rate()[0]).isCloseTo(expected[i][0], within(TOL));
            assertThat(d.rate()[1]).isCloseTo(expected[i][1], within(TOL));
        }
        OrbitDrift d = drift();
        d.orbitComputed(0, orbit(100, 100), new Unknown());
        d.orbitComputed(200, orbit(100.2, 100.2), new Unknown());
        assertThat(d.rate()).containsExactly(0, 0);
    }

    @Test
    void theLagIsAtMostTwoPercentOfTheMean() {
        OrbitDrift d = drift();
        Still r = new Still(10, 4);
        // state 0: 1 -> 3 in 200 h, slope 0.01 /h, largest lag 0.02 x 3 / 10 = 0.006 /h
        // state 1: 3 -> 1, slope -0.01 /h, largest 0.02 x 1 / 4 = 0.005 /h
        d.orbitComputed(0, orbit(1, 3), r);
        d.orbitComputed(200, orbit(3, 1), r);
        assertThat(d.rate()[0]).isCloseTo(0.006, within(TOL));
        assertThat(d.rate()[1]).isCloseTo(-0.005, within(TOL));
        // a negative mean: the cap is 2 % of its magnitude (-3 -> -1: slope 0.01 /h, largest 0.02 x 1 / 10)
        OrbitDrift e = drift();
        e.orbitComputed(0, orbit(-3, 3), r);
        e.orbitComputed(200, orbit(-1, 3), r);
        assertThat(e.rate()[0]).isCloseTo(0.002, within(TOL));
        assertThat(e.rate()[1]).isZero();
    }

    @Test
    void eachMeanIsClearedOfTheOrbitsResponseToTheRateItWasComputedWith() {
        OrbitDrift d = drift();
        Linear r = new Linear(10, 20);
        d.orbitComputed(0, orbit(100, 100), r);
        d.orbitComputed(200, orbit(100.2, 100.2), r); // rate 0.001 for both
        // computed with v = 0.001 the orbit's mean moved by -10 x 0.001 (state 0) and -20 x 0.001 (state 1):
        // cleared means 100.5 + 0.01 = 100.51 and 100.5 + 0.02 = 100.52; slopes 0.31 / 200 = 0.00155 and
        // 0.32 / 200 = 0.0016, carried 100 h along (slope - 0.001) / 200: 0.001825 and 0.0019
        d.orbitComputed(400, orbit(100.5, 100.5), r);
        assertThat(d.rate()[0]).isCloseTo(0.001825, within(TOL));
        assertThat(d.rate()[1]).isCloseTo(0.0019, within(TOL));
    }

    @Test
    void anUnknownResponseLeavesTheMeansUnclearedAndResetForgetsTheTrend() {
        // the stand-in knows relaxation times but not the forcing's effect (NaN): the mean is taken as is
        OrbitDrift.Response half = new OrbitDrift.Response() {
            @Override
            public void forcingResponse(double[] forcing, double[] out) {
                java.util.Arrays.fill(out, Double.NaN);
            }

            @Override
            public double relaxationTime(int k) {
                return 10;
            }
        };
        OrbitDrift d = drift();
        d.orbitComputed(0, orbit(100, 100), half);
        d.orbitComputed(200, orbit(100.2, 100.2), half);
        d.orbitComputed(400, orbit(100.4, 100.4), half); // slopes 0.001, 0.001: no trend
        assertThat(d.rate()[0]).isCloseTo(0.001, within(TOL));
        d.reset();
        assertThat(d.rate()).containsExactly(0, 0);
        // after a reset the next orbit is a new base and the next slope is the plain one (no trend)
        d.orbitComputed(500, orbit(200, 200), half);
        assertThat(d.rate()).containsExactly(0, 0);
        d.orbitComputed(700, orbit(200.6, 200.6), half);
        assertThat(d.rate()[0]).isCloseTo(0.003, within(TOL));
    }
}
