package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Rosenbrock-W method ROS34PW2 (Rang &amp; Angermann 2005) with the integrator's Jacobian reuse:
 * order 3 with an exact and with a wrong Jacobian, the stiff test problems ROBER, VDPOL and HIRES
 * against their reference solutions at a fraction of the Jacobians, and the derived continuous
 * extension.
 */
class Ros34pw2Test {

    private static Rodas4Integrator w() {
        return new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2));
    }

    private static final double[] EXACT_JACOBIAN = StiffProblems.DAMPED_ROTATION_JACOBIAN;
    /** Neither the eigenvalues nor the rotation: what a Jacobian kept from far away might be. */
    private static final double[] WRONG_JACOBIAN = {-3, 0.5, -1, -0.2};

    private static double fixedStepError(RosenbrockMethod method, double[] jac, double h, int[] jacobianCalls) {
        // Huge tolerances never reject; initial = max step = h makes the step size constant.
        Rodas4Integrator fixed = new Rodas4Integrator(
                Rodas4Options.DEFAULTS.withMethod(method).withInitialStep(h).withMaxStep(h));
        double[] y = {1, 0};
        double end = 4;
        IntegrationStats stats = fixed.integrate(StiffProblems.dampedRotation(jac, jacobianCalls), Tolerances.uniform(2, 1e6, 1e6),
                0, y, end, null);
        assertThat(stats.acceptedSteps()).isEqualTo(Math.round(end / h));
        double e = Math.exp(-0.5 * end);
        return Math.hypot(y[0] - e * Math.cos(2 * end), y[1] + e * Math.sin(2 * end));
    }

    private static double observedOrder(RosenbrockMethod method, double[] jac, double h) {
        int[] calls = new int[1];
        return Math.log(fixedStepError(method, jac, h, calls) / fixedStepError(method, jac, h / 2, calls)) / Math.log(2);
    }

    @Test
    void orderThreeWithTheExactJacobian() {
        assertThat(observedOrder(RosenbrockMethod.ROS34PW2, EXACT_JACOBIAN, 0.1)).isCloseTo(3, within(0.3));
        assertThat(observedOrder(RosenbrockMethod.ROS34PW2, EXACT_JACOBIAN, 0.05)).isCloseTo(3, within(0.3));
    }

    @Test
    void keepsOrderThreeWithAWrongJacobianWhereRodaspDoesNot() {
        // The W-property: the order conditions hold for any matrix in place of the Jacobian.
        double pW = observedOrder(RosenbrockMethod.ROS34PW2, WRONG_JACOBIAN, 0.05);
        double pP = observedOrder(RosenbrockMethod.RODASP, WRONG_JACOBIAN, 0.05);
        System.out.printf("observed order with a wrong Jacobian: ROS34PW2 %.2f, RODASP %.2f%n", pW, pP);
        assertThat(pW).isCloseTo(3, within(0.3));
        // A classical Rosenbrock method falls to a low order with it (RODASP: observed about 2).
        assertThat(pP).isLessThan(2.5);
    }

    /**
     * The damped rotation with a quadrature q' = y0^2 appended (fast mode's orbit carries the SLOW
     * integrals this way): the quadrature's Jacobian row is left zero, which a W-method allows.
     */
    private static OdeSystem withQuadrature(OdeSystem inner) {
        return new OdeSystem() {
            private final double[] j2 = new double[4];

            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public int quadratures() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                inner.derivatives(t, y, dydt);
                dydt[2] = y[0] * y[0];
            }

            @Override
            public boolean jacobian(double t, double[] y, double[] j) {
                inner.jacobian(t, y, j2);
                java.util.Arrays.fill(j, 0.0);
                j[0] = j2[0];
                j[1] = j2[1];
                j[3] = j2[2];
                j[4] = j2[3];
                return true;
            }
        };
    }

    /** The exact quadrature: integral of exp(-t) cos^2(2t) from 0 to t. */
    private static double exactQuadrature(double t) {
        return (1 - Math.exp(-t)) / 2 + (1 + Math.exp(-t) * (4 * Math.sin(4 * t) - Math.cos(4 * t))) / 34;
    }

    @Test
    void aQuadratureWithInfiniteToleranceLeavesTheStepsAloneAndIsOfOrderThree() {
        int[] calls = new int[1];
        double[] plain = {1, 0};
        IntegrationStats a = w().integrate(StiffProblems.dampedRotation(EXACT_JACOBIAN, calls),
                Tolerances.uniform(2, 1e-6, 1e-9), 0, plain, 4, null);
        double[] augmented = {1, 0, 0};
        IntegrationStats b = w().integrate(withQuadrature(StiffProblems.dampedRotation(EXACT_JACOBIAN, calls)),
                new Tolerances(1e-6, new double[] {1e-9, 1e-9, Double.POSITIVE_INFINITY}), 0, augmented, 4, null);
        // The error norm averages over the controlled components only: the same steps, the same solution.
        assertThat(b.acceptedSteps()).isEqualTo(a.acceptedSteps());
        assertThat(b.rejectedSteps()).isEqualTo(a.rejectedSteps());
        assertThat(augmented[0]).isEqualTo(plain[0]);
        assertThat(augmented[1]).isEqualTo(plain[1]);
        assertThat(augmented[2]).isCloseTo(exactQuadrature(4), within(1e-5));
        // Fixed steps: the quadrature converges with the method's order 3 (the trapezoidal rule: 2).
        // (observed 2.79, 2.90, 2.95 from h = 0.05 down; the trapezoidal rule would give 2)
        double e1 = fixedStepQuadratureError(0.025);
        double e2 = fixedStepQuadratureError(0.0125);
        assertThat(Math.log(e1 / e2) / Math.log(2)).isCloseTo(3, within(0.3));
    }

    @Test
    void aClassicalRosenbrockMethodRefusesQuadratures() {
        double[] y = {1, 0, 0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Rodas4Integrator().integrate(
                        withQuadrature(StiffProblems.dampedRotation(EXACT_JACOBIAN, new int[1])),
                        new Tolerances(1e-6, new double[] {1e-9, 1e-9, Double.POSITIVE_INFINITY}), 0, y, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W-method");
    }

    private static double fixedStepQuadratureError(double h) {
        Rodas4Integrator fixed = new Rodas4Integrator(
                Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2).withInitialStep(h).withMaxStep(h));
        double[] y = {1, 0, 0};
        fixed.integrate(withQuadrature(StiffProblems.dampedRotation(EXACT_JACOBIAN, new int[1])),
                new Tolerances(1e6, new double[] {1e6, 1e6, Double.POSITIVE_INFINITY}), 0, y, 4, null);
        return Math.abs(y[2] - exactQuadrature(4));
    }

    @Test
    void keepsOneJacobianOverAllStepsAndCallsUntilDiscarded() {
        int[] calls = new int[1];
        OdeSystem sys = StiffProblems.dampedRotation(EXACT_JACOBIAN, calls);
        // Fixed steps (huge tolerances, initial = maximum step): nothing ever asks for a refresh.
        Rodas4Integrator in = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2)
                .withInitialStep(0.05).withMaxStep(0.05));
        Tolerances tol = Tolerances.uniform(2, 1e6, 1e6);
        double[] y = {1, 0};
        IntegrationStats first = in.integrate(sys, tol, 0, y, 2, null);
        IntegrationStats second = in.integrate(sys, tol, 2, y, 4, null);
        assertThat(first.acceptedSteps() + second.acceptedSteps()).isEqualTo(80);
        assertThat(calls[0]).isEqualTo(1);
        assertThat(first.jacobianEvaluations()).isEqualTo(1);
        assertThat(second.jacobianEvaluations()).isZero();
        // The step size does not change, so neither does the LU, except for each call's first and last
        // step (t1 - t differs from 0.05 in its last bits): 4 LUs for 80 steps.
        assertThat(first.luDecompositions() + second.luDecompositions()).isLessThanOrEqualTo(4);
        in.discardJacobian();
        in.integrate(sys, tol, 4, y, 5, null);
        assertThat(calls[0]).isEqualTo(2);
        double e = Math.exp(-2.5);
        // Order 3 with h = 0.05: the fixed-step test above gives about 1e-5 at t = 4.
        assertThat(Math.hypot(y[0] - e * Math.cos(10), y[1] + e * Math.sin(10))).isLessThan(1e-4);
    }

    @Test
    void aChangeOfDimensionStartsAfreshSoRepeatedRunsAgreeBitForBit() {
        // The kept Jacobian and the LUs per step size belong to one dimension; a call on a system of
        // another dimension must drop them, so that the third call repeats the first exactly.
        Rodas4Integrator shared = w();
        Tolerances tol3 = new Tolerances(1e-6, new double[] {1e-10, 1e-14, 1e-10});
        OdeSystem rober = StiffProblems.robertson(true);
        double[] a = {1, 0, 0};
        IntegrationStats first = shared.integrate(rober, tol3, 0, a, 40, null);
        double[] h = StiffProblems.hiresInitial();
        shared.integrate(StiffProblems.hires(), Tolerances.uniform(8, 1e-6, 1e-10), 0, h, StiffProblems.HIRES_END, null);
        double[] b = {1, 0, 0};
        IntegrationStats third = shared.integrate(rober, tol3, 0, b, 40, null);
        assertThat(b).containsExactly(a);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void adaptiveStepsRefreshTheJacobianOnlyWhenTheErrorEstimateAsks() {
        int[] calls = new int[1];
        Rodas4Integrator in = w();
        double[] y = {1, 0};
        IntegrationStats s = in.integrate(StiffProblems.dampedRotation(EXACT_JACOBIAN, calls), Tolerances.uniform(2, 1e-6, 1e-9), 0,
                y, 4, null);
        // Observed: 430 steps, 60 Jacobians (each time the controller shrank the step), 163 LUs.
        assertThat(s.jacobianEvaluations()).isLessThan(s.acceptedSteps() / 4);
        assertThat(s.luDecompositions()).isLessThan(s.acceptedSteps());
        double e = Math.exp(-2);
        assertThat(Math.hypot(y[0] - e * Math.cos(8), y[1] + e * Math.sin(8))).isLessThan(1e-5);
    }

    /*
     * The stiff test set at the tolerances of the RODAS tests (Rodas4IntegratorTest). A third-order
     * method whose step size follows an order-2 error estimate takes 3-8 times RODASP's steps there;
     * the point is that it stays accurate with one Jacobian per 3-8 steps.
     */

    @Test
    void robertsonMatchesTheReferenceWithFewJacobians() {
        double[] y = {1, 0, 0};
        Tolerances tol = new Tolerances(1e-8, new double[] {1e-12, 1e-16, 1e-12});
        IntegrationStats s = w().integrate(StiffProblems.robertson(true), tol, 0, y, StiffProblems.ROBER_END, null);
        double[] ref = StiffProblems.ROBER_REFERENCE;
        // Observed: y1 and y2 1.4e-4 relative (RODASP: 1.1e-6), y3 3e-12; 5 225 steps, 815 Jacobians.
        assertThat(y[0]).isCloseTo(ref[0], within(1e-3 * ref[0]));
        assertThat(y[1]).isCloseTo(ref[1], within(1e-3 * ref[1]));
        assertThat(y[2]).isCloseTo(ref[2], within(1e-10));
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, within(1e-12));
        assertThat(s.jacobianEvaluations()).isLessThan(s.acceptedSteps() / 4);
    }

    @Test
    void vanDerPolMatchesTheReferenceWithFewJacobians() {
        double[] y = {2, 0};
        IntegrationStats s = w().integrate(StiffProblems.vanDerPol(1e-6), Tolerances.uniform(2, 1e-9, 1e-9), 0, y,
                StiffProblems.VDPOL_END, null);
        // Observed: 6e-10 and 1.1e-9; 33 068 steps, 4 909 Jacobians (the relaxation jumps
        // change the Jacobian by orders of magnitude within a few steps). Same bound as the RODAS test.
        assertThat(y[0]).isCloseTo(StiffProblems.VDPOL_REFERENCE[0], within(1e-7));
        assertThat(y[1]).isCloseTo(StiffProblems.VDPOL_REFERENCE[1], within(1e-7));
        assertThat(s.jacobianEvaluations()).isLessThan(s.acceptedSteps() / 2);
    }

    @Test
    void hiresMatchesTheReferenceWithFewJacobians() {
        double[] y = StiffProblems.hiresInitial();
        IntegrationStats s = w().integrate(StiffProblems.hires(), Tolerances.uniform(8, 1e-9, 1e-13), 0, y,
                StiffProblems.HIRES_END, null);
        // Observed: at most 2.0e-9 relative; 8 197 steps, 1 818 Jacobians. Same bound as the RODAS test.
        for (int i = 0; i < 8; i++) {
            assertThat(y[i]).as("y%d", i + 1).isCloseTo(StiffProblems.HIRES_REFERENCE[i],
                    within(1e-7 * StiffProblems.HIRES_REFERENCE[i]));
        }
        assertThat(s.jacobianEvaluations()).isLessThan(s.acceptedSteps() / 3);
    }

    @Test
    void denseOutputConvergesWithOrderThree() {
        double e1 = maxMidpointError(0.2);
        double e2 = maxMidpointError(0.1);
        double e3 = maxMidpointError(0.05);
        // Between the step ends the continuous extension carries the global error (order 3) plus its own
        // local error (order 4): a ratio of 8 per halving.
        assertThat(Math.log(e1 / e2) / Math.log(2)).isCloseTo(3, within(0.4));
        assertThat(Math.log(e2 / e3) / Math.log(2)).isCloseTo(3, within(0.4));
    }

    private static double maxMidpointError(double h) {
        Rodas4Integrator fixed = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2)
                .withInitialStep(h).withMaxStep(h));
        double[] out = new double[2];
        double[] worst = {0};
        double[] previousT = {0};
        fixed.integrate(StiffProblems.dampedRotation(EXACT_JACOBIAN, new int[1]), Tolerances.uniform(2, 1e6, 1e6), 0,
                new double[] {1, 0}, 4, (t, y) -> {
                    for (double f : new double[] {0.25, 0.5, 0.75}) {
                        double tq = previousT[0] + f * (t - previousT[0]);
                        fixed.interpolate(tq, out);
                        double e = Math.exp(-0.5 * tq);
                        worst[0] = Math.max(worst[0], Math.hypot(out[0] - e * Math.cos(2 * tq), out[1] + e * Math.sin(2 * tq)));
                    }
                    previousT[0] = t;
                });
        return worst[0];
    }

    @Test
    void denseOutputOnAStiffProblemStaysBounded() {
        // Prothero-Robinson, lambda = -1e5: the stiff component is slaved to cos t. The derived
        // extension is not built for the stiff limit; it must still stay near the slow manifold.
        OdeSystem pr = StiffProblems.protheroRobinson(-1e5);
        Rodas4Integrator in = w();
        double[] out = new double[1];
        double[] worst = {0};
        double[] previousT = {0};
        double[] y = {1};
        in.integrate(pr, Tolerances.uniform(1, 1e-6, 1e-6), 0, y, 10, (t, s) -> {
            for (double f : new double[] {0.25, 0.5, 0.75}) {
                double tq = previousT[0] + f * (t - previousT[0]);
                in.interpolate(tq, out);
                worst[0] = Math.max(worst[0], Math.abs(out[0] - Math.cos(tq)));
            }
            previousT[0] = t;
        });
        System.out.printf("PR dense worst %.2e end %.2e%n", worst[0], y[0] - Math.cos(10));
        assertThat(Math.abs(y[0] - Math.cos(10))).isLessThan(1e-5);
        assertThat(worst[0]).isLessThan(1e-3);
    }

    private static void print(String name, IntegrationStats s) {
        System.out.println(name + " " + s);
    }
}
