package org.vascalc.simulation.integrate;

/**
 * A pivot order for an LU decomposition with pivots on the diagonal, chosen from the nonzero
 * pattern alone, and the pattern of L and U it gives (the original nonzeros plus the fill): the
 * symbolic half of a sparse LU. At each elimination step the pivot is the remaining diagonal entry
 * of least Markowitz count (r - 1)(c - 1), r and c its row's and column's nonzeros in the remaining
 * submatrix ({@code Markowitz1957}; Duff, Erisman &amp; Reid, Direct Methods for Sparse Matrices,
 * {@code DuffErismanReid2017}); ties go to the fewer nonzeros, then to the lower index.
 * The iteration matrices of the compartment models it is made for are mostly chains and
 * triangular couplings (gut segments, depots, the vitamin K cycle), whose Markowitz count is zero,
 * so they are eliminated without fill and the coupled core comes last.
 *
 * <p>Hand-written: Hipparchus has no sparse LU, and the one routine needed (a static diagonal
 * Markowitz order on a matrix of a few dozen rows) is short. Allocation-free after construction;
 * O(n^3) per {@link #analyse}, which runs once per new pattern ({@link PivotOrders}).
 */
final class PivotOrder {

    private final int n;
    /** The pattern analysed so far (row-major), then the fill; the diagonal is always in it. */
    private final boolean[] filled;
    private final boolean[] eliminated;
    /** {@code order[p]} is the original index of the p-th pivot. */
    private final int[] order;

    PivotOrder(int n) {
        this.n = n;
        filled = new boolean[n * n];
        eliminated = new boolean[n];
        order = new int[n];
    }

    /**
     * Chooses the order for the nonzeros of {@code pattern} (row-major, n x n; true = may be nonzero;
     * the diagonal counts as nonzero) and records the fill.
     */
    void analyse(boolean[] pattern) {
        System.arraycopy(pattern, 0, filled, 0, n * n);
        for (int i = 0; i < n; i++) {
            filled[i * n + i] = true;
            eliminated[i] = false;
        }
        for (int p = 0; p < n; p++) {
            int best = -1;
            long bestCount = Long.MAX_VALUE;
            int bestSum = Integer.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                if (eliminated[k]) {
                    continue;
                }
                int r = 0;
                int c = 0;
                for (int j = 0; j < n; j++) {
                    if (!eliminated[j]) {
                        r += filled[k * n + j] ? 1 : 0;
                        c += filled[j * n + k] ? 1 : 0;
                    }
                }
                long count = (long) (r - 1) * (c - 1);
                if (count < bestCount || count == bestCount && r + c < bestSum) {
                    best = k;
                    bestCount = count;
                    bestSum = r + c;
                }
            }
            order[p] = best;
            eliminated[best] = true;
            // Fill: every remaining row with an entry in the pivot column gets the pivot row's entries.
            for (int i = 0; i < n; i++) {
                if (eliminated[i] || !filled[i * n + best]) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if (!eliminated[j] && filled[best * n + j]) {
                        filled[i * n + j] = true;
                    }
                }
            }
        }
    }

    /** The original index of the p-th pivot. */
    int original(int p) {
        return order[p];
    }

    /** Copies the pattern of L and U with their fill (row-major, original indices) into {@code out}. */
    void copyFilled(boolean[] out) {
        System.arraycopy(filled, 0, out, 0, n * n);
    }

    /** Whether L or U (in pivot order: rows and columns are pivot positions) may hold a nonzero at (p, q). */
    boolean nonzero(int p, int q) {
        return filled[order[p] * n + order[q]];
    }
}
