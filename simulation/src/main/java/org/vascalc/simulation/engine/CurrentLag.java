package org.vascalc.simulation.engine;

/**
 * The FAST states' lag behind their drifting orbit from the SLOW path's current rates
 * ({@link FastSettings#lagMode} 1 or 2; branch {@code lagnow}, measured against {@link OrbitDrift}).
 *
 * <p>With {@code x = x*(t; s) + e}, the day-averaged deviation obeys {@code e' = J e - S sdot}
 * ({@code J} the orbit-averaged {@code J_ff}, {@code S} the orbit's response to the SLOW states,
 * {@code sdot} the SLOW rates); it relaxes within hours to days, so between onsets
 * {@code e = J^-1 S sdot}, and the SLOW rates see that lag through the samples they are averaged on.
 * Each orbit is computed with {@code v = P S sdot} subtracted from the FAST derivatives, {@code sdot}
 * the SLOW path's rates just before it (none at a regimen's first orbit, whose rates before belong to
 * the last regimen), so the orbit carries {@code J^-1 v}. Between orbits the quadrature's samples move
 * by {@code J^-1 (P S sdot(t) - v)} with {@code sdot(t)} the SLOW path's latest stage rates, so the
 * lag follows a regimen's onset transient as it decays instead of being held until the next orbit.
 * {@code P}: mode 1 the FAST states that relax on their own over at least
 * {@link OrbitDrift#MIN_LAG_HOURS} (as {@link OrbitDrift}), mode 2 every FAST state but the closed
 * vitamin K block's; each state's forcing at most {@link OrbitDrift#MAX_LAG} of its mean per
 * relaxation time, as {@link OrbitDrift} bounds it.
 *
 * <p>The loop {@code sdot = g + G J^-1 P S sdot} (G the quadrature's sensitivity to the FAST samples) is
 * closed by one lagged fixed-point pass: each SLOW stage takes the lag of the stage before it (the
 * first stage of a step the last step's end stage). That needs no derivative call beyond the stages'
 * own quadratures; it is enough where the loop gain {@code K = G J^-1 P S} is small (measured by
 * {@code LagGainRunner}, docs/performance-log.md, `lagnow`). No allocation per evaluation.
 */
final class CurrentLag {

    private final int[] fast;
    private final boolean all;
    /** The SLOW path's latest rates (by SLOW position) and whether they are known. */
    private final double[] rate;
    private boolean known;
    /** Scratch: {@code S sdot}, then the forcing (by FAST position). */
    private final double[] forcing;
    /** The lag's move of the samples (by FAST position): {@code J^-1 (P S sdot - v)}. */
    private final double[] shift;
    /** The last orbit's FAST means (by FAST position), for the bound. */
    private final double[] mean;
    /** The forcing the samples move from ({@link #orbitComputed}; by FAST position). */
    private final double[] basis;
    /** Layout indices of FAST states that never get a lag (the closed vitamin K block's); may be empty. */
    private int[] leftOut = new int[0];

    CurrentLag(int[] fast, int slowCount, boolean all, RunArena arena) {
        this.fast = fast;
        this.all = all;
        rate = arena.doubles(slowCount);
        forcing = arena.doubles(fast.length);
        shift = arena.doubles(fast.length);
        mean = arena.doubles(fast.length);
        basis = arena.doubles(fast.length);
    }

    /** The closed block's FAST states (layout indices), which get no lag. */
    void leaveOut(int[] states) {
        leftOut = states == null ? new int[0] : states;
    }

    /** The SLOW path's rates are unknown (a new regimen, the run-in): the next orbit gets no lag, the samples none. */
    void forget() {
        known = false;
        java.util.Arrays.fill(rate, 0.0);
        java.util.Arrays.fill(basis, 0.0);
        java.util.Arrays.fill(shift, 0.0);
    }

    /** The SLOW path's latest rates (by SLOW position). */
    void observe(double[] slowRates, int count) {
        System.arraycopy(slowRates, 0, rate, 0, count);
        known = true;
    }

    boolean known() {
        return known;
    }

    /** The latest rates (by SLOW position), to restore them after a rejected step. */
    double[] rates() {
        return rate;
    }

    /**
     * After an orbit: its samples' FAST means (for the bound) and the lag's basis, {@code P S sdot} at
     * the latest rates with the new orbit's response (zeros where unknown), from which the samples move
     * until the next orbit: right after the orbit they do not move (the orbit carries its own {@code v},
     * the same forcing with the last orbit's response), so the orbit's base quadrature stands.
     */
    void orbitComputed(double[][] samples, AdiabaticResponse response) {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double sum = 0;
            for (double[] s : samples) {
                sum += s[i];
            }
            mean[k] = sum / samples.length;
        }
        driftRate(response, basis);
    }

    /** Whether FAST state {@code k} gets a lag (the set {@code P}) at the last orbit's response. */
    private boolean lags(AdiabaticResponse response, int k) {
        double tau = response.relaxationTime(k);
        if (isLeftOut(fast[k]) || !(tau < Double.POSITIVE_INFINITY)) {
            return false;
        }
        return all ? tau > 0 : tau >= OrbitDrift.MIN_LAG_HOURS;
    }

    /** The quadrature's change (by SLOW position) when its samples move by {@code dir} (by FAST position). */
    interface Probe {
        void change(double[] dir, double[] out);
    }

    /** Developer trace of each orbit's loop gain (test-scope runners); null traces nothing. */
    static volatile java.util.function.Consumer<String> trace;
    /** Whether the loop is closed by {@code (I - K)^-1} ({@link #formGain}); else by the lagged pass alone. */
    static volatile boolean solveLoop = true;
    private double[] gain;
    private double[] loopInverse;
    private int[] entering = new int[0];
    private boolean gainKnown;
    private double[] dirScratch;
    private double[] colScratch;
    private double[] unitScratch;
    private double[] sColumn;
    private double[] lagColumns;
    private int[] lagged;
    private double[] loopRhs;
    private double[] loopSol;

    /**
     * The loop gain {@code K = G J^-1 P S} at a new orbit (by SLOW position rows, entering SLOW columns):
     * {@code G J^-1 e_k} for each lagged FAST state {@code k} by one quadrature with the samples moved by
     * {@code J^-1 eps e_k} ({@code probe}), {@code P S} from the response's columns; then
     * {@code (I - K_ee)^-1} on the entering states. {@code slowScale[j]}: SLOW state j's size, for the
     * trace's scaled norm.
     */
    void formGain(AdiabaticResponse response, Probe probe, double[] slowScale) {
        gainKnown = false;
        int nf = fast.length;
        int ns = rate.length;
        entering = response.entering();
        int ne = entering.length;
        if (dirScratch == null) {
            dirScratch = new double[nf];
            unitScratch = new double[nf];
            colScratch = new double[ns];
            sColumn = new double[nf];
            lagged = new int[nf];
            lagColumns = new double[ns * nf];
        }
        if (gain == null || gain.length != ns * ne) {
            gain = new double[ns * ne];
            loopInverse = new double[ne * ne];
            loopRhs = new double[ne];
            loopSol = new double[ne];
        }
        if (ne == 0) {
            return;
        }
        int m = 0;
        for (int k = 0; k < nf; k++) {
            if (!lags(response, k)) {
                continue;
            }
            double eps = 1e-3 * (Math.abs(mean[k]) + 1e-12) / response.relaxationTime(k);
            java.util.Arrays.fill(unitScratch, 0.0);
            unitScratch[k] = eps;
            response.forcingResponse(unitScratch, dirScratch);
            boolean finite = true;
            for (double d : dirScratch) {
                finite &= Double.isFinite(d);
            }
            if (!finite) {
                return;
            }
            probe.change(dirScratch, colScratch);
            for (int j = 0; j < ns; j++) {
                lagColumns[j * nf + m] = colScratch[j] / eps;
            }
            lagged[m++] = k;
        }
        java.util.Arrays.fill(gain, 0.0);
        for (int c = 0; c < ne; c++) {
            response.column(entering[c], sColumn);
            for (int j = 0; j < ns; j++) {
                double sum = 0;
                for (int q = 0; q < m; q++) {
                    sum += lagColumns[j * nf + q] * sColumn[lagged[q]];
                }
                gain[j * ne + c] = sum;
            }
        }
        // (I - K_ee)^-1 by Gauss-Jordan with partial pivoting (ne is small)
        double[][] a = new double[ne][2 * ne];
        for (int r = 0; r < ne; r++) {
            for (int c = 0; c < ne; c++) {
                a[r][c] = (r == c ? 1 : 0) - gain[entering[r] * ne + c];
            }
            a[r][ne + r] = 1;
        }
        for (int c = 0; c < ne; c++) {
            int p = c;
            for (int r = c + 1; r < ne; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            if (!(Math.abs(a[p][c]) > 1e-12)) {
                return;
            }
            double[] tmp = a[p];
            a[p] = a[c];
            a[c] = tmp;
            double piv = a[c][c];
            for (int q = 0; q < 2 * ne; q++) {
                a[c][q] /= piv;
            }
            for (int r = 0; r < ne; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int q = 0; q < 2 * ne; q++) {
                        a[r][q] -= f * a[c][q];
                    }
                }
            }
        }
        for (int r = 0; r < ne; r++) {
            for (int c = 0; c < ne; c++) {
                loopInverse[r * ne + c] = a[r][ne + c];
            }
        }
        gainKnown = true;
        if (trace != null) {
            trace.accept(describeGain(slowScale, m));
        }
    }

    /** The gain's scaled size: max row sum of |K_ij| s_j / s_i on the entering states, and the spectral radius (power iteration). */
    private String describeGain(double[] slowScale, int m) {
        int ne = entering.length;
        double norm = 0;
        double[][] ks = new double[ne][ne];
        StringBuilder diag = new StringBuilder();
        for (int r = 0; r < ne; r++) {
            double sum = 0;
            for (int c = 0; c < ne; c++) {
                ks[r][c] = gain[entering[r] * ne + c] * slowScale[entering[c]] / slowScale[entering[r]];
                sum += Math.abs(ks[r][c]);
            }
            norm = Math.max(norm, sum);
            diag.append(String.format(java.util.Locale.ROOT, " %.3g", ks[r][r]));
        }
        double[] x = new double[ne];
        java.util.Arrays.fill(x, 1.0);
        double rho = 0;
        for (int it = 0; it < 200; it++) {
            double[] y = new double[ne];
            double len = 0;
            for (int r = 0; r < ne; r++) {
                for (int c = 0; c < ne; c++) {
                    y[r] += ks[r][c] * x[c];
                }
                len = Math.max(len, Math.abs(y[r]));
            }
            if (len == 0) {
                rho = 0;
                break;
            }
            for (int r = 0; r < ne; r++) {
                x[r] = y[r] / len;
            }
            rho = len;
        }
        return String.format(java.util.Locale.ROOT, "GAIN lagged %d entering %d scaled-norm %.3g rho~%.3g diag%s", m, ne, norm,
                rho, diag);
    }

    /**
     * A stage's rates corrected for the loop: {@code q} the quadrature's rates with the samples moved by the
     * lag of the latest rates {@code r}; the rates with the lag of themselves are {@code r + (I - K)^-1 (q - r)}
     * (exact for the loop's linear part), into {@code q}.
     */
    void closeLoop(double[] q) {
        if (!gainKnown || !solveLoop) {
            return;
        }
        int ne = entering.length;
        for (int c = 0; c < ne; c++) {
            loopRhs[c] = q[entering[c]] - rate[entering[c]];
        }
        for (int r = 0; r < ne; r++) {
            double sum = 0;
            for (int c = 0; c < ne; c++) {
                sum += loopInverse[r * ne + c] * loopRhs[c];
            }
            loopSol[r] = sum;
        }
        // u = d + K u_e for every SLOW state (the entering ones: u_e itself)
        for (int j = 0; j < rate.length; j++) {
            double sum = 0;
            for (int c = 0; c < ne; c++) {
                sum += gain[j * ne + c] * loopSol[c];
            }
            q[j] += sum;
        }
    }

    /** {@code P S sdot} into {@code out} (by FAST position), bounded; zeros where the rates or the response are unknown. */
    void driftRate(AdiabaticResponse response, double[] out) {
        java.util.Arrays.fill(out, 0, fast.length, 0.0);
        if (!known) {
            return;
        }
        response.rateResponse(rate, forcing);
        for (int k = 0; k < fast.length; k++) {
            double tau = response.relaxationTime(k);
            double v = forcing[k];
            if (!lags(response, k) || !Double.isFinite(v)) {
                continue;
            }
            double largest = OrbitDrift.MAX_LAG * Math.abs(mean[k]) / tau;
            out[k] = Math.max(-largest, Math.min(largest, v));
        }
    }

    /**
     * The samples' move {@code J^-1 (P S sdot - b)} (by FAST position) at the latest rates, {@code b} the
     * basis at the orbit ({@link #orbitComputed}); zeros where unknown. Returns {@link #shift}.
     */
    double[] shift(AdiabaticResponse response) {
        if (!known) {
            java.util.Arrays.fill(shift, 0.0);
            return shift;
        }
        driftRate(response, shift);
        for (int k = 0; k < fast.length; k++) {
            forcing[k] = shift[k] - basis[k];
        }
        response.forcingResponse(forcing, shift);
        for (int k = 0; k < fast.length; k++) {
            if (!Double.isFinite(shift[k])) {
                shift[k] = 0;
            }
        }
        return shift;
    }

    private boolean isLeftOut(int i) {
        for (int c : leftOut) {
            if (c == i) {
                return true;
            }
        }
        return false;
    }
}
