package org.vascalc.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Centre lines worked by hand away from the z axis. PhantomGeometryTest's line runs along z, so every x and y
 * component of its tangent, normal and binormal is 0 or 1 and a sign or operator slip in them cannot show
 * (38 mutants survived, docs/testing.md, imaging 37th session). Here: a straight line oblique in all three
 * axes, whose frame is computed below by hand, and a quarter circle in the x-y plane, whose length, tangent,
 * frame and distances follow from the circle.
 */
class CenterlineBentTest {

    private static final double[] OFFSET = {1, 2, 3};

    /**
     * From (0, 0, 0) to (48, 64, 60) mm, moved by (1, 2, 3): length sqrt(48^2 + 64^2 + 60^2) = 100 mm, unit
     * tangent t = (0.48, 0.64, 0.6). |t_z| = 0.6 < 0.9, so the first normal is z made orthogonal to t:
     * z - 0.6 t = (-0.288, -0.384, 0.64), of length 0.8, so n = (-0.36, -0.48, 0.8); the binormal
     * b = t x n = (0.64*0.8 + 0.6*0.48, -0.6*0.36 - 0.48*0.8, -0.48*0.48 + 0.64*0.36) = (0.8, -0.6, 0).
     * On a straight line parallel transport keeps n and b.
     */
    private static Centerline oblique() {
        return Centerline.through(new double[][] {{0, 0, 0}, {48, 64, 60}}, OFFSET);
    }

    private static final double[] T = {0.48, 0.64, 0.6};
    private static final double[] N = {-0.36, -0.48, 0.8};
    private static final double[] B = {0.8, -0.6, 0};

    private static double[] at(double s, double alongN, double alongB, double alongT) {
        double[] q = new double[3];
        for (int d = 0; d < 3; d++) {
            q[d] = OFFSET[d] + s * T[d] + alongN * N[d] + alongB * B[d] + alongT * T[d];
        }
        return q;
    }

    @Test
    void anObliqueLineIsSampledEveryQuarterMillimetreAlongItsDirection() {
        Centerline c = oblique();
        // 100 mm in steps of 0.25 mm: 400 steps (the last may be lost to rounding of the carried length)
        assertThat(c.lengthMm()).isCloseTo(100, within(Centerline.STEP_MM));
        assertThat(c.pointCount()).isBetween(400, 401);
        assertThat(c.point(0)).containsExactly(OFFSET, within(1e-9));
        // sample 40 is s = 10 mm: (1, 2, 3) + 10 (0.48, 0.64, 0.6) = (5.8, 8.4, 9)
        assertThat(c.point(40)).containsExactly(new double[] {5.8, 8.4, 9}, within(1e-6));
        assertThat(c.x(41)).isCloseTo(1 + 10.25 * 0.48, within(1e-6));
        assertThat(c.y(41)).isCloseTo(2 + 10.25 * 0.64, within(1e-6));
        assertThat(c.z(41)).isCloseTo(3 + 10.25 * 0.6, within(1e-6));
        assertThat(c.point(333)).containsExactly(at(333 * 0.25, 0, 0, 0), within(1e-6));
    }

    @Test
    void anObliqueLinesFrameIsTheHandWorkedNormalAndBinormal() {
        Centerline c = oblique();
        // angle 0 is along n, 90 along b; 2 mm off the axis at s = 10
        assertThat(c.offsetPoint(10, 2, 0)).containsExactly(at(10, 2, 0, 0), within(1e-6));
        assertThat(c.offsetPoint(10, 2, 90)).containsExactly(new double[] {5.8 + 1.6, 8.4 - 1.2, 9}, within(1e-6));
        assertThat(c.offsetPoint(10, 2, 180)).containsExactly(at(10, -2, 0, 0), within(1e-6));
        // 45 degrees: sqrt(2) along n and along b
        assertThat(c.offsetPoint(25, 2, 45)).containsExactly(at(25, Math.sqrt(2), Math.sqrt(2), 0), within(1e-6));
        // the frame is the same at the far end (parallel transport on a straight line)
        assertThat(c.offsetPoint(90, 1, 90)).containsExactly(at(90, 0, 1, 0), within(1e-6));
    }

    @Test
    void anObliqueLinesLocalCoordinatesAreArcLengthDistanceAndAngle() {
        Centerline c = oblique();
        double[] local = new double[3];
        // 0.5 mm past sample 40 (s = 10), 1 mm along b: s = 10.5, distance 1, angle +90
        double[] q = at(10, 0, 1, 0.5);
        c.local(40, q[0], q[1], q[2], local);
        assertThat(local).containsExactly(new double[] {10.5, 1, 90}, within(1e-6));
        // 0.3 mm before sample 80 (s = 20), 1.5 mm along n and -1.5 mm along b: distance 1.5 sqrt 2, angle -45
        q = at(20, 1.5, -1.5, -0.3);
        c.local(80, q[0], q[1], q[2], local);
        assertThat(local).containsExactly(new double[] {19.7, 1.5 * Math.sqrt(2), -45}, within(1e-6));
        // 3 mm along -n at s = 30 (sample 120): atan2(0, -3) = 180 degrees, -180 if rounding leaves v at -0
        q = at(30, -3, 0, 0);
        c.local(120, q[0], q[1], q[2], local);
        assertThat(local[0]).isCloseTo(30, within(1e-6));
        assertThat(local[1]).isCloseTo(3, within(1e-6));
        assertThat(Math.abs(local[2])).isCloseTo(180, within(1e-6));
    }

    /**
     * A steep line from (0, 0, 0) to (0, 7, 24) mm, moved by (1, 2, 3): length 25 mm, t = (0, 0.28, 0.96).
     * |t_z| = 0.96 is not below 0.9, so the first normal is x made orthogonal to t: x . t = 0, so n = (1, 0, 0),
     * and b = t x n = (0.28 * 0 - 0.96 * 0, 0.96 * 1 - 0 * 0, 0 * 0 - 0.28 * 1) = (0, 0.96, -0.28), the one
     * frame here with a binormal out of the x-y plane.
     */
    @Test
    void aSteepLineTakesXAsItsFirstNormalAndTiltsItsBinormal() {
        Centerline c = Centerline.through(new double[][] {{0, 0, 0}, {0, 7, 24}}, OFFSET);
        assertThat(c.lengthMm()).isCloseTo(25, within(Centerline.STEP_MM));
        // s = 10: (1, 2 + 2.8, 3 + 9.6)
        assertThat(c.point(40)).containsExactly(new double[] {1, 4.8, 12.6}, within(1e-6));
        assertThat(c.offsetPoint(10, 2, 0)).containsExactly(new double[] {3, 4.8, 12.6}, within(1e-6));
        assertThat(c.offsetPoint(10, 2, 90)).containsExactly(new double[] {1, 4.8 + 1.92, 12.6 - 0.56}, within(1e-6));
        double[] local = new double[3];
        // 1.5 mm along b and 0.5 mm along t from sample 40
        c.local(40, 1, 4.8 + 1.5 * 0.96 + 0.5 * 0.28, 12.6 - 1.5 * 0.28 + 0.5 * 0.96, local);
        assertThat(local).containsExactly(new double[] {10.5, 1.5, 90}, within(1e-6));
    }

    /**
     * A quarter circle of radius R = 20 mm about (1, 2, 3) in the plane z = 3, from angle 0 to 90 degrees,
     * through control points every 10 degrees. Arc length pi R / 2 = 10 pi = 31.416 mm. The Catmull-Rom
     * curve between points 10 degrees apart stays within 0.04 mm of the circle (its end segments, where the
     * first and last point are repeated, are the worst), so positions are checked to 0.06 mm. At polar angle
     * phi the tangent is (-sin phi, cos phi, 0); it starts as +y, so the first normal is z (|t_z| = 0 < 0.9)
     * and the binormal t x z = (cos phi, sin phi, 0) points away from the centre. A curve in a plane turns
     * about the plane's normal, so parallel transport keeps n = z all along. The tangent is checked on the
     * inner segments only (3.5 to 28 mm): with the end point repeated, a Catmull-Rom curve leaves its first
     * point along the chord to the next one, 5 degrees off the circle's tangent.
     */
    private static Centerline quarterCircle() {
        double[][] control = new double[10][];
        for (int i = 0; i < 10; i++) {
            double phi = Math.toRadians(10 * i);
            control[i] = new double[] {20 * Math.cos(phi), 20 * Math.sin(phi), 0};
        }
        return Centerline.through(control, OFFSET);
    }

    private static double radiusFromCentre(double[] p) {
        return Math.hypot(p[0] - 1, p[1] - 2);
    }

    @Test
    void aQuarterCircleHasTheLengthOfItsArcAndStaysOnIt() {
        Centerline c = quarterCircle();
        // the resampled length is a whole number of steps not longer than the curve (a little inside the arc)
        assertThat(c.lengthMm()).isBetween(10 * Math.PI - Centerline.STEP_MM - 0.05, 10 * Math.PI);
        assertThat(c.point(0)).containsExactly(new double[] {21, 2, 3}, within(1e-9));
        for (int i = 0; i < c.pointCount(); i++) {
            assertThat(radiusFromCentre(c.point(i))).as("sample %d", i).isCloseTo(20, within(0.05));
            assertThat(c.z(i)).as("sample %d", i).isCloseTo(3, within(1e-9));
        }
        // sample 63 is s = 15.75 mm: polar angle 15.75 / 20 rad
        double phi = 15.75 / 20;
        assertThat(c.x(63)).isCloseTo(1 + 20 * Math.cos(phi), within(0.06));
        assertThat(c.y(63)).isCloseTo(2 + 20 * Math.sin(phi), within(0.06));
        // the last sample is within a step of the end point (1, 22, 3)
        double[] last = c.point(c.pointCount() - 1);
        assertThat(Math.hypot(last[0] - 1, last[1] - 22)).isLessThan(Centerline.STEP_MM + 0.06);
    }

    @Test
    void aQuarterCirclesFrameKeepsTheNormalOnZAndTheBinormalOutwards() {
        Centerline c = quarterCircle();
        for (double s : new double[] {5, 15.75, 25}) {
            int i = c.indexAt(s);
            double[] p = c.point(i);
            double phi = Math.atan2(p[1] - 2, p[0] - 1);
            // angle 0: along n = z, 2 mm above the sample
            assertThat(c.offsetPoint(s, 2, 0)).as("s = %s", s)
                    .containsExactly(new double[] {p[0], p[1], 5}, within(1e-6));
            // angle 90: along b, 2 mm further from the centre on the same radius
            assertThat(c.offsetPoint(s, 2, 90)).as("s = %s", s).containsExactly(
                    new double[] {p[0] + 2 * Math.cos(phi), p[1] + 2 * Math.sin(phi), 3}, within(1e-3));
            // angle -90: towards the centre
            assertThat(radiusFromCentre(c.offsetPoint(s, 2, -90))).as("s = %s", s)
                    .isCloseTo(radiusFromCentre(p) - 2, within(1e-3));
        }
    }

    @Test
    void theCentreOfAQuarterCircleIsItsRadiusAwayOnTheInnerSideOfEverySample() {
        Centerline c = quarterCircle();
        double[] local = new double[3];
        for (int i : new int[] {20, 63, 100}) {
            // the centre lies in the cross-section (no arc length added), 20 mm away, along -b: angle -90
            c.local(i, 1, 2, 3, local);
            assertThat(local[0]).as("sample %d", i).isCloseTo(i * Centerline.STEP_MM, within(0.01));
            assertThat(local[1]).as("sample %d", i).isCloseTo(20, within(0.05));
            assertThat(local[2]).as("sample %d", i).isCloseTo(-90, within(0.1));
            // a point 1 mm along the tangent (-sin phi, cos phi, 0) adds 1 mm of arc length
            double phi = Math.atan2(c.y(i) - 2, c.x(i) - 1);
            c.local(i, c.x(i) - Math.sin(phi), c.y(i) + Math.cos(phi), 3, local);
            assertThat(local[0]).as("sample %d", i).isCloseTo(i * Centerline.STEP_MM + 1, within(1e-3));
            assertThat(local[1]).as("sample %d", i).isCloseTo(0, within(1e-3));
        }
    }
}
