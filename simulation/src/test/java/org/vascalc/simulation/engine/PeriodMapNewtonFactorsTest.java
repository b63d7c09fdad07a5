package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PeriodMapNewton}'s kept factors and sparse products change no bit: on block-sparse
 * Jacobians shaped like the engine's FAST one (a 21-state block and an 11-state block, about three
 * entries a row, stiff and slow diagonals), the steps, end and start errors equal those of the
 * former dense code ({@link Reference}, copied from main c90e952) to the last bit, over a seed, a
 * Broyden update and a new orbit's first step; and that first step solved with the factors of the
 * last one instead of factoring again (a counter: fails without the kept factors).
 */
class PeriodMapNewtonFactorsTest {

    private static final int M = 32;
    private static final int SPLIT = 21;
    private static final double PERIOD = 24;

    @Test
    void stepsEqualTheDenseCodesToTheLastBitAndANewOrbitReusesTheFactors() {
        Random random = new Random(20261201L);
        for (int trial = 0; trial < 20; trial++) {
            double[] jacobian = blockSparse(random);
            PeriodMapNewton newton = new PeriodMapNewton(M);
            Reference reference = new Reference(M);
            newton.seed(jacobian, PERIOD);
            reference.seed(jacobian, PERIOD);
            double[] scale = new double[M];
            for (int i = 0; i < M; i++) {
                scale[i] = 1e-4 * (1 + random.nextDouble());
            }
            long factorisations = 0;
            for (int orbit = 0; orbit < 2; orbit++) {
                newton.beginOrbit();
                reference.beginOrbit();
                for (int k = 0; k < 3; k++) {
                    double[] x = vector(random, 10);
                    double[] p = vector(random, 10);
                    // a non-negative component stays so: exercise the clamp with a few negative ends
                    p[random.nextInt(M)] = -1e-3;
                    double[] next = new double[M];
                    double[] expected = new double[M];
                    newton.next(x, p, scale, next);
                    reference.next(x, p, scale, expected);
                    for (int i = 0; i < M; i++) {
                        assertThat(Double.doubleToLongBits(next[i] + 0.0))
                                .as("trial %d orbit %d period %d component %d", trial, orbit, k, i)
                                .isEqualTo(Double.doubleToLongBits(expected[i] + 0.0));
                    }
                    assertThat(newton.endError()).isEqualTo(reference.endError());
                    assertThat(newton.startError()).isEqualTo(reference.startError());
                    assertThat(newton.lastDefect()).isEqualTo(reference.lastDefect());
                    if (orbit == 1 && k == 0) {
                        // no secant pair yet in a new orbit: the monodromy is the last step's
                        assertThat(newton.factorisations()).isEqualTo(factorisations);
                    }
                    factorisations = newton.factorisations();
                }
            }
        }
    }

    /** A Jacobian with the engine's FAST block structure: two diagonal blocks, sparse, with stiff (minutes) and slow (weeks) diagonals. */
    private static double[] blockSparse(Random random) {
        double[] j = new double[M * M];
        for (int r = 0; r < M; r++) {
            int lo = r < SPLIT ? 0 : SPLIT;
            int hi = r < SPLIT ? SPLIT : M;
            j[r * M + r] = -Math.pow(10, -3 + 5 * random.nextDouble());
            for (int e = 0; e < 2; e++) {
                int c = lo + random.nextInt(hi - lo);
                if (c != r) {
                    j[r * M + c] = 0.3 * Math.abs(j[r * M + r]) * (random.nextDouble() - 0.5);
                }
            }
        }
        return j;
    }

    private static double[] vector(Random random, double size) {
        double[] v = new double[M];
        for (int i = 0; i < M; i++) {
            v[i] = size * random.nextDouble();
        }
        return v;
    }

    /** PeriodMapNewton as it was before the kept factors and the sparse products (main c90e952): the reference. */
    static final class Reference {
    
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
    
        Reference(int m) {
            this.m = m;
            mono = new double[m * m];
            lu = new double[m * m];
            prevX = new double[m];
            prevP = new double[m];
            s = new double[m];
            yv = new double[m];
            weight = new double[m];
            step = new double[m];
        }
    
        /** Forgets the learnt monodromy (new regimen or period: another map). */
        void reset() {
            Arrays.fill(mono, 0.0);
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
            double[] a = new double[m * m];
            for (int i = 0; i < m * m; i++) {
                a[i] = jacobian[i] * scale;
            }
            double[] term = new double[m * m];
            double[] sum = new double[m * m];
            double[] tmp = new double[m * m];
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
        }
    
        private void multiply(double[] x, double[] y, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < m; k++) {
                    double v = x[r * m + k];
                    if (v != 0) {
                        for (int c = 0; c < m; c++) {
                            out[r * m + c] += v * y[k * m + c];
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
    
        /** Solves (I - M) step = p - x; false when singular, not finite or larger than the cap. */
        private boolean solveStep(double[] x, double[] p, double defect) {
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    lu[r * m + c] = (r == c ? 1 : 0) - mono[r * m + c];
                }
                step[r] = p[r] - x[r];
            }
            for (int k = 0; k < m; k++) {
                int best = k;
                for (int r = k + 1; r < m; r++) {
                    if (Math.abs(lu[r * m + k]) > Math.abs(lu[best * m + k])) {
                        best = r;
                    }
                }
                if (best != k) {
                    for (int c = 0; c < m; c++) {
                        double tmp = lu[k * m + c];
                        lu[k * m + c] = lu[best * m + c];
                        lu[best * m + c] = tmp;
                    }
                    double tmp = step[k];
                    step[k] = step[best];
                    step[best] = tmp;
                }
                double diag = lu[k * m + k];
                if (!(Math.abs(diag) > 1e-12)) {
                    return false;
                }
                for (int r = k + 1; r < m; r++) {
                    double f = lu[r * m + k] / diag;
                    if (f != 0) {
                        for (int c = k + 1; c < m; c++) {
                            lu[r * m + c] -= f * lu[k * m + c];
                        }
                        step[r] -= f * step[k];
                    }
                }
            }
            for (int r = m - 1; r >= 0; r--) {
                double v = step[r];
                for (int c = r + 1; c < m; c++) {
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
    }
}
