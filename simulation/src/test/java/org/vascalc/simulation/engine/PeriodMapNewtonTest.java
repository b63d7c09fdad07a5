package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quasi-Newton orbit steps on linear period maps, where their answers are known exactly. */
class PeriodMapNewtonTest {

    /** x' = J x + c over one period T: P(x) = e^(JT) x + (e^(JT) - I) J^-1 c; J with a slow coupled mode. */
    private static final double[] J = {
        -0.1, 0.05, 0.0,
        0.02, -0.08, 0.0,
        0.0, 0.3, -40.0};
    private static final double[] C = {1.0, 0.5, 2.0};
    private static final double T = 1.0;

    /** One period of x' = J x + c, by many small RK4 steps. */
    private static double[] period(double[] x0) {
        double[] x = x0.clone();
        int steps = 400;
        double h = T / steps;
        for (int s = 0; s < steps; s++) {
            double[] k1 = rate(x);
            double[] k2 = rate(add(x, k1, h / 2));
            double[] k3 = rate(add(x, k2, h / 2));
            double[] k4 = rate(add(x, k3, h));
            for (int i = 0; i < 3; i++) {
                x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return x;
    }

    private static double[] rate(double[] x) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = C[i];
            for (int k = 0; k < 3; k++) {
                r[i] += J[i * 3 + k] * x[k];
            }
        }
        return r;
    }

    private static double[] add(double[] x, double[] d, double h) {
        return new double[] {x[0] + h * d[0], x[1] + h * d[1], x[2] + h * d[2]};
    }

    /** The fixed point of P: plain iteration run to its limit (the slow mode shrinks ~0.88 per period). */
    private static double[] fixedPoint() {
        double[] x = {10, 10, 10};
        for (int k = 0; k < 400; k++) {
            x = period(x);
        }
        return x;
    }

    @Test
    void seededWithTheExactMonodromyOneStepLandsOnTheOrbitAndPredictsTheEndError() {
        double[] star = fixedPoint();
        PeriodMapNewton newton = new PeriodMapNewton(3);
        newton.seed(J, T);
        newton.beginOrbit();
        double[] x = {star[0] + 5, star[1] - 3, star[2] + 1};
        double[] p = period(x);
        double[] scale = {1e-3, 1e-3, 1e-3};
        double[] next = new double[3];
        newton.next(x, p, scale, next);
        for (int i = 0; i < 3; i++) {
            assertThat(next[i]).isCloseTo(star[i], org.assertj.core.data.Offset.offset(1e-6));
        }
        // The predicted distance of the period's end from the orbit is the true one.
        double trueEnd = 0;
        for (int i = 0; i < 3; i++) {
            trueEnd = Math.max(trueEnd, Math.abs(p[i] - star[i]) / scale[i]);
        }
        assertThat(newton.endError()).isCloseTo(trueEnd, org.assertj.core.data.Percentage.withPercentage(1e-3));
        // So is the predicted distance of its start (the orbit-acceptance criterion, OrbitClosure.ACCEPT_START_ERROR),
        // which the defect (the end's distance from the start) understates in the slow mode.
        double trueStart = 0;
        double defect = 0;
        for (int i = 0; i < 3; i++) {
            trueStart = Math.max(trueStart, Math.abs(x[i] - star[i]) / scale[i]);
            defect = Math.max(defect, Math.abs(p[i] - x[i]) / scale[i]);
        }
        assertThat(newton.startError()).isCloseTo(trueStart, org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(newton.startError()).isGreaterThan(defect);
    }

    @Test
    void broydenAloneBeatsPlainIterationOnASlowMode() {
        double[] star = fixedPoint();
        double[] scale = {1e-6, 1e-6, 1e-6};
        double[] start = {star[0] + 5, star[1] - 3, star[2] + 1};
        // Plain iteration: the slow mode (eigenvalue ~0.88 per period) needs many periods.
        double[] x = start.clone();
        int plain = 0;
        while (distance(x, star) > 1e-6 && plain < 500) {
            x = period(x);
            plain++;
        }
        PeriodMapNewton newton = new PeriodMapNewton(3);
        newton.reset();
        newton.beginOrbit();
        x = start.clone();
        int secant = 0;
        double[] next = new double[3];
        while (distance(x, star) > 1e-6 && secant < 500) {
            double[] p = period(x);
            newton.next(x, p, scale, next);
            x = next.clone();
            secant++;
        }
        assertThat(plain).isGreaterThan(100);
        assertThat(secant).isLessThan(plain / 5);
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
