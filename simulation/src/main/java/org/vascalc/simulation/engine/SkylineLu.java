package org.vascalc.simulation.engine;

/**
 * LU decomposition of a small dense-stored but sparse matrix (the FAST Jacobian {@code J_ff} of
 * {@link AdiabaticResponse}), with partial pivoting, that skips the products of exact zeros.
 * {@code J_ff} of the engine is 33 x 33 and block-diagonal (the mineral block's 21 FAST states, the
 * vitamin K and gut states' 12 since the hepatic menaquinone {@code vitk.mkh2}; 85 non-zero entries
 * were counted at 32 x 32, before it, and it adds a few), so the full Crout sums spent about two
 * thirds of their products on zeros (the decomposition and its solves were ~4 % of a fast-mode
 * decade, JFR). The sums that remain run in the same order as the full ones, and a skipped product
 * is an exact zero, so the factors and solutions have the same bits as those of the full
 * decomposition (up to the sign of an exact zero; SkylineLuTest against the full one). Not
 * thread-safe; allocation-free after construction.
 */
final class SkylineLu {

    private final int m;
    /** The matrix, then its LU factors (unit lower L below the diagonal, U on and above it), row-major. */
    private final double[] lu;
    /** Row {@code r} of the factors is row {@code pivot[r]} of the matrix. */
    private final int[] pivot;
    /** Scratch: the column being decomposed, contiguous. */
    private final double[] column;
    private final double[] permuted;

    SkylineLu(int m) {
        this(m, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    SkylineLu(int m, RunArena arena) {
        this.m = m;
        lu = arena.doubles(m * m);
        pivot = arena.ints(m);
        column = arena.doubles(m);
        permuted = arena.doubles(m);
        rowStart = arena.ints(m);
        lowerEnd = arena.ints(m);
        upperStart = arena.ints(m);
    }

    /** The m x m matrix to decompose (row-major, written by the caller), then the factors. */
    double[] matrix() {
        return lu;
    }

    /**
     * Decomposes {@link #matrix} in place: Crout's column-by-column order (each
     * column's entries of U, then of L before the division by the pivot, as dot products in index
     * order) with partial pivoting, the largest candidate of a column becoming its pivot (row
     * interchanges in {@link #pivot}). False when a pivot is below {@code singularPivot}.
     *
     * <p>Each dot product starts where its first
     * non-zero product can be: not before the row's first non-zero entry of the matrix
     * ({@link #rowStart}, which moves with its row: a row's L entries before it are exact zeros) and
     * not before the column's first non-zero U entry. The products skipped are exact zeros, the
     * others are summed in the same order, so the factors are those of the full sums (up to the
     * sign of an exact zero). The same for the substitutions ({@link #solve}): each column's
     * elimination runs over its non-zero entries only ({@link #lowerEnd}, {@link #upperStart}).
     */
    boolean decompose(double singularPivot) {
        double[] a = lu;
        for (int r = 0; r < m; r++) {
            pivot[r] = r;
            int first = 0;
            while (first < m && a[r * m + first] == 0) {
                first++;
            }
            rowStart[r] = first;
        }
        // One column per call: with the columns' loops inline, this method (called a few times per
        // orbit) was compiled up to eleven times, as OSR compiles of each loop (docs/performance-log.md, "jitwork").
        for (int col = 0; col < m; col++) {
            if (!decomposeColumn(col, singularPivot)) {
                return false;
            }
        }
        // Each column's first non-zero U entry and one past its last non-zero L entry (col and col + 1
        // when none), read row by row: the matrix in storage order, not down its columns.
        for (int col = 0; col < m; col++) {
            upperStart[col] = col;
            lowerEnd[col] = col + 1;
        }
        for (int row = 0; row < m; row++) {
            int r = row * m;
            for (int col = 0; col < row; col++) {
                if (a[r + col] != 0) {
                    lowerEnd[col] = row + 1;
                }
            }
            for (int col = row + 1; col < m; col++) {
                if (a[r + col] != 0 && upperStart[col] == col) {
                    upperStart[col] = row;
                }
            }
        }
        return true;
    }

    /**
     * Column {@code col} of {@link #decompose}: its entries of U, then of L (divided by the pivot,
     * the largest candidate, whose row is interchanged into place). False when that pivot is below
     * {@code singularPivot}.
     */
    private boolean decomposeColumn(int col, double singularPivot) {
        double[] a = lu;
        // The column is copied to contiguous scratch (and kept up to date there): the dot products
        // then read both operands in order.
        double[] u = column;
        for (int row = 0; row < m; row++) {
            u[row] = a[row * m + col];
        }
        // first non-zero among the column's finished U entries (col: none yet)
        int uFirst = col;
        for (int row = 0; row < col; row++) {
            double sum = u[row];
            int r = row * m;
            for (int i = Math.max(rowStart[row], uFirst); i < row; i++) {
                sum -= a[r + i] * u[i];
            }
            u[row] = sum;
            a[r + col] = sum;
            if (uFirst == col && sum != 0) {
                uFirst = row;
            }
        }
        int best = col;
        double largest = Double.NEGATIVE_INFINITY;
        for (int row = col; row < m; row++) {
            double sum = u[row];
            int r = row * m;
            for (int i = Math.max(rowStart[row], uFirst); i < col; i++) {
                sum -= a[r + i] * u[i];
            }
            a[r + col] = sum;
            if (Math.abs(sum) > largest) {
                largest = Math.abs(sum);
                best = row;
            }
        }
        if (Math.abs(a[best * m + col]) < singularPivot) {
            return false;
        }
        if (best != col) {
            for (int i = 0; i < m; i++) {
                double keep = a[best * m + i];
                a[best * m + i] = a[col * m + i];
                a[col * m + i] = keep;
            }
            int keep = pivot[best];
            pivot[best] = pivot[col];
            pivot[col] = keep;
            keep = rowStart[best];
            rowStart[best] = rowStart[col];
            rowStart[col] = keep;
        }
        double diagonal = a[col * m + col];
        for (int row = col + 1; row < m; row++) {
            a[row * m + col] /= diagonal;
        }
        return true;
    }

    /**
     * Overwrites {@code b} with {@code J_ff^-1 b} from the factors (column-oriented substitutions; a
     * column whose unknown is an exact zero, or an entry of it that is, subtracts nothing).
     */
    void solve(double[] b) {
        double[] a = lu;
        double[] x = permuted;
        for (int r = 0; r < m; r++) {
            x[r] = b[pivot[r]];
        }
        for (int col = 0; col < m; col++) {
            double xc = x[col];
            if (xc == 0) {
                continue;
            }
            for (int i = col + 1, e = lowerEnd[col]; i < e; i++) {
                x[i] -= xc * a[i * m + col];
            }
        }
        for (int col = m - 1; col >= 0; col--) {
            x[col] /= a[col * m + col];
            double xc = x[col];
            if (xc == 0) {
                continue;
            }
            for (int i = upperStart[col]; i < col; i++) {
                x[i] -= xc * a[i * m + col];
            }
        }
        System.arraycopy(x, 0, b, 0, m);
    }

    /** Per row position of {@link #lu}: the first non-zero column of the matrix's row there. */
    private final int[] rowStart;
    /** Per column of the factors: one past its last non-zero L entry, and its first non-zero U entry. */
    private final int[] lowerEnd;
    private final int[] upperStart;
}
