package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class Rodas4IntegratorTest {

    private static Rodas4Integrator integrator(RosenbrockMethod method) {
        return new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(method));
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void robertsonMatchesTheTestSetReferenceAtTEqualsE11AndConservesMass(RosenbrockMethod method) {
        double[] y = {1, 0, 0};
        Tolerances tol = new Tolerances(1e-8, new double[] {1e-12, 1e-16, 1e-12});
        IntegrationStats stats = integrator(method).integrate(StiffProblems.robertson(true), tol, 0, y,
                StiffProblems.ROBER_END, null);
        double[] ref = StiffProblems.ROBER_REFERENCE;
        // 1e-5 relative: rtol is 1e-8 per step; y1 and y2 (1e-8, 1e-13 at the end) accumulate error over
        // ~10^3 steps spanning 16 decades of time, and y2's absolute tolerance 1e-16 is 1e-3 of its value.
        assertThat(y[0]).isCloseTo(ref[0], within(1e-5 * ref[0]));
        assertThat(y[1]).isCloseTo(ref[1], within(1e-5 * ref[1]));
        assertThat(y[2]).isCloseTo(ref[2], within(1e-10));
        // Rosenbrock stages preserve linear invariants exactly; only rounding (1e-16 per step) remains.
        assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, within(1e-12));
        // Work bound: about a thousand steps for 16 decades of time, and the smooth solution needs few rejections.
        assertThat(stats.acceptedSteps()).isBetween(200L, 5000L);
        assertThat(stats.rejectedSteps()).isLessThan(stats.acceptedSteps() / 10);
    }

    @Test
    void robertsonWithFiniteDifferenceJacobianAgreesWithTheAnalyticOne() {
        Tolerances tol = new Tolerances(1e-8, new double[] {1e-12, 1e-16, 1e-12});
        double[] yFd = {1, 0, 0};
        IntegrationStats stats = new Rodas4Integrator().integrate(StiffProblems.robertson(false), tol, 0, yFd, 1e5, null);
        double[] yAn = {1, 0, 0};
        new Rodas4Integrator().integrate(StiffProblems.robertson(true), tol, 0, yAn, 1e5, null);
        for (int i = 0; i < 3; i++) {
            // Both runs are accurate to ~1e-7 relative; differences in the Jacobian change only the step sequence.
            assertThat(yFd[i]).isCloseTo(yAn[i], within(1e-6 * Math.abs(yAn[i]) + 1e-14));
        }
        // Per step: f at the start, one f for df/dt, 3 for the difference Jacobian, 5 more stages.
        assertThat(stats.derivativeEvaluations()).isGreaterThanOrEqualTo(stats.acceptedSteps() * 10);
        assertThat(stats.jacobianEvaluations()).isEqualTo(stats.acceptedSteps());
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void vanDerPolWithEpsilonOneMillionthMatchesTheTestSetReference(RosenbrockMethod method) {
        double[] y = {2, 0};
        Tolerances tol = Tolerances.uniform(2, 1e-9, 1e-9);
        IntegrationStats stats = integrator(method).integrate(StiffProblems.vanDerPol(1e-6), tol, 0, y,
                StiffProblems.VDPOL_END, null);
        double[] ref = StiffProblems.VDPOL_REFERENCE;
        // 1e-7: tolerance 1e-9 per step; allow 100x global amplification through the relaxation jumps.
        assertThat(y[0]).isCloseTo(ref[0], within(1e-7));
        assertThat(y[1]).isCloseTo(ref[1], within(1e-7));
        // Work bound: 6-13 thousand steps at this tolerance; an explicit method would need ~10^7.
        assertThat(stats.acceptedSteps()).isBetween(1000L, 30_000L);
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void hiresMatchesTheTestSetReference(RosenbrockMethod method) {
        double[] y = StiffProblems.hiresInitial();
        Tolerances tol = Tolerances.uniform(8, 1e-9, 1e-13);
        IntegrationStats stats = integrator(method).integrate(StiffProblems.hires(), tol, 0, y,
                StiffProblems.HIRES_END, null);
        double[] ref = StiffProblems.HIRES_REFERENCE;
        for (int i = 0; i < 8; i++) {
            // 1e-7 relative: rtol 1e-9 per step; allow 100x global amplification over the run.
            assertThat(y[i]).as("y%d", i + 1).isCloseTo(ref[i], within(1e-7 * ref[i]));
        }
        // Work bound, not speed: both coefficient sets need 2-6 thousand steps here (RODAS4's error
        // estimate is the more cautious); a broken controller takes far more or far fewer.
        assertThat(stats.acceptedSteps()).isBetween(500L, 10_000L);
    }

    private static final OdeSystem DAMPED_ROTATION =
            StiffProblems.dampedRotation(StiffProblems.DAMPED_ROTATION_JACOBIAN, new int[1]);

    private static double fixedStepError(RosenbrockMethod method, double h) {
        // Huge tolerances never reject; initial = max step = h makes the step size constant.
        Rodas4Integrator fixed = new Rodas4Integrator(
                Rodas4Options.DEFAULTS.withMethod(method).withInitialStep(h).withMaxStep(h));
        double[] y = {1, 0};
        double end = 4;
        IntegrationStats stats = fixed.integrate(DAMPED_ROTATION, Tolerances.uniform(2, 1e6, 1e6), 0, y, end, null);
        assertThat(stats.acceptedSteps()).isEqualTo(Math.round(end / h));
        double e = Math.exp(-0.5 * end);
        return Math.hypot(y[0] - e * Math.cos(2 * end), y[1] + e * Math.sin(2 * end));
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void fixedStepErrorShrinksWithTheFourthPowerOfTheStep(RosenbrockMethod method) {
        double e1 = fixedStepError(method, 0.2);
        double e2 = fixedStepError(method, 0.1);
        double e3 = fixedStepError(method, 0.05);
        double p1 = Math.log(e1 / e2) / Math.log(2);
        double p2 = Math.log(e2 / e3) / Math.log(2);
        // Order 4 means a ratio of 16 per halving; +-0.3 leaves room for the pre-asymptotic terms at h = 0.2.
        assertThat(p1).isCloseTo(4, within(0.3));
        assertThat(p2).isCloseTo(4, within(0.3));
    }

    @ParameterizedTest
    @EnumSource(RosenbrockMethod.class)
    void errorShrinksAsTheToleranceTightens(RosenbrockMethod method) {
        double previous = Double.POSITIVE_INFINITY;
        for (double tol = 1e-4; tol >= 1e-10; tol *= 1e-2) {
            double[] y = {1, 0};
            integrator(method).integrate(DAMPED_ROTATION, Tolerances.uniform(2, tol, tol), 0, y, 4, null);
            double e = Math.exp(-2);
            double err = Math.hypot(y[0] - e * Math.cos(8), y[1] + e * Math.sin(8));
            // Global error within 100x the tolerance, and at least 10x smaller per 100x tighter tolerance.
            assertThat(err).as("tol %g", tol).isLessThan(100 * tol).isLessThan(previous / 10);
            previous = err;
        }
    }

    @ParameterizedTest
    @EnumSource(RosenbrockMethod.class)
    void stiffNonAutonomousProblemFollowsItsSlowManifold(RosenbrockMethod method) {
        // Prothero-Robinson: y' = lambda (y - cos t) - sin t, exact y = cos t + (y0 - 1) exp(lambda t).
        OdeSystem pr = StiffProblems.protheroRobinson(-1e5);
        double[] y = {2};
        IntegrationStats stats = integrator(method).integrate(pr, Tolerances.uniform(1, 1e-8, 1e-8), 0, y, 10, null);
        // 1e-7: 10x the tolerance; f_t enters through forward differences, accurate to ~1e-8.
        assertThat(y[0]).isCloseTo(Math.cos(10), within(1e-7));
        // Stiffness must not dictate the step: an explicit method would need > 10^5 steps.
        assertThat(stats.acceptedSteps()).isLessThan(2000);
    }

    @Test
    void rodaspKeepsLongStepsWhereRodas4LosesOrderOnProtheroRobinson() {
        // Why RODASP is the default: a stiff component slaved to slow forcing, as fast physiological
        // equilibria are. Observed: RODASP 28 steps, RODAS4 468, both ending within 1e-8 of cos t.
        OdeSystem pr = StiffProblems.protheroRobinson(-1e5);
        Tolerances tol = Tolerances.uniform(1, 1e-8, 1e-8);
        double[] yP = {1};
        long stepsP = integrator(RosenbrockMethod.RODASP).integrate(pr, tol, 0, yP, 10, null).acceptedSteps();
        double[] y4 = {1};
        long steps4 = integrator(RosenbrockMethod.RODAS4).integrate(pr, tol, 0, y4, 10, null).acceptedSteps();
        assertThat(stepsP).isLessThan(100);
        assertThat(steps4).isGreaterThan(3 * stepsP);
        // 1e-7: 10x the tolerance, as in the test above.
        assertThat(yP[0]).isCloseTo(Math.cos(10), within(1e-7));
        assertThat(Rodas4Options.DEFAULTS.method()).isEqualTo(RosenbrockMethod.RODASP);
    }

    @Test
    void backwardIntegrationReachesTheStartValue() {
        double[] y = {Math.exp(-1)};
        OdeSystem decay = StiffProblems.system(1, (t, s, dydt) -> {
            dydt[0] = -s[0];
        });
        new Rodas4Integrator().integrate(decay, Tolerances.uniform(1, 1e-10, 1e-12), 1, y, 0, null);
        // 1e-8: 100x the relative tolerance.
        assertThat(y[0]).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void observerSeesIncreasingTimesEndingExactlyAtT1() {
        List<Double> times = new ArrayList<>();
        double[] y = StiffProblems.hiresInitial();
        double end = StiffProblems.HIRES_END;
        IntegrationStats stats = new Rodas4Integrator().integrate(StiffProblems.hires(),
                Tolerances.uniform(8, 1e-6, 1e-10), 0, y, end, (t, state) -> times.add(t));
        assertThat(times).hasSize((int) stats.acceptedSteps());
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isGreaterThan(times.get(i - 1));
        }
        assertThat(times.get(0)).isGreaterThan(0.0);
        assertThat(times.get(times.size() - 1)).isEqualTo(end);
    }

    @Test
    void maxStepBoundsEveryStep() {
        List<Double> times = new ArrayList<>();
        times.add(0.0);
        new Rodas4Integrator(Rodas4Options.DEFAULTS.withMaxStep(1.0)).integrate(StiffProblems.hires(),
                Tolerances.uniform(8, 1e-4, 1e-8), 0, StiffProblems.hiresInitial(), 20, (t, s) -> times.add(t));
        for (int i = 1; i < times.size(); i++) {
            // 1e-12: rounding of t + h.
            assertThat(times.get(i) - times.get(i - 1)).isLessThanOrEqualTo(1.0 + 1e-12);
        }
        assertThat(times).hasSizeGreaterThanOrEqualTo(21);
    }

    @Test
    void zeroLengthIntervalLeavesTheStateAndCallsNothing() {
        double[] y = {1, 0, 0};
        int[] calls = {0};
        OdeSystem counting = StiffProblems.system(3, (t, s, dydt) -> {
            calls[0]++;
            StiffProblems.robertson(false).derivatives(t, s, dydt);
        });
        IntegrationStats stats = new Rodas4Integrator().integrate(counting, Tolerances.uniform(3, 1e-6, 1e-10), 5, y, 5,
                (t, s) -> calls[0]++);
        assertThat(stats).isEqualTo(IntegrationStats.ZERO);
        assertThat(y).containsExactly(1, 0, 0);
        assertThat(calls[0]).isZero();
    }

    @Test
    void nonFiniteDerivativeIsReportedWithTimeAndComponent() {
        OdeSystem breaking = StiffProblems.system(3, (t, y, dydt) -> {
            dydt[0] = -y[0];
            dydt[1] = t > 0.5 ? Double.NaN : -2 * y[1];
            dydt[2] = -3 * y[2];
        });
        double[] y = {1, 1, 1};
        assertThatThrownBy(() -> new Rodas4Integrator().integrate(breaking, Tolerances.uniform(3, 1e-6, 1e-9), 0, y, 1,
                null))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.component()).isEqualTo(1);
                    // 1e-6: the step shrinks to rounding level before giving up.
                    assertThat(e.time()).isCloseTo(0.5, within(1e-6));
                    assertThat(e.getMessage()).contains("component 1").contains("not finite");
                });
    }

    @Test
    void nonFiniteInitialStateIsRejectedNamingTheComponent() {
        double[] y = {1, Double.NaN, 0};
        assertThatThrownBy(() -> new Rodas4Integrator().integrate(StiffProblems.robertson(true),
                Tolerances.uniform(3, 1e-6, 1e-10), 0, y, 1, null))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.component()).isEqualTo(1);
                    assertThat(e.time()).isZero();
                });
    }

    @Test
    void finiteTimeBlowUpEndsInStepSizeUnderflow() {
        // y' = y^2, y(0) = 1: y = 1 / (1 - t) has no solution beyond t = 1.
        OdeSystem blowUp = StiffProblems.system(1, (t, y, dydt) -> {
            dydt[0] = y[0] * y[0];
        });
        assertThatThrownBy(() -> new Rodas4Integrator().integrate(blowUp, Tolerances.uniform(1, 1e-6, 1e-6), 0,
                new double[] {1}, 2, null))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    // 1e-3: with rtol 1e-6 the run gets to within ~1e-6 of the pole before the step underflows.
                    assertThat(e.time()).isCloseTo(1.0, within(1e-3));
                    assertThat(e.getMessage()).containsAnyOf("underflow", "not finite");
                });
    }

    @Test
    void tooManyStepsIsReported() {
        Rodas4Integrator limited = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMaxSteps(20));
        assertThatThrownBy(() -> limited.integrate(StiffProblems.robertson(true), Tolerances.uniform(3, 1e-8, 1e-14), 0,
                new double[] {1, 0, 0}, 1e11, null))
                .isInstanceOfSatisfying(IntegrationException.class,
                        e -> assertThat(e.getMessage()).contains("more than 20 step attempts"));
    }

    @Test
    void oneIntegratorServesSystemsOfChangingDimension() {
        Rodas4Integrator shared = new Rodas4Integrator();
        Tolerances tol3 = new Tolerances(1e-8, new double[] {1e-12, 1e-16, 1e-12});
        double[] a = {1, 0, 0};
        shared.integrate(StiffProblems.robertson(true), tol3, 0, a, 40, null);
        double[] h = StiffProblems.hiresInitial();
        shared.integrate(StiffProblems.hires(), Tolerances.uniform(8, 1e-9, 1e-13), 0, h, StiffProblems.HIRES_END, null);
        double[] b = {1, 0, 0};
        shared.integrate(StiffProblems.robertson(true), tol3, 0, b, 40, null);
        assertThat(b).containsExactly(a);
        // 1e-7 relative: same bound as the HIRES reference test.
        assertThat(h[2]).isCloseTo(StiffProblems.HIRES_REFERENCE[2], within(1e-7 * StiffProblems.HIRES_REFERENCE[2]));
    }

    @Test
    void mismatchedDimensionsAreRejected() {
        assertThatThrownBy(() -> new Rodas4Integrator().integrate(StiffProblems.robertson(true),
                Tolerances.uniform(2, 1e-6, 1e-9), 0, new double[] {1, 0, 0}, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolerances");
    }

    @Test
    void segmentedRunWithSuggestedStepsMatchesOneRunAndSkipsTheStartingProbe() {
        Tolerances tol = Tolerances.uniform(8, 1e-8, 1e-12);
        double[] whole = StiffProblems.hiresInitial();
        new Rodas4Integrator().integrate(StiffProblems.hires(), tol, 0, whole, 300, null);

        Rodas4Integrator segmented = new Rodas4Integrator();
        double[] y = StiffProblems.hiresInitial();
        long derivatives = 0;
        long accepted = 0;
        long rejected = 0;
        for (int day = 0; day < 300; day += 10) {
            double h = day == 0 ? 0 : segmented.suggestedNextStep();
            IntegrationStats stats = segmented.integrate(StiffProblems.hires(), tol, day, y, day + 10, null, h);
            derivatives += stats.derivativeEvaluations();
            accepted += stats.acceptedSteps();
            rejected += stats.rejectedSteps();
            assertThat(segmented.suggestedNextStep()).isPositive();
        }
        for (int i = 0; i < 8; i++) {
            // 1e-6 relative: both runs are accurate to ~1e-8 relative; the step sequences differ.
            assertThat(y[i]).isCloseTo(whole[i], within(1e-6 * Math.abs(whole[i])));
        }
        // Exact cost: an accepted step takes f0, f_t, 8 difference columns and 5 later stages (15), a
        // rejected one its 5 later stages; only the first segment probes for a starting step (1 more).
        assertThat(derivatives).isEqualTo(15 * accepted + 5 * rejected + 1);
    }

    @Test
    void intervalShorterThanTheTimeResolutionIsStillIntegrated() {
        // About 1e-9 at t0 = 1e6 is below the step-underflow limit (10 uround |t| = 2e-9), but it is the whole interval.
        double[] y = {1, 0, 0};
        double t1 = 1e6 + 1e-9;
        double dt = t1 - 1e6; // 1.05e-9: the representable interval
        IntegrationStats stats = new Rodas4Integrator().integrate(StiffProblems.robertson(true),
                Tolerances.uniform(3, 1e-6, 1e-10), 1e6, y, t1, null);
        assertThat(stats.acceptedSteps()).isEqualTo(1);
        // y1' = -0.04 at y = (1, 0, 0): the change is 0.04 dt; 1e-16 is rounding of values near 1.
        assertThat(y[0]).isCloseTo(1 - 0.04 * dt, within(1e-16));
    }

    private static double maxMidpointError(RosenbrockMethod method, double h) {
        Rodas4Integrator fixed = new Rodas4Integrator(
                Rodas4Options.DEFAULTS.withMethod(method).withInitialStep(h).withMaxStep(h));
        double[] mid = new double[2];
        double[] worst = {0};
        double[] previousT = {0};
        fixed.integrate(DAMPED_ROTATION, Tolerances.uniform(2, 1e6, 1e6), 0, new double[] {1, 0}, 4, (t, y) -> {
            double tm = 0.5 * (previousT[0] + t);
            fixed.interpolate(tm, mid);
            double e = Math.exp(-0.5 * tm);
            worst[0] = Math.max(worst[0], Math.hypot(mid[0] - e * Math.cos(2 * tm), mid[1] + e * Math.sin(2 * tm)));
            previousT[0] = t;
        });
        return worst[0];
    }

    @ParameterizedTest
    @EnumSource(value = RosenbrockMethod.class, names = {"RODAS4", "RODASP"})
    void denseOutputAtMidStepConvergesLikeTheSteps(RosenbrockMethod method) {
        double e1 = maxMidpointError(method, 0.2);
        double e2 = maxMidpointError(method, 0.1);
        double e3 = maxMidpointError(method, 0.05);
        // A third-order continuous extension has local error O(h^4): ratio 16 per halving, as the steps.
        assertThat(Math.log(e1 / e2) / Math.log(2)).isCloseTo(4, within(0.5));
        assertThat(Math.log(e2 / e3) / Math.log(2)).isCloseTo(4, within(0.5));
    }

    private static double worstQuarterPointError(Rodas4Integrator rodas, OdeSystem pr) {
        double[] out = new double[1];
        double[] worst = {0};
        double[] previousT = {0};
        rodas.integrate(pr, Tolerances.uniform(1, 1e-8, 1e-8), 0, new double[] {1}, 10, (t, y) -> {
            for (int i = 1; i < 4; i++) {
                double tq = previousT[0] + 0.25 * i * (t - previousT[0]);
                rodas.interpolate(tq, out);
                worst[0] = Math.max(worst[0], Math.abs(out[0] - Math.cos(tq)));
            }
            previousT[0] = t;
        });
        return worst[0];
    }

    /**
     * On stiff problems the continuous extension loses order (Prothero-Robinson: about h^3 instead of
     * h^4), so between long steps it is much less accurate than the step ends. Documents the size.
     */
    @ParameterizedTest
    @EnumSource(RosenbrockMethod.class)
    void denseOutputOnAStiffProblemIsAccurateOnlyWithShortSteps(RosenbrockMethod method) {
        OdeSystem pr = StiffProblems.protheroRobinson(-1e5);
        // Free steps reach h = 0.3 where the error estimate is small: observed 2e-4 to 3.3e-4 at quarter points.
        assertThat(worstQuarterPointError(integrator(method), pr)).isLessThan(1e-3);
        // Steps of at most 0.02 keep it near the tolerance: observed about 1e-7.
        Rodas4Integrator shortSteps = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(method).withMaxStep(0.02));
        assertThat(worstQuarterPointError(shortSteps, pr)).isLessThan(3e-7);
    }

    @Test
    void denseOutputReproducesTheStepEndsAndRefusesOtherTimes() {
        Rodas4Integrator rodas = new Rodas4Integrator();
        assertThatThrownBy(() -> rodas.interpolate(0, new double[8])).isInstanceOf(IllegalStateException.class);
        double[] previousY = StiffProblems.hiresInitial();
        double[] previousT = {0};
        double[] out = new double[8];
        int[] checked = {0};
        rodas.integrate(StiffProblems.hires(), Tolerances.uniform(8, 1e-6, 1e-10), 0, StiffProblems.hiresInitial(), 10,
                (t, y) -> {
                    rodas.interpolate(t, out);
                    // Exact up to rounding of y0 + (y1 - y0): a few ulps of values below 1.
                    for (int i = 0; i < 8; i++) {
                        assertThat(out[i]).isCloseTo(y[i], within(1e-15));
                    }
                    rodas.interpolate(previousT[0], out);
                    assertThat(out).containsExactly(previousY);
                    System.arraycopy(y, 0, previousY, 0, 8);
                    previousT[0] = t;
                    checked[0]++;
                });
        assertThat(checked[0]).isGreaterThan(10);
        assertThatThrownBy(() -> rodas.interpolate(11, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the last accepted step");
    }

    @Test
    void aShortFinalRemainderDoesNotShrinkTheSuggestedStep() {
        // Constant steps of 0.3 reach 0.9; the last 0.001 is a cut-short step.
        Rodas4Integrator fixed = new Rodas4Integrator(Rodas4Options.DEFAULTS.withInitialStep(0.3).withMaxStep(0.3));
        IntegrationStats stats = fixed.integrate(DAMPED_ROTATION, Tolerances.uniform(2, 1e6, 1e6), 0,
                new double[] {1, 0}, 0.901, null);
        assertThat(stats.acceptedSteps()).isEqualTo(4);
        assertThat(fixed.suggestedNextStep()).isEqualTo(0.3);
    }

    /** y' = -50 (y - 1): autonomous; declared so, the solver skips its df/dt call and nothing else changes. */
    private static OdeSystem relaxation(boolean declaredAutonomous) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -50 * (y[0] - 1);
            }

            @Override
            public boolean autonomous() {
                return declaredAutonomous;
            }
        };
    }

    @Test
    void anAutonomousSystemSpendsNoCallOnTheTimeDerivative() {
        Tolerances tol = new Tolerances(1e-6, new double[] {1e-9});
        double[] plain = {0};
        double[] declared = {0};
        IntegrationStats a = new Rodas4Integrator().integrate(relaxation(false), tol, 0, plain, 2, null);
        IntegrationStats b = new Rodas4Integrator().integrate(relaxation(true), tol, 0, declared, 2, null);
        // The forward difference in t of an autonomous f is exactly zero, so the runs are identical...
        assertThat(declared[0]).isEqualTo(plain[0]);
        assertThat(b.acceptedSteps()).isEqualTo(a.acceptedSteps());
        // ...except for one derivative call per Jacobian.
        assertThat(a.derivativeEvaluations() - b.derivativeEvaluations()).isEqualTo(a.jacobianEvaluations());
    }

    /**
     * A W-method keeps the LUs of its off-grid step sizes (the last step of a piece, cut to land on
     * its end) while its Jacobian stays: two pieces integrated again from the same states take the
     * same steps, decompose nothing, and end on the same bits (the LU of A's last step was not
     * displaced by B's).
     */
    @Test
    void aWMethodKeepsTheLusOfItsPiecesLastStepsWhileItsJacobianStays() {
        Rodas4Integrator w = integrator(RosenbrockMethod.ROS34PW2);
        OdeSystem relax = relaxation(true);
        Tolerances tol = new Tolerances(1e-3, new double[] {1e-6});
        double[][] ends = new double[2][2];
        long[] decompositions = new long[2];
        for (int round = 0; round < 2; round++) {
            double[] y = {0.99};
            IntegrationStats a = w.integrate(relax, tol, 0, y, 0.37, null, 0.01);
            ends[round][0] = y[0];
            IntegrationStats b = w.integrate(relax, tol, 0.37, y, 1.13, null, 0.01);
            ends[round][1] = y[0];
            decompositions[round] = a.luDecompositions() + b.luDecompositions();
            assertThat(a.jacobianEvaluations() + b.jacobianEvaluations()).isEqualTo(round == 0 ? 1 : 0);
        }
        assertThat(decompositions[0]).isPositive();
        assertThat(decompositions[1]).isZero();
        assertThat(ends[1]).containsExactly(ends[0]);
    }

    @Test
    void aWMethodsLastStepOffTheGridSolvesWithTheGridStepsLu() {
        // Two calls that take the same steps but end 1e-6 apart: the second's last step has a
        // new size off the grid, and solves with the LU of the grid step below it (decomposed for
        // the first call), so it decomposes nothing. (Before, each new off-grid size had its own LU.)
        Rodas4Integrator w = integrator(RosenbrockMethod.ROS34PW2);
        OdeSystem relax = relaxation(true);
        Tolerances tol = new Tolerances(1e-4, new double[] {1e-7});
        double[] y = {0.5};
        IntegrationStats first = w.integrate(relax, tol, 0, y, 0.3701, null, 0x1p-11);
        double[] z = {0.5};
        IntegrationStats second = w.integrate(relax, tol, 0, z, 0.370101, null, 0x1p-11);
        assertThat(first.luDecompositions()).isPositive();
        assertThat(second.acceptedSteps()).isEqualTo(first.acceptedSteps());
        assertThat(second.jacobianEvaluations()).isZero();
        assertThat(second.luDecompositions()).isZero();
        // Still the solution to the tolerance: y' = -50 (y - 1), y(0) = 0.5.
        assertThat(z[0]).isCloseTo(1 - 0.5 * Math.exp(-50 * 0.370101), within(1e-5));
        assertThat(y[0]).isCloseTo(1 - 0.5 * Math.exp(-50 * 0.3701), within(1e-5));
    }
}
