package org.vascalc.simulation.integrate;

/**
 * In-place LU decomposition with partial pivoting of a dense row-major n x n matrix, and the
 * matching forward/back substitution. Hand-written rather than Hipparchus' {@code LUDecomposition}
 * because that one allocates new matrices on every decomposition, and the integrator decomposes once
 * per step (or per rejected step) and must allocate nothing in its loop. Doolittle ordering as in
 * Golub &amp; Van Loan (2013), Section 3.4 (outer-product form with row interchanges).
 *
 * <p>The matrices it meets (the iteration matrix of a compartment model, I/(h gamma) - J) are mostly
 * zeros, so it works like a sparse LU on dense storage: each elimination step updates only the
 * pivot row's nonzero columns in the rows with a nonzero multiplier, and {@link #solve} runs over
 * the nonzeros of L and U, listed once per decomposition. Skipping exact zeros changes no result
 * (x - f * 0 is x for every finite f), it only saves the work.
 */
final class DenseLu {

    private int n;
    private double[] lu;
    private int[] pivot;
    /** Nonzero columns of the current pivot row right of the diagonal (scratch of {@link #decompose}). */
    private int[] rowNonzeros;
    /** Row i's nonzeros of L are entries lowStart[i] .. lowStart[i+1]-1 of lowIndex (flat index i*n+j, j &lt; i). */
    private int[] lowStart;
    private int[] lowIndex;
    /** Row i's nonzeros of U right of the diagonal, as for L. */
    private int[] upStart;
    private int[] upIndex;

    DenseLu(int n) {
        resize(n);
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
            lowIndex = new int[n * (n - 1) / 2];
            upIndex = new int[n * (n - 1) / 2];
        }
    }

    int dimension() {
        return n;
    }

    /** The matrix to decompose: fill it row-major before calling {@link #decompose()}. */
    double[] matrix() {
        return lu;
    }

    /**
     * Decomposes the matrix in place.
     *
     * @return false when a pivot is exactly zero or not finite (the matrix is singular to working precision)
     */
    boolean decompose() {
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

    /** Lists the nonzeros of L and U by row for {@link #solve}. */
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
