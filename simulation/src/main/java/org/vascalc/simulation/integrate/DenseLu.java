package org.vascalc.simulation.integrate;

/**
 * In-place LU decomposition with partial pivoting of a dense row-major n x n matrix, and the
 * matching forward/back substitution. Hand-written rather than Hipparchus' {@code LUDecomposition}
 * because that one allocates new matrices on every decomposition, and the integrator decomposes once
 * per step (or per rejected step) and must allocate nothing in its loop. Doolittle ordering as in
 * Golub &amp; Van Loan (2013), Section 3.4 (outer-product form with row interchanges).
 */
final class DenseLu {

    private int n;
    private double[] lu;
    private int[] pivot;

    DenseLu(int n) {
        resize(n);
    }

    /** Regrows the work arrays only when the dimension changes. */
    void resize(int dimension) {
        if (lu == null || dimension != n) {
            n = dimension;
            lu = new double[n * n];
            pivot = new int[n];
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
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double factor = m[ri + k] * inv;
                m[ri + k] = factor;
                if (factor != 0) {
                    int rk = k * n;
                    for (int j = k + 1; j < n; j++) {
                        m[ri + j] -= factor * m[rk + j];
                    }
                }
            }
        }
        return true;
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
            for (int j = 0; j < i; j++) {
                sum -= m[ri + j] * b[j];
            }
            b[i] = sum;
        }
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double sum = b[i];
            for (int j = i + 1; j < n; j++) {
                sum -= m[ri + j] * b[j];
            }
            b[i] = sum / m[ri + i];
        }
    }
}
