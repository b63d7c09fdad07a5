package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PivotOrderTest {

    @Test
    void takesTheHubOfAnArrowPatternLastSoThatNothingFills() {
        int n = 5;
        boolean[] pattern = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            pattern[i] = true;
            pattern[i * n] = true;
        }
        PivotOrder order = new PivotOrder(n);
        order.analyse(pattern);
        // Once a single leaf is left, hub and leaf are alike (count 1): the hub is one of the last two.
        for (int p = 0; p < n - 2; p++) {
            assertThat(order.original(p)).isNotZero();
        }
        int nonzeros = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                nonzeros += order.nonzero(p, q) ? 1 : 0;
            }
        }
        // The diagonal plus the hub's row and column: no fill.
        assertThat(nonzeros).isEqualTo(3 * n - 2);
    }

    @Test
    void recordsTheFillOfACycle() {
        // A 4-cycle 0 -> 1 -> 2 -> 3 -> 0 (entries (i, i+1) and (3, 0)): any order fills.
        int n = 4;
        boolean[] pattern = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            pattern[i * n + (i + 1) % n] = true;
        }
        PivotOrder order = new PivotOrder(n);
        order.analyse(pattern);
        int nonzeros = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                nonzeros += order.nonzero(p, q) ? 1 : 0;
            }
        }
        // Eliminating the first pivot joins its predecessor to its successor, and so on: n - 2 fill entries.
        assertThat(nonzeros).isEqualTo(2 * n + n - 2);
    }
}
