package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The SLOW step's exponential Runge-Kutta arithmetic ({@link Etd3Stages}) on scalar problems with
 * exact solutions: exact (to rounding) for linear relaxation toward a drive quadratic in time, at the
 * step's end and inside it (dense output); third order on a nonlinear problem, with an error
 * estimate of the embedded second-order solution that falls with h^3 and bounds the kept solution's error.
 */
class Etd3StagesTest {

    /** One step of {@code y' = l y + n(t, y)} from {@code (0, y0)} over {@code h}, as {@link FastRun#slowStep} drives it. */
    private static Etd3Stages step(double l, DoubleBinaryOperator n, double y0, double h) {
        Etd3Stages s = new Etd3Stages(1);
        s.begin(h, 0, y0, l * y0 + n.applyAsDouble(0, y0), l);
        double a = s.half(0);
        s.halfRate(0, a, l * a + n.applyAsDouble(0.5 * h, a));
        double b = s.end(0);
        s.endRate(0, b, l * b + n.applyAsDouble(h, b));
        return s;
    }

    @Test
    void relaxationTowardAQuadraticDriveIsExactAtTheEndAndInside() {
        // y' = l y + c0 + c1 t + c2 t^2 (the osteoclasts relaxing toward a PTH drive that curves).
        double l = -0.05;
        double c0 = 0.3;
        double c1 = -0.01;
        double c2 = 2e-4;
        double y0 = 1.7;
        double h = 96;
        Etd3Stages s = step(l, (t, y) -> c0 + c1 * t + c2 * t * t, y0, h);
        for (double theta : new double[] {0.1, 0.37, 0.5, 0.8, 1}) {
            double t = theta * h;
            // Exact: particular solution p(t) = A + B t + C t^2 with l p + drive = p'.
            double cc = -c2 / l;
            double bb = -(c1 - 2 * cc) / l;
            double aa = -(c0 - bb) / l;
            double exact = aa + bb * t + cc * t * t + (y0 - aa) * Math.exp(l * t);
            assertThat(s.value(0, theta)).as("theta %s", theta).isCloseTo(exact, within(1e-10 * Math.abs(exact)));
        }
        // The embedded second-order solution is exact for a linear drive only: the estimate sees the curvature.
        assertThat(Math.abs(s.error(0))).isGreaterThan(1e-6);
    }

    @Test
    void aLinearDriveLeavesNoErrorEstimate() {
        Etd3Stages s = step(-0.2, (t, y) -> 1 - 0.03 * t, 0.4, 20);
        assertThat(s.error(0)).isCloseTo(0, within(1e-13));
        assertThat(step(0, (t, y) -> 2.5, 7, 365).error(0)).isCloseTo(0, within(1e-12));
    }

    @Test
    void aNonlinearDriveConvergesWithOrderThreeAndTheEstimateBoundsTheError() {
        // y' = -0.5 y + y^2 sin(t) / 4 has no closed form here; reference by many small steps.
        double l = -0.5;
        DoubleBinaryOperator n = (t, y) -> 0.25 * y * y * Math.sin(t);
        double y0 = 1.2;
        double[] errors = new double[4];
        double[] estimates = new double[4];
        // From h = 0.2 on the ratios are near their asymptotes (from 0.8 the first error ratio is 7.4, then 11.6).
        double h = 0.2;
        for (int k = 0; k < errors.length; k++, h /= 2) {
            double exact = fine(l, n, y0, h);
            Etd3Stages s = step(l, n, y0, h);
            errors[k] = Math.abs(s.value(0, 1) - exact);
            estimates[k] = Math.abs(s.error(0));
            assertThat(errors[k]).as("h %s", h).isLessThan(estimates[k]);
        }
        for (int k = 1; k < errors.length; k++) {
            // Local error of a third-order step: O(h^4), the estimate (second order) O(h^3).
            assertThat(errors[k - 1] / errors[k]).isGreaterThan(12);
            assertThat(estimates[k - 1] / estimates[k]).isBetween(6.0, 10.0);
        }
    }

    /** Classical RK4 with 20 000 steps over {@code h}. */
    private static double fine(double l, DoubleBinaryOperator n, double y0, double h) {
        int m = 20_000;
        double dt = h / m;
        double y = y0;
        for (int k = 0; k < m; k++) {
            double t = k * dt;
            double k1 = l * y + n.applyAsDouble(t, y);
            double k2 = l * (y + 0.5 * dt * k1) + n.applyAsDouble(t + 0.5 * dt, y + 0.5 * dt * k1);
            double k3 = l * (y + 0.5 * dt * k2) + n.applyAsDouble(t + 0.5 * dt, y + 0.5 * dt * k2);
            double k4 = l * (y + dt * k3) + n.applyAsDouble(t + dt, y + dt * k3);
            y += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        return y;
    }

    @Test
    void phiFunctionsAreContinuousWhereTheirSeriesHandOver() {
        for (double x : new double[] {1e-5, 1e-3, 2e-2, -1e-5, -1e-3, -2e-2}) {
            double below = Math.nextDown(Math.abs(x)) * Math.signum(x);
            double above = Math.nextUp(Math.abs(x)) * Math.signum(x);
            assertThat(Etd3Stages.phi1(below)).isCloseTo(Etd3Stages.phi1(above), within(1e-12));
            assertThat(Etd3Stages.phi2(below)).isCloseTo(Etd3Stages.phi2(above), within(1e-12));
            assertThat(Etd3Stages.phi3(below)).isCloseTo(Etd3Stages.phi3(above), within(1e-12));
        }
        assertThat(Etd3Stages.phi3(-40)).isCloseTo((Math.exp(-40) - 1 + 40 - 800) / -64000.0, within(1e-15));
    }

    /** The step's three factors from one e^x - 1 (begin, value) are those of three separate calls, bit for bit. */
    @Test
    void factorsFromOneExpm1AreTheSeparateCallsBits() {
        double[] xs = {0, 1e-7, -3e-6, -1e-5, 9.99e-6, -5e-4, -1e-3, 2e-3, -1.5e-2, -2e-2, 0.03, -0.7, -3.3, -40, -512.25, 5};
        for (double x : xs) {
            double em1 = Etd3Stages.expm1Used(x);
            assertThat(Etd3Stages.phi1Given(x, em1)).isEqualTo(Etd3Stages.phi1(x));
            assertThat(Etd3Stages.phi2Given(x, em1)).isEqualTo(Etd3Stages.phi2(x));
            assertThat(Etd3Stages.phi3Given(x, em1)).isEqualTo(Etd3Stages.phi3(x));
        }
    }
}
