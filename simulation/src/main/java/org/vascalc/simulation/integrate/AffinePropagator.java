package org.vascalc.simulation.integrate;

/**
 * The exact solution s(tau) of s' = A s + f, s(0) = 0, for a constant matrix A and a constant vector
 * f, and its derivative s'(tau) = A s(tau) + f: s(tau) = tau phi1(tau A) f. Computed as the Taylor
 * series of the solution over sub-intervals on which ||A|| delta &lt;= 1, each summed until its terms
 * fall below the rounding of the sum (at most 40 terms), so the result is exact to rounding, for any
 * A (repeated or clustered eigenvalues, zero rates) and without matrix functions. Only the nonzero
 * entries of A are visited: for a transit chain the cost is a few hundred flops per unit of ||A|| tau.
 * The last evaluation is remembered, so increasing tau for one f continues from there.
 *
 * <p>Hand-written: Hipparchus has no action of the phi functions on a vector. Not thread-safe; allocates
 * nothing after construction.
 */
public final class AffinePropagator {

    private static final int MAX_TERMS = 40;

    private final int m;
    private final int[] rowStart;
    private final int[] column;
    private final double[] value;
    /** Sub-interval length on which ||A delta||_inf &lt;= 1. */
    private final double maxDelta;
    private final double[] f;
    private final double[] s;
    private final double[] term;
    private final double[] next;
    private double tau;

    /** @param a the matrix A, row-major m x m (copied) */
    public AffinePropagator(double[] a, int m) {
        if (a.length != m * m) {
            throw new IllegalArgumentException("matrix has " + a.length + " entries, expected " + m + " x " + m);
        }
        this.m = m;
        int nnz = 0;
        double norm = 0;
        for (int i = 0; i < m; i++) {
            double row = 0;
            for (int j = 0; j < m; j++) {
                double v = a[i * m + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix entry (" + i + ", " + j + ") is not finite: " + v);
                }
                if (v != 0) {
                    nnz++;
                    row += Math.abs(v);
                }
            }
            norm = Math.max(norm, row);
        }
        rowStart = new int[m + 1];
        column = new int[nnz];
        value = new double[nnz];
        int k = 0;
        for (int i = 0; i < m; i++) {
            rowStart[i] = k;
            for (int j = 0; j < m; j++) {
                if (a[i * m + j] != 0) {
                    column[k] = j;
                    value[k++] = a[i * m + j];
                }
            }
        }
        rowStart[m] = k;
        maxDelta = norm > 0 ? 1 / norm : Double.POSITIVE_INFINITY;
        f = new double[m];
        s = new double[m];
        term = new double[m];
        next = new double[m];
    }

    public int dimension() {
        return m;
    }

    /** Sets the forcing f (copied) and restarts at tau = 0. */
    public void force(double[] forcing) {
        System.arraycopy(forcing, 0, f, 0, m);
        java.util.Arrays.fill(s, 0.0);
        tau = 0;
    }

    /**
     * Writes s(t) into {@code sOut} and s'(t) into {@code dsOut} (either may be null) for the forcing
     * set last; t &gt;= 0.
     */
    public void at(double t, double[] sOut, double[] dsOut) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time since the frame's origin must be finite and >= 0, was " + t);
        }
        if (t < tau) {
            java.util.Arrays.fill(s, 0.0);
            tau = 0;
        }
        while (tau < t) {
            double delta = Math.min(t - tau, maxDelta);
            advance(delta);
            tau = delta == t - tau ? t : tau + delta;
        }
        if (sOut != null) {
            System.arraycopy(s, 0, sOut, 0, m);
        }
        if (dsOut != null) {
            multiply(s, dsOut);
            for (int i = 0; i < m; i++) {
                dsOut[i] += f[i];
            }
        }
    }

    /** s(tau + delta) = sum_k delta^k / k! s^(k)(tau), with s' = A s + f and s^(k+1) = A s^(k) for k &gt;= 1. */
    private void advance(double delta) {
        multiply(s, term);
        for (int i = 0; i < m; i++) {
            term[i] = (term[i] + f[i]) * delta;
        }
        for (int k = 1; k <= MAX_TERMS; k++) {
            double largest = 0;
            double sum = 0;
            for (int i = 0; i < m; i++) {
                s[i] += term[i];
                largest = Math.max(largest, Math.abs(term[i]));
                sum = Math.max(sum, Math.abs(s[i]));
            }
            if (largest <= 1e-17 * sum || largest == 0) {
                return;
            }
            multiply(term, next);
            double scale = delta / (k + 1);
            for (int i = 0; i < m; i++) {
                term[i] = next[i] * scale;
            }
        }
    }

    private void multiply(double[] x, double[] out) {
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sum += value[k] * x[column[k]];
            }
            out[i] = sum;
        }
    }
}
