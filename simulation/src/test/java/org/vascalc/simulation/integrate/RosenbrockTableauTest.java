package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the transcribed coefficients against the Rosenbrock order conditions (Hairer &amp; Wanner 1996,
 * Table IV.7.1), after transforming them back to the original form: Gamma = (I/gamma - C)^-1,
 * alpha = A Gamma, b = m Gamma. A single mistyped digit breaks one of these equalities.
 */
class RosenbrockTableauTest {

    /** Coefficients are printed with 16 digits; the conditions then hold to about 1e-12. */
    private static final double EPS = 1e-10;

    /**
     * The method's coefficients built afresh by its factory, not the enum's copy: that one is built
     * once, when the enum is first used, so a test reading it checks whichever code built it then
     * (mutation testing, docs/testing.md: every change to the transformation, the continuous
     * extension's solve or a transcribed coefficient survived). {@link #theEnumHoldsWhatItsFactoryBuilds}
     * ties the two together.
     */
    private static RosenbrockTableau built(RosenbrockMethod method) {
        return switch (method) {
            case RODAS4 -> RosenbrockTableau.rodas4();
            case RODASP -> RosenbrockTableau.rodasp();
            case ROS34PW2 -> RosenbrockTableau.ros34pw2();
        };
    }

    @ParameterizedTest
    @EnumSource(RosenbrockMethod.class)
    void theEnumHoldsWhatItsFactoryBuilds(RosenbrockMethod method) {
        RosenbrockTableau fresh = built(method);
        RosenbrockTableau held = method.tableau();
        assertThat(held.stages).isEqualTo(fresh.stages);
        assertThat(held.gamma).isEqualTo(fresh.gamma);
        assertThat(held.a).isDeepEqualTo(fresh.a);
        assertThat(held.c).isDeepEqualTo(fresh.c);
        assertThat(held.alpha).containsExactly(fresh.alpha);
        assertThat(held.d).containsExactly(fresh.d);
        assertThat(held.m).containsExactly(fresh.m);
        assertThat(held.e).containsExactly(fresh.e);
        assertThat(held.dense).isDeepEqualTo(fresh.dense);
        assertThat(held.embeddedOrder).isEqualTo(fresh.embeddedOrder);
        assertThat(held.wMethod).isEqualTo(fresh.wMethod);
    }

    private record Original(int s, double gamma, double[][] alpha, double[][] beta, double[] b, double[] bHat) {
    }

    private static Original original(RosenbrockTableau tb) {
        int s = tb.stages;
        double[][] gInv = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                gInv[i][j] = -tb.c[i][j];
            }
            gInv[i][i] = 1 / tb.gamma;
        }
        double[][] g = RosenbrockTableau.lowerTriangularInverse(gInv);
        double[][] alpha = new double[s][s];
        double[][] beta = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                for (int k = j; k < i; k++) {
                    alpha[i][j] += tb.a[i][k] * g[k][j];
                }
            }
            for (int j = 0; j < i; j++) {
                beta[i][j] = alpha[i][j] + g[i][j];
            }
        }
        double[] b = new double[s];
        double[] bHat = new double[s];
        for (int j = 0; j < s; j++) {
            for (int k = j; k < s; k++) {
                b[j] += tb.m[k] * g[k][j];
                bHat[j] += (tb.m[k] - tb.e[k]) * g[k][j];
            }
        }
        // Stage nodes and f_t weights must be consistent with the same Gamma.
        for (int i = 0; i < s; i++) {
            double ai = 0;
            double gi = 0;
            for (int j = 0; j < i; j++) {
                ai += alpha[i][j];
            }
            for (int j = 0; j <= i; j++) {
                gi += g[i][j];
            }
            assertThat(tb.alpha[i]).as("alpha_%d", i + 1).isCloseTo(ai, within(EPS));
            assertThat(tb.d[i]).as("gamma_%d", i + 1).isCloseTo(gi, within(EPS));
        }
        return new Original(s, tb.gamma, alpha, beta, b, bHat);
    }

    /** Left-hand sides of the eight conditions up to order 4 for weights w. */
    private static double[] conditions(Original o, double[] w) {
        int s = o.s;
        double[] alphaSum = new double[s];
        double[] betaSum = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                alphaSum[i] += o.alpha[i][j];
                betaSum[i] += o.beta[i][j];
            }
        }
        double c1 = 0, c2 = 0, c3a = 0, c3b = 0, c4a = 0, c4b = 0, c4c = 0, c4d = 0;
        for (int i = 0; i < s; i++) {
            c1 += w[i];
            c2 += w[i] * betaSum[i];
            c3a += w[i] * alphaSum[i] * alphaSum[i];
            c4a += w[i] * Math.pow(alphaSum[i], 3);
            for (int j = 0; j < i; j++) {
                c3b += w[i] * o.beta[i][j] * betaSum[j];
                c4b += w[i] * alphaSum[i] * o.alpha[i][j] * betaSum[j];
                c4c += w[i] * o.beta[i][j] * alphaSum[j] * alphaSum[j];
                for (int k = 0; k < j; k++) {
                    c4d += w[i] * o.beta[i][j] * o.beta[j][k] * betaSum[k];
                }
            }
        }
        return new double[] {c1, c2, c3a, c3b, c4a, c4b, c4c, c4d};
    }

    private static double[] rightHandSides(double g) {
        return new double[] {1, 0.5 - g, 1.0 / 3, 1.0 / 6 - g + g * g, 0.25, 1.0 / 8 - g / 3, 1.0 / 12 - g / 3,
            1.0 / 24 - g / 2 + 1.5 * g * g - g * g * g};
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void mainMethodSatisfiesAllOrderConditionsUpToFour(RosenbrockMethod method) {
        Original o = original(built(method));
        double[] lhs = conditions(o, o.b);
        double[] rhs = rightHandSides(o.gamma);
        for (int i = 0; i < lhs.length; i++) {
            assertThat(lhs[i]).as("condition %d", i + 1).isCloseTo(rhs[i], within(EPS));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void embeddedMethodHasOrderThreeButNotFour(RosenbrockMethod method) {
        Original o = original(built(method));
        double[] lhs = conditions(o, o.bHat);
        double[] rhs = rightHandSides(o.gamma);
        for (int i = 0; i < 4; i++) {
            assertThat(lhs[i]).as("condition %d", i + 1).isCloseTo(rhs[i], within(EPS));
        }
        double worstOrder4 = 0;
        for (int i = 4; i < 8; i++) {
            worstOrder4 = Math.max(worstOrder4, Math.abs(lhs[i] - rhs[i]));
        }
        // Otherwise the error estimate would vanish at leading order and the step control would be blind.
        assertThat(worstOrder4).isGreaterThan(1e-4);
    }

    @ParameterizedTest
    @EnumSource(RosenbrockMethod.class)
    void methodIsStifflyAccurate(RosenbrockMethod method) {
        Original o = original(built(method));
        int s = o.s;
        // b_i = beta_si (i < s) and b_s = gamma: y1 equals the last stage's argument plus its increment.
        for (int j = 0; j < s - 1; j++) {
            assertThat(o.b[j]).isCloseTo(o.beta[s - 1][j], within(EPS));
        }
        assertThat(o.b[s - 1]).isCloseTo(o.gamma, within(EPS));
    }

    @org.junit.jupiter.api.Test
    void ros34pw2SatisfiesTheConditionsUpToOrderThreeAndItsEmbeddedSolutionUpToTwo() {
        Original o = original(built(RosenbrockMethod.ROS34PW2));
        double[] rhs = rightHandSides(o.gamma);
        double[] main = conditions(o, o.b);
        double[] embedded = conditions(o, o.bHat);
        for (int i = 0; i < 4; i++) {
            assertThat(main[i]).as("condition %d", i + 1).isCloseTo(rhs[i], within(EPS));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(embedded[i]).as("embedded condition %d", i + 1).isCloseTo(rhs[i], within(EPS));
        }
        // Otherwise the error estimate would vanish at leading order (h^3).
        assertThat(Math.max(Math.abs(embedded[2] - rhs[2]), Math.abs(embedded[3] - rhs[3]))).isGreaterThan(1e-3);
        assertThat(built(RosenbrockMethod.ROS34PW2).embeddedOrder).isEqualTo(2);
        assertThat(built(RosenbrockMethod.ROS34PW2).wMethod).isTrue();
        assertThat(built(RosenbrockMethod.RODASP).wMethod).isFalse();
    }

    @org.junit.jupiter.api.Test
    void ros34pw2ContinuousExtensionSatisfiesTheOrderThreeConditionsAtEveryPoint() {
        // y(s) = y0 + sum_j w_j(s) u_j with w(s) = s m + s (1 - s) (dense[0] + s dense[1]); back in the
        // original form b(s) = w(s) Gamma, which must satisfy the order conditions with right-hand sides
        // s, s^2/2 - gamma s, s^3/3 and s^3/6 - gamma s^2 + gamma^2 s (HW Table IV.7.1 at t0 + s h).
        RosenbrockTableau tb = built(RosenbrockMethod.ROS34PW2);
        Original o = original(tb);
        int st = o.s;
        double[][] gInv = new double[st][st];
        for (int i = 0; i < st; i++) {
            for (int j = 0; j < i; j++) {
                gInv[i][j] = -tb.c[i][j];
            }
            gInv[i][i] = 1 / tb.gamma;
        }
        double[][] g = RosenbrockTableau.lowerTriangularInverse(gInv);
        double gam = o.gamma;
        for (double sp : new double[] {0.1, 0.3, 0.5, 0.8, 1.0}) {
            double[] w = new double[st];
            for (int j = 0; j < st; j++) {
                w[j] = sp * tb.m[j] + sp * (1 - sp) * (tb.dense[0][j] + sp * tb.dense[1][j]);
            }
            double[] b = new double[st];
            for (int j = 0; j < st; j++) {
                for (int k = j; k < st; k++) {
                    b[j] += w[k] * g[k][j];
                }
            }
            double[] lhs = conditions(o, b);
            double[] rhs = {sp, sp * sp / 2 - gam * sp, sp * sp * sp / 3, sp * sp * sp / 6 - gam * sp * sp + gam * gam * sp};
            for (int i = 0; i < 4; i++) {
                assertThat(lhs[i]).as("s = %s, condition %d", sp, i + 1).isCloseTo(rhs[i], within(EPS));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void rodaspTransformedFromSteinebachsFormMatchesTheTransformedValuesOfRodasF() {
        // rodas.f (METH=3) prints RODASP already transformed; our transformation must reproduce it.
        RosenbrockTableau tb = built(RosenbrockMethod.RODASP);
        assertThat(tb.a[1][0]).isCloseTo(3.0, within(EPS));
        assertThat(tb.a[3][0]).isCloseTo(2.304376582692669, within(EPS));
        assertThat(tb.a[3][2]).isCloseTo(-1.176798761832782, within(EPS));
        assertThat(tb.a[4][0]).isCloseTo(-7.170454962423024, within(EPS));
        assertThat(tb.a[4][2]).isCloseTo(-16.31002631330971, within(EPS));
        assertThat(tb.c[1][0]).isCloseTo(-12.0, within(EPS));
        assertThat(tb.c[2][0]).isCloseTo(-8.791795173947035, within(EPS));
        assertThat(tb.c[4][2]).isCloseTo(54.7476087596413, within(EPS));
        assertThat(tb.c[5][3]).isCloseTo(18.40807009793095, within(EPS));
        assertThat(tb.c[5][4]).isCloseTo(-5.714285714285717, within(EPS));
        assertThat(tb.d).containsExactly(new double[] {0.25, -0.5, -0.023504, -0.0362, 0, 0}, within(EPS));
        assertThat(tb.alpha).containsExactly(new double[] {0, 0.75, 0.21, 0.63, 1, 1}, within(EPS));
    }
}
