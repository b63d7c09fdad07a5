package org.vascalc.simulation.engine;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

/**
 * The lag of a row's FAST states behind their orbit while the SLOW states move it (fast mode's rows only;
 * {@link FastSettings#onsetRows}). With FAST states {@code x}, SLOW {@code s} and {@code x' = f(x, s, t)},
 * a row's FAST states are the orbit {@code p(t; s0)} moved by its response to the SLOW states,
 * {@code S (s - s0)} ({@link AdiabaticResponse#shift}). Writing the true state {@code x = p + S (s - s0) + e}
 * and linearising {@code f} about the moved orbit, {@code e' = J e - S sdot}: the moved orbit is where the
 * FAST states would be if the SLOW states stood still, and while they move at {@code sdot} it moves at
 * {@code S sdot}. Where {@code sdot} changes slowly against the FAST relaxation ({@code J}'s), {@code e}
 * settles to the quasi-steady lag {@code e = J^-1 S sdot} (first order in the ratio of the time
 * scales; for one state relaxing in {@code tau}, {@code -tau S sdot}: it trails its moving target by
 * {@code tau} times its speed). {@code J} is {@code J_ff} at the orbit's mean state, the one
 * {@link AdiabaticResponse} already factorises ({@link AdiabaticResponse#forcingResponse}, {@code J_ff^-1}
 * of a forcing): the orbit average is what the SLOW rates see and the lag is a first-order term.
 *
 * <p>The orbit already carries part of this: within a regimen each orbit is computed with the drift
 * {@code v} of the FAST orbit means subtracted ({@link OrbitDrift}), which moves it by
 * {@code J^-1 v}; so a row adds {@code J^-1 (S sdot - v)}, {@code v} the drift its orbit was computed
 * with (zero in a regimen's first orbits). Where the orbit's drift equals the SLOW path's
 * ({@code v = S sdot}, late in a year) this is nothing; in a regimen's first days, where the gland
 * pool (tau about 1.8 d) and exchangeable bone calcium (1.6 d) move fastest and no orbit has a drift
 * yet, it is the lag of the adapted PTH of the bone efflux (10 h) and the four other FAST states that
 * relax over 8-25 h (docs/performance-log.md, "onset"). {@code sdot} at the row: the SLOW step's dense
 * output's derivative ({@link Etd3Stages#rate}). The closed vitamin K block is left out: its rates read
 * no SLOW state and its deviation from the orbit is carried exactly ({@link LinearBlockPropagator}).
 * Nothing here feeds back into the SLOW path, the orbits or the quadrature.
 */
final class OnsetLag {

    private final int[] fast;
    private final int[] slow;
    private final double[] slowRate;
    private final double[] forcing;
    private final double[] lag;

    OnsetLag(int[] fast, int[] slow) {
        this.fast = fast;
        this.slow = slow;
        slowRate = new double[slow.length];
        forcing = new double[fast.length];
        lag = new double[fast.length];
    }

    /** Supplies the SLOW rates at a row (by SLOW position). */
    interface SlowRates {
        double rate(int j);
    }

    /**
     * The lag {@code J^-1 (S sdot - v)} (by FAST position) into {@link #lag()} for SLOW rates {@code rates},
     * the orbit's {@code response} and the drift {@code v} (by FAST position) the orbit was computed with;
     * FAST states of the closed block (layout indices {@code leftOut}) get none and add no forcing.
     */
    double[] lagAt(SlowRates rates, OrbitDrift.Response response, RateResponse manifold, double[] v, int[] leftOut) {
        for (int j = 0; j < slow.length; j++) {
            slowRate[j] = rates.rate(j);
        }
        manifold.rateResponse(slowRate, forcing);
        for (int k = 0; k < fast.length; k++) {
            forcing[k] = contains(leftOut, fast[k]) ? 0 : forcing[k] - v[k];
        }
        response.forcingResponse(forcing, lag);
        for (int k = 0; k < fast.length; k++) {
            if (!Double.isFinite(lag[k]) || contains(leftOut, fast[k])) {
                lag[k] = 0;
            }
        }
        return lag;
    }

    /** The last {@link #lagAt}. */
    double[] lag() {
        return lag;
    }

    /** Adds {@link #lag()} to the FAST states of {@code row}; a non-negative amount stays so (as the response's shift). */
    void addTo(double[] row) {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double x = row[i] + lag[k];
            row[i] = row[i] >= 0 ? atLeast(x, 0) : x;
        }
    }

    /** What the lag needs of the orbit's response to the SLOW states ({@link AdiabaticResponse#rateResponse}). */
    interface RateResponse {
        void rateResponse(double[] slowRate, double[] out);
    }

    private static boolean contains(int[] states, int i) {
        if (states == null) {
            return false;
        }
        for (int s : states) {
            if (s == i) {
                return true;
            }
        }
        return false;
    }
}
