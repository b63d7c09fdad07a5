package org.vascalc.simulation.engine;

/**
 * How much of the last orbit's residual (its start minus the start the quasi-steady response
 * predicted, {@link AdiabaticResponse}) a FAST state carries into the next orbit's start guess.
 *
 * <p>Why per state: the response {@code S = -J_ff^-1 J_fs} is the orbit MEAN's, and the start of a
 * state that relaxes within minutes (PTH) follows the clock hour's calcium, not the mean's, so its
 * start moves by a nearly fixed fraction of what {@code S} predicts (benchmark decade, orbits from
 * day 81 on: PTH 0.80-0.83, the adapted PTH 0.92-0.94 of the predicted move; docs/performance-log.md,
 * "cold orbit"). The residual is therefore proportional to the state's own predicted move, and it
 * is carried over by the ratio of this orbit's predicted move to the last one's. The SLOW states'
 * projection on their last move (one ratio for all states) mixed the states: across a doubled
 * interval their moves scale differently (the bone cells turn over months, the gland in days).
 */
final class ResidualScaling {

    /** Smallest last predicted move, in closure scales, whose ratio is trusted. */
    static final double MIN_MOVE = 1;
    /** Largest ratio (a guard against a near-zero last move; the moves between orbits grow at most about twofold). */
    static final double MAX_RATIO = 4;

    private ResidualScaling() {
    }

    /**
     * The factor on the last residual: {@code predicted / lastPredicted} within [0, {@link #MAX_RATIO}]
     * where the last predicted move was at least {@link #MIN_MOVE} closure scales ({@code scale}),
     * else {@code fallback} (the SLOW states' projection).
     */
    static double ratio(double predicted, double lastPredicted, double scale, double fallback) {
        if (!(Math.abs(lastPredicted) >= MIN_MOVE * scale) || !Double.isFinite(predicted)) {
            return fallback;
        }
        return Math.max(0, Math.min(MAX_RATIO, predicted / lastPredicted));
    }
}
