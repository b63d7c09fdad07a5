package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The secant predictor of the averaged SLOW derivatives' indirect part, on a slow-fast toy system
 * whose orbit averages are known in closed form.
 *
 * <p>Toy: two relaxing SLOW states {@code s1 = e^{-t/T1}}, {@code s2 = 2 e^{-t/T2}} (their exact path,
 * curved in the plane), one FAST state {@code x' = -(x - a s1 - b s2)/eps + A cos(2 pi t / P)} whose
 * periodic orbit averages {@code a s1 + b s2} (the forcing averages out), and two cumulative
 * counters fed by it: {@code u' = c x} and {@code v' = -c x} (one leaves a pool the other fills, so
 * {@code u' + v' = 0}). Their averaged fluxes change with the SLOW states only through the FAST orbit
 * (the "indirect" part), by {@code c (a, b)} and {@code -c (a, b)}.
 */
class FluxSecantTest {

    private static final double T1 = 500;
    private static final double T2 = 150;
    private static final double A_X = 0.7;
    private static final double B_X = -1.3;
    private static final double C = 2.0;

    /** SLOW state: s1, s2, u, v (u and v enter no FAST derivative). */
    private static double[] state(double t) {
        return new double[] {Math.exp(-t / T1), 2 * Math.exp(-t / T2), 0, 0};
    }

    /** Exact orbit-averaged derivatives of the four SLOW states' fluxes' indirect part, relative to the cache at {@code s0}. */
    private static double[] indirectChange(double[] s, double[] s0) {
        double dx = A_X * (s[0] - s0[0]) + B_X * (s[1] - s0[1]);
        return new double[] {0, 0, C * dx, -C * dx};
    }

    private static FluxSecant secant() {
        // Columns: the two states that enter the FAST derivative, weighted by their influence on it.
        return new FluxSecant(4, new int[] {0, 1}, new double[] {Math.abs(A_X), Math.abs(B_X)});
    }

    /**
     * Largest error (relative to the counter's flux scale {@code c}) of the prediction at the next
     * orbit over {@code [0, 400 h]} with orbits {@code h} apart; {@code learn}: with the secant, or with
     * the indirect part frozen (no prediction, as without a trend).
     */
    private static double worstError(double h, boolean learn) {
        FluxSecant secant = secant();
        double[] cached = state(0);
        secant.rebase(cached);
        double worst = 0;
        for (double t = h; t <= 400 + 1e-9; t += h) {
            double[] s = state(t);
            double[] truth = indirectChange(s, cached);
            double predicted = learn ? secant.change(2, s) : 0;
            // The first interval has no estimate yet: its error is first order either way.
            if (t > 2 * h) {
                worst = Math.max(worst, Math.abs(truth[2] - predicted) / C);
            }
            secant.update(truth, s);
            cached = s;
        }
        return worst;
    }

    @Test
    void theSecantPredictionErrorIsSecondOrderInTheIntervalAndTheFrozenOneFirstOrder() {
        double secantCoarse = worstError(20, true);
        double secantFine = worstError(10, true);
        double frozenCoarse = worstError(20, false);
        double frozenFine = worstError(10, false);
        // Halving the interval: about 1/4 with the secant, about 1/2 frozen.
        assertThat(secantCoarse / secantFine).isBetween(3.2, 5.0);
        assertThat(frozenCoarse / frozenFine).isBetween(1.6, 2.5);
        // And the secant is far better than none at the same interval.
        assertThat(secantCoarse).isLessThan(0.1 * frozenCoarse);
    }

    @Test
    void onAStraightPathTheSecantIsExactAfterOneUpdate() {
        FluxSecant secant = secant();
        double[] s0 = {1, 2, 0, 0};
        secant.rebase(s0);
        double[] s1 = {0.9, 1.7, 0, 0};
        secant.update(indirectChange(s1, s0), s1);
        double[] s2 = {0.8, 1.4, 0, 0};
        assertThat(secant.change(2, s2)).isCloseTo(indirectChange(s2, s1)[2], Offset.offset(1e-12));
        assertThat(secant.active()).isTrue();
    }

    @Test
    void aBalanceOfTheMeasuredChangesHoldsForThePredictions() {
        // u' + v' = 0 for the true averages, and each row is updated with the same vector, so the
        // predicted changes of u and v cancel at any state, not only along the measured move.
        FluxSecant secant = secant();
        double[] cached = state(0);
        secant.rebase(cached);
        for (double t = 10; t <= 100; t += 10) {
            double[] s = state(t);
            secant.update(indirectChange(s, cached), s);
            cached = s;
        }
        double[] elsewhere = {0.3, 0.1, 5, 7};
        assertThat(secant.change(2, elsewhere) + secant.change(3, elsewhere)).isCloseTo(0, Offset.offset(1e-15));
        assertThat(secant.change(2, elsewhere)).isNotZero();
    }

    @Test
    void statesThatEnterNoFastDerivativeAreNoColumnsAndAResetForgets() {
        FluxSecant secant = secant();
        double[] s0 = {1, 2, 0, 0};
        secant.rebase(s0);
        double[] s1 = {0.9, 1.7, 0, 0};
        secant.update(indirectChange(s1, s0), s1);
        // Moving the counters alone predicts no change.
        assertThat(secant.change(2, new double[] {0.9, 1.7, 100, -100})).isZero();
        secant.reset();
        assertThat(secant.active()).isFalse();
        assertThat(secant.change(2, new double[] {0.5, 0.5, 0, 0})).isZero();
    }

    @Test
    void theMoveIsMeasuredAgainstTheOneTheEstimateWasLearntOn() {
        FluxSecant secant = secant();
        double[] s0 = {1, 2, 0, 0};
        secant.rebase(s0);
        // Nothing learnt yet: any move is unchecked.
        assertThat(secant.moveRatio(new double[] {1, 2, 0, 0})).isInfinite();
        double[] s1 = {0.9, 2, 0, 0};
        secant.update(indirectChange(s1, s0), s1);
        // The same move again is ratio 1, twice it 2, a counter's move 0 (it is no column).
        assertThat(secant.moveRatio(new double[] {0.8, 2, 0, 0})).isCloseTo(1, Offset.offset(1e-12));
        assertThat(secant.moveRatio(new double[] {0.7, 2, 0, 0})).isCloseTo(2, Offset.offset(1e-12));
        assertThat(secant.moveRatio(new double[] {0.9, 2, 50, 0})).isZero();
        secant.reset();
        assertThat(secant.moveRatio(s1)).isInfinite();
    }
}
