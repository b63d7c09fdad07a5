package org.vascalc.simulation.integrate;

/**
 * LU decomposition of a row-major n x n matrix stored densely, and the matching forward/back
 * substitution. Hand-written rather than Hipparchus' {@code LUDecomposition} because that one
 * allocates new matrices on every decomposition, and the integrator decomposes once per step (or per
 * rejected step) and must allocate nothing in its loop.
 *
 * <p>The matrices it meets (the iteration matrix of a compartment model, I/(h gamma) - J) are mostly
 * zeros and dominated by their diagonal, so it first works as a sparse LU: the pivots are taken on
 * the diagonal in a fill-reducing order ({@link PivotOrder}, a function of the matrix's nonzero
 * pattern, remembered per pattern by {@link PivotOrders}), the elimination touches only the entries of L and
 * U that order allows, and {@link #solve} runs over compact lists of them with the inverse pivots.
 * A diagonal pivot is taken only if it is at least {@link #PIVOT_THRESHOLD} times the largest entry
 * below it in its column (threshold pivoting, {@code DuffErismanReid2017}), which bounds the growth
 * of the entries; when one is not, the matrix is decomposed instead with partial
 * pivoting in its natural order (Golub &amp; Van Loan 2013, Section 3.4, outer-product form with row
 * interchanges), which skips exact zeros but keeps the dense storage. Either way the solution is
 * the same to rounding.
 */
final class DenseLu {

    /**
     * Smallest ratio of a diagonal pivot to the largest entry below it in its column that the sparse
     * path accepts; the growth of an entry per elimination step is then at most a factor 1 + 1/0.01.
     * KLU, a sparse LU made for the similar matrices of circuit simulation, prefers the diagonal
     * down to 0.001 ({@code DavisNatarajan2010}). With 0.1 the FAST orbit's matrix fell back to the
     * dense path on about half of its decompositions (the ECF calcium pivot, 3.4, against the PTH
     * row's -89 below it, at the largest steps); with 0.01 on none (docs/performance-log.md, "orbitstep").
     */
    static final double PIVOT_THRESHOLD = 0.01;

    /**
     * The threshold this decomposition's sparse path takes a diagonal pivot from ({@link #PIVOT_THRESHOLD} unless
     * set: {@link #pivotThreshold(double)}).
     */
    private double pivotThreshold = PIVOT_THRESHOLD;

    private int n;
    /** The matrix to decompose (row-major); the dense path decomposes it in place. */
    private double[] lu;
    private int[] pivot;
    /** Nonzero columns of the current pivot row right of the diagonal (scratch of {@link #decomposeDense}). */
    private int[] rowNonzeros;
    /** Row i's nonzeros of L are entries lowStart[i] .. lowStart[i+1]-1 of lowIndex (flat index i*n+j, j &lt; i). */
    private int[] lowStart;
    private int[] lowIndex;
    /** Row i's nonzeros of U right of the diagonal, as for L. */
    private int[] upStart;
    private int[] upIndex;

    // Sparse path (pivot positions p = 0 .. n-1 in the order of PivotOrder).
    /** Whether the last successful decomposition took the sparse path. */
    private boolean sparse;
    /** The nonzero pattern the order was chosen for (row-major, original indices). */
    private boolean[] pattern;
    /** The pattern of L and U with their fill, by original indices (scratch of {@link #analyse}). */
    private boolean[] filled;
    private boolean analysed;
    /** Where the pivot order of a pattern comes from (shared by an integrator's decompositions). */
    private PivotOrders orders;
    /** {@code original[p]}: original index of pivot position p. */
    private int[] original;
    /** The matrix in pivot order, decomposed in place by the sparse path. */
    private double[] work;
    /** Pivot p's column of L: positions colRows[colStart[p] .. colStart[p+1]-1] (all &gt; p). */
    private int[] colStart;
    private int[] colRows;
    /** Pivot p's row of U: positions rowCols[rowStart[p] .. rowStart[p+1]-1] (all &gt; p). */
    private int[] rowStart;
    private int[] rowCols;
    /** Row p of L by columns (for the forward substitution): lCol[lStart[p] ..] and the values lVal. */
    private int[] lStart;
    private int[] lCol;
    private double[] lVal;
    /**
     * Row p of U right of the diagonal for the back substitution ({@link #solveSparse}), column p + 1
     * apart: the others uCol[uStart[p] ..] in descending order (latest solved last), with uVal the
     * entries times the row's inverse pivot, negated; uNext[p] the same for column p + 1 (0 where U
     * has no entry there), {@code uHasNext[p]} whether it has one.
     */
    private int[] uStart;
    private int[] uCol;
    private double[] uVal;
    private double[] uNext;
    private boolean[] uHasNext;
    private double[] inverseDiagonal;
    private double[] permuted;
    /**
     * The positions the sparse elimination reads (the diagonal and the pattern of L and U with their
     * fill), in pivot order ({@code fillTo}, row-major) and where the matrix holds them
     * ({@code fillFrom}, original indices): only these are copied into {@link #work}, not all n²
     * (the others are never read).
     */
    private int[] fillTo;
    private int[] fillFrom;
    private int fillCount;
    /** {@link #fillFrom} in a matrix of row length {@link #shiftedStride} ({@link #decomposeShifted}). */
    private int[] fillFromShifted;
    /** Row length {@link #fillFromShifted} holds positions for, or -1 (none since the last analysis). */
    private int shiftedStride = -1;
    private long sparseDecompositions;
    private long denseDecompositions;
    /** Sparse analyses of a pattern (pivot order looked up or chosen, L and U listed) so far. */
    private long patternAnalyses;

    DenseLu(int n) {
        resize(n);
    }

    /**
     * A decomposition that takes its pivot orders from {@code orders} (of the same dimension), shared
     * with others: the integrator keeps one decomposition per step size, all of matrices
     * I/(h gamma) - J with the same J, so with the same pattern.
     */
    DenseLu(int n, PivotOrders orders) {
        if (orders.dimension() != n) {
            throw new IllegalArgumentException("pivot orders of dimension " + orders.dimension() + " for a matrix of " + n);
        }
        resize(n);
        this.orders = orders;
    }

    /** Regrows the work arrays only when the dimension changes. */
    void resize(int dimension) {
        if (lu == null || dimension != n) {
            n = dimension;
            lu = new double[n * n];
            pivot = new int[n];
            rowNonzeros = new int[n];
            lowStart = new int[n + 1];
            upStart = new int[n + 1];
            // At most n (n - 1) / 2 nonzeros in a strictly triangular part.
            int triangle = n * (n - 1) / 2;
            lowIndex = new int[triangle];
            upIndex = new int[triangle];
            pattern = new boolean[n * n];
            filled = new boolean[n * n];
            analysed = false;
            orders = new PivotOrders(n);
            original = new int[n];
            work = new double[n * n];
            colStart = new int[n + 1];
            colRows = new int[triangle];
            rowStart = new int[n + 1];
            rowCols = new int[triangle];
            lStart = new int[n + 1];
            lCol = new int[triangle];
            lVal = new double[triangle];
            uStart = new int[n + 1];
            uCol = new int[triangle];
            uVal = new double[triangle];
            uNext = new double[n];
            uHasNext = new boolean[n];
            inverseDiagonal = new double[n];
            permuted = new double[n];
            fillTo = new int[n * n];
            fillFrom = new int[n * n];
            fillFromShifted = new int[n * n];
            shiftedStride = -1;
        }
    }

    int dimension() {
        return n;
    }

    /** Sets the sparse path's pivot threshold ({@link #PIVOT_THRESHOLD} by default), in (0, 1]. */
    void pivotThreshold(double threshold) {
        pivotThreshold = threshold;
    }

    /** The matrix to decompose: fill it row-major before calling {@link #decompose()}. */
    double[] matrix() {
        return lu;
    }

    /** Decompositions by the sparse path (diagonal pivots in fill-reducing order) so far. */
    long sparseDecompositions() {
        return sparseDecompositions;
    }

    /** Decompositions by the dense path (partial pivoting), taken when a diagonal pivot was too small. */
    long denseDecompositions() {
        return denseDecompositions;
    }

    /** Sparse analyses of a nonzero pattern so far (at a new pattern; the pivot order may come from the shared cache). */
    long patternAnalyses() {
        return patternAnalyses;
    }

    /** Pivot orders chosen afresh for this decomposition's patterns (and those sharing its orders). */
    long orderAnalyses() {
        return orders.analyses();
    }

    /**
     * Decomposes the matrix (after the call, {@link #matrix()} no longer holds it). The result
     * depends on the matrix alone (the pivot order on its nonzero pattern), not on earlier calls.
     *
     * @return false when a pivot is exactly zero or not finite (the matrix is singular to working precision)
     */
    boolean decompose() {
        if (!analysed || !samePattern()) {
            analyse();
        }
        if (decomposeSparse()) {
            sparse = true;
            sparseDecompositions++;
            return true;
        }
        sparse = false;
        denseDecompositions++;
        return decomposeDense();
    }

    /**
     * Decomposes {@code shift I - J} for the leading n x n block of {@code jac} (row-major with row
     * length {@code stride}): the same matrix, entry for entry ({@code (-J_ii) + shift} on the
     * diagonal), as filling {@link #matrix()} with it and calling {@link #decompose()}, so the same
     * result to the bit. When the pattern is the analysed one (the usual case: the W-method keeps J
     * and decomposes it for several step sizes), the sparse path reads only the positions its
     * elimination needs straight from {@code jac}; the n² matrix is written only for a new pattern
     * or the dense fallback.
     */
    boolean decomposeShifted(double[] jac, int stride, double shift) {
        return decomposeShifted(jac, stride, shift, null);
    }

    /**
     * As {@link #decomposeShifted(double[], int, double)}, with {@code jacobianPattern} (or null) the
     * nonzero pattern of the block's off-diagonal entries, {@code J_ij != 0} (NaN counts as nonzero), with
     * every diagonal entry true (n x n, row-major), as the caller found it once for this J: the
     * check that the shifted matrix has the analysed pattern is then a comparison of two boolean
     * arrays and a look at the n shifted diagonal entries, not n² comparisons at every
     * decomposition (a W-method decomposes one J for many step sizes). The result is the same.
     */
    boolean decomposeShifted(double[] jac, int stride, double shift, boolean[] jacobianPattern) {
        if (analysed && shiftedPatternHolds(jac, stride, shift, jacobianPattern) && eliminateShifted(jac, shift)) {
            return true;
        }
        fillShifted(jac, stride, shift);
        boolean done = decompose();
        if (analysed && shiftedStride != stride) {
            mapFillToStride(stride);
        }
        return done;
    }

    /**
     * Decomposes {@code shift I - J} as {@link #decomposeShifted(double[], int, double, boolean[])}, with the sparse
     * path's pivot order and lists taken for {@code superset} (n x n, row-major, every diagonal entry true), a pattern
     * that holds every nonzero of J's block off the diagonal and maybe more (a union of the patterns of several
     * Jacobians): the entries it holds that are zero in J are eliminated as zeros. So a J whose pattern differs from
     * the last one's only in entries of the superset finds its analysis made (fast mode's direct run, where the
     * differenced Jacobian's pattern changed from one Jacobian to the next and two in three decompositions analysed
     * the pattern afresh: docs/performance-log.md, "directcost2"). The result is the same matrix's LU, in another
     * pivot order than {@link #decomposeShifted(double[], int, double, boolean[])} may take: the same to rounding.
     * When a diagonal pivot fails the threshold, the dense path decomposes the matrix, as there.
     */
    boolean decomposeShiftedOver(double[] jac, int stride, double shift, boolean[] superset) {
        if (!(analysed && stride == shiftedStride && java.util.Arrays.equals(superset, pattern))) {
            System.arraycopy(superset, 0, pattern, 0, n * n);
            analysePattern();
            mapFillToStride(stride);
        }
        if (eliminateShifted(jac, shift)) {
            return true;
        }
        fillShifted(jac, stride, shift);
        sparse = false;
        denseDecompositions++;
        return decomposeDense();
    }

    /**
     * The nonzero pattern of the leading n x n block of {@code jac} off its diagonal, with the
     * diagonal true, into {@code out} (n x n): what {@link #decomposeShifted(double[], int, double, boolean[])}
     * takes, found once per J.
     */
    static void jacobianPattern(double[] jac, int stride, int n, boolean[] out) {
        for (int i = 0; i < n; i++) {
            int ri = i * stride;
            int pi = i * n;
            for (int j = 0; j < n; j++) {
                // -x != 0 exactly when x != 0 (NaN included)
                out[pi + j] = i == j || jac[ri + j] != 0;
            }
        }
    }

    /**
     * The sparse path of both shifted decompositions: {@code shift I - J} copied from {@code jac} at the analysed
     * positions only ({@link #fillFromShifted}, set for jac's row length) into {@link #work}, -J and then the shift
     * added to the diagonal (the bits of {@link #fillShifted}), and eliminated; false (nothing counted) when a pivot
     * fails, and the caller then takes the dense path.
     */
    private boolean eliminateShifted(double[] jac, double shift) {
        double[] w = work;
        for (int k = 0; k < fillCount; k++) {
            w[fillTo[k]] = -jac[fillFromShifted[k]];
        }
        for (int p = 0; p < n; p++) {
            w[p * n + p] += shift;
        }
        if (eliminateSparse()) {
            sparse = true;
            sparseDecompositions++;
            return true;
        }
        return false;
    }

    /** Sets {@link #fillFromShifted}: the analysed positions {@link #fillFrom} in a matrix of row length {@code stride}. */
    private void mapFillToStride(int stride) {
        for (int k = 0; k < fillCount; k++) {
            int from = fillFrom[k];
            fillFromShifted[k] = (from / n) * stride + from % n;
        }
        shiftedStride = stride;
    }

    /** Writes {@code shift I - J} into {@link #matrix()} as the integrator did: -J, then the shift added to the diagonal. */
    private void fillShifted(double[] jac, int stride, double shift) {
        double[] m = lu;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = -jac[i * stride + j];
            }
            m[i * n + i] += shift;
        }
    }

    /**
     * Whether the nonzeros of {@code shift I - J} are exactly those of the analysed pattern (J read
     * in place); with {@code jacobianPattern} (see {@link #decomposeShifted(double[], int, double, boolean[])})
     * equal to the analysed pattern, only the shifted diagonal is looked at.
     */
    private boolean shiftedPatternHolds(double[] jac, int stride, double shift, boolean[] jacobianPattern) {
        if (stride != shiftedStride) {
            return false;
        }
        if (jacobianPattern != null && java.util.Arrays.equals(jacobianPattern, pattern)) {
            // Off the diagonal the pattern is J's; on it every analysed entry is nonzero.
            for (int i = 0; i < n; i++) {
                if ((-jac[i * stride + i] + shift) == 0) {
                    return false;
                }
            }
            return true;
        }
        int mismatches = 0;
        for (int i = 0; i < n; i++) {
            int ri = i * stride;
            int pi = i * n;
            for (int j = 0; j < n; j++) {
                // -x != 0 exactly when x != 0 (NaN included); the diagonal is corrected below
                mismatches += (jac[ri + j] != 0) == pattern[pi + j] ? 0 : 1;
            }
            boolean unshifted = (jac[ri + i] != 0) == pattern[pi + i];
            boolean shifted = ((-jac[ri + i] + shift) != 0) == pattern[pi + i];
            mismatches += (unshifted ? 1 : 0) - (shifted ? 1 : 0);
        }
        return mismatches == 0;
    }

    /** Whether the matrix's nonzeros are exactly those of the analysed pattern. */
    private boolean samePattern() {
        for (int e = 0; e < n * n; e++) {
            if ((lu[e] != 0) != pattern[e]) {
                return false;
            }
        }
        return true;
    }

    /** Takes the pivot order for the current matrix's pattern and lists L and U by it. */
    private void analyse() {
        for (int e = 0; e < n * n; e++) {
            pattern[e] = lu[e] != 0;
        }
        analysePattern();
    }

    /** Takes the pivot order for {@link #pattern} and lists L and U by it. */
    private void analysePattern() {
        patternAnalyses++;
        orders.orderFor(pattern, original, filled);
        int col = 0;
        int row = 0;
        int low = 0;
        for (int p = 0; p < n; p++) {
            int rp = original[p] * n;
            colStart[p] = col;
            rowStart[p] = row;
            lStart[p] = low;
            for (int q = p + 1; q < n; q++) {
                if (filled[original[q] * n + original[p]]) {
                    colRows[col++] = q;
                }
                if (filled[rp + original[q]]) {
                    rowCols[row++] = q;
                }
            }
            for (int q = 0; q < p; q++) {
                if (filled[rp + original[q]]) {
                    lCol[low++] = q;
                }
            }
        }
        colStart[n] = col;
        rowStart[n] = row;
        lStart[n] = low;
        int rest = 0;
        for (int p = 0; p < n; p++) {
            uStart[p] = rest;
            uHasNext[p] = false;
            for (int u = rowStart[p + 1] - 1; u >= rowStart[p]; u--) {
                if (rowCols[u] == p + 1) {
                    uHasNext[p] = true;
                } else {
                    uCol[rest++] = rowCols[u];
                }
            }
        }
        uStart[n] = rest;
        int count = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                int from = original[p] * n + original[q];
                if (p == q || filled[from]) {
                    fillTo[count] = p * n + q;
                    fillFrom[count++] = from;
                }
            }
        }
        fillCount = count;
        shiftedStride = -1;
        analysed = true;
    }

    /**
     * Eliminates with diagonal pivots in the analysed order over the analysed pattern; false (the
     * input matrix untouched) when a pivot is zero, not finite, or below the threshold.
     */
    private boolean decomposeSparse() {
        double[] w = work;
        for (int k = 0; k < fillCount; k++) {
            w[fillTo[k]] = lu[fillFrom[k]];
        }
        return eliminateSparse();
    }

    /** The sparse elimination of {@link #work}, filled at the analysed positions; false when a pivot fails. */
    private boolean eliminateSparse() {
        double[] w = work;
        for (int p = 0; p < n; p++) {
            int rp = p * n;
            double d = w[rp + p];
            double largest = 0;
            for (int c = colStart[p]; c < colStart[p + 1]; c++) {
                largest = Math.max(largest, Math.abs(w[colRows[c] * n + p]));
            }
            if (!(Math.abs(d) >= pivotThreshold * largest) || d == 0 || !Double.isFinite(d)) {
                return false;
            }
            double inv = 1 / d;
            inverseDiagonal[p] = inv;
            int rs = rowStart[p];
            int re = rowStart[p + 1];
            for (int c = colStart[p]; c < colStart[p + 1]; c++) {
                int ri = colRows[c] * n;
                double factor = w[ri + p] * inv;
                w[ri + p] = factor;
                if (factor != 0) {
                    for (int u = rs; u < re; u++) {
                        int j = rowCols[u];
                        w[ri + j] -= factor * w[rp + j];
                    }
                }
            }
        }
        for (int p = 0; p < n; p++) {
            int rp = p * n;
            double inv = inverseDiagonal[p];
            for (int u = uStart[p]; u < uStart[p + 1]; u++) {
                uVal[u] = -(w[rp + uCol[u]] * inv);
            }
            uNext[p] = uHasNext[p] ? -(w[rp + p + 1] * inv) : 0;
            for (int l = lStart[p]; l < lStart[p + 1]; l++) {
                lVal[l] = w[rp + lCol[l]];
            }
        }
        return true;
    }

    private boolean decomposeDense() {
        double[] m = lu;
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(m[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(m[i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (!(max > 0) || !Double.isFinite(max)) {
                return false;
            }
            if (p != k) {
                int rk = k * n;
                int rp = p * n;
                for (int j = 0; j < n; j++) {
                    double t = m[rk + j];
                    m[rk + j] = m[rp + j];
                    m[rp + j] = t;
                }
            }
            double inv = 1 / m[k * n + k];
            int rk = k * n;
            int count = 0;
            for (int j = k + 1; j < n; j++) {
                if (m[rk + j] != 0) {
                    rowNonzeros[count++] = j;
                }
            }
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double factor = m[ri + k] * inv;
                m[ri + k] = factor;
                if (factor != 0) {
                    for (int q = 0; q < count; q++) {
                        int j = rowNonzeros[q];
                        m[ri + j] -= factor * m[rk + j];
                    }
                }
            }
        }
        listNonzeros();
        return true;
    }

    /** Lists the nonzeros of L and U by row for {@link #solveDense}. */
    private void listNonzeros() {
        double[] m = lu;
        int low = 0;
        int up = 0;
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            lowStart[i] = low;
            for (int j = 0; j < i; j++) {
                if (m[ri + j] != 0) {
                    lowIndex[low++] = ri + j;
                }
            }
            upStart[i] = up;
            for (int j = i + 1; j < n; j++) {
                if (m[ri + j] != 0) {
                    upIndex[up++] = ri + j;
                }
            }
        }
        lowStart[n] = low;
        upStart[n] = up;
    }

    /** Overwrites {@code b} with the solution x of A x = b, A being the last decomposed matrix. */
    void solve(double[] b) {
        if (sparse) {
            solveSparse(b);
        } else {
            solveDense(b);
        }
    }

    /**
     * Forward and back substitution in the pivot order. The solve is bound by its chain of
     * dependent rows, not by its ~50 multiply-adds: the fast orbit's matrix is 14 rows deep, six of
     * them a transit chain of depots where each row needs the one solved just before it. So the
     * back substitution keeps each row's link in that chain short: it starts from
     * {@code x_p / d_p} and the U entries pre-scaled by the inverse pivot (off the chain), latest
     * solved column last, and adds column p + 1's term last from a register (not through memory),
     * each term as one fused multiply-add ({@link Math#fma}). The forward substitution is the
     * plain one (its chain is three rows). The result differs from {@code (x_p - sum u_pq x_q) / d_p}
     * in rounding only (docs/performance-log.md, "stepcost").
     */
    private void solveSparse(double[] b) {
        double[] x = permuted;
        for (int p = 0; p < n; p++) {
            double sum = b[original[p]];
            for (int l = lStart[p]; l < lStart[p + 1]; l++) {
                sum -= lVal[l] * x[lCol[l]];
            }
            x[p] = sum;
        }
        double next = 0;
        for (int p = n - 1; p >= 0; p--) {
            double sum = x[p] * inverseDiagonal[p];
            for (int u = uStart[p]; u < uStart[p + 1]; u++) {
                sum = Math.fma(uVal[u], x[uCol[u]], sum);
            }
            // uNext[p] is 0 where U has no entry in column p + 1: the term is then a zero (x is finite
            // in a step that is kept; a non-finite one makes the step fail either way)
            sum = Math.fma(uNext[p], next, sum);
            x[p] = sum;
            next = sum;
            b[original[p]] = sum;
        }
    }

    private void solveDense(double[] b) {
        double[] m = lu;
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = b[k];
                b[k] = b[p];
                b[p] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            int ri = i * n;
            double sum = b[i];
            for (int q = lowStart[i]; q < lowStart[i + 1]; q++) {
                int e = lowIndex[q];
                sum -= m[e] * b[e - ri];
            }
            b[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double sum = b[i];
            for (int q = upStart[i]; q < upStart[i + 1]; q++) {
                int e = upIndex[q];
                sum -= m[e] * b[e - ri];
            }
            b[i] = sum / m[ri + i];
        }
    }
}
