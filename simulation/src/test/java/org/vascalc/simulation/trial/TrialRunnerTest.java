package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/**
 * A small trial end to end on the real model (a few members, months of follow-up): screening on the
 * baseline CT score, the same members in both arms, each outcome's estimate and interval, the same
 * result whatever the thread count. It tests the machinery, not whether the model matches a paper.
 */
class TrialRunnerTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    private static TrialSpec.Published published() {
        return new TrialSpec.Published(OptionalDouble.of(0), OptionalDouble.of(-10), OptionalDouble.of(10), "test");
    }

    private static TrialSpec spec(TrialSpec.Inclusion inclusion) {
        TrialSpec.Arm control = new TrialSpec.Arm("placebo", "nothing", List.of());
        TrialSpec.Arm statin = new TrialSpec.Arm("statin", "high intensity",
                List.of(new Intervention.Statin(Intervention.StatinIntensity.HIGH, Schedule.daily(20))));
        List<TrialSpec.Outcome> outcomes = List.of(
                new TrialSpec.Outcome("progression", "cacAgatston", "AU", Measure.ANNUAL_PROGRESSION_RATIO, Double.NaN,
                        "statin", published()),
                new TrialSpec.Outcome("MI", "wall.hazardMi", "1", Measure.HAZARD_RATIO, Double.NaN, "statin", published()),
                new TrialSpec.Outcome("score above 0", "cacAgatston", "AU", Measure.END_ODDS_RATIO, 0, "statin",
                        published()),
                new TrialSpec.Outcome("score above 0, risk", "cacAgatston", "AU", Measure.END_RISK_RATIO, 0, "statin",
                        published()),
                new TrialSpec.Outcome("median change", "cacAgatston", "AU", Measure.MEDIAN_CHANGE_DIFFERENCE, Double.NaN,
                        "statin", published()));
        return new TrialSpec("small", "a small trial", "Houslay2006", "two arms", Population.MESA, inclusion,
                List.of(), 0.25, List.of(control, statin), outcomes, "test");
    }

    @Test
    void aSmallSeededTrialScreensRunsBothArmsAndGivesEachOutcomeTheSameWayOnAnyThreadCount() {
        TrialSpec.Inclusion inc = new TrialSpec.Inclusion(Optional.of(Sex.MALE),
                new TrialSpec.Range(OptionalDouble.of(60), OptionalDouble.empty()), TrialSpec.Range.ANY,
                new TrialSpec.Range(OptionalDouble.of(1), OptionalDouble.empty()), true);
        TrialSpec s = spec(inc);
        List<int[]> progress = new ArrayList<>();
        TrialResult one = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 1).run(s, 4, 5,
                (d, n) -> {
                    synchronized (progress) {
                        progress.add(new int[] {d, n});
                    }
                });
        TrialResult two = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(s, 4, 5, (d, n) -> { });
        assertThat(one.members()).isEqualTo(4);
        assertThat(one.screened()).isGreaterThanOrEqualTo(4);
        assertThat(one.outcomes()).hasSize(5);
        for (int k = 0; k < 5; k++) {
            TrialResult.OutcomeResult a = one.outcomes().get(k);
            TrialResult.OutcomeResult b = two.outcomes().get(k);
            assertThat(a.estimate()).as(a.outcome().name()).isFinite().isEqualTo(b.estimate());
            assertThat(a.low()).isEqualTo(b.low()).isLessThanOrEqualTo(a.estimate());
            assertThat(a.high()).isEqualTo(b.high()).isGreaterThanOrEqualTo(a.estimate());
        }
        // every member was included for a score above 0 at baseline, so every one enters the progression ratio
        assertThat(one.outcomes().get(0).used()).isEqualTo(4);
        assertThat(one.outcomes().get(0).unit()).isEqualTo("%/y");
        assertThat(one.outcomes().get(1).unit()).isEqualTo("ratio");
        assertThat(one.outcomes().get(3).unit()).isEqualTo("ratio");
        assertThat(one.outcomes().get(4).unit()).isEqualTo("AU");
        // the last report says every run of the arms is done
        // workers report from their own threads (CohortProgress), so the calls may reach the list out of
        // order: the furthest one reported is the run's end
        int[] last = progress.stream().max(java.util.Comparator.comparingInt((int[] p) -> p[0])).orElseThrow();
        assertThat(last[0]).isEqualTo(last[1]);
    }

    /**
     * trialdb: a runner that keeps its members' runs (what {@code trial --db} stores) gives the same outcomes to
     * the bit, and keeps each member's run in each arm, the same members in every arm, in their order.
     */
    @Test
    void keepingTheMembersRunsChangesNoResultBitAndKeepsEveryArmsRunPerMember() {
        TrialSpec s = spec(TrialSpec.Inclusion.everyone());
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2);
        TrialResult plain = runner.run(s, 3, 5, (d, n) -> { });
        TrialResult kept = runner.keepingMembers().run(s, 3, 5, (d, n) -> { });
        assertThat(plain.memberRuns()).as("not kept unless asked for").isEmpty();
        assertThat(kept.outcomes()).as("every estimate, interval and level to the bit").isEqualTo(plain.outcomes());
        assertThat(kept.startWarnings()).isEqualTo(plain.startWarnings());
        TrialResult.MemberRuns m = kept.memberRuns().orElseThrow();
        assertThat(m.outputs()).containsExactly("cacAgatston", "wall.hazardMi");
        assertThat(m.byArm()).hasSize(2).allSatisfy(arm -> assertThat(arm).hasSize(3));
        assertThat(m.vintageDays()).containsExactly(0.0, 0.0, 0.0);
        for (int i = 0; i < 3; i++) {
            assertThat(m.run(1, i).person()).isEqualTo(m.run(0, i).person());
            assertThat(m.run(0, i).warnings()).isNotNull();
        }
        assertThat(m.byArm().get(0).stream().map(r -> r.person().index()).toList()).isSorted();
    }

    @Test
    void theInclusionDrawsCandidatesInOrderAndSaysWhenItIsTooNarrow() {
        TrialSpec.Inclusion women = new TrialSpec.Inclusion(Optional.of(Sex.FEMALE), TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, TrialSpec.Range.ANY, true);
        TrialSpec s = spec(women);
        // the members a run would take: the first candidates the covariate filters accept, in index order
        var pop = new org.vascalc.simulation.cohort.VirtualPopulation(5, CATALOG);
        List<VirtualPerson> expected = new ArrayList<>();
        for (long i = 0; expected.size() < 3; i++) {
            VirtualPerson p = pop.mesa(i);
            if (p.patient().sex() == Sex.FEMALE && p.statin().isEmpty()) {
                expected.add(p);
            }
        }
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(s, 3, 5, (d, n) -> { });
        assertThat(r.screened()).as("candidates examined up to the third woman without a statin")
                .isEqualTo(expected.get(2).index() + 1);
        assertThat(TrialRunner.scenario(s, s.arms().get(1), expected.get(0), 1, TrialRunner.outputs(s)).interventions())
                .as("the arm's statin replaces a member's own").singleElement().isInstanceOf(Intervention.Statin.class);
        TrialSpec.Inclusion nobody = new TrialSpec.Inclusion(Optional.empty(),
                new TrialSpec.Range(OptionalDouble.of(100), OptionalDouble.empty()), TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, false);
        assertThatThrownBy(() -> new TrialRunner(new EngineSimulatorFactory(), CATALOG, 1).run(spec(nobody), 3, 5,
                (d, n) -> { }))
                .isInstanceOf(TrialRunner.InclusionTooNarrowException.class)
                .hasMessageContaining("accepted only 0 of the 150 mesa candidates");
        assertThatThrownBy(() -> new TrialRunner(new EngineSimulatorFactory(), CATALOG, 1).run(s, 1, 5, (d, n) -> { }))
                .hasMessageContaining("at least 2 members");
        assertThat(TrialRunner.outputs(s)).containsExactly("cacAgatston", "wall.hazardMi");
    }

    @Test
    void theInclusionCanAskForDiabetesAndAUsualVitaminKIntakeAndReadsTheMembersOwnIntake() {
        var pop = new org.vascalc.simulation.cohort.VirtualPopulation(5, CATALOG);
        // a member's usual intake is the Adequate Intake of their sex times their own factor
        VirtualPerson first = pop.mesa(0);
        double ai = CATALOG.value(first.patient().sex() == Sex.MALE ? "usualK1IntakeMaleUgPerDay"
                : "usualK1IntakeFemaleUgPerDay");
        assertThat(org.vascalc.simulation.cohort.VirtualPopulation.usualVitaminKUgPerDay(first, CATALOG))
                .isEqualTo(ai * first.individualParameters().get("vitaminKIntakeFactor"));
        TrialSpec.Range lowIntake = new TrialSpec.Range(OptionalDouble.empty(), OptionalDouble.of(120));
        TrialSpec.Inclusion inc = new TrialSpec.Inclusion(Optional.empty(), TrialSpec.Range.ANY, TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, false, Optional.of(true), lowIntake);
        List<VirtualPerson> expected = new ArrayList<>();
        for (long i = 0; expected.size() < 2; i++) {
            VirtualPerson p = pop.mesa(i);
            if (p.patient().risk().diabetes()
                    && org.vascalc.simulation.cohort.VirtualPopulation.usualVitaminKUgPerDay(p, CATALOG) <= 120) {
                expected.add(p);
            }
        }
        assertThat(expected.get(1).index()).as("the filters leave people out").isGreaterThan(1);
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(spec(inc), 2, 5, (d, n) -> { });
        assertThat(r.screened()).as("candidates examined up to the second member with diabetes eating <= 120 ug/d")
                .isEqualTo(expected.get(1).index() + 1);
        assertThat(TrialReport.markdown(List.of(r), "p")).contains("with diabetes, usual dietary vitamin K <= 120 ug/d");
    }

    @Test
    void theInclusionCanAskForABaselineSerumPhosphateReadFromTheScreeningRun() {
        // the baseline serum phosphate of the first CRIC-like candidates, as a one-day screening run reads it
        var pop = new org.vascalc.simulation.cohort.VirtualPopulation(5, CATALOG);
        List<VirtualPerson> candidates = new ArrayList<>();
        for (long i = 0; i < 8; i++) {
            candidates.add(pop.cric(i));
        }
        TrialSpec any = spec(TrialSpec.Inclusion.everyone());
        List<MemberRun> scans = new org.vascalc.simulation.cohort.CohortRunner(new EngineSimulatorFactory(), CATALOG, 2)
                .run(candidates, p -> TrialRunner.scenario(any, any.control(), p, 1 / 365.25, TrialRunner.SCREENED),
                        org.vascalc.simulation.Mode.FAST, (p, r) -> MemberRun.of(p, r, TrialRunner.SCREENED), (d, n) -> { });
        double[] phosphate = scans.stream().mapToDouble(m -> m.first()[1]).toArray();
        for (double v : phosphate) {
            assertThat(v).as("a CKD member's serum phosphate, mmol/L").isBetween(0.6, 2.5);
        }
        double[] sorted = phosphate.clone();
        java.util.Arrays.sort(sorted);
        double cut = (sorted[3] + sorted[4]) / 2; // the upper half of the eight candidates
        assertThat(sorted[4]).as("the candidates' phosphate differs, so the cut leaves people out").isGreaterThan(sorted[3]);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < phosphate.length && expected.size() < 2; i++) {
            if (phosphate[i] >= cut) {
                expected.add(candidates.get(i).index());
            }
        }
        TrialSpec.Inclusion inc = new TrialSpec.Inclusion(Optional.empty(), TrialSpec.Range.ANY, TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, false, Optional.empty(), TrialSpec.Range.ANY,
                new TrialSpec.Range(OptionalDouble.of(cut), OptionalDouble.empty()));
        assertThat(inc.needsBaselineScan()).isTrue();
        TrialSpec s = new TrialSpec("p", "phosphate", "Block2012Binders", "two arms", Population.CRIC, inc, List.of(),
                0.1, any.arms(), List.of(new TrialSpec.Outcome("phosphate", "serumPhosphate", "mmol/L",
                        Measure.CHANGE_DIFFERENCE, Double.NaN, "statin", published())), "test");
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(s, 2, 5, (d, n) -> { });
        assertThat(r.screened()).as("candidates examined up to the second with a baseline phosphate above the cut")
                .isEqualTo(expected.get(1) + 1);
        assertThat(r.outcomes().get(0).estimate()).isFinite();
        assertThat(TrialReport.markdown(List.of(r), "p")).contains("baseline serum phosphate >= ");
        assertThat(TrialRunner.acceptsBaseline(inc, new double[] {0, cut - 1e-6, 8})).isFalse();
        assertThat(TrialRunner.acceptsBaseline(inc, new double[] {0, cut, 8})).isTrue();
    }

    @Test
    void theInclusionCanAskForABaselinePulseWaveVelocityReadFromTheScreeningRun() {
        // naiyarakseree2023 enrolled only patients with a cfPWV of 10 m/s or more: the screening run reads the
        // model's aortic PWV at baseline beside the CT score and the phosphate
        var pop = new org.vascalc.simulation.cohort.VirtualPopulation(5, CATALOG);
        List<VirtualPerson> candidates = new ArrayList<>();
        for (long i = 0; i < 8; i++) {
            candidates.add(pop.mesa(i));
        }
        TrialSpec any = spec(TrialSpec.Inclusion.everyone());
        List<MemberRun> scans = new org.vascalc.simulation.cohort.CohortRunner(new EngineSimulatorFactory(), CATALOG, 2)
                .run(candidates, p -> TrialRunner.scenario(any, any.control(), p, 1 / 365.25, TrialRunner.SCREENED),
                        org.vascalc.simulation.Mode.FAST, (p, r) -> MemberRun.of(p, r, TrialRunner.SCREENED), (d, n) -> { });
        double[] pwv = scans.stream().mapToDouble(m -> m.first()[2]).toArray();
        for (double v : pwv) {
            assertThat(v).as("an adult's aortic PWV, m/s").isBetween(4.0, 20.0);
        }
        double[] sorted = pwv.clone();
        java.util.Arrays.sort(sorted);
        double cut = (sorted[3] + sorted[4]) / 2; // the stiffer half of the eight candidates
        assertThat(sorted[4]).as("the candidates' PWV differs, so the cut leaves people out").isGreaterThan(sorted[3]);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < pwv.length && expected.size() < 2; i++) {
            if (pwv[i] >= cut) {
                expected.add(candidates.get(i).index());
            }
        }
        TrialSpec.Inclusion inc = new TrialSpec.Inclusion(Optional.empty(), TrialSpec.Range.ANY, TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, false, Optional.empty(), TrialSpec.Range.ANY, TrialSpec.Range.ANY,
                new TrialSpec.Range(OptionalDouble.of(cut), OptionalDouble.empty()));
        assertThat(inc.needsBaselineScan()).as("only a run gives the PWV").isTrue();
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(spec(inc), 2, 5, (d, n) -> { });
        assertThat(r.screened()).as("candidates examined up to the second with a baseline PWV above the cut")
                .isEqualTo(expected.get(1) + 1);
        assertThat(TrialReport.markdown(List.of(r), "p")).contains("baseline PWV >= ");
        assertThat(TrialRunner.acceptsBaseline(inc, new double[] {0, 1, cut - 1e-6})).isFalse();
        assertThat(TrialRunner.acceptsBaseline(inc, new double[] {0, 1, cut})).isTrue();
    }

    /** MK-7 against placebo for 12 weeks: the dp-ucMGP change depends on the MK-7 tissue uptake, a drawn parameter. */
    private static TrialSpec mk7Spec() {
        TrialSpec.Arm control = new TrialSpec.Arm("placebo", "nothing", List.of());
        TrialSpec.Arm mk7 = new TrialSpec.Arm("mk7", "180 ug",
                List.of(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))));
        List<TrialSpec.Outcome> outcomes = List.of(new TrialSpec.Outcome("dp-ucMGP", "dpUcMgp", "pmol/L",
                Measure.PERCENT_CHANGE_DIFFERENCE, Double.NaN, "mk7", published()));
        return new TrialSpec("mk7", "MK-7", "Knapen2015", "two arms", Population.MESA, TrialSpec.Inclusion.everyone(),
                List.of(), 0.25, List.of(control, mk7), outcomes, "test");
    }

    @Test
    void parameterSetsGiveAnEffectThatDependsOnADrawnParameterASpreadAndLeaveThePlainResultAsItWas() {
        TrialSpec s = mk7Spec();
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2);
        TrialResult plain = runner.run(s, 3, 5, (d, n) -> { });
        ParameterDraws drawn = ParameterDraws.load(CATALOG).forTrial(s);
        assertThat(drawn.all()).extracting(ParameterDraws.Drawn::name).contains("tissueUptakeFractionMk7");
        List<java.util.Map<String, Double>> sets = drawn.draw(3, 1);
        List<int[]> progress = new ArrayList<>();
        TrialResult withSets = runner.run(s, 3, 5, sets, 1, drawn.all(), (d, n) -> {
            synchronized (progress) {
                progress.add(new int[] {d, n});
            }
        });
        // without sets: no analysis, no spread, and the printed lines say nothing of parameter sets
        assertThat(plain.parameterUncertainty()).isEmpty();
        assertThat(plain.outcomes().get(0).spread()).isEqualTo(TrialResult.Spread.NONE);
        assertThat(TrialReport.lines(plain)).noneMatch(l -> l.contains("parameter"));
        assertThat(TrialReport.markdown(List.of(plain), "p")).doesNotContain("parameter sets");
        // with sets: the catalog run is the plain run, number for number
        TrialResult.OutcomeResult a = plain.outcomes().get(0);
        TrialResult.OutcomeResult b = withSets.outcomes().get(0);
        assertThat(b.estimate()).isEqualTo(a.estimate());
        assertThat(b.low()).isEqualTo(a.low());
        assertThat(b.high()).isEqualTo(a.high());
        assertThat(withSets.parameterUncertainty()).hasValueSatisfying(u -> {
            assertThat(u.sets()).isEqualTo(3);
            assertThat(u.failed()).isZero();
            assertThat(u.drawn()).isEqualTo(drawn.all());
        });
        TrialResult.Spread sp = b.spread();
        assertThat(sp.used()).isEqualTo(3);
        assertThat(sp.low()).isLessThanOrEqualTo(sp.median()).isLessThan(sp.high());
        assertThat(sp.high() - sp.low()).as("the sets move the effect").isGreaterThan(0.1);
        // each set's effect is exactly that of a plain run on the catalog changed by the set (here the set
        // with the largest MK-7 uptake)
        int most = 0;
        for (int j = 1; j < sets.size(); j++) {
            if (sets.get(j).get("tissueUptakeFractionMk7") > sets.get(most).get("tissueUptakeFractionMk7")) {
                most = j;
            }
        }
        TrialResult alone = new TrialRunner(new EngineSimulatorFactory(), CATALOG.with(sets.get(most)), 2).run(s, 3, 5,
                (d, n) -> { });
        assertThat(alone.outcomes().get(0).estimate()).isEqualTo(sp.effects().get(most));
        assertThat(sp.drivers()).extracting(TrialResult.Driver::parameter).isSubsetOf(sets.get(0).keySet());
        assertThat(sp.drivers()).allSatisfy(dr -> assertThat(Math.abs(dr.rankCorrelation())).isBetween(0.0, 1.0));
        assertThat(TrialReport.lines(withSets)).anySatisfy(l -> assertThat(l).contains("parameters 3 sets (seed 1)"))
                .anySatisfy(l -> assertThat(l).contains("parameter sets: median"));
        assertThat(TrialReport.markdown(List.of(withSets), "p"))
                .contains("| model across parameter sets, median [2.5-97.5 %] |")
                .contains("`tissueUptakeFractionMk7` (calibrated): log-triangular");
        // workers report from their own threads (CohortProgress), so the calls may reach the list out of
        // order: the furthest one reported is the run's end
        int[] last = progress.stream().max(java.util.Comparator.comparingInt((int[] p) -> p[0])).orElseThrow();
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(3 * 2 * 4);
        // the same sets and seed give the same spread
        TrialResult again = runner.run(s, 3, 5, drawn.draw(3, 1), 1, drawn.all(), (d, n) -> { });
        assertThat(again.outcomes().get(0).spread()).isEqualTo(sp);
    }

    @Test
    void aParameterSetTheModelRefusesIsCountedNamedAndLeftOutOfTheSpread() {
        TrialSpec s = mk7Spec();
        // 60 mmol/d of habitual calcium has no steady state (docs/model/sensitivity.md, failed runs)
        List<java.util.Map<String, Double>> sets = List.of(java.util.Map.of("caHabitualIntake", 60.0),
                java.util.Map.of("tissueUptakeFractionMk7", 0.05), java.util.Map.of("tissueUptakeFractionMk7", 0.02));
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(s, 2, 5, sets, 9, List.of(),
                (d, n) -> { });
        TrialResult.ParameterUncertainty u = r.parameterUncertainty().orElseThrow();
        assertThat(u.failed()).isEqualTo(1);
        assertThat(u.firstFailure()).startsWith("set 1: ");
        TrialResult.Spread sp = r.outcomes().get(0).spread();
        assertThat(sp.used()).isEqualTo(2);
        assertThat(sp.effects().get(0)).isNaN();
        assertThat(sp.effects().get(1)).as("more MK-7 reaches the wall: a larger fall").isLessThan(sp.effects().get(2));
        assertThat(TrialReport.lines(r)).anySatisfy(l -> assertThat(l).contains("1 failed (set 1: "));
    }
}
