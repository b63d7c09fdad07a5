package org.vascalc.simulation.engine;

import java.util.Arrays;

/**
 * Quasi-Newton steps for the periodic orbit of the FAST states: the orbit's start {@code x*} is a
 * fixed point of the period map {@code P} (one period of the frozen FAST system), and with an
 * estimate {@code M} of its Jacobian (the monodromy matrix) the step
 * {@code x + (I - M)^-1 (P(x) - x)} lands on it when {@code P} is linear.
 *
 * <p>Why: plain iteration {@code x <- P(x)} converges at the rate of the slowest FAST components
 * (calcitriol, the absorption capacity, FGF23, the MK-7 plasma pool shrink their distance to the
 * orbit by only 0.8–0.95 per period), so the first orbits of a regimen took 4–5 periods and a CKD
 * run-in ~4 per orbit. Computing {@code M} by differences would cost one period per FAST state,
 * so it is learnt instead by Broyden's update from consecutive periods ({@code M s = y} for
 * {@code s = x_(k+1) - x_k}, {@code y = P(x_(k+1)) - P(x_k)}) and kept over the orbits of a run:
 * the period map changes little between orbits, and the directions it learns are the slow ones,
 * which are the ones the iteration keeps exploring. Unlearnt directions keep {@code M = 0}, i.e.
 * plain iteration, right for components the period forgets. The update and the step use the
 * closure scales as weights (Broyden's "good" update in the scaled norm), so mmol and pmol states
 * weigh alike. A step that makes the next defect larger than the last one discards {@code M}.
 *
 * <p>Hand-written (a 33-state dense solve with partial pivoting): the libraries' decompositions
 * allocate per call and are no simpler. Not thread-safe; one per {@link FastRun}.
 */
final class PeriodMapNewton {

    /** Largest step, as a multiple of the defect (scaled max norm): (I - M)^-1 for an eigenvalue 0.95 is 20. */
    static final double MAX_AMPLIFICATION = 50;

    private final int m;
    /** Monodromy estimate, row-major. */
    private final double[] mono;
    private final double[] lu;
    private final double[] prevX;
    private final double[] prevP;
    private final double[] s;
    private final double[] yv;
    private final double[] weight;
    private final double[] step;
    /**
     * Whether {@link #lu} and {@link #swapAt} hold the factors of {@code I - M} for the current
     * {@link #mono}: the first period of an orbit learns nothing (no secant pair yet), so its step
     * solves with the matrix the last step of the previous orbit factored.
     */
    private boolean factored;
    /** Row swapped with row k at elimination step k. */
    private final int[] swapAt;
    /** Per row of {@link #lu}: one past its last non-zero column (it moves with its row; fill-in extends it). */
    private final int[] rowEnd;
    /** Per row of a {@link #multiply} right operand: its non-zero columns lie in [first, end). */
    private final int[] first;
    private final int[] end;
    /** Per row of a {@link #multiply} right operand: its non-zero columns (row-major), and how many (-1: use the range). */
    private final int[] nonZero;
    private final int[] listed;
    private long factorisations;
    private boolean havePrev;
    private double lastDefect = Double.NaN;
    private double endError = Double.POSITIVE_INFINITY;
    private double startError = Double.POSITIVE_INFINITY;
    private int worstEnd = -1;

    /** Component with the largest predicted end error (diagnostics), or -1. */
    int worstEnd() {
        return worstEnd;
    }
    private long resets;

    PeriodMapNewton(int m) {
        this(m, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    PeriodMapNewton(int m, RunArena arena) {
        this.m = m;
        mono = arena.doubles(m * m);
        lu = arena.doubles(m * m);
        prevX = arena.doubles(m);
        prevP = arena.doubles(m);
        s = arena.doubles(m);
        yv = arena.doubles(m);
        weight = arena.doubles(m);
        step = arena.doubles(m);
        swapAt = arena.ints(m);
        rowEnd = arena.ints(m);
        first = arena.ints(m);
        end = arena.ints(m);
        nonZero = arena.ints(m * m);
        listed = arena.ints(m);
    }

    /** LU factorisations of {@code I - M} so far (counter: the steps that reused one did not factor). */
    long factorisations() {
        return factorisations;
    }

    /** Forgets the learnt monodromy (new regimen or period: another map). */
    void reset() {
        Arrays.fill(mono, 0.0);
        factored = false;
        havePrev = false;
        lastDefect = Double.NaN;
    }

    /** Starts the iteration of one orbit (the monodromy is kept; the secant pairs are not carried across orbits). */
    void beginOrbit() {
        havePrev = false;
        lastDefect = Double.NaN;
    }

    /**
     * Sets the estimate to exp(J T): the monodromy of the linearisation at one state, exact for a
     * linear autonomous system. It captures the slow coupled modes (calcitriol with the hydroxylase,
     * FGF23 and the absorption capacity) that the diagonal alone misses; Broyden's update then
     * corrects it along the directions the iteration explores.
     */
    void seed(double[] jacobian, double period) {
        seed(jacobian, period, null);
    }

    /**
     * As {@link #seed(double[], double)}, handed back by {@code memo} where it holds the seed of this
     * Jacobian and period, and kept there otherwise ({@code memo} may be null).
     */
    void seed(double[] jacobian, double period, SeedMemo memo) {
        if (memo != null && memo.copyIfSame(jacobian, period, mono)) {
            factored = false;
            havePrev = false;
            lastDefect = Double.NaN;
            return;
        }
        computeSeed(jacobian, period);
        if (memo != null) {
            memo.keep(jacobian, period, mono);
        }
    }

    private void computeSeed(double[] jacobian, double period) {
        reset();
        double norm = 0;
        for (int r = 0; r < m; r++) {
            double row = 0;
            for (int c = 0; c < m; c++) {
                row += Math.abs(jacobian[r * m + c]) * period;
            }
            norm = Math.max(norm, row);
        }
        if (!Double.isFinite(norm)) {
            return;
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.25) / Math.log(2)));
        double scale = period / Math.pow(2, squarings);
        // Taylor series of exp(A) for ||A|| <= 1/4, then repeated squaring.
        if (seedA == null) {
            seedA = new double[m * m];
            seedTerm = new double[m * m];
            seedSum = new double[m * m];
            seedTmp = new double[m * m];
        }
        double[] a = seedA;
        for (int i = 0; i < m * m; i++) {
            a[i] = jacobian[i] * scale;
        }
        double[] term = seedTerm;
        double[] sum = seedSum;
        double[] tmp = seedTmp;
        // (as the fresh arrays they replace: zero, then the identity; tmp is cleared by each product)
        Arrays.fill(term, 0.0);
        Arrays.fill(sum, 0.0);
        for (int i = 0; i < m; i++) {
            term[i * m + i] = 1;
            sum[i * m + i] = 1;
        }
        for (int k = 1; k <= 12; k++) {
            multiply(term, a, tmp);
            for (int i = 0; i < m * m; i++) {
                term[i] = tmp[i] / k;
                sum[i] += term[i];
            }
        }
        for (int q = 0; q < squarings; q++) {
            multiply(sum, sum, tmp);
            System.arraycopy(tmp, 0, sum, 0, m * m);
        }
        for (int i = 0; i < m * m; i++) {
            mono[i] = Double.isFinite(sum[i]) ? sum[i] : 0;
        }
        factored = false;
    }

    /** Scratch of {@link #computeSeed}, allocated at the first seed and kept. */
    private double[] seedA;
    private double[] seedTerm;
    private double[] seedSum;
    private double[] seedTmp;

    /**
     * {@code out = x y}. Each row of {@code y} is read only over its non-zero columns: the FAST
     * Jacobian is sparse (85 of 32 x 32 entries when counted, a few more of 33 x 33 since vitk.mkh2)
     * and exp(J T) block-structured (the mineral block's 21 states couple among themselves, the
     * vitamin K and gut states mostly to theirs), and a skipped
     * product is an exact zero, whose addition to an accumulator that starts at +0 changes no bit.
     * The sums keep their order (k ascending), so the result is that of the full product.
     */
    private void multiply(double[] x, double[] y, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int k = 0; k < m; k++) {
            int lo = 0;
            while (lo < m && y[k * m + lo] == 0) {
                lo++;
            }
            int hi = m;
            while (hi > lo && y[k * m + hi - 1] == 0) {
                hi--;
            }
            first[k] = lo;
            end[k] = hi;
            // a row with few non-zero entries in its range (the Jacobian's, in the Taylor terms) as a list
            int count = 0;
            for (int c = lo; c < hi; c++) {
                if (y[k * m + c] != 0) {
                    nonZero[k * m + count++] = c;
                }
            }
            listed[k] = 2 * count < hi - lo ? count : -1;
        }
        for (int r = 0; r < m; r++) {
            int o = r * m;
            for (int k = 0; k < m; k++) {
                double v = x[o + k];
                if (v != 0) {
                    int yk = k * m;
                    int count = listed[k];
                    if (count >= 0) {
                        for (int q = 0; q < count; q++) {
                            int c = nonZero[yk + q];
                            out[o + c] += v * y[yk + c];
                        }
                    } else {
                        for (int c = first[k], e = end[k]; c < e; c++) {
                            out[o + c] += v * y[yk + c];
                        }
                    }
                }
            }
        }
    }

    /** Largest closure defect of the last period, in closure scales. */
    double lastDefect() {
        return lastDefect;
    }

    /**
     * Predicted distance of the last period's end from the orbit, in closure scales: with the step
     * {@code d = (I - M)^-1 (P(x) - x)} the orbit's start is {@code x + d}, so the end {@code P(x)}
     * misses it by {@code d - (P(x) - x) = M d}. Infinite when no step was taken.
     */
    double endError() {
        return endError;
    }

    /**
     * Predicted distance of the last period's start from the orbit, in closure scales: the step
     * {@code d} itself. Infinite when no step was taken.
     */
    double startError() {
        return startError;
    }

    /** How often a growing defect discarded the estimate (diagnostics). */
    long resets() {
        return resets;
    }

    /**
     * After one period from {@code x} to {@code p}: learns from it and returns in {@code next} the
     * start of the next period. {@code scale[i]}: closure scale of component i (absolute plus
     * relative tolerance). Components that were non-negative in both stay so.
     */
    void next(double[] x, double[] p, double[] scale, double[] next) {
        double defect = 0;
        for (int i = 0; i < m; i++) {
            weight[i] = 1 / (scale[i] * scale[i]);
            defect = Math.max(defect, Math.abs(p[i] - x[i]) / scale[i]);
        }
        if (havePrev) {
            for (int i = 0; i < m; i++) {
                s[i] = x[i] - prevX[i];
                yv[i] = p[i] - prevP[i];
            }
            if (defect > lastDefect) {
                // The last step made things worse: the estimate is wrong here. Start again.
                Arrays.fill(mono, 0.0);
                factored = false;
                resets++;
            } else {
                update();
            }
        }
        havePrev = true;
        lastDefect = defect;
        System.arraycopy(x, 0, prevX, 0, m);
        System.arraycopy(p, 0, prevP, 0, m);
        endError = Double.POSITIVE_INFINITY;
        startError = Double.POSITIVE_INFINITY;
        if (!solveStep(x, p, defect)) {
            System.arraycopy(p, 0, next, 0, m);
            return;
        }
        endError = 0;
        startError = 0;
        worstEnd = -1;
        for (int i = 0; i < m; i++) {
            startError = Math.max(startError, Math.abs(step[i]) / scale[i]);
            double e = Math.abs(step[i] - (p[i] - x[i])) / scale[i];
            if (e > endError) {
                endError = e;
                worstEnd = i;
            }
        }
        for (int i = 0; i < m; i++) {
            double v = x[i] + step[i];
            next[i] = x[i] >= 0 && p[i] >= 0 ? Math.max(0, v) : v;
        }
    }

    /** Broyden's good update in the weighted norm: afterwards M s = y for the last pair. */
    private void update() {
        double ss = 0;
        for (int i = 0; i < m; i++) {
            ss += s[i] * s[i] * weight[i];
        }
        if (!(ss > 0)) {
            return;
        }
        factored = false;
        for (int r = 0; r < m; r++) {
            double ms = 0;
            for (int c = 0; c < m; c++) {
                ms += mono[r * m + c] * s[c];
            }
            double residual = (yv[r] - ms) / ss;
            for (int c = 0; c < m; c++) {
                mono[r * m + c] += residual * s[c] * weight[c];
            }
        }
    }

    /**
     * Solves (I - M) step = p - x; false when singular, not finite or larger than the cap. The
     * factors are kept while {@code M} is unchanged ({@link #factored}); the right-hand side then
     * goes through the same row swaps and eliminations as in the factorisation, the same operations
     * in the same order, so the step is the same to the last bit.
     */
    private boolean solveStep(double[] x, double[] p, double defect) {
        for (int r = 0; r < m; r++) {
            step[r] = p[r] - x[r];
        }
        if (!factored && !factor()) {
            return false;
        }
        for (int k = 0; k < m; k++) {
            int best = swapAt[k];
            if (best != k) {
                double tmp = step[k];
                step[k] = step[best];
                step[best] = tmp;
            }
            // the multipliers, kept below the diagonal (each the value the elimination subtracted with)
            for (int r = k + 1; r < m; r++) {
                double f = lu[r * m + k];
                if (f != 0) {
                    step[r] -= f * step[k];
                }
            }
        }
        for (int r = m - 1; r >= 0; r--) {
            double v = step[r];
            for (int c = r + 1, e = rowEnd[r]; c < e; c++) {
                v -= lu[r * m + c] * step[c];
            }
            step[r] = v / lu[r * m + r];
        }
        double size = 0;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(step[i])) {
                return false;
            }
            size = Math.max(size, Math.abs(step[i]) * Math.sqrt(weight[i]));
        }
        return size <= MAX_AMPLIFICATION * Math.max(defect, 1e-300);
    }

    /**
     * Gaussian elimination of {@code I - M} with partial pivoting into {@link #lu} (U on and above
     * the diagonal, the multipliers below it, {@link #swapAt} the interchanges); false when a pivot
     * is below 1e-12 (the factors are then not kept). A row's update runs only up to the pivot
     * row's last non-zero column ({@link #rowEnd}): beyond it the pivot row holds exact zeros, whose
     * products change no bit of the row.
     */
    private boolean factor() {
        factorisations++;
        for (int r = 0; r < m; r++) {
            int e = 0;
            for (int c = 0; c < m; c++) {
                double v = (r == c ? 1 : 0) - mono[r * m + c];
                lu[r * m + c] = v;
                if (v != 0) {
                    e = c + 1;
                }
            }
            rowEnd[r] = e;
        }
        for (int k = 0; k < m; k++) {
            int best = k;
            for (int r = k + 1; r < m; r++) {
                if (Math.abs(lu[r * m + k]) > Math.abs(lu[best * m + k])) {
                    best = r;
                }
            }
            swapAt[k] = best;
            if (best != k) {
                // Columns before k hold the multipliers of the earlier steps: they stay with the
                // positions they were applied at (the solve replays the steps in order).
                for (int c = k; c < m; c++) {
                    double tmp = lu[k * m + c];
                    lu[k * m + c] = lu[best * m + c];
                    lu[best * m + c] = tmp;
                }
                int tmp = rowEnd[k];
                rowEnd[k] = rowEnd[best];
                rowEnd[best] = tmp;
            }
            double diag = lu[k * m + k];
            if (!(Math.abs(diag) > 1e-12)) {
                return false;
            }
            int e = rowEnd[k];
            for (int r = k + 1; r < m; r++) {
                double f = lu[r * m + k] / diag;
                lu[r * m + k] = f;
                if (f != 0) {
                    for (int c = k + 1; c < e; c++) {
                        lu[r * m + c] -= f * lu[k * m + c];
                    }
                    rowEnd[r] = Math.max(rowEnd[r], e);
                }
            }
        }
        factored = true;
        return true;
    }
}
