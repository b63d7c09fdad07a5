package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Etd3Stages}' stages, solution and error estimate against ETD3RK as Cox &amp; Matthews (2002)
 * write it (their eq. 26, with exponentials instead of phi functions), for the scalar
 * {@code u' = c u + F(u)}, {@code F(u) = 0.3 u^2}, {@code c = -0.5}, {@code h = 2}, {@code u0 = 1}:
 * <pre>
 *   a = u0 e^(ch/2) + (e^(ch/2) - 1) F(u0) / c
 *   b = u0 e^(ch)   + (e^(ch) - 1) (2 F(a) - F(u0)) / c
 *   u1 = u0 e^(ch) + {F(u0)[-4 - hc + e^(ch)(4 - 3hc + h²c²)] + 4 F(a)[2 + hc + e^(ch)(-2 + hc)]
 *                     + F(b)[-4 - 3hc - h²c² + e^(ch)(4 - hc)]} / (h² c³)
 * </pre>
 * and the embedded ETD2 with {@code b} as predictor,
 * {@code u0 e^(ch) + F(u0)(e^(ch) - 1)/c + (F(b) - F(u0))(e^(ch) - 1 - hc)/(h c²)}, whose difference
 * from {@code u1} is {@link Etd3Stages#error}. Here F depends on the state, so the stages' values matter.
 */
class Etd3CoxMatthewsTest {

    private static final double C = -0.5;
    private static final double H = 2;
    private static final double U0 = 1;

    private static double f(double u) {
        return 0.3 * u * u;
    }

    @Test
    void stagesSolutionAndEstimateAreThoseOfCoxAndMatthews() {
        double e = Math.exp(C * H);
        double eHalf = Math.exp(C * H / 2);
        double a = U0 * eHalf + (eHalf - 1) * f(U0) / C;
        double b = U0 * e + (e - 1) * (2 * f(a) - f(U0)) / C;
        double hc = H * C;
        double u1 = U0 * e + (f(U0) * (-4 - hc + e * (4 - 3 * hc + hc * hc))
                + 4 * f(a) * (2 + hc + e * (-2 + hc))
                + f(b) * (-4 - 3 * hc - hc * hc + e * (4 - hc))) / (H * H * C * C * C);
        double etd2 = U0 * e + f(U0) * (e - 1) / C + (f(b) - f(U0)) * (e - 1 - hc) / (H * C * C);

        Etd3Stages s = new Etd3Stages(1);
        s.begin(H, 0, U0, C * U0 + f(U0), C);
        double half = s.half(0);
        assertThat(half).isCloseTo(a, within(1e-14));
        s.halfRate(0, half, C * half + f(half));
        double end = s.end(0);
        assertThat(end).isCloseTo(b, within(1e-14));
        s.endRate(0, end, C * end + f(end));
        assertThat(s.value(0, 1)).isCloseTo(u1, within(1e-14));
        assertThat(s.error(0)).isCloseTo(u1 - etd2, within(1e-14));
        // the estimate is not small here (F is strongly nonlinear over the step): a sign or factor shows
        assertThat(Math.abs(u1 - etd2)).isGreaterThan(1e-2);
    }

    @Test
    void oneInstanceTakesItsFactorsAtEachStepsOwnArguments() {
        // y' = l y + c0 (constant drive): exact y0 e^(l t) + c0 (e^(l t) - 1) / l, through one instance
        // over steps of different length and linear part (the factors kept per state are retaken).
        Etd3Stages s = new Etd3Stages(2);
        double[][] steps = {{96, -0.05}, {10, -0.05}, {10, -0.3}, {10, -0.3}, {0.5, -0.3}};
        for (double[] step : steps) {
            double h = step[0];
            double l = step[1];
            double c0 = 0.2;
            double y0 = 1.5;
            for (int j = 0; j < 2; j++) {
                s.begin(h, j, y0, l * y0 + c0, l);
                double a = s.half(j);
                s.halfRate(j, a, l * a + c0);
                double b = s.end(j);
                s.endRate(j, b, l * b + c0);
            }
            for (double theta : new double[] {0.25, 1}) {
                double t = theta * h;
                double exact = y0 * Math.exp(l * t) + c0 * Math.expm1(l * t) / l;
                for (int j = 0; j < 2; j++) {
                    assertThat(s.value(j, theta)).as("h %s l %s theta %s", h, l, theta)
                            .isCloseTo(exact, within(1e-13));
                }
            }
        }
    }
}
