package org.vascalc.simulation.engine;

import java.util.Arrays;

/**
 * The sensitivity of fast mode's orbit-averaged SLOW derivatives to the SLOW states that set the
 * orbit, as far as the cached orbit's quadrature does not already hold it: a Broyden (secant)
 * estimate from consecutive orbits.
 *
 * <p>Between orbits the averaged SLOW derivatives are the cached orbit's average plus the change of
 * the SLOW derivatives on its (frozen) samples when the SLOW states move — the "direct" part — plus
 * an "indirect" part: the change that comes from the FAST orbit itself moving with the SLOW states
 * (osteoclasts resorb more calcium, plasma calcium rises, so does urinary calcium). This class
 * predicts the indirect part as {@code S (s - s_k)}, linear in the move of the SLOW states since the
 * orbit {@code s_k}, and learns {@code S} from what each new orbit shows the indirect change to have
 * been (its average minus the direct prediction at its state): the rank-one update of least change
 * that makes {@code S} reproduce that last change exactly.
 *
 * <p>Only the SLOW states that enter a FAST derivative can move the orbit, so only they are columns
 * of {@code S} (the cumulative mass counters, which enter nothing, are not). A move is measured by
 * its effect on the FAST dynamics (each column weighted by its influence, the relative change of a
 * FAST derivative per unit of the state): the update of least change in that norm goes to the states
 * that pulled the orbit most (the gland, the bone cells), not to those that moved most for their
 * size but hardly touch it (the vascular wall's mineral, growing from almost nothing; weighted by
 * size instead, it took most of each update and the prediction was noise).
 *
 * <p>Mass: each row of {@code S} is updated with the same vector (only the residual {@code r_j}
 * differs), so for any linear combination {@code c} of the SLOW derivatives (a mass balance over
 * pools and cumulative counters) {@code c S} is updated by {@code c r}: whatever the averages'
 * balance does, the secant's prediction inherits it, as the one trend weight did before.
 */
final class FluxSecant {

    private final int[] columns;
    private final double[] columnWeight;
    private final double[] base;
    /** Row-major {@code slowCount x columns.length}. */
    private final double[] s;
    private final double[] move;
    private final int rows;
    private boolean active;
    /** Size of the move (in the columns' weights) the estimate was last updated on; 0 before. */
    private double learntMove;

    /**
     * @param slowCount  number of SLOW states (rows)
     * @param columns    the SLOW states (indices among them) that enter a FAST derivative
     * @param columnWeight each column's influence on the FAST dynamics: the largest change of a FAST
     *                     derivative, relative to its state, per unit change of the column's state
     *                     (per hour per unit); moves are measured in these units
     */
    FluxSecant(int slowCount, int[] columns, double[] columnWeight) {
        this.rows = slowCount;
        this.columns = columns.clone();
        this.columnWeight = columnWeight.clone();
        base = new double[slowCount];
        s = new double[slowCount * columns.length];
        move = new double[columns.length];
        delta = new double[columns.length];
    }

    /** Scratch of {@link #changes}: the columns' moves since the base. */
    private final double[] delta;

    /** Whether SLOW state {@code j} enters a FAST derivative (is a column: it can move the orbit). */
    boolean entersOrbit(int j) {
        for (int c : columns) {
            if (c == j) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the sensitivity (a new regimen or run). */
    void reset() {
        Arrays.fill(s, 0.0);
        active = false;
        learntMove = 0;
    }

    /** Whether the estimate has been updated at least once since the last reset. */
    boolean active() {
        return active;
    }

    /** The SLOW state of the cached orbit, from which moves are measured. */
    void rebase(double[] slowState) {
        System.arraycopy(slowState, 0, base, 0, rows);
    }

    /** Predicted indirect change of averaged SLOW derivative {@code j} at SLOW state {@code slowState}. */
    double change(int j, double[] slowState) {
        double sum = 0;
        int row = j * columns.length;
        for (int c = 0; c < columns.length; c++) {
            sum += s[row + c] * (slowState[columns[c]] - base[columns[c]]);
        }
        return sum;
    }

    /**
     * {@link #change} of every SLOW derivative into {@code out[0 .. rows)}: the columns' moves are
     * formed once instead of once per row (the same products summed in the same order, so the same
     * bits; with the wall's SLOW states this was rows x columns subtractions per SLOW step).
     */
    void changes(double[] slowState, double[] out) {
        int width = columns.length;
        for (int c = 0; c < width; c++) {
            delta[c] = slowState[columns[c]] - base[columns[c]];
        }
        for (int j = 0; j < rows; j++) {
            double sum = 0;
            int row = j * width;
            for (int c = 0; c < width; c++) {
                sum += s[row + c] * delta[c];
            }
            out[j] = sum;
        }
    }

    /**
     * The move of the SLOW states since the cached orbit, in the columns' weights, relative to the
     * move the estimate was last learnt on (infinite before any). A secant is a linear fit through
     * one move: beyond a few times that move it is an extrapolation nothing has checked, and applied
     * there it is an explicit feedback term of unchecked gain on the SLOW states.
     */
    double moveRatio(double[] slowState) {
        double norm = 0;
        for (int c = 0; c < columns.length; c++) {
            int i = columns[c];
            double m = (slowState[i] - base[i]) * columnWeight[c];
            norm += m * m;
        }
        return learntMove > 0 ? Math.sqrt(norm) / learntMove : Double.POSITIVE_INFINITY;
    }

    /**
     * The secant update from the orbit just computed at {@code slowState}: {@code missed[j]} is the
     * indirect change seen there (its average minus the direct prediction). Moves the base to
     * {@code slowState}. An orbit at the same SLOW state (no move) leaves the estimate as it is.
     */
    void update(double[] missed, double[] slowState) {
        double norm = 0;
        for (int c = 0; c < columns.length; c++) {
            int i = columns[c];
            move[c] = (slowState[i] - base[i]) * columnWeight[c];
            norm += move[c] * move[c];
        }
        if (norm > 0) {
            for (int j = 0; j < rows; j++) {
                double residual = missed[j] - change(j, slowState);
                int row = j * columns.length;
                for (int c = 0; c < columns.length; c++) {
                    s[row + c] += residual * move[c] * columnWeight[c] / norm;
                }
            }
            active = true;
            learntMove = Math.sqrt(norm);
        }
        rebase(slowState);
    }
}
