package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link SkylineLu} on matrices factored by hand: a tie for the pivot goes to the first candidate
 * (as the full Crout decomposition it replaced), a pivot equal to the singular bound is taken, and a
 * 3 x 3 skyline matrix whose factors, times each other, give back the permuted matrix.
 */
class SkylineLuHandTest {

    @Test
    void aPivotTieKeepsTheFirstRow() {
        // [[1, 2], [1, 3]]: both candidates 1, row 0 stays: L = [[1, 0], [1, 1]], U = [[1, 2], [0, 1]].
        SkylineLu lu = new SkylineLu(2);
        System.arraycopy(new double[] {1, 2, 1, 3}, 0, lu.matrix(), 0, 4);
        assertThat(lu.decompose(1e-14)).isTrue();
        assertThat(lu.matrix()).containsExactly(1, 2, 1, 1);
        double[] b = {3, 4};
        lu.solve(b);
        assertThat(b).containsExactly(1, 1);
    }

    @Test
    void aPivotAtTheSingularBoundIsTakenAndOneBelowIsNot() {
        SkylineLu lu = new SkylineLu(2);
        System.arraycopy(new double[] {2, 0, 0, 0.5}, 0, lu.matrix(), 0, 4);
        assertThat(lu.decompose(0.5)).isTrue();
        System.arraycopy(new double[] {2, 0, 0, 0.5}, 0, lu.matrix(), 0, 4);
        assertThat(lu.decompose(Math.nextUp(0.5))).isFalse();
    }

    @Test
    void aSkylineMatrixIsFactoredWithTheHandPivots() {
        // A = [[0, 0, 4], [2, 1, 0], [1, 3, 1]]. Column 0: candidates 0, 2, 1 -> row 1 (2) swapped to the
        // top, L = 0 (row of A's 0) and 1/2 (row 2). Column 1: U_01 = 1; candidates 0 - 0 = 0 and
        // 3 - 1/2 = 2.5 -> A's row 2 becomes the second, L_21 = 0 / 2.5 = 0. Column 2: U_02 = 0,
        // U_12 = 1 - 1/2 x 0 = 1, U_22 = 4 - 0 - 0 = 4. P A = L U with P = (1, 2, 0).
        SkylineLu lu = new SkylineLu(3);
        System.arraycopy(new double[] {0, 0, 4, 2, 1, 0, 1, 3, 1}, 0, lu.matrix(), 0, 9);
        assertThat(lu.decompose(1e-14)).isTrue();
        double[] expected = {2, 1, 0, 0.5, 2.5, 1, 0, 0, 4};
        for (int k = 0; k < 9; k++) {
            assertThat(lu.matrix()[k] + 0.0).as("entry %d", k).isEqualTo(expected[k]);
        }
        // A x = b with x = (1, -1, 2): b = (8, 1, 0).
        double[] b = {8, 1, 0};
        lu.solve(b);
        assertThat(b[0]).isCloseTo(1, within(1e-15));
        assertThat(b[1]).isCloseTo(-1, within(1e-15));
        assertThat(b[2]).isCloseTo(2, within(1e-15));
    }
}
