package org.vascalc.simulation.engine;

/**
 * The day-averaged deviation {@code e} of the FAST states from their moved orbit, carried along fast mode's
 * SLOW path ({@link FastSettings#lagModes}; a measurement of branch {@code lagmodes}, off by default). With
 * FAST states {@code x = x*(t; s) + e}, {@code x*} the orbit moved to the SLOW states {@code s}
 * ({@link AdiabaticResponse#shift}), the orbit average of {@code e} obeys, to first order,
 * <pre>  e' = J e + g,   g = -S sdot</pre>
 * ({@code J} the FAST Jacobian at the orbit's mean state, {@code S sdot} the rate the moved orbit moves at,
 * {@link AdiabaticResponse#rateResponse}); the SLOW rates then see the samples moved by {@code e} as well
 * (the orbit averages of their FAST-dependent rows: {@code G e} to first order). Between onsets {@code e}
 * tends to the quasi-steady lag {@code J^-1 S sdot} that {@link OrbitDrift} books by sampling slopes of the
 * orbit means; here it is integrated along the SLOW path from the SLOW rates themselves, and at a regimen's
 * onset it starts from the jump between the state reached and the new orbit (the initial layer).
 * Over a SLOW step {@code d}, the forcing linear in time: {@code e(t + d) = E e + F g0 + H (g1 - g0) / d}
 * with the blocks {@link LinearBlockPropagator#exponentialBlocks} gives (exact in {@code J} however stiff).
 * This prototype takes the full {@code nf x nf} exponential per step length (cached per orbit), not the
 * slow modes alone: a measurement of the lag's effect, not of its cost.
 */
final class SlowPathLag {

    private final int nf;
    private final double[] e;
    private final double[] next;
    private final double[] jacobian;
    private final boolean[] left;
    private boolean active;
    /** Blocks E, F, H per step length, for the current Jacobian (a few lengths per orbit). */
    private final double[] keys = new double[6];
    private final double[][] blocks = new double[6][];
    private int slot;

    SlowPathLag(int nf) {
        this.nf = nf;
        e = new double[nf];
        next = new double[nf];
        jacobian = new double[nf * nf];
        left = new boolean[nf];
        java.util.Arrays.fill(keys, Double.NaN);
    }

    /** FAST positions whose deviation is not carried (the closed vitamin K block's, carried exactly elsewhere). */
    void leaveOut(int k, boolean out) {
        left[k] = out;
    }

    boolean active() {
        return active;
    }

    /** The deviation (by FAST position) at the cursor. */
    double[] e() {
        return e;
    }

    /** A transient from {@code e0} under {@code jff}. */
    void begin(double[] e0, double[] jff) {
        for (int k = 0; k < nf; k++) {
            e[k] = left[k] || !Double.isFinite(e0[k]) ? 0 : e0[k];
        }
        active = true;
        jacobian(jff);
    }

    /** A new orbit's Jacobian; {@code e} is continuous. */
    void jacobian(double[] jff) {
        System.arraycopy(jff, 0, jacobian, 0, nf * nf);
        java.util.Arrays.fill(keys, Double.NaN);
        java.util.Arrays.fill(blocks, null);
    }

    void stop() {
        active = false;
        java.util.Arrays.fill(e, 0.0);
    }

    private double[] blocks(double d) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == d) {
                return blocks[i];
            }
        }
        slot = (slot + 1) % keys.length;
        keys[slot] = d;
        blocks[slot] = LinearBlockPropagator.exponentialBlocks(jacobian, nf, d);
        return blocks[slot];
    }

    /** {@code e} after {@code d} under the forcing {@code g0} (constant), into {@code out}. */
    void predict(double d, double[] g0, double[] out) {
        if (d <= 0) {
            System.arraycopy(e, 0, out, 0, nf);
            return;
        }
        apply(blocks(d), d, g0, g0, out);
    }

    /** Advances {@code e} by {@code d} under a forcing linear from {@code g0} to {@code g1}. */
    void commit(double d, double[] g0, double[] g1) {
        apply(blocks(d), d, g0, g1, next);
        for (int k = 0; k < nf; k++) {
            e[k] = left[k] || !Double.isFinite(next[k]) ? 0 : next[k];
        }
    }

    private void apply(double[] b, double d, double[] g0, double[] g1, double[] out) {
        int mm = nf * nf;
        for (int r = 0; r < nf; r++) {
            double sum = 0;
            int base = r * nf;
            for (int c = 0; c < nf; c++) {
                sum += b[base + c] * e[c] + b[mm + base + c] * g0[c] + b[2 * mm + base + c] * ((g1[c] - g0[c]) / d);
            }
            out[r] = left[r] ? 0 : sum;
        }
    }
}
