package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link OrbitStartGuess#extrapolate} by its contract, on FAST components whose orbit starts follow
 * known paths: a quadratic through three orbits at least 48 h apart is continued exactly (Newton's
 * divided differences), a line through two; the step is at most 1.5 times the last interval; a
 * component non-negative at every node stays so; orbits closer than 48 h extrapolate nothing; a
 * restarted clock ({@link OrbitStartGuess#shiftClock}) moves the nodes' times back.
 */
class OrbitStartExtrapolationTest {

    /** Three FAST components: q(t) = 1 + 0.01 t + 1e-4 t^2, l(t) = 4 - 0.02 t (>= 0 at the nodes), p(t) = -1 - 0.01 t. */
    private static double[] at(double t) {
        return new double[] {1 + 0.01 * t + 1e-4 * t * t, 4 - 0.02 * t, -1 - 0.01 * t};
    }

    private static OrbitStartGuess guess() {
        return new OrbitStartGuess(3, new int[] {0, 1, 2}, new int[0], new double[3], new double[0], 1e-6);
    }

    @Test
    void threeOrbitsContinueTheirQuadraticAndTheStepIsCapped() {
        OrbitStartGuess g = guess();
        assertThat(g.hasTrend()).isFalse();
        g.pushTrend(at(0), 0);
        g.pushTrend(at(100), 100);
        assertThat(g.hasTrend()).isTrue();
        double[] z = new double[3];
        g.extrapolate(250, 200, at(200), z);
        // q(250) = 1 + 2.5 + 6.25; l(250) = -1 clipped to 0 (non-negative at every node); p(250) = -3.5
        assertThat(z[0]).isCloseTo(9.75, within(1e-12));
        assertThat(z[1]).isEqualTo(0.0);
        assertThat(z[2]).isCloseTo(-3.5, within(1e-12));
        // Asked for t = 1000, the step stops at 1.5 x 100 h past the last orbit: q(350) = 1 + 3.5 + 12.25.
        g.extrapolate(1000, 200, at(200), z);
        assertThat(z[0]).isCloseTo(16.75, within(1e-12));
        assertThat(z[2]).isCloseTo(-4.5, within(1e-12));
    }

    @Test
    void twoOrbitsGiveALineAndCloseOrbitsNothing() {
        OrbitStartGuess g = guess();
        g.pushTrend(at(0), 0);
        g.forgetTrend();
        g.pushTrend(at(100), 100);
        double[] z = new double[3];
        // Line through q(100) = 3 and q(200) = 7, to t = 250: 9; l: 2, 0 -> -1 -> 0; p: -2, -3 -> -3.5.
        g.extrapolate(250, 200, at(200), z);
        assertThat(z[0]).isCloseTo(9, within(1e-12));
        assertThat(z[1]).isEqualTo(0.0);
        assertThat(z[2]).isCloseTo(-3.5, within(1e-12));
        // capped at 1.5 intervals: q = 7 + 1.5 x 4
        g.extrapolate(900, 200, at(200), z);
        assertThat(z[0]).isCloseTo(13, within(1e-12));

        // The second node only 40 h before the first: linear through the last two (q at 100 and 200).
        OrbitStartGuess near = guess();
        near.pushTrend(at(60), 60);
        near.pushTrend(at(100), 100);
        near.extrapolate(250, 200, at(200), z);
        assertThat(z[0]).isCloseTo(9, within(1e-12));

        // Exactly 48 h between the first two nodes: quadratic again, q(250) = 9.75.
        OrbitStartGuess edge = guess();
        edge.pushTrend(at(52), 52);
        edge.pushTrend(at(100), 100);
        edge.extrapolate(250, 200, at(200), z);
        assertThat(z[0]).isCloseTo(9.75, within(1e-12));

        // Orbits 47 h apart: z is left as it is; exactly 48 h apart: extrapolated.
        OrbitStartGuess close = guess();
        close.pushTrend(at(100), 100);
        double[] untouched = {5, 6, 7};
        close.extrapolate(300, 147, at(147), untouched);
        assertThat(untouched).containsExactly(5, 6, 7);
        close.extrapolate(148 + 24, 148, at(148), untouched);
        // q(148) + 0.5 (q(148) - q(100))
        double q148 = at(148)[0];
        assertThat(untouched[0]).isCloseTo(q148 + 0.5 * (q148 - 3), within(1e-12));
    }

    @Test
    void aComponentZeroAtTheOldestNodeIsStillClipped() {
        // Starts 0, 3, 1 at 0, 100, 200 h: divided differences -0.02 and 0.03, curvature -2.5e-4 per h^2;
        // at 250 h the quadratic gives 1 + 50 (-0.02 + 150 x -2.5e-4) = -1.875, clipped to 0 (no node negative).
        // (A zero at the middle or only at the last node cannot give a negative guess past the last one.)
        OrbitStartGuess g = new OrbitStartGuess(1, new int[] {0}, new int[0], new double[1], new double[0], 1e-6);
        g.pushTrend(new double[] {0}, 0);
        g.pushTrend(new double[] {3}, 100);
        double[] z = {Double.NaN};
        g.extrapolate(250, 200, new double[] {1}, z);
        assertThat(z[0]).isEqualTo(0.0);
        // one node below zero: the guess stands
        OrbitStartGuess below = new OrbitStartGuess(1, new int[] {0}, new int[0], new double[1], new double[0], 1e-6);
        below.pushTrend(new double[] {-1e-9}, 0);
        below.pushTrend(new double[] {3}, 100);
        below.extrapolate(250, 200, new double[] {1}, z);
        assertThat(z[0]).isCloseTo(-1.875, within(1e-6));
    }

    @Test
    void aRestartedClockMovesTheNodesBack() {
        OrbitStartGuess g = guess();
        g.pushTrend(at(0), 0);
        g.pushTrend(at(100), 100);
        // the clock restarts 100 h later: the nodes are now at -100 and 0, the new orbit at 100
        g.shiftClock(100);
        double[] z = new double[3];
        g.extrapolate(150, 100, at(200), z);
        assertThat(z[0]).isCloseTo(9.75, within(1e-12));
    }
}
