package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link LayerCourse} (spreadkick, sixty-third session): the onset kick's time course
 * {@code Δs(t) = B ∫_0^t e^{J τ} e0 dτ} against a 2 x 2 FAST, 1 SLOW linear system solved by hand,
 * {@code J = [[-1, 0.5], [0, -0.1]]} per hour, {@code e0 = (1, 2)}, {@code B = (2, 3)}: {@code e2 = 2 e^{-0.1 t}},
 * {@code e1 = c e^{-t} + d e^{-0.1 t}} with {@code d = 1 / 0.9}, {@code c = 1 - d}, so
 * {@code a1 = c (1 - e^{-t}) + 10 d (1 - e^{-0.1 t})}, {@code a2 = 20 (1 - e^{-0.1 t})}, and the whole kick
 * {@code -B J^-1 e0 = 82}. Giving the whole kick at once (today's) fails every time inside the layer.
 */
class LayerCourseTest {

    private static final double[] J = {-1, 0.5, 0, -0.1};
    private static final double[] E0 = {1, 2};
    private static final double[] B = {2, 3};
    /** {@code J^-1 = [[-1, -5], [0, -10]]}. */
    private static final InitialLayer.Solve J_INVERSE = (in, out) -> {
        out[0] = -in[0] - 5 * in[1];
        out[1] = -10 * in[1];
    };

    private static double exact(double t) {
        double d = 1 / 0.9;
        double c = 1 - d;
        double a1 = c * (1 - Math.exp(-t)) + 10 * d * (1 - Math.exp(-0.1 * t));
        double a2 = 20 * (1 - Math.exp(-0.1 * t));
        return 2 * a1 + 3 * a2;
    }

    private static double at(LayerCourse course, double t) {
        double[] out = new double[1];
        course.at(t, out);
        return out[0];
    }

    @Test
    void theCourseIsTheLayersIntegralAtEachTimeOnAndOffTheGrid() {
        LayerCourse course = new LayerCourse(J, E0, B, 1, new double[] {1e-10, 1e-10}, J_INVERSE);
        assertThat(at(course, 0)).isEqualTo(0.0);
        for (double t : new double[] {0.25, 0.5, 1, 2, 5, 10.75, 24, 72, 100}) {
            assertThat(at(course, t)).as("hour %s", t).isCloseTo(exact(t), within(1e-9 * 82));
        }
        // far from the whole kick inside the layer: a quarter of it after a day
        assertThat(at(course, 1)).isLessThan(0.1 * 82);
        assertThat(at(course, 24)).isCloseTo(exact(24), within(1e-9 * 82)).isLessThan(0.95 * 82);
    }

    @Test
    void theCourseEndsWhereTheLayerIsBelowItsScaleAndThenIsTheWholeKick() {
        // e2 = 2 e^{-0.1 t} is below 1e-10 after 237 h (e1 follows it)
        LayerCourse course = new LayerCourse(J, E0, B, 1, new double[] {1e-10, 1e-10}, J_INVERSE);
        assertThat(course.endHours()).isBetween(230.0, 245.0);
        assertThat(course.total()[0]).isCloseTo(82, within(1e-9));
        assertThat(at(course, 1e6)).isCloseTo(82, within(1e-9));
        // a coarse scale ends early, and the tail (-J^-1 e(T)) still makes the end value the whole kick
        LayerCourse coarse = new LayerCourse(J, E0, B, 1, new double[] {0.5, 0.5}, J_INVERSE);
        assertThat(coarse.endHours()).isLessThan(30.0);
        assertThat(coarse.total()[0]).isCloseTo(82, within(1e-9));
        assertThat(at(coarse, coarse.endHours() - 1)).isCloseTo(exact(coarse.endHours() - 1), within(1e-9 * 82));
    }

    @Test
    void aModeSlowerThanTheCapEndsAtTheCapWithTheWholeKick() {
        // e2 = 2 e^{-t / 1000 h}: not decayed in 30 days; the remainder is given at the cap
        double[] slow = {-1, 0.5, 0, -1e-3};
        InitialLayer.Solve inverse = (in, out) -> {
            out[1] = -1000 * in[1];
            out[0] = -in[0] + 0.5 * out[1];
        };
        LayerCourse course = new LayerCourse(slow, E0, B, 1, new double[] {1e-10, 1e-10}, inverse);
        assertThat(course.endHours()).isEqualTo(LayerCourse.CAP_HOURS);
        // -B J^-1 e0: J^-1 e0 = (-1 + 0.5 * -2000, -2000) = (-1001, -2000): 2 * 1001 + 3 * 2000
        assertThat(course.total()[0]).isCloseTo(8002, within(1e-6));
        assertThat(at(course, LayerCourse.CAP_HOURS - 1)).isLessThan(0.6 * 8002);
    }

    @Test
    void theLayerReachesOnlyTheStatesItsOffsetMoves() {
        // three FAST states: 0 moves 1, 2 is on its own; a layer in 0 reaches 0 and 1 only
        double[] j = {-1, 0, 0, 0.5, -2, 0, 0, 0, -3};
        assertThat(LayerCourse.reach(j, new double[] {1, 0, 0})).containsExactly(true, true, false);
        assertThat(LayerCourse.reach(j, new double[] {0, 1, 0})).containsExactly(false, true, false);
    }
}
