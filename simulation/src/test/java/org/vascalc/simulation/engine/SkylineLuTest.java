package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SkylineLu} gives the bits of the full Crout decomposition it replaced in
 * {@link AdiabaticResponse} ({@link FullCrout}, below: dot products over every index, no bounds): on
 * block-sparse matrices shaped like the engine's {@code J_ff} and on dense ones, the factors, the
 * pivots and the solutions of sparse and dense right-hand sides are equal to the last bit (the sign
 * of an exact zero aside). That covers the skyline's bounds however they are computed (its row starts,
 * the columns' first U and last L entries): a bound one entry too tight skips a non-zero product and
 * moves the bits.
 */
class SkylineLuTest {

    private static final double SINGULAR = 1e-14;

    @Test
    void factorsAndSolutionsEqualTheFullCroutsToTheLastBit() {
        Random random = new Random(42);
        int compared = 0;
        for (int trial = 0; trial < 200; trial++) {
            int m = trial % 4 == 3 ? 12 : 32;
            boolean dense = trial % 5 == 4;
            double[] matrix = dense ? dense(random, m) : blockSparse(random, m);
            SkylineLu sky = new SkylineLu(m);
            System.arraycopy(matrix, 0, sky.matrix(), 0, m * m);
            FullCrout full = new FullCrout(m);
            System.arraycopy(matrix, 0, full.lu, 0, m * m);
            boolean ok = full.decompose();
            assertThat(sky.decompose(SINGULAR)).isEqualTo(ok);
            if (!ok) {
                continue;
            }
            for (int i = 0; i < m * m; i++) {
                assertThat(bits(sky.matrix()[i])).as("trial %d entry %d", trial, i).isEqualTo(bits(full.lu[i]));
            }
            for (int rhs = 0; rhs < 6; rhs++) {
                double[] b = new double[m];
                for (int i = 0; i < m; i++) {
                    // sparse right-hand sides, as the columns of J_fs are (the first one dense)
                    b[i] = rhs == 0 || random.nextInt(4) == 0 ? random.nextGaussian() : 0;
                }
                double[] x = b.clone();
                double[] y = b.clone();
                sky.solve(x);
                full.solve(y);
                for (int i = 0; i < m; i++) {
                    assertThat(bits(x[i])).as("trial %d solution %d", trial, i).isEqualTo(bits(y[i]));
                }
            }
            compared++;
        }
        assertThat(compared).as("non-singular matrices compared").isGreaterThan(100);
    }

    @Test
    void aSingularMatrixIsReportedSo() {
        int m = 5;
        SkylineLu sky = new SkylineLu(m);
        double[] a = sky.matrix();
        for (int i = 0; i < m; i++) {
            a[i * m + i] = i == 3 ? 0 : -1;
        }
        assertThat(sky.decompose(SINGULAR)).isFalse();
    }

    private static long bits(double v) {
        return Double.doubleToLongBits(v + 0.0);
    }

    /** Two diagonal blocks (21 and the rest), about three entries a row, a few rows with a small diagonal (pivoting). */
    private static double[] blockSparse(Random random, int m) {
        int split = Math.min(21, m - 3);
        double[] a = new double[m * m];
        for (int r = 0; r < m; r++) {
            int lo = r < split ? 0 : split;
            int hi = r < split ? split : m;
            a[r * m + r] = (random.nextInt(6) == 0 ? 1e-3 : 1) * -Math.pow(10, 4 * random.nextDouble() - 2);
            for (int e = 0; e < 3; e++) {
                int c = lo + random.nextInt(hi - lo);
                if (c != r) {
                    a[r * m + c] = random.nextGaussian() * Math.pow(10, 2 * random.nextDouble() - 1);
                }
            }
        }
        return a;
    }

    private static double[] dense(Random random, int m) {
        double[] a = new double[m * m];
        for (int i = 0; i < m * m; i++) {
            a[i] = random.nextGaussian();
        }
        return a;
    }

    /**
     * The oracle: AdiabaticResponse's decomposition and solve as they were before the skyline (every
     * product summed, no bounds, no skipped columns): the plain dense Crout with partial pivoting. It
     * exists to be simpler than {@link SkylineLu}, so it must NOT be changed to mirror it; a change of
     * the skyline's arithmetic order that is meant would show here and be decided on its own.
     */
    private static final class FullCrout {
        final int m;
        final double[] lu;
        final int[] pivot;
        final double[] column;
        final double[] permuted;

        FullCrout(int m) {
            this.m = m;
            lu = new double[m * m];
            pivot = new int[m];
            column = new double[m];
            permuted = new double[m];
        }

        boolean decompose() {
            double[] a = lu;
            for (int r = 0; r < m; r++) {
                pivot[r] = r;
            }
            double[] u = column;
            for (int col = 0; col < m; col++) {
                for (int row = 0; row < m; row++) {
                    u[row] = a[row * m + col];
                }
                for (int row = 0; row < col; row++) {
                    double sum = u[row];
                    int r = row * m;
                    for (int i = 0; i < row; i++) {
                        sum -= a[r + i] * u[i];
                    }
                    u[row] = sum;
                    a[r + col] = sum;
                }
                int best = col;
                double largest = Double.NEGATIVE_INFINITY;
                for (int row = col; row < m; row++) {
                    double sum = u[row];
                    int r = row * m;
                    for (int i = 0; i < col; i++) {
                        sum -= a[r + i] * u[i];
                    }
                    a[r + col] = sum;
                    if (Math.abs(sum) > largest) {
                        largest = Math.abs(sum);
                        best = row;
                    }
                }
                if (Math.abs(a[best * m + col]) < SINGULAR) {
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
                }
                double diagonal = a[col * m + col];
                for (int row = col + 1; row < m; row++) {
                    a[row * m + col] /= diagonal;
                }
            }
            return true;
        }

        void solve(double[] b) {
            double[] a = lu;
            double[] x = permuted;
            for (int r = 0; r < m; r++) {
                x[r] = b[pivot[r]];
            }
            for (int col = 0; col < m; col++) {
                double xc = x[col];
                for (int i = col + 1; i < m; i++) {
                    x[i] -= xc * a[i * m + col];
                }
            }
            for (int col = m - 1; col >= 0; col--) {
                x[col] /= a[col * m + col];
                double xc = x[col];
                for (int i = 0; i < col; i++) {
                    x[i] -= xc * a[i * m + col];
                }
            }
            System.arraycopy(x, 0, b, 0, m);
        }
    }
}
