package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link FluxSecant}'s rank-one update worked by hand: two SLOW rows, one column (state 0, weight 2),
 * state 1 entering no FAST derivative. From the base (0, 0) an orbit at (0.5, 9) shows the changes
 * (3, -1): the move is 0.5 x 2 = 1 in the weights, so each row gains residual x move x weight / |move|^2,
 * S = (6, -2) per unit of state 0, which reproduces (3, -1) at that state (the secant condition).
 */
class FluxSecantUpdateTest {

    private static FluxSecant secant() {
        return new FluxSecant(2, new int[] {0}, new double[] {2});
    }

    @Test
    void theUpdateReproducesTheLastChangeAndChangesEqualsChangePerRow() {
        FluxSecant secant = secant();
        secant.rebase(new double[] {0, 0});
        assertThat(secant.entersOrbit(0)).isTrue();
        assertThat(secant.entersOrbit(1)).isFalse();
        secant.update(new double[] {3, -1}, new double[] {0.5, 9});
        assertThat(secant.active()).isTrue();
        // the base moved to (0.5, 9): one more unit of state 0 predicts S x 1; state 1 is no column
        double[] next = {1.5, 100};
        assertThat(secant.change(0, next)).isEqualTo(6.0);
        assertThat(secant.change(1, next)).isEqualTo(-2.0);
        double[] out = {Double.NaN, Double.NaN, 7};
        secant.changes(next, out);
        assertThat(out).containsExactly(6.0, -2.0, 7.0);
        // a move of 1 in state 0 is 2 in the weights, twice the move learnt on (1)
        assertThat(secant.moveRatio(next)).isEqualTo(2.0);

        // An orbit at the base itself (no move) leaves the estimate as it is.
        secant.update(new double[] {50, 50}, new double[] {0.5, 9});
        assertThat(secant.change(0, next)).isEqualTo(6.0);
        assertThat(secant.change(1, next)).isEqualTo(-2.0);
        assertThat(secant.moveRatio(next)).isEqualTo(2.0);
    }

    @Test
    void withoutAMoveNothingIsLearnt() {
        FluxSecant secant = secant();
        secant.rebase(new double[] {1, 1});
        secant.update(new double[] {3, -1}, new double[] {1, 5});
        assertThat(secant.active()).isFalse();
        assertThat(secant.change(0, new double[] {2, 1})).isEqualTo(0.0);
        assertThat(secant.moveRatio(new double[] {2, 1})).isInfinite();
    }
}
