package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link PeriodMapNewton}'s documented edges, on diagonal monodromies seeded exactly ({@code exp(J T)}
 * with {@code J = ln(m) / T}): a singular {@code I - M}, a step that is not finite and one beyond
 * {@link PeriodMapNewton#MAX_AMPLIFICATION} are not taken (the next start is the period's end, the
 * predicted distances infinite); components non-negative at both ends stay so; a re-seed is a fresh
 * seed; a seed that is not finite forgets the last one; a secant pair without a move teaches nothing and
 * an equal defect keeps the estimate; the counters count what they say. Expected values by hand: with
 * {@code M = diag(m)} the step is {@code (p - x) / (1 - m)} per component.
 */
class PeriodMapNewtonContractTest {

    private static final double T = 24;

    /** The Jacobian whose exp(J T) is diag(m). */
    private static double[] diagonalJacobian(double... m) {
        int n = m.length;
        double[] j = new double[n * n];
        for (int i = 0; i < n; i++) {
            j[i * n + i] = Math.log(m[i]) / T;
        }
        return j;
    }

    private static PeriodMapNewton seeded(double... m) {
        PeriodMapNewton newton = new PeriodMapNewton(m.length);
        newton.seed(diagonalJacobian(m), T);
        newton.beginOrbit();
        return newton;
    }

    @Test
    void aSingularMapTakesNoStepAndHandsBackThePeriodsEnd() {
        // J = 0: M = I, I - M = 0
        PeriodMapNewton newton = new PeriodMapNewton(2);
        newton.seed(new double[4], T);
        newton.beginOrbit();
        double[] next = new double[2];
        newton.next(new double[] {1, 2}, new double[] {1.5, 2.5}, new double[] {1, 1}, next);
        assertThat(next).containsExactly(1.5, 2.5);
        assertThat(newton.endError()).isInfinite();
        assertThat(newton.startError()).isInfinite();
    }

    @Test
    void aStepThatIsNotFiniteIsNotTaken() {
        PeriodMapNewton newton = seeded(0.5, 0.5);
        double[] next = new double[2];
        double[] p = {Double.POSITIVE_INFINITY, 2.5};
        newton.next(new double[] {1, 2}, p, new double[] {1, 1}, next);
        assertThat(next).containsExactly(Double.POSITIVE_INFINITY, 2.5);
        assertThat(newton.endError()).isInfinite();
    }

    /**
     * M = 0.99: (I - M)^-1 amplifies the defect 100-fold, beyond the cap of 50; M = 0.97 (33-fold) is
     * within it and lands on the linear map's fixed point. Closure scales of 1e-3, so the weighted size
     * of the step is not its plain size.
     */
    @Test
    void aStepBeyondTheAmplificationCapIsNotTakenAndOneWithinItIs() {
        double[] scale = {1e-3, 1e-3};
        double[] x = {1.0, 2.0};
        double[] p = {1.001, 2.0};
        double[] next = new double[2];
        PeriodMapNewton over = seeded(0.99, 0.99);
        over.next(x, p, scale, next);
        assertThat(next).containsExactly(1.001, 2.0);
        assertThat(over.startError()).isInfinite();

        PeriodMapNewton within = seeded(0.97, 0.97);
        within.next(x, p, scale, next);
        // x + (p - x) / (1 - 0.97)
        assertThat(next[0]).isCloseTo(1.0 + 0.001 / 0.03, Offset.offset(1e-9));
        assertThat(next[1]).isEqualTo(2.0);
        // the start 33.3 scales off the orbit, the end 32.3
        assertThat(within.startError()).isCloseTo(0.001 / 0.03 / 1e-3, Offset.offset(1e-5));
        assertThat(within.endError()).isCloseTo((0.001 / 0.03 - 0.001) / 1e-3, Offset.offset(1e-5));
    }

    /**
     * A component non-negative at the period's start and end is not stepped below zero; one negative at
     * the start is stepped where the map says. Component 0: x = 0, p = 0.1, m = 1.5, step -0.2;
     * component 1: x = 0.1, p = 0, m = 0.5, step -0.2; component 2: x = -0.1, p = 0, m = 0.5, step 0.2;
     * component 3: x = 0.1, p = -0.1, m = 0.5, step -0.4.
     */
    @Test
    void componentsNonNegativeAtBothEndsStayNonNegative() {
        PeriodMapNewton newton = seeded(1.5, 0.5, 0.5, 0.5);
        double[] next = new double[4];
        newton.next(new double[] {0, 0.1, -0.1, 0.1}, new double[] {0.1, 0, 0, -0.1}, new double[] {1, 1, 1, 1}, next);
        assertThat(next[0]).isEqualTo(0.0);
        assertThat(next[1]).isEqualTo(0.0);
        assertThat(next[2]).isCloseTo(0.1, Offset.offset(1e-12));
        assertThat(next[3]).isCloseTo(-0.3, Offset.offset(1e-12));
    }

    /** A newton that has learnt on one map and is seeded again steps as a fresh one seeded the same, to the bit. */
    @Test
    void aReseedIsAFreshSeed() {
        double[] coupled = {
            -0.02, 0.01, 0.0,
            0.005, -0.05, 0.002,
            0.0, 0.3, -2.0};
        double[] other = {
            -0.03, 0.0, 0.01,
            0.0, -0.01, 0.0,
            0.2, 0.0, -1.0};
        double[] scale = {1e-2, 1e-2, 1e-2};
        PeriodMapNewton used = new PeriodMapNewton(3);
        used.seed(coupled, T);
        used.beginOrbit();
        double[] next = new double[3];
        used.next(new double[] {1, 1, 1}, new double[] {1.2, 0.9, 1.1}, scale, next);
        used.next(next.clone(), new double[] {1.1, 0.95, 1.05}, scale, next);
        used.seed(other, T);
        PeriodMapNewton fresh = new PeriodMapNewton(3);
        fresh.seed(other, T);
        double[] a = new double[3];
        double[] b = new double[3];
        used.next(new double[] {2, 1, 0.5}, new double[] {2.1, 1.2, 0.6}, scale, a);
        fresh.next(new double[] {2, 1, 0.5}, new double[] {2.1, 1.2, 0.6}, scale, b);
        assertThat(a).containsExactly(b);
        assertThat(used.endError()).isEqualTo(fresh.endError());
    }

    /** A Jacobian that is not finite gives no seed: the learnt map is forgotten (M = 0: the step is the period's end). */
    @Test
    void aSeedThatIsNotFiniteForgetsTheLastOne() {
        PeriodMapNewton newton = seeded(0.5, 0.5);
        newton.seed(new double[] {Double.NaN, 0, 0, -0.01}, T);
        newton.beginOrbit();
        double[] next = new double[2];
        newton.next(new double[] {1, 2}, new double[] {1.5, 2.25}, new double[] {1, 1}, next);
        assertThat(next).containsExactly(1.5, 2.25);
        assertThat(newton.endError()).isZero();
        assertThat(newton.startError()).isEqualTo(0.5);
    }

    /**
     * The same start twice: no move, so nothing to learn (Broyden's update needs one), and the defect is
     * not larger, so the estimate is kept: the second step lands where the first did.
     */
    @Test
    void aRepeatedStartKeepsTheEstimate() {
        PeriodMapNewton newton = seeded(0.5, 0.8);
        double[] x = {1, 2};
        double[] p = {1.5, 2.1};
        double[] scale = {1, 1};
        double[] first = new double[2];
        newton.next(x, p, scale, first);
        assertThat(first[0]).isCloseTo(1 + 0.5 / 0.5, Offset.offset(1e-12));
        assertThat(first[1]).isCloseTo(2 + 0.1 / 0.2, Offset.offset(1e-12));
        double[] second = new double[2];
        newton.next(x, p, scale, second);
        assertThat(second).containsExactly(first);
        assertThat(newton.resets()).isZero();
    }

    /**
     * {@link PeriodMapNewton#factorisations}: one per new estimate (an orbit's first period solves with the
     * last factors); {@link PeriodMapNewton#resets}: one per growing defect.
     */
    @Test
    void theCountersCountFactorisationsAndResets() {
        PeriodMapNewton newton = seeded(0.5, 0.8);
        double[] scale = {1, 1};
        double[] next = new double[2];
        newton.next(new double[] {1, 2}, new double[] {1.5, 2.1}, scale, next);
        assertThat(newton.factorisations()).isEqualTo(1);
        newton.beginOrbit();
        newton.next(new double[] {1, 2}, new double[] {1.4, 2.1}, scale, next);
        assertThat(newton.factorisations()).isEqualTo(1);
        // a move with a smaller defect: Broyden's update, a new factorisation
        newton.next(new double[] {1.1, 2}, new double[] {1.3, 2.05}, scale, next);
        assertThat(newton.factorisations()).isEqualTo(2);
        assertThat(newton.resets()).isZero();
        // a larger defect: the estimate is discarded (M = 0, factored once more)
        newton.next(new double[] {1.2, 2}, new double[] {2.2, 2.05}, scale, next);
        assertThat(newton.resets()).isEqualTo(1);
        assertThat(newton.factorisations()).isEqualTo(3);
        assertThat(next[0]).isCloseTo(2.2, Offset.offset(1e-12));
    }
}
