package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.integrate.OdeSystem;

/**
 * {@link GroupedJacobian} on a four-state system whose Jacobian is worked by hand:
 * f0 = -2 y0 + y1, f1 = 3 y1^2, f2 = y2 y3, f3 = 5. Columns 0 and 1 share row 0, columns 2 and 3
 * row 2; so the greedy colouring puts {0, 2} and {1, 3} together: two derivative calls per Jacobian
 * besides the one at y. At y3 = 0 the column of y2 vanishes, and only the shifted probe sees that it
 * touches row 2.
 */
class GroupedJacobianTest {

    /** The system above, counting its derivative calls. */
    private static final class Four implements OdeSystem {
        int calls;

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            calls++;
            dydt[0] = -2 * y[0] + y[1];
            dydt[1] = 3 * y[1] * y[1];
            dydt[2] = y[2] * y[3];
            dydt[3] = 5;
        }
    }

    @Test
    void theJacobianIsTheHandOneFromTwoGroupedCalls() {
        Four system = new Four();
        GroupedJacobian jacobian = new GroupedJacobian(system, new double[] {1e-6, 1e-6, 1e-6, 1e-6});
        assertThat(jacobian.groups()).isEqualTo(-1);
        double[] y = {1, 2, 3, 0};
        double[] dfdy = new double[16];
        Arrays.fill(dfdy, Double.NaN);
        jacobian.evaluate(0, y, dfdy);
        assertThat(jacobian.groups()).isEqualTo(2);
        // d f0 = (-2, 1, 0, 0); d f1 = (0, 6 y1 = 12, 0, 0); d f2 = (0, 0, y3 = 0, y2 = 3); d f3 = 0.
        double[] hand = {-2, 1, 0, 0, 0, 12, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0};
        for (int k = 0; k < 16; k++) {
            // forward differences: exact for the linear entries to rounding, 3 delta for 3 y1^2 (delta ~ 3e-8)
            assertThat(dfdy[k]).as("entry %d", k).isCloseTo(hand[k], within(2e-7));
        }
        assertThat(y).containsExactly(1, 2, 3, 0);

        // A second Jacobian: one call at y and one per group, and the colouring is kept.
        system.calls = 0;
        double[] y2 = {-1, 0.5, 2, 7};
        jacobian.evaluate(0, y2, dfdy);
        assertThat(system.calls).isEqualTo(3);
        double[] hand2 = {-2, 1, 0, 0, 0, 3, 0, 0, 0, 0, 7, 2, 0, 0, 0, 0};
        for (int k = 0; k < 16; k++) {
            assertThat(dfdy[k]).as("entry %d", k).isCloseTo(hand2[k], within(1e-6));
        }
        assertThat(y2).containsExactly(-1, 0.5, 2, 7);
    }

    @Test
    void aZeroStateIsPerturbedOnItsAbsoluteToleranceScale() {
        // f3 = 5 does not depend on y; at y = 0 each column's increment is sqrt(ulp(1)) * 1e3 * atol:
        // the quadratic f1 = 3 y1^2 then differences to 3 * increment, not to 0 nor to 3 * 1e-8.
        Four system = new Four();
        double atol = 1e-2;
        GroupedJacobian jacobian = new GroupedJacobian(system, new double[] {atol, atol, atol, atol});
        double[] dfdy = new double[16];
        jacobian.evaluate(0, new double[4], dfdy);
        double increment = Math.sqrt(Math.ulp(1.0)) * 1e3 * atol;
        assertThat(dfdy[5]).isCloseTo(3 * increment, within(1e-12));
        assertThat(dfdy[0]).isCloseTo(-2, within(1e-9));
    }

    @Test
    void greedyGroupsJoinTheFirstGroupWithoutAClashAndOwnersNameTheColumnPerRow() {
        // Rows touched: c0 {0}, c1 {0, 1}, c2 {2}, c3 {2}, c4 {1, 70} (a second word of rows).
        boolean[][] touches = new boolean[5][71];
        touches[0][0] = true;
        touches[1][0] = true;
        touches[1][1] = true;
        touches[2][2] = true;
        touches[3][2] = true;
        touches[4][1] = true;
        touches[4][70] = true;
        int[][] groups = GroupedJacobian.greedyGroups(touches, 71);
        // c0 -> g0; c1 clashes g0 -> g1; c2 -> g0; c3 clashes g0 (row 2) -> g1; c4 clashes g1 (row 1) -> g0.
        assertThat(groups).isDeepEqualTo(new int[][] {{0, 2, 4}, {1, 3}});
        int[][] owners = GroupedJacobian.rowOwners(groups, touches, 71);
        assertThat(owners[0][0]).isEqualTo(0);
        assertThat(owners[0][1]).isEqualTo(4);
        assertThat(owners[0][2]).isEqualTo(2);
        assertThat(owners[0][70]).isEqualTo(4);
        assertThat(owners[0][3]).isEqualTo(-1);
        assertThat(owners[1][0]).isEqualTo(1);
        assertThat(owners[1][1]).isEqualTo(1);
        assertThat(owners[1][2]).isEqualTo(3);
        assertThat(owners[1][70]).isEqualTo(-1);
    }
}
