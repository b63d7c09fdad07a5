package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/**
 * A trial's vintage (years on its conditions before randomisation): members are drawn the same way,
 * run the conditions with only their own statin for their vintage, and their baseline is read there.
 * The runner's baseline is what a plain run of that many days on the conditions ends with, differs from
 * the baseline without a vintage, and is the same on any thread count; a drawn vintage is the member's
 * own (seed, index) and whole weeks.
 */
class VintageTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    private static final List<Condition> DIALYSIS = List.of(new Condition.Haemodialysis());

    private static TrialSpec spec(Vintage vintage, TrialSpec.Inclusion inclusion) {
        TrialSpec.Published pub = new TrialSpec.Published(OptionalDouble.of(0), OptionalDouble.empty(),
                OptionalDouble.empty(), "test");
        TrialSpec.Arm control = new TrialSpec.Arm("sevelamer", "sevelamer", List.of(new Intervention.PhosphateBinder(
                Intervention.PhosphateBinderKind.SEVELAMER, 1600, Schedule.daily(8, 13, 19))));
        TrialSpec.Arm calcium = new TrialSpec.Arm("calcium", "calcium acetate", List.of(new Intervention.PhosphateBinder(
                Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 1334, Schedule.daily(8, 13, 19))));
        return new TrialSpec("v", "a vintage trial", "Chertow2002", "two arms", Population.CRIC, inclusion, DIALYSIS,
                0.1, List.of(control, calcium), List.of(new TrialSpec.Outcome("median change", "cacAgatston", "AU",
                Measure.MEDIAN_CHANGE_DIFFERENCE, Double.NaN, "calcium", pub)), "test", vintage);
    }

    @Test
    void theBaselineIsReadAfterTheVintageAndIsWhatAPlainRunOfThatLongOnTheConditionEndsWith() {
        Vintage oneYear = Vintage.fixed(1);
        TrialSpec with = spec(oneYear, TrialSpec.Inclusion.everyone());
        TrialSpec without = spec(Vintage.NONE, TrialSpec.Inclusion.everyone());
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2);
        List<String> outs = TrialRunner.outputs(with);
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        List<VirtualPerson> members = List.of(pop.cric(0), pop.cric(1), pop.cric(2));
        double days = oneYear.days(3, 0);
        assertThat(days).as("one year in whole weeks").isEqualTo(364);
        CohortRunner cr = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 2);
        List<List<MemberRun>> armsWith = new ArrayList<>();
        List<List<MemberRun>> armsWithout = new ArrayList<>();
        for (TrialSpec.Arm arm : with.arms()) {
            armsWith.add(cr.run(members, p -> TrialRunner.scenario(with, arm, p, days, with.years(), outs), Mode.FAST,
                    (p, r) -> MemberRun.of(p, r, outs, days * 24), (d, n) -> { }));
            armsWithout.add(cr.run(members, p -> TrialRunner.scenario(without, arm, p, 0, with.years(), outs),
                    Mode.FAST, (p, r) -> MemberRun.of(p, r, outs), (d, n) -> { }));
        }
        // a plain run of 364 days on haemodialysis with the member's own statin and nothing else
        List<Double> plain = cr.run(members, p -> new Scenario(p.patient().id(), "vintage only", p.patient(), DIALYSIS,
                        p.statin().map(s -> List.<Intervention>of(new Intervention.Statin(s, Schedule.daily(20))))
                                .orElse(List.of()), days, new Recording(outs, days * 24, days * 24, 0, 0)),
                Mode.FAST, (p, r) -> r.trajectory().last(MemberRun.CAC) * Math.exp(p.scanErrorBaseline()), (d, n) -> { });
        for (int i = 0; i < members.size(); i++) {
            double base = armsWith.get(0).get(i).first()[0];
            assertThat(armsWith.get(1).get(i).first()[0]).as("the same baseline in both arms").isEqualTo(base);
            assertThat(base).as("member %d: the baseline is the plain run's end", i)
                    .isCloseTo(plain.get(i), within(1e-9 * Math.max(1, plain.get(i))));
            assertThat(base).as("member %d: a year of dialysis raised the score", i)
                    .isGreaterThan(armsWithout.get(0).get(i).first()[0]);
        }
        // the runner does the same, on any thread count
        TrialResult one = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 1).run(with, 3, 3, (d, n) -> { });
        TrialResult two = runner.run(with, 3, 3, (d, n) -> { });
        TrialResult none = runner.run(without, 3, 3, (d, n) -> { });
        assertThat(one.outcomes().get(0).estimate()).isEqualTo(two.outcomes().get(0).estimate())
                .isNotEqualTo(none.outcomes().get(0).estimate());
        assertThat(TrialReport.markdown(List.of(one), "p"))
                .contains("haemodialysis; 1 year on them before randomisation (the baseline is read there)");
        assertThat(TrialReport.lines(one).get(1)).contains("0.1 years after 1 year on the conditions");
    }

    @Test
    void aScreeningOnTheBaselineScoreReadsItAfterTheVintage() {
        // with a vintage a candidate's baseline score is higher, so a floor on it takes more of them
        TrialSpec.Inclusion floor = new TrialSpec.Inclusion(Optional.empty(), TrialSpec.Range.ANY, TrialSpec.Range.ANY,
                new TrialSpec.Range(OptionalDouble.of(30), OptionalDouble.empty()), false);
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2);
        TrialResult with = runner.run(spec(Vintage.fixed(3), floor), 2, 3, (d, n) -> { });
        TrialResult without = runner.run(spec(Vintage.NONE, floor), 2, 3, (d, n) -> { });
        assertThat(with.screened()).isLessThanOrEqualTo(without.screened());
    }

    @Test
    void theOwnStatinRunsUntilRandomisationWhenTheArmGivesOneAndTheArmsSchedulesStartThere() {
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        VirtualPerson onStatin = null;
        for (long i = 0; onStatin == null; i++) {
            if (pop.cric(i).statin().isPresent()) {
                onStatin = pop.cric(i);
            }
        }
        TrialSpec s = spec(Vintage.fixed(2), TrialSpec.Inclusion.everyone());
        TrialSpec.Arm statinArm = new TrialSpec.Arm("statin", "high", List.of(new Intervention.Statin(
                Intervention.StatinIntensity.HIGH, new Schedule(0, 30, List.of(20.0), Schedule.EVERY_DAY))));
        Scenario sc = TrialRunner.scenario(s, statinArm, onStatin, 728, 1, List.of(MemberRun.CAC));
        assertThat(sc.durationDays()).isEqualTo(728 + 365.25);
        assertThat(sc.interventions()).hasSize(2);
        assertThat(sc.interventions().get(0).schedule()).as("their own statin until randomisation")
                .extracting(Schedule::startDay, Schedule::stopDay).containsExactly(0.0, 728.0);
        assertThat(sc.interventions().get(1).schedule()).as("the arm's statin from randomisation, its window moved")
                .extracting(Schedule::startDay, Schedule::stopDay).containsExactly(728.0, 758.0);
        Scenario plainArm = TrialRunner.scenario(s, s.arms().get(1), onStatin, 728, 1, List.of(MemberRun.CAC));
        assertThat(plainArm.interventions().get(0).schedule().stopDay()).as("kept throughout when the arm gives none")
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(plainArm.interventions().get(1).schedule().startDay()).isEqualTo(728.0);
    }

    @Test
    void aDrawnVintageIsTheMembersOwnWithinItsRangeInWholeWeeks() {
        Vintage v = new Vintage(1, 8);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (long i = 0; i < 200; i++) {
            double d = v.days(7, i);
            assertThat(d).isEqualTo(v.days(7, i)).isBetween(7 * Math.rint(365.25 / 7), 7 * Math.rint(8 * 365.25 / 7));
            assertThat(d % 7).isZero();
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        assertThat(hi - lo).as("members differ").isGreaterThan(5 * 365.25);
        assertThat(v.days(7, 0)).as("another seed, another draw").isNotEqualTo(v.days(8, 0));
        assertThat(Vintage.NONE.days(7, 0)).isZero();
        assertThat(Vintage.fixed(4).days(1, 0)).isEqualTo(Vintage.fixed(4).days(2, 9)).as("4 years in whole weeks").isEqualTo(1463);
        assertThat(v.describe()).isEqualTo("1-8 years (uniform per member)");
        assertThatThrownBy(() -> new Vintage(-1, 2)).hasMessage("vintage must be 0 to 30 years, got low -1, high 2");
        assertThatThrownBy(() -> new Vintage(3, 2)).hasMessage("vintage low 3 years is above high 2 years");
        assertThatThrownBy(() -> new TrialSpec("v", "t", "c", "d", Population.CRIC, TrialSpec.Inclusion.everyone(),
                List.of(), 1, spec(Vintage.NONE, TrialSpec.Inclusion.everyone()).arms(),
                spec(Vintage.NONE, TrialSpec.Inclusion.everyone()).outcomes(), "m", Vintage.fixed(1)))
                .hasMessageContaining("a vintage needs a condition");
    }

    @Test
    void aVintageMayRunFromZeroToThirtyYearsEndsIncluded() {
        assertThat(new Vintage(0, 30).isFixed()).isFalse();
        assertThat(new Vintage(0, 0).isNone()).isTrue();
        assertThat(Vintage.fixed(30).describe()).isEqualTo("30 years");
        assertThat(Vintage.fixed(1).describe()).isEqualTo("1 year");
        assertThat(Vintage.fixed(0.5).describe()).isEqualTo("0.5 years");
        assertThatThrownBy(() -> new Vintage(0, 30.5)).hasMessage("vintage must be 0 to 30 years, got low 0, high 30.5");
        assertThatThrownBy(() -> new Vintage(31, 31)).hasMessage("vintage must be 0 to 30 years, got low 31, high 31");
        assertThatThrownBy(() -> new Vintage(0, -0.5)).hasMessageContaining("vintage must be 0 to 30 years");
    }
}
