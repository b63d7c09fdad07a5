package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;
import org.vascalc.simulation.testing.FakeSimulatorFactory;

class CalibratorTest {

    private static final org.vascalc.simulation.Scenario DOSE = ScenarioFiles.load(
            ProjectFiles.require("examples/calibration/E06-juice-500mg-with-breakfast.yaml")).scenario();

    /** Calcium absorbed from the E06 scenario (diet + 500 mg) with the fake. */
    private static double absorbed(Simulator s) {
        return s.run(DOSE, Mode.REFERENCE, ProgressListener.NONE).summary().get("calciumAbsorbedMg");
    }

    /** Peak serum-calcium rise after the E06 dose with the fake. */
    private static double peakRise(Simulator s) {
        double[] ca = s.run(DOSE, Mode.REFERENCE, ProgressListener.NONE).trajectory().series("serumCalciumTotal");
        return java.util.Arrays.stream(ca).max().orElseThrow() - ca[0];
    }

    @Test
    void recoversKnownParametersFromFitTargetsAndNeverRunsACheckTarget() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        double totalMg = 500; // the test dose; the study-day meal carries no calcium
        // Targets made from known truth: absorbedFraction 0.3, gain 2.5.
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.3 * totalMg, 0, 1e4);
        CalibrationTarget fit2 = CheckRunnerTest.target("F2", CalibrationTarget.Use.FIT, 2.5 * 0.05, 0, 1);
        // A check target that would pull absorbedFraction elsewhere if it were (wrongly) used.
        CalibrationTarget chk = CheckRunnerTest.target("C1", CalibrationTarget.Use.CHECK, 0.1 * totalMg, 0, 1e4);
        AtomicInteger checkRuns = new AtomicInteger();
        TargetChecks checks = TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed),
                TargetCheck.of("F2", CalibratorTest::peakRise), TargetCheck.of("C1", s -> {
                    checkRuns.incrementAndGet();
                    return absorbed(s);
                })));
        Calibrator cal = new Calibrator(f, checks);
        CalibrationTargets targets = CalibrationTargets.of(List.of(fit1, chk, fit2));
        assertThat(cal.fitTargets(targets)).containsExactly(fit1, fit2);

        Calibrator.Result r = cal.fit(f.defaultParameters(), targets, 400);

        assertThat(checkRuns).as("check rows are never run by the calibrator").hasValue(0);
        ParameterCatalog c = r.fitted();
        // BOBYQA stops at a trust radius of 1e-6 of the [0, 1]-scaled range: 1e-4 of the value is ample.
        assertThat(c.value("absorbedFraction")).isCloseTo(0.3, within(1e-4));
        assertThat(c.value("gain")).isCloseTo(2.5, within(1e-3));
        assertThat(c.value("baselineCalcium")).as("not calibrated: never moved").isEqualTo(2.35);
        assertThat(r.objectiveAfter()).isLessThan(1e-8).isLessThan(r.objectiveBefore());
        assertThat(r.excluded()).containsExactly(chk);
        String md = Calibrator.report(r, "test");
        assertThat(md).contains("| absorbedFraction | 1 | 0.05 | 0.6 | 0.2 | 0.3").contains("C1 (check)");
    }

    /**
     * review17: BOBYQA evaluates 2n + 1 points before its first step, so a smaller budget returned the start
     * unmoved, "evaluation limit reached"; now refused, naming the budget, the free parameters and the minimum.
     */
    @Test
    void aBudgetTooSmallForBobyqasFirstStepIsRefused() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.3 * 500, 0, 1e4);
        CalibrationTarget fit2 = CheckRunnerTest.target("F2", CalibrationTarget.Use.FIT, 0.2, 0, 1);
        Calibrator cal = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed),
                TargetCheck.of("F2", CalibratorTest::peakRise))));
        CalibrationTargets targets = CalibrationTargets.of(List.of(fit1, fit2));
        // leftovers24: a caller's budget, so the library's user-input exception (it was an IllegalArgumentException)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cal.fit(f.defaultParameters(), targets, 5))
                .isInstanceOfSatisfying(org.vascalc.core.input.InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.path()).isEqualTo("maxEvaluations");
                        assertThat(p.message()).isEqualTo("maxEvaluations = 5 evaluations is below the 6 evaluations "
                                + "BOBYQA needs to take one step with 2 free parameters (it evaluates 2n + 1 = 5 "
                                + "points first); the allowed range is 6 evaluations or more");
                    });
                    assertThat(e.getMessage()).startsWith("calibration budget has 1 problem:\n  error: maxEvaluations: ");
                });
        assertThat(cal.fit(f.defaultParameters(), targets, 6).fitted()).as("the minimum itself runs").isNotNull();
    }

    /** review17: the report printed a dimensionless target as "0.23 1". */
    @Test
    void aDimensionlessTargetIsPrintedWithoutTheUnitOne() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        CalibrationTarget t = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.23, 0, 1);
        CalibrationTarget ratio = new CalibrationTarget(t.id(), t.scope(), t.use(), t.phenomenon(), t.population(),
                t.scenario(), t.output(), t.statistic(), t.value(), t.low(), t.high(), "1", t.source(), t.locator(),
                t.status());
        Calibrator.Result r = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed))))
                .fit(f.defaultParameters(), CalibrationTargets.of(List.of(ratio)), 3);
        assertThat(Calibrator.report(r, "")).contains("| F1 | 0.23 | ").doesNotContain("0.23 1");
    }

    @Test
    void oneFreeParameterIsFittedWithBrent() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        ParameterCatalog start = ParameterCatalog.of(f.defaultParameters().parameters().stream()
                .map(p -> p.name().equals("gain") ? new org.vascalc.core.param.Parameter(p.name(), p.value(), p.unit(),
                        p.low(), p.high(), new org.vascalc.core.evidence.Evidence.Assumption("fixed here"), "")
                        : p).toList());
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.45 * 500, 0, 1e4);
        Calibrator.Result r = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed))))
                .fit(start, CalibrationTargets.of(List.of(fit1)), 200);
        assertThat(r.fitted().value("absorbedFraction")).isCloseTo(0.45, within(1e-4));
        assertThat(r.fitted().value("gain")).isEqualTo(1.0);
        // leftovers24: Brent's budget is refused in its own words, not BOBYQA's
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Calibrator(f, TargetChecks.of(List.of(
                        TargetCheck.of("F1", CalibratorTest::absorbed)))).fit(start, CalibrationTargets.of(List.of(fit1)), 0))
                .isInstanceOf(org.vascalc.core.input.InvalidInputException.class)
                .hasMessageEndingWith("maxEvaluations: maxEvaluations = 0 evaluations is below the 1 evaluation Brent's "
                        + "method needs with 1 free parameter; the allowed range is 1 evaluation or more");
    }

    @Test
    void aParameterTheFitDoesNotMoveComesBackBitIdenticalWithTheSameHash() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        // 0.16 in [0.05, 0.6] does not survive the [0, 1] scaling round trip: it maps back to 0.16000000000000003.
        ParameterCatalog start = f.defaultParameters().with(java.util.Map.of("absorbedFraction", 0.16));
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.16 * 500, 0, 1e4);
        Calibrator cal = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed))));
        for (int maxEvaluations : new int[] {1, 200}) { // out of budget at once; an already-optimal start
            Calibrator.Result r = cal.fit(start, CalibrationTargets.of(List.of(fit1)), maxEvaluations);
            assertThat(r.fitted().value("absorbedFraction")).as("budget %d", maxEvaluations).isEqualTo(0.16);
            assertThat(r.fitted().sha256()).as("budget %d", maxEvaluations).isEqualTo(start.sha256());
            assertThat(r.objectiveAfter()).isEqualTo(r.objectiveBefore()).as("the start itself was evaluated").isZero();
        }
    }

    @Test
    void theFitReportsTheShareOfItsEvaluationBudgetRisingToOne() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.45 * 500, 0, 1e4);
        List<Double> seen = new java.util.ArrayList<>();
        Calibrator.Result r = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed))))
                .fit(f.defaultParameters(), CalibrationTargets.of(List.of(fit1)), 50, seen::add);
        assertThat(seen).as("one report per evaluation, and 1 at the end").hasSize(r.evaluations() + 1);
        assertThat(seen).isSorted().allSatisfy(x -> assertThat(x).isBetween(0.0, 1.0));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
        assertThat(seen.get(0)).isEqualTo(1.0 / 52);
    }

    @Test
    void runningOutOfEvaluationsKeepsTheBestPointSeenAndSaysSo() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.3 * 500, 0, 1e4);
        CalibrationTarget fit2 = CheckRunnerTest.target("F2", CalibrationTarget.Use.FIT, 0.2, 0, 1);
        Calibrator.Result r = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed),
                TargetCheck.of("F2", CalibratorTest::peakRise))))
                .fit(f.defaultParameters(), CalibrationTargets.of(List.of(fit1, fit2)), 8);
        assertThat(r.converged()).isFalse();
        assertThat(r.objectiveAfter()).isLessThanOrEqualTo(r.objectiveBefore());
        assertThat(Calibrator.report(r, "")).contains("stopped at the evaluation limit");
    }

    @Test
    void onlyParametersCalibratedToTheTargetsOfThisFitMove() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.45 * 500, 0, 1e4);
        Calibrator.Result r = new Calibrator(f, TargetChecks.of(List.of(TargetCheck.of("F1", CalibratorTest::absorbed))))
                .fit(f.defaultParameters(), CalibrationTargets.of(List.of(fit1)), 200);
        assertThat(r.before()).extracting(org.vascalc.core.param.Parameter::name).containsExactly("absorbedFraction");
        assertThat(r.fitted().value("gain")).as("calibrated to F2, which is not in this fit").isEqualTo(1.0);
        assertThat(Calibrator.targetIdsOf(new org.vascalc.core.param.Parameter("x", 1, "1", 0, 2,
                new org.vascalc.core.evidence.Evidence.Calibrated("W04;W05, E06", ""), ""))).containsExactly("W04", "W05", "E06");
    }

    @Test
    void aParameterCornerWhereTheModelCannotRunIsPenalisedAndItsReasonReported() {
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        CalibrationTarget fit1 = CheckRunnerTest.target("F1", CalibrationTarget.Use.FIT, 0.3 * 500, 0, 1e4);
        // The "model" cannot start when more than 35 % of the calcium would be absorbed.
        TargetChecks checks = TargetChecks.of(List.of(TargetCheck.of("F1", s -> {
            double a = absorbed(s);
            if (a > 0.35 * 500) {
                throw new IllegalArgumentException("baseline cannot be a steady state");
            }
            return a;
        })));
        Calibrator.Result r = new Calibrator(f, checks).fit(f.defaultParameters(), CalibrationTargets.of(List.of(fit1)), 200);
        assertThat(r.failedRuns()).isPositive();
        assertThat(r.firstFailure()).isEqualTo("F1: baseline cannot be a steady state");
        assertThat(r.fitted().value("absorbedFraction")).isCloseTo(0.3, within(1e-4));
        assertThat(Calibrator.report(r, "")).contains("First failure: F1: baseline cannot be a steady state");
    }
}
