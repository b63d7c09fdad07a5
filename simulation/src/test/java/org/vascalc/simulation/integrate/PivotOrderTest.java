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

    private static int[] orderOf(boolean[] pattern, int n) {
        PivotOrder order = new PivotOrder(n);
        order.analyse(pattern);
        int[] out = new int[n];
        for (int p = 0; p < n; p++) {
            out[p] = order.original(p);
        }
        return out;
    }

    /**
     * The Markowitz count (r - 1)(c - 1) and its tie-breaks, worked by hand on a star whose centre
     * is a column (entries (i, 0)) and on its transpose, the diagonal left out of the pattern (it
     * counts all the same). Column star: node 0 has r = 1, c = 5 (count 0, r + c = 6), each leaf
     * r = 2, c = 1 (count 0, r + c = 3): the leaves go first, in index order, and eliminating one
     * fills nothing; once one leaf is left, node 0 has r + c = 3 too and the lower index goes first. The row star is the same with r and c swapped. A count of
     * (r - 1)(c + 1) or (r + 1)(c - 1), or no tie-break on r + c, takes node 0 first in one of them.
     */
    @Test
    void ordersByTheMarkowitzCountThenTheFewerNonzerosThenTheLowerIndex() {
        int n = 5;
        boolean[] column = new boolean[n * n];
        boolean[] row = new boolean[n * n];
        for (int i = 1; i < n; i++) {
            column[i * n] = true;
            row[i] = true;
        }
        assertThat(orderOf(column, n)).containsExactly(1, 2, 3, 0, 4);
        assertThat(orderOf(row, n)).containsExactly(1, 2, 3, 0, 4);
        PivotOrder order = new PivotOrder(n);
        order.analyse(column);
        boolean[] filled = new boolean[n * n];
        order.copyFilled(filled);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // the pattern, the diagonal and no fill
                assertThat(filled[i * n + j]).as("(%d, %d)", i, j).isEqualTo(i == j || column[i * n + j]);
            }
        }
    }
}
