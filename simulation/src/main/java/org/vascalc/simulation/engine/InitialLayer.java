package org.vascalc.simulation.engine;

/**
 * The SLOW states' share of a regimen onset's initial layer, in closed form (a developer switch,
 * {@link BiasProbe#initialLayer}; initlayer, sixty-first session, docs/performance-log.md). When a new regimen's orbit
 * takes over, the FAST states are off it by {@code e0} (the state reached minus the orbit's start; the initial
 * layer of {@link OnsetTransient}). While the layer decays, {@code e' = J e}, the SLOW rates see FAST states that
 * are not the orbit's; the averaged SLOW path integrates the orbit's, so to first order it misses
 * <pre>  Δs = ∫_0^∞ B e(t) dt = B ∫_0^∞ e^{J t} e0 dt = -B J^-1 e0,</pre>
 * {@code B = ∂(SLOW rates)/∂(FAST states)} and {@code J = J_ff}, both at the orbit (the time-averaged form; every mode
 * of {@code J} must decay). This is the first-order correction of the initial condition of a reduced model for the
 * decay of the fast transient (Roberts 1989, J. Austral. Math. Soc. B 31:48-75; Cox &amp; Roberts 1995, Physica D
 * 85:126-141; docs/references.bib). The forced part of the layer (the lag {@code J^-1 S sdot}) is carried by the
 * rows, not here. {@code J^-1} comes from the orbit's factorised {@code J_ff} ({@link AdiabaticResponse#forcingResponse});
 * {@code B w} is a directional forward difference of the SLOW rates ({@link #directional}), so the kick costs two
 * SLOW-row calls per point it is taken at. Arrays are made once per run; nothing here runs per derivative call.
 */
final class InitialLayer {

    /** {@code out = J^-1 in} (by FAST position); NaN where {@code J} is not known. */
    interface Solve {
        void solve(double[] in, double[] out);
    }

    /** The SLOW rates at point {@code point}'s time and the full state {@code x}: {@code out[slow[j]]} ({@link AssembledModel#slowDerivatives}). */
    interface SlowRates {
        void at(int point, double[] x, double[] out);
    }

    private final int nf;
    private final int ns;
    /** The FAST states the run had reached before the new orbit (by FAST position). */
    final double[] reached;
    /** Scratch of the caller's: the last orbit's response at the state reached (by FAST position). */
    final double[] shift;
    private final double[] e0;
    private final double[] area;
    private final double[] moved;
    private final double[] base;
    private final double[] plus;
    /** The last {@link #kick} (by SLOW position). */
    final double[] kick;

    InitialLayer(int n, int nf, int ns) {
        this.nf = nf;
        this.ns = ns;
        reached = new double[nf];
        shift = new double[nf];
        e0 = new double[nf];
        area = new double[nf];
        moved = new double[n];
        base = new double[n];
        plus = new double[n];
        kick = new double[ns];
    }

    /**
     * The layer's area {@code ∫_0^∞ e^{J t} e0 dt = -J^-1 e0} into {@code out} (by FAST position); false (and zeros)
     * where it is not finite ({@code J} unknown or singular).
     */
    static boolean area(double[] e0, Solve jInverse, double[] out) {
        jInverse.solve(e0, out);
        boolean finite = true;
        for (int k = 0; k < out.length; k++) {
            out[k] = -out[k];
            finite &= Double.isFinite(out[k]);
        }
        if (!finite) {
            java.util.Arrays.fill(out, 0.0);
        }
        return finite;
    }

    /**
     * {@code B w} at {@code x} by a forward difference along {@code w} (by FAST position, states {@code fast}), added
     * times {@code weight} into {@code out} (by SLOW position, states {@code slow}): the step moves each FAST state
     * by at most its own increment, {@code 1e-6 |x| + 10 atol} (as {@link AdiabaticResponse}'s differences).
     */
    void directional(int point, double[] x, double[] w, int[] fast, int[] slow, double[] atol, SlowRates rates,
                     double weight, double[] out) {
        double h = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nf; k++) {
            if (w[k] != 0) {
                int i = fast[k];
                h = Math.min(h, (1e-6 * Math.abs(x[i]) + 10 * atol[i]) / Math.abs(w[k]));
            }
        }
        if (!(h < Double.POSITIVE_INFINITY)) {
            return;
        }
        int n = x.length;
        System.arraycopy(x, 0, moved, 0, n);
        rates.at(point, moved, base);
        for (int k = 0; k < nf; k++) {
            moved[fast[k]] = x[fast[k]] + h * w[k];
        }
        rates.at(point, moved, plus);
        for (int j = 0; j < ns; j++) {
            int i = slow[j];
            out[j] += weight * (plus[i] - base[i]) / h;
        }
    }

    /**
     * {@code B} as a matrix (spreadkick; {@link LayerCourse}) into {@code out} (row-major, SLOW position by FAST
     * position) times {@code weight}, added, at full state {@code x} of point {@code point}: column {@code k} (only
     * where {@code columns[k]}) a forward difference of the SLOW rates moving FAST state {@code fast[k]} alone by its own increment,
     * {@code 1e-6 |x| + 10 atol} (as {@link #directional}'s). Costs one SLOW-row call plus one per column.
     */
    void matrix(int point, double[] x, boolean[] columns, int[] fast, int[] slow, double[] atol, SlowRates rates,
                double weight, double[] out) {
        int n = x.length;
        System.arraycopy(x, 0, moved, 0, n);
        rates.at(point, moved, base);
        for (int k = 0; k < nf; k++) {
            if (!columns[k]) {
                continue;
            }
            int i = fast[k];
            double h = 1e-6 * Math.abs(x[i]) + 10 * atol[i];
            moved[i] = x[i] + h;
            rates.at(point, moved, plus);
            moved[i] = x[i];
            for (int j = 0; j < ns; j++) {
                out[j * nf + k] += weight * (plus[slow[j]] - base[slow[j]]) / h;
            }
        }
    }

    /**
     * The kick {@code Δs = -B J^-1 e0} (by SLOW position) into {@link #kick} for the layer {@code e0 = reached - start}
     * ({@code start} the new orbit's full state; FAST states in {@code leftOut}, layout indices, get no layer), with
     * {@code B} taken at each of {@code points} (full states, equal weights). Returns false (and a zero kick) where
     * the area is not finite.
     */
    boolean kick(double[] start, int[] fast, int[] slow, double[] atol, int[] leftOut, Solve jInverse,
                 double[][] points, int count, SlowRates rates) {
        java.util.Arrays.fill(kick, 0.0);
        for (int k = 0; k < nf; k++) {
            e0[k] = contains(leftOut, fast[k]) ? 0 : reached[k] - start[fast[k]];
        }
        if (!area(e0, jInverse, area)) {
            return false;
        }
        for (int m = 0; m < count; m++) {
            directional(m, points[m], area, fast, slow, atol, rates, 1.0 / count, kick);
        }
        for (int j = 0; j < ns; j++) {
            if (!Double.isFinite(kick[j])) {
                java.util.Arrays.fill(kick, 0.0);
                return false;
            }
        }
        return true;
    }

    /**
     * The kick's size (layercost, sixty-second session; {@link BiasProbe#firstMeasureGate}): the largest
     * {@code |kick[j]|} in units of what the reuse control allows SLOW state {@code j} to be off, its flux tolerance
     * scale ({@link OrbitReuse#measured}) over the state's rate: {@code atol[j] + tol (|average[j]| / kappa[j] +
     * |state[j]|)}, {@code kappa[j] = max(-min(diag[j], 0), 1 / OrbitReuse.HORIZON_HOURS)}. 1 is a kick the size of
     * the error the control lets an interval end with; a cumulative counter's allowance is a year of its flux.
     * {@code arg[0]} gets the state (SLOW position) that sets it.
     */
    static double size(double[] kick, double[] state, double[] average, double[] diag, double[] atol, double tol,
                       int[] arg) {
        double worst = 0;
        arg[0] = -1;
        for (int j = 0; j < kick.length; j++) {
            double kappa = Math.max(-Math.min(diag[j], 0), 1 / OrbitReuse.HORIZON_HOURS);
            double allowed = atol[j] + tol * (Math.abs(average[j]) / kappa + Math.abs(state[j]));
            double r = Math.abs(kick[j]) / allowed;
            if (r > worst) {
                worst = r;
                arg[0] = j;
            }
        }
        return worst;
    }

    /** The last layer {@code e0} (by FAST position). */
    double[] layer() {
        return e0;
    }

    private static boolean contains(int[] states, int i) {
        if (states != null) {
            for (int s : states) {
                if (s == i) {
                    return true;
                }
            }
        }
        return false;
    }
}
