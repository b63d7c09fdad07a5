package org.vascalc.simulation.engine;

/**
 * The onset kick's time course (a developer switch, {@link BiasProbe#SPREAD_OVER_LAYER}; spreadkick, sixty-third
 * session, docs/performance-log.md). {@link InitialLayer}'s kick {@code -B J^-1 e0} is what the averaged SLOW path
 * misses once the initial layer has decayed; to first order (the same linearisation, Roberts 1989 as
 * {@link InitialLayer} cites) the SLOW states miss, a time {@code t} after the onset,
 * <pre>  Δs(t) = B ∫_0^t e^{J τ} e0 dτ = B a(t) = -B J^-1 (I - e^{J t}) e0,</pre>
 * the first-order initial-layer correction evaluated as a function of time rather than at {@code t → ∞}: it
 * reaches the whole kick only as the layer decays (the adapted PTH's hours, the slower coupled modes' days). Given
 * the whole at once, a cumulative counter (urinary calcium) took the layer's days' worth on day 0 and the osteoclasts
 * moved ahead of the reference run by the layer's time (mineralkick's rule 5).
 * <p>Made once at the onset, off the derivative path: {@code e} and {@code a} on a grid of {@link #STEP_HOURS} from
 * {@code e(0) = e0}, {@code e(t + d) = E e(t)}, {@code a(t + d) = a(t) + F e(t)} with {@code E = e^{J d}} and
 * {@code F = ∫_0^d e^{J w} dw} from one exponential ({@link LinearBlockPropagator#exponentialBlocks}; exact for the
 * linear system however stiff {@code J} is), until every {@code |e_k|} is below its scale (the caller's: the orbit's
 * closure tolerance of the state) or {@link #CAP_HOURS}; from then on the course is its end value
 * {@code B (a(T) - J^-1 e(T)) = -B J^-1 e0}, i.e. the remainder is given at {@code T} (at most what is left of a
 * layer below its tolerances, or of modes slower than a month). {@code B} is a matrix ({@code ns x nf}, the SLOW rates'
 * derivative along the FAST states, columns only where {@code a} can be non-zero), so a time between grid points
 * costs one partial exponential (kept for the last partial length) and no derivative call. Units: {@code e} and
 * {@code a} in the FAST states' units and unit-hours, {@code Δs} in the SLOW states' units; times in hours after the
 * onset. Assumptions: {@code J} and {@code B} fixed at the orbit (its mean state), the layer linear in {@code e0}, and
 * the SLOW states' own feedback on the layer left out (as for the closed form).
 */
final class LayerCourse {

    /** The grid step, hours (rows are hourly at the finest; the stiffest mode is exact in the exponential). */
    static final double STEP_HOURS = 1;
    /** The course ends here at the latest (the brief's cap: a month; the onset's transient is over in two to four weeks). */
    static final double CAP_HOURS = 30 * 24;

    private final int nf;
    private final int ns;
    private final double[] jacobian;
    /** {@code B} (row-major, {@code ns x nf}). */
    private final double[] b;
    /** {@code e} and {@code a} at each grid point ({@code nf} each), {@code count} points. */
    private final double[][] e;
    private final double[][] a;
    private final int count;
    /** The course's end value {@code -B J^-1 e0} (by SLOW position), given from {@link #endHours} on. */
    private final double[] total;
    private final double endHours;
    private double partialKey = Double.NaN;
    private double[] partial;
    private final double[] scratch;

    /**
     * The course of layer {@code e0} (by FAST position) under {@code jacobian} ({@code J}, row-major {@code nf x nf}),
     * with {@code b} ({@code B}, row-major {@code ns x nf}; not copied, not to be changed after), {@code scale} the
     * FAST states' scales below which the layer counts as decayed, and {@code jInverse} {@code J^-1} for the tail.
     */
    LayerCourse(double[] jacobian, double[] e0, double[] b, int ns, double[] scale, InitialLayer.Solve jInverse) {
        this.nf = e0.length;
        this.ns = ns;
        this.jacobian = jacobian.clone();
        this.b = b;
        scratch = new double[nf];
        double[] step = LinearBlockPropagator.exponentialBlocks(this.jacobian, nf, STEP_HOURS);
        int max = (int) Math.round(CAP_HOURS / STEP_HOURS) + 1;
        java.util.List<double[]> es = new java.util.ArrayList<>();
        java.util.List<double[]> as = new java.util.ArrayList<>();
        double[] ek = e0.clone();
        double[] ak = new double[nf];
        es.add(ek);
        as.add(ak);
        while (es.size() < max && !decayed(ek, scale)) {
            double[] en = new double[nf];
            double[] an = ak.clone();
            for (int i = 0; i < nf; i++) {
                double se = 0;
                double sa = 0;
                for (int k = 0; k < nf; k++) {
                    se += step[i * nf + k] * ek[k];
                    sa += step[nf * nf + i * nf + k] * ek[k];
                }
                en[i] = se;
                an[i] += sa;
            }
            ek = en;
            ak = an;
            es.add(ek);
            as.add(ak);
        }
        count = es.size();
        e = es.toArray(new double[0][]);
        a = as.toArray(new double[0][]);
        endHours = (count - 1) * STEP_HOURS;
        // the tail: a(∞) = a(T) + ∫_T^∞ e^{J (τ - T)} e(T) dτ = a(T) - J^-1 e(T)
        double[] area = new double[nf];
        jInverse.solve(ek, area);
        for (int k = 0; k < nf; k++) {
            area[k] = ak[k] - area[k];
        }
        total = new double[ns];
        apply(area, total);
    }

    private static boolean decayed(double[] e, double[] scale) {
        for (int k = 0; k < e.length; k++) {
            if (!(Math.abs(e[k]) <= scale[k])) {
                return false;
            }
        }
        return true;
    }

    /** Hours after the onset from which the course is its end value ({@link #total}). */
    double endHours() {
        return endHours;
    }

    /** The course's end value, {@code -B J^-1 e0} (by SLOW position; not to be changed). */
    double[] total() {
        return total;
    }

    /** {@code Δs(s)} (by SLOW position) {@code s} hours after the onset into {@code out}: 0 before it, {@link #total} from {@link #endHours}. */
    void at(double s, double[] out) {
        if (!(s > 0)) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        if (s >= endHours) {
            System.arraycopy(total, 0, out, 0, ns);
            return;
        }
        int k = (int) Math.floor(s / STEP_HOURS);
        double d = s - k * STEP_HOURS;
        if (d <= 1e-9) {
            apply(a[k], out);
            return;
        }
        if (d >= STEP_HOURS - 1e-9) {
            apply(a[k + 1], out);
            return;
        }
        if (d != partialKey) {
            partial = LinearBlockPropagator.exponentialBlocks(jacobian, nf, d);
            partialKey = d;
        }
        for (int i = 0; i < nf; i++) {
            double sa = a[k][i];
            for (int m = 0; m < nf; m++) {
                sa += partial[nf * nf + i * nf + m] * e[k][m];
            }
            scratch[i] = sa;
        }
        apply(scratch, out);
    }

    /**
     * The FAST states the layer can reach (by FAST position): those where {@code e0} is non-zero and, through
     * {@code J}'s non-zero entries ({@code J[r][c] != 0}: state {@code c} moves state {@code r}), every state they
     * move; {@code a(t)} is 0 elsewhere, so {@code B} needs no column there.
     */
    static boolean[] reach(double[] jacobian, double[] e0) {
        int nf = e0.length;
        boolean[] in = new boolean[nf];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int k = 0; k < nf; k++) {
            if (e0[k] != 0) {
                in[k] = true;
                queue.add(k);
            }
        }
        while (!queue.isEmpty()) {
            int c = queue.poll();
            for (int r = 0; r < nf; r++) {
                if (!in[r] && jacobian[r * nf + c] != 0) {
                    in[r] = true;
                    queue.add(r);
                }
            }
        }
        return in;
    }

    /** {@code out = B v}. */
    private void apply(double[] v, double[] out) {
        for (int j = 0; j < ns; j++) {
            double sum = 0;
            for (int k = 0; k < nf; k++) {
                sum += b[j * nf + k] * v[k];
            }
            out[j] = sum;
        }
    }
}
