package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link FluxSecant}'s rank-one update worked by hand: three SLOW rows, two columns (states 0 and 1,
 * weights 2 and 1), state 2 entering no FAST derivative. From the base (0, 0, 0) an orbit at
 * (0.5, 1, 9) shows the changes (3, -1, 0): the move is (0.5 x 2, 1 x 1) = (1, 1) in the weights,
 * |move|^2 = 2, and each row gains residual x move_c x weight_c / 2: S = [[3, 1.5], [-1, -0.5], [0, 0]]
 * per unit of the states, which reproduces (3, -1, 0) at that state (the secant condition).
 */
class FluxSecantUpdateTest {

    private static FluxSecant secant() {
        return new FluxSecant(3, new int[] {0, 1}, new double[] {2, 1});
    }

    @Test
    void theUpdateReproducesTheLastChangeAndChangesEqualsChangePerRow() {
        FluxSecant secant = secant();
        secant.rebase(new double[] {0, 0, 0});
        assertThat(secant.entersOrbit(0)).isTrue();
        assertThat(secant.entersOrbit(1)).isTrue();
        assertThat(secant.entersOrbit(2)).isFalse();
        double[] learnt = {0.5, 1, 9};
        assertThat(secant.change(0, learnt)).isZero();
        secant.update(new double[] {3, -1, 0}, learnt);
        assertThat(secant.active()).isTrue();
        // the base moved to (0.5, 1, 9): a move (1, 3) predicts S (1, 3) = (3 + 4.5, -1 - 1.5, 0)
        double[] next = {1.5, 4, 100};
        assertThat(secant.change(0, next)).isEqualTo(7.5);
        assertThat(secant.change(1, next)).isEqualTo(-2.5);
        assertThat(secant.change(2, next)).isEqualTo(0.0);
        double[] out = {Double.NaN, Double.NaN, Double.NaN, 7};
        secant.changes(next, out);
        assertThat(out).containsExactly(7.5, -2.5, 0.0, 7.0);
        // the move (1, 3) is (2, 3) in the weights, sqrt(13) against the sqrt(2) learnt on
        assertThat(secant.moveRatio(next)).isCloseTo(Math.sqrt(13.0 / 2), within(1e-15));

        // An orbit at the base itself (no move) leaves the estimate as it is.
        secant.update(new double[] {50, 50, 50}, learnt);
        assertThat(secant.change(0, next)).isEqualTo(7.5);
        assertThat(secant.change(1, next)).isEqualTo(-2.5);
        assertThat(secant.moveRatio(next)).isCloseTo(Math.sqrt(13.0 / 2), within(1e-15));

        secant.reset();
        assertThat(secant.active()).isFalse();
        assertThat(secant.change(0, next)).isZero();
    }

    @Test
    void withoutAMoveNothingIsLearnt() {
        FluxSecant secant = secant();
        secant.rebase(new double[] {1, 1, 1});
        // state 2 moves, but it is no column
        secant.update(new double[] {3, -1, 0}, new double[] {1, 1, 5});
        assertThat(secant.active()).isFalse();
        assertThat(secant.change(0, new double[] {2, 1, 1})).isEqualTo(0.0);
        assertThat(secant.moveRatio(new double[] {2, 1, 1})).isInfinite();
    }
}
