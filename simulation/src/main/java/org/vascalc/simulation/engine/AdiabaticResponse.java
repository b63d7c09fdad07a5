package org.vascalc.simulation.engine;

import org.vascalc.physiology.numeric.DoubleOrder;

/**
 * How the FAST orbit follows the SLOW states between two orbits, to first order: the quasi-steady
 * response {@code dFast = S dSlow} with {@code S = -J_ff^-1 J_fs}, the Jacobian blocks taken once
 * per orbit at the orbit's mean state. Fast mode evaluates the averaged SLOW derivatives between
 * orbits on the cached orbit samples ({@link FastRun}); with the FAST part of the samples frozen,
 * a SLOW state that exchanges quickly with a FAST one behaves as if relaxing toward the frozen FAST
 * value. Intracellular phosphate ({@code mineral.po4Icf}, SLOW) returns to the extracellular pool
 * (FAST) within about two days ({@code po4IcfExchangeOut}), while the total phosphate pool, set by
 * the kidney, relaxes over months at low GFR: with frozen samples each SLOW step credited the
 * intracellular pool with only about two days of the day's phosphate retention, the rest of the
 * extracellular balance was lost until the next orbit, and CKD G5 serum phosphate lagged the
 * reference mode by up to 13 % in the run-in (docs/performance-log.md, "CKD run-in"). Shifting the
 * samples by {@code S dSlow} keeps the FAST states on their moved quasi-steady state, so the
 * exchange nets out as it does in the reference mode.
 *
 * <p>Only SLOW states that enter some FAST derivative have a column (probed once, or as the run's
 * reuse control found them: {@link #enteringKnown}); the Jacobian
 * blocks cost one derivative call per group of columns that touch disjoint FAST rows at each orbit
 * (column by column at the first orbit, whose entries give the pattern). {@code J_ff} is decomposed
 * by hand ({@link SkylineLu}: Crout's order with partial pivoting, the order Hipparchus'
 * {@code LUDecomposition} uses, so S is the same to the last bit), in arrays kept between orbits:
 * Hipparchus' matrices allocated and copied at every orbit, and its explicit inverse of {@code J_ff}
 * (nf right-hand sides) served one product per orbit, which is now a solve with the kept LU. A singular {@code J_ff} (a FAST state without its own
 * relaxation) leaves the samples frozen, as before. The same {@code J_ff} gives each FAST state's own
 * relaxation time and, inverted, how the orbit's mean moves under a constant added to the FAST
 * derivatives, both for {@link OrbitDrift}.
 */
final class AdiabaticResponse implements OrbitDrift.Response, OnsetLag.RateResponse {

    private final AssembledModel model;
    private final boolean grouped;
    private final int n;
    private final int[] fast;
    private final int[] slow;
    private final double[] atol;
    /** Positions j in {@code slow} of the SLOW states that enter a FAST derivative; null until probed. */
    private int[] entering;
    /**
     * S by columns: entering column c's FAST rows at {@code c * fast.length} (so {@link #shift}, one
     * column at a time, reads it contiguously; the same products and sums as row-major storage).
     */
    private double[] response;
    private final double[] slowAtOrbit;
    private boolean valid;
    private final double[] point;
    private final double[] f0;
    private final double[] f1;
    /** Each FAST state's own relaxation rate -J_kk at the last orbit's mean state; NaN where unknown. */
    private final double[] relaxationRate;

    AdiabaticResponse(AssembledModel model, int[] fast, int[] slow, double[] atol) {
        this(model, fast, slow, atol, true, RunArena.NONE);
    }

    /** With {@code grouped} false every orbit differences column by column (for comparison in tests). */
    AdiabaticResponse(AssembledModel model, int[] fast, int[] slow, double[] atol, boolean grouped) {
        this(model, fast, slow, atol, grouped, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    AdiabaticResponse(AssembledModel model, int[] fast, int[] slow, double[] atol, boolean grouped, RunArena arena) {
        this.arena = arena;
        this.grouped = grouped;
        this.model = model;
        this.n = model.dimension();
        this.fast = fast;
        this.slow = slow;
        this.atol = atol;
        slowAtOrbit = arena.doubles(slow.length);
        point = arena.doubles(n);
        f0 = arena.doubles(n);
        f1 = arena.doubles(n);
        relaxationRate = arena.doubles(fast.length);
        java.util.Arrays.fill(relaxationRate, Double.NaN);
        int nf = fast.length;
        factors = new SkylineLu(nf, arena);
        lu = factors.matrix();
        column = arena.doubles(nf);
    }

    /** Where the response's arrays come from ({@link RunArena}; given back by the run that made it). */
    private final RunArena arena;

    /** A copy of the last orbit's {@code J_ff} (row-major by FAST position) where it was asked for ({@link #keepJacobian}); else null. */
    private double[] keptJacobian;
    /** Whether the next {@link #update} keeps {@code J_ff}, and whether the last one did. */
    private boolean keepNext;
    private boolean jacobianKept;

    /**
     * Whether the next {@link #update} keeps a copy of {@code J_ff} ({@link #jacobian}; for {@link OnsetTransient},
     * asked for only where rows are to come in an onset's window: the others keep nothing).
     */
    void keepJacobian(boolean on) {
        keepNext = on;
    }

    /** The last orbit's {@code J_ff} (row-major, by FAST position) where it was kept and the response is known; else null. */
    double[] jacobian() {
        return valid && jacobianKept ? keptJacobian : null;
    }

    /** Below this magnitude a pivot of {@code J_ff} counts as zero (the matrix as singular). */
    private static final double SINGULAR_PIVOT = 1e-14;
    /** {@code J_ff}'s decomposition; {@link #lu} is its matrix: {@code J_ff}, then the factors. */
    private final SkylineLu factors;
    private final double[] lu;
    /** Whether {@link #lu} holds the factors of the last orbit's {@code J_ff}. */
    private boolean factored;
    /** Scratch right-hand side and solution. */
    private final double[] column;

    /**
     * The response at a new orbit: {@code samples} its FAST samples (SLOW parts ignored), {@code y}
     * the SLOW state at which it was computed, {@code t} its time (drivers).
     */
    void update(double t, double[][] samples, double[] y) {
        System.arraycopy(y, 0, point, 0, n);
        for (int i : fast) {
            double mean = 0;
            for (double[] s : samples) {
                mean += s[i];
            }
            point[i] = mean / samples.length;
        }
        for (int j = 0; j < slow.length; j++) {
            slowAtOrbit[j] = y[slow[j]];
        }
        boolean first = entering == null;
        if (first) {
            entering = enteringKnown != null ? enteringKnown : probeEntering(t);
            response = arena.doubles(fast.length * entering.length);
        }
        valid = false;
        factored = false;
        java.util.Arrays.fill(relaxationRate, Double.NaN);
        if (entering.length == 0) {
            return;
        }
        model.fastRowDerivatives(t, point, f0);
        differenceCalls++;
        int nf = fast.length;
        int ne = entering.length;
        if (enteringStates == null || enteringStates.length != ne) {
            enteringStates = arena.ints(ne);
            jfs = arena.doubles(nf * ne);
        }
        for (int c = 0; c < ne; c++) {
            enteringStates[c] = slow[entering[c]];
        }
        if (grouped && groups == null && pattern != null) {
            colour(t);
        }
        if (groups != null) {
            groupedDifferences(t);
        } else {
            fastRowsDifferenced(t, fast, lu);
            fastRowsDifferenced(t, enteringStates, jfs);
            if (first) {
                recordPattern();
            }
        }
        for (int k = 0; k < nf; k++) {
            relaxationRate[k] = -lu[k * nf + k];
        }
        jacobianKept = keepNext;
        if (jacobianKept) {
            if (keptJacobian == null) {
                keptJacobian = new double[nf * nf];
            }
            System.arraycopy(lu, 0, keptJacobian, 0, nf * nf);
        }
        if (!factors.decompose(SINGULAR_PIVOT)) {
            return;
        }
        factored = true;
        // S = -J_ff^-1 J_fs, column by column (each column's operations as in a solve with all columns at once)
        for (int c = 0; c < ne; c++) {
            for (int r = 0; r < nf; r++) {
                column[r] = jfs[r * ne + c];
            }
            factors.solve(column);
            for (int r = 0; r < nf; r++) {
                double v = -column[r];
                if (!Double.isFinite(v)) {
                    return;
                }
                response[c * nf + r] = v;
            }
        }
        valid = true;
        if (first) {
            keepStrongColumns();
        }
        nonZeroRows();
    }

    /**
     * Per column of {@link #response}: its first and one past its last non-zero row ({@link #shift}
     * adds only those; 0 and 0 for an all-zero column). {@code J_ff} is block-diagonal (the mineral
     * block's FAST states, the vitamin K and gut states'), so a SLOW state that enters one block's
     * rows moves none of the other's.
     */
    private void nonZeroRows() {
        int m = entering.length;
        int nf = fast.length;
        if (rowFrom == null || rowFrom.length != m) {
            rowFrom = arena.ints(m);
            rowTo = arena.ints(m);
        }
        for (int c = 0; c < m; c++) {
            int from = c * nf;
            int lo = 0;
            while (lo < nf && response[from + lo] == 0) {
                lo++;
            }
            int hi = nf;
            while (hi > lo && response[from + hi - 1] == 0) {
                hi--;
            }
            rowFrom[c] = lo;
            rowTo[c] = hi;
        }
    }

    /** {@link #nonZeroRows}: per column of {@link #response}, its non-zero rows' range. */
    private int[] rowFrom;
    private int[] rowTo;

    /**
     * Keeps (for the rest of the run) the columns of SLOW states whose doubling would move some FAST
     * state by more than {@link #STRONG} of its size: the wall's mineral states, for instance, enter
     * the extracellular calcium only through their deposition rates (milligrams a year), and each
     * kept column costs a derivative call per orbit and its own diagonal quadrature in {@link FastRun}.
     */
    private void keepStrongColumns() {
        int m = entering.length;
        int[] kept = arena.ints(m);
        int count = 0;
        for (int c = 0; c < m; c++) {
            double size = Math.abs(slowAtOrbit[entering[c]]);
            boolean strong = false;
            for (int r = 0; r < fast.length && !strong; r++) {
                double x = Math.abs(point[fast[r]]) + 1e3 * atol[fast[r]];
                strong = Math.abs(response[c * fast.length + r]) * size > STRONG * x;
            }
            if (strong) {
                kept[count++] = c;
            }
        }
        double[] pruned = arena.doubles(fast.length * count);
        int[] keptSlow = arena.ints(count);
        for (int k = 0; k < count; k++) {
            keptSlow[k] = entering[kept[k]];
            for (int r = 0; r < fast.length; r++) {
                pruned[k * fast.length + r] = response[kept[k] * fast.length + r];
            }
        }
        entering = keptSlow;
        response = pruned;
    }

    /** Relative move of a FAST state, per doubling of a SLOW state, below which its column is dropped. */
    static final double STRONG = 1e-3;

    /**
     * The SLOW states that enter a FAST derivative, positions in the SLOW index list, as the run's
     * reuse control found them before its first orbit ({@link SlowCouplingProbe#influenceOnOrbit}:
     * its columns are the states of non-zero influence). That is {@link #probeEntering}'s question
     * asked the same way — each SLOW state moved alone by the same increment, at the run's SLOW state
     * and at the same shifted copy, the FAST rows compared — at the orbit's start instead of its mean
     * FAST state; the first update takes it instead of probing again (2 x (1 + SLOW) FAST-row calls
     * at most, 29 in the benchmark decade and again in each run-in). The answers agreed in every run
     * compared, so the response is the same to the bit (EnteringFromReuseProbeTest;
     * docs/performance-log.md, "setupshare"). Null: probe.
     */
    private int[] enteringKnown;

    /** See {@link #enteringKnown}; before the first {@link #update}. */
    void enteringKnown(int[] positions) {
        enteringKnown = positions;
    }

    /** Positions in the SLOW index list of the SLOW states that enter a FAST derivative (after the first update). */
    int[] entering() {
        return entering == null ? new int[0] : entering;
    }

    /**
     * Column {@code j} (a position in the SLOW index list) of S as {@link #shift} applies it: {@code out[k]}
     * the FAST shift (by FAST position) per unit move of that SLOW state; zeros where the state moves
     * no sample or no response is known.
     */
    void column(int j, double[] out) {
        java.util.Arrays.fill(out, 0, fast.length, 0.0);
        if (!valid) {
            return;
        }
        for (int c = 0; c < entering.length; c++) {
            if (entering[c] == j) {
                System.arraycopy(response, c * fast.length, out, 0, fast.length);
            }
        }
    }

    /** FAST shift {@code out[k]} (by FAST position) at the SLOW state of {@code y}; zeros when no response is known. */
    void shift(double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, fast.length, 0.0);
        if (!valid) {
            return;
        }
        int m = entering.length;
        int nf = fast.length;
        for (int c = 0; c < m; c++) {
            int j = entering[c];
            double d = y[slow[j]] - slowAtOrbit[j];
            if (d == 0) {
                continue;
            }
            int from = c * nf;
            // Outside its non-zero rows a column adds an exact zero (0 * d, d finite), which leaves
            // the sum (never -0: it starts at +0) as it is: the same bits.
            int lo = 0;
            int hi = nf;
            if (Math.abs(d) <= Double.MAX_VALUE) {
                lo = rowFrom[c];
                hi = rowTo[c];
            }
            for (int r = lo; r < hi; r++) {
                out[r] += response[from + r] * d;
            }
        }
    }

    /**
     * How fast the orbit moves under SLOW rates {@code slowRate} (by SLOW position): {@code out[k] =
     * (S sdot)_k} (by FAST position), the rate the {@link #shift} of a row changes at; zeros when no
     * response is known.
     */
    @Override
    public void rateResponse(double[] slowRate, double[] out) {
        java.util.Arrays.fill(out, 0, fast.length, 0.0);
        if (!valid) {
            return;
        }
        int nf = fast.length;
        for (int c = 0; c < entering.length; c++) {
            double d = slowRate[entering[c]];
            if (d == 0 || !Double.isFinite(d)) {
                continue;
            }
            int from = c * nf;
            for (int r = rowFrom[c]; r < rowTo[c]; r++) {
                out[r] += response[from + r] * d;
            }
        }
    }

    /**
     * How long a change of FAST state {@code k}'s derivative acts on its orbit: its own relaxation
     * time {@code 1/-J_kk} at the last orbit's mean state, at most {@code period}; the period where
     * the state does not relax on its own (or no Jacobian is known).
     */
    double moveTime(int k, double period) {
        double rate = relaxationRate[k];
        return rate > 0 ? Math.min(period, 1 / rate) : period;
    }

    /**
     * FAST state {@code k}'s own relaxation time {@code 1/-J_kk} at the last orbit's mean state;
     * infinite where it does not relax on its own, NaN where no Jacobian is known.
     */
    @Override
    public double relaxationTime(int k) {
        double rate = relaxationRate[k];
        return Double.isNaN(rate) ? Double.NaN : rate > 0 ? 1 / rate : Double.POSITIVE_INFINITY;
    }

    /**
     * How far the FAST orbit's mean moves ({@code out}, by FAST position) when the constant
     * {@code forcing} is added to the FAST derivatives, to first order: {@code J_ff^-1 forcing} at the
     * last orbit's mean state; NaN where no Jacobian is known.
     */
    @Override
    public void forcingResponse(double[] forcing, double[] out) {
        int nf = fast.length;
        boolean zero = true;
        for (int c = 0; c < nf; c++) {
            zero &= forcing[c] == 0;
        }
        if (zero) {
            // J_ff^-1 0 = 0, known or not
            java.util.Arrays.fill(out, 0, nf, 0.0);
            return;
        }
        if (!factored) {
            java.util.Arrays.fill(out, 0, nf, Double.NaN);
            return;
        }
        System.arraycopy(forcing, 0, out, 0, nf);
        factors.solve(out);
    }

    private int[] enteringStates;
    /** {@code J_fs}, row-major: FAST k by entering column c. */
    private double[] jfs;

    private double increment(double x, int i) {
        return 1e-6 * Math.abs(x) + 10 * atol[i];
    }

    /**
     * SLOW states whose change moves some FAST derivative (at the point and at a shifted copy). The
     * derivative at each of the two unmoved states is taken once (it was taken again for every SLOW
     * state, the same bits each time), and with a moved state of a
     * {@link org.vascalc.physiology.model.MilieuAffine} block (the wall's, which no other block reads)
     * only that block is called on the others' rates at the unmoved state
     * ({@link AssembledModel#derivativesGivenPlain}, the same bits).
     */
    private int[] probeEntering(double t) {
        int[] found = arena.ints(slow.length);
        int count = 0;
        double[] base = point.clone();
        double[][] unmoved = new double[2][];
        double[][] plainUnmoved = new double[2][];
        boolean affineLast = model.affineLast();
        for (int j = 0; j < slow.length; j++) {
            boolean enters = false;
            for (int pass = 0; pass < 2 && !enters; pass++) {
                System.arraycopy(point, 0, base, 0, n);
                if (pass == 1) {
                    for (int i : slow) {
                        base[i] = 1.5 * point[i] + 1e3 * atol[i] + 1e-3;
                    }
                }
                if (unmoved[pass] == null) {
                    unmoved[pass] = arena.doubles(n);
                    model.fastRowDerivatives(t, base, unmoved[pass]);
                }
                double[] fBase = unmoved[pass];
                int i = slow[j];
                boolean affine = affineLast && model.ownedByAffine(i);
                if (affine && plainUnmoved[pass] == null) {
                    plainUnmoved[pass] = arena.doubles(n);
                    model.plainRates(t, base, plainUnmoved[pass]);
                }
                base[i] += DoubleOrder.max(1e-4 * Math.abs(base[i]), 1e3 * atol[i]);
                if (affine) {
                    model.derivativesGivenPlain(t, base, plainUnmoved[pass], f1);
                } else {
                    model.fastRowDerivatives(t, base, f1);
                }
                for (int k : fast) {
                    if (f1[k] != fBase[k]) {
                        enters = true;
                        break;
                    }
                }
            }
            if (enters) {
                found[count++] = j;
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /**
     * Column groups of the difference Jacobian (Curtis, Powell &amp; Reid, as {@link GroupedJacobian}):
     * columns 0..nf-1 are the FAST states, nf.. the entering SLOW states; columns of a group touch
     * disjoint FAST rows, so one derivative call differences them all. The first orbit differences
     * column by column (and keeps which entries were non-zero, {@link #pattern}); the groups are
     * formed at the second, once the entering columns are final ({@link #keepStrongColumns}). Of the
     * 1 + 32 + 8 calls per orbit (ENGINE), 1 + groups remain; null until formed.
     */
    private int[][] groups;
    /** Per group and FAST row r, the group's column that touches r, or -1. */
    private int[][] owners;
    /** Per column of a group: its state's value before the perturbation and the increment. */
    private double[] kept;
    private double[] steps;
    /** The first orbit's non-zero entries: [column: FAST k, then the first orbit's entering c][FAST row]. */
    private boolean[][] pattern;
    /** {@link #entering} at the first orbit (before {@link #keepStrongColumns} pruned it). */
    private int[] patternEntering;
    /** Derivative calls made to difference the Jacobian (and to probe its pattern). */
    private long differenceCalls;

    /** Derivative calls spent on the Jacobian blocks (differencing, pattern probe; not {@link #probeEntering}). */
    long differenceCalls() {
        return differenceCalls;
    }

    /** Column groups per orbit once formed (one derivative call each, plus the unperturbed one), else -1. */
    int groupCount() {
        return groups == null ? -1 : groups.length;
    }

    /** The first orbit's non-zero Jacobian entries, before the factorisation overwrites {@code J_ff}. */
    private void recordPattern() {
        int nf = fast.length;
        int ne = enteringStates.length;
        pattern = new boolean[nf + ne][];
        for (int q = 0; q < pattern.length; q++) {
            pattern[q] = arena.booleans(nf);
        }
        for (int r = 0; r < nf; r++) {
            for (int q = 0; q < nf; q++) {
                pattern[q][r] = lu[r * nf + q] != 0;
            }
            for (int c = 0; c < ne; c++) {
                pattern[nf + c][r] = jfs[r * ne + c] != 0;
            }
        }
        patternEntering = entering.clone();
    }

    private int stateOf(int q) {
        return q < fast.length ? fast[q] : enteringStates[q - fast.length];
    }

    /**
     * Forms the column groups from which FAST rows each column touches: the union of the first orbit's
     * non-zero differences and, as {@link GroupedJacobian} probes, a change under a large increment
     * at a shifted copy of the state (so that a term vanishing at the orbit's mean, an empty depot
     * say, still counts). One call per column, once a run.
     */
    private void colour(double t) {
        int nf = fast.length;
        int ne = enteringStates.length;
        boolean[][] touches = new boolean[nf + ne][];
        for (int q = 0; q < nf + ne; q++) {
            int from = q;
            if (q >= nf) {
                from = -1;
                for (int c = 0; c < patternEntering.length; c++) {
                    if (patternEntering[c] == entering[q - nf]) {
                        from = nf + c;
                    }
                }
            }
            touches[q] = from < 0 ? arena.booleans(nf) : pattern[from].clone();
        }
        double[] at = arena.doubles(n);
        for (int i = 0; i < n; i++) {
            at[i] = 1.5 * point[i] + 1e3 * atol[i] + 1e-3;
        }
        double[] g0 = arena.doubles(n);
        double[] g1 = arena.doubles(n);
        model.fastRowDerivatives(t, at, g0);
        differenceCalls++;
        for (int q = 0; q < nf + ne; q++) {
            int i = stateOf(q);
            double keep = at[i];
            at[i] = keep + DoubleOrder.max(1e-4 * Math.abs(keep), 1e3 * atol[i]);
            model.fastRowDerivatives(t, at, g1);
            differenceCalls++;
            at[i] = keep;
            for (int r = 0; r < nf; r++) {
                if (g1[fast[r]] != g0[fast[r]]) {
                    touches[q][r] = true;
                }
            }
        }
        groups = GroupedJacobian.greedyGroups(touches, nf);
        owners = GroupedJacobian.rowOwners(groups, touches, nf);
        kept = arena.doubles(nf + ne);
        steps = arena.doubles(nf + ne);
    }

    /**
     * {@code J_ff} into {@link #lu} and {@code J_fs} into {@link #jfs} by the column groups, each
     * column with the increment and quotient {@link #fastRowsDifferenced} uses; entries outside the
     * pattern are zero.
     */
    private void groupedDifferences(double t) {
        int nf = fast.length;
        int ne = enteringStates.length;
        java.util.Arrays.fill(lu, 0, nf * nf, 0.0);
        java.util.Arrays.fill(jfs, 0, nf * ne, 0.0);
        for (int g = 0; g < groups.length; g++) {
            for (int q : groups[g]) {
                int i = stateOf(q);
                kept[q] = point[i];
                steps[q] = increment(kept[q], i);
                point[i] = kept[q] + steps[q];
            }
            model.fastRowDerivatives(t, point, f1);
            differenceCalls++;
            for (int q : groups[g]) {
                point[stateOf(q)] = kept[q];
            }
            int[] owner = owners[g];
            for (int r = 0; r < nf; r++) {
                int q = owner[r];
                if (q < 0) {
                    continue;
                }
                double d = (f1[fast[r]] - f0[fast[r]]) / steps[q];
                if (q < nf) {
                    lu[r * nf + q] = d;
                } else {
                    jfs[r * ne + q - nf] = d;
                }
            }
        }
    }

    /**
     * The FAST rows of the Jacobian, columns {@code states}, by forward differences about
     * {@code point} (whose FAST derivatives are in {@code f0}).
     */
    private void fastRowsDifferenced(double t, int[] states, double[] m) {
        int nf = fast.length;
        int width = states.length;
        for (int c = 0; c < width; c++) {
            int i = states[c];
            double keep = point[i];
            double h = increment(keep, i);
            point[i] = keep + h;
            model.fastRowDerivatives(t, point, f1);
            differenceCalls++;
            point[i] = keep;
            for (int r = 0; r < nf; r++) {
                m[r * width + c] = (f1[fast[r]] - f0[fast[r]]) / h;
            }
        }
    }

}
