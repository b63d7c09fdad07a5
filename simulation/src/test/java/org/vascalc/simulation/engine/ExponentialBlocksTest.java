package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link LinearBlockPropagator#exponentialBlocks} (E = e^{A tau}, F = ∫_0^tau e^{A s} ds,
 * H = ∫_0^tau ∫_0^s e^{A r} dr ds) called directly (the propagator keeps its matrices in a cache
 * shared by the process, so a test through it can read matrices computed earlier), against closed forms:
 * a rotation, whose exponential is [[cos, sin], [-sin, cos]], and a lower bidiagonal chain
 * 0 -> 1 -> 2 with rates 1, 2, 3, whose exponential has the divided differences of e^{lambda t} below
 * the diagonal and exact zeros above it (no state reaches an earlier one).
 */
class ExponentialBlocksTest {

    @Test
    void aRotationsBlocksAreItsClosedForms() {
        double t = 0.7;
        double[] out = LinearBlockPropagator.exponentialBlocks(new double[] {0, 1, -1, 0}, 2, t);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double[] e = {c, s, -s, c};
        double[] f = {s, 1 - c, c - 1, s};
        double[] h = {1 - c, t - s, s - t, 1 - c};
        assertThat(out).hasSize(12);
        for (int k = 0; k < 4; k++) {
            assertThat(out[k]).as("E %d", k).isCloseTo(e[k], within(1e-14));
            assertThat(out[4 + k]).as("F %d", k).isCloseTo(f[k], within(1e-14));
            assertThat(out[8 + k]).as("H %d", k).isCloseTo(h[k], within(1e-14));
        }
    }

    @Test
    void aChainsBlocksAreItsClosedFormsWithExactZerosAboveTheDiagonal() {
        // x0' = -x0, x1' = x0 - 2 x1, x2' = x1 - 3 x2.
        double[] a = {-1, 0, 0, 1, -2, 0, 0, 1, -3};
        double t = 1.3;
        double[] out = LinearBlockPropagator.exponentialBlocks(a, 3, t);
        // E_ij for lambda = -1, -2, -3: divided differences of e^{lambda t}; F and H the same of
        // (e^{lambda t} - 1) / lambda and (e^{lambda t} - 1 - lambda t) / lambda^2 (integrals in t).
        double[][] e = table(t, 0);
        double[][] f = table(t, 1);
        double[][] h = table(t, 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                String at = i + "," + j;
                if (j > i) {
                    assertThat(out[i * 3 + j]).as("E " + at).isEqualTo(0.0);
                    assertThat(out[9 + i * 3 + j]).as("F " + at).isEqualTo(0.0);
                    assertThat(out[18 + i * 3 + j]).as("H " + at).isEqualTo(0.0);
                } else {
                    assertThat(out[i * 3 + j]).as("E " + at).isCloseTo(e[i][j], within(1e-14));
                    assertThat(out[9 + i * 3 + j]).as("F " + at).isCloseTo(f[i][j], within(1e-14));
                    assertThat(out[18 + i * 3 + j]).as("H " + at).isCloseTo(h[i][j], within(1e-14));
                }
            }
        }
        // (2, 0) is reached only through state 1: not zeroed.
        assertThat(Math.abs(out[6])).isGreaterThan(1e-2);
    }

    /** Entry (i, j <= i) of the chain's E (k = 0), F (k = 1) or H (k = 2): divided differences over lambda_j..lambda_i. */
    private static double[][] table(double t, int k) {
        double[] lambda = {-1, -2, -3};
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int p = j; p <= i; p++) {
                    double denominator = 1;
                    for (int q = j; q <= i; q++) {
                        if (q != p) {
                            denominator *= lambda[p] - lambda[q];
                        }
                    }
                    sum += g(lambda[p], t, k) / denominator;
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    /** e^{l t}, its integral (e^{l t} - 1) / l, or the double integral (e^{l t} - 1 - l t) / l^2. */
    private static double g(double l, double t, int k) {
        double x = l * t;
        return switch (k) {
            case 0 -> Math.exp(x);
            case 1 -> Math.expm1(x) / l;
            default -> (Math.expm1(x) - x) / (l * l);
        };
    }
}
