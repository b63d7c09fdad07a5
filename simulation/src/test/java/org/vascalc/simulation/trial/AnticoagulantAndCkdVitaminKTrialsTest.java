package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.simulation.trial.ExampleTrials.load;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * VALKYRIE (haemodialysis with atrial fibrillation: a vitamin K antagonist, rivaroxaban, or rivaroxaban with
 * MK-7 2000 ug three times a week, 18 months) and K4Kidneys (vitamin K2 400 ug a day or placebo for a year in
 * CKD 3b-4) read as their abstracts state them, and each run end to end on the real model at a tiny size. It
 * checks the files and the machinery (that the antagonist is the control, that rivaroxaban adds nothing, that
 * leaving the antagonist lowers dp-ucMGP and MK-7 lowers it further, that K4Kidneys takes eGFR 15-45 only),
 * not that the model matches the papers: the abstracts read give no number for these outcomes
 * (docs/trials.md).
 */
class AnticoagulantAndCkdVitaminKTrialsTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    @Test
    void valkyrieComparesRivaroxabanWithAndWithoutMk7AgainstAVitaminKAntagonistOnHaemodialysis() {
        TrialSpec s = load("valkyrie");
        assertThat(s.citation()).isEqualTo("DeVriese2020Valkyrie");
        assertThat(s.population()).isEqualTo(Population.CRIC);
        assertThat(s.conditions()).containsExactly(new Condition.Haemodialysis());
        assertThat(s.vintage().isNone()).as("prevalent haemodialysis patients").isFalse();
        assertThat(s.years()).as("18 months").isEqualTo(1.5);
        assertThat(s.arms()).extracting(TrialSpec.Arm::label).containsExactly("vka", "rivaroxaban", "rivaroxaban+mk7");
        assertThat(s.control().interventions()).singleElement().isInstanceOf(Intervention.Warfarin.class);
        assertThat(s.arm("rivaroxaban").orElseThrow().interventions())
                .as("rivaroxaban does not act on the vitamin K cycle: nothing added").isEmpty();
        Intervention.VitaminK k = (Intervention.VitaminK) s.arm("rivaroxaban+mk7").orElseThrow().interventions().get(0);
        assertThat(s.arm("rivaroxaban+mk7").orElseThrow().interventions()).hasSize(1);
        assertThat(k.form()).isEqualTo(Intervention.VitaminKForm.MK7);
        assertThat(k.microgramsPerDose()).isEqualTo(2000);
        assertThat(k.schedule().intakesPerWeek()).as("three times a week").isEqualTo(3);
        assertThat(s.outcomes()).extracting(TrialSpec.Outcome::output)
                .containsExactly("dpUcMgp", "dpUcMgp", "cacAgatston", "cacAgatston", "pwv");
        assertThat(s.outcomes()).extracting(TrialSpec.Outcome::arm)
                .containsExactly("rivaroxaban", "rivaroxaban+mk7", "rivaroxaban", "rivaroxaban+mk7", "rivaroxaban+mk7");
        assertThat(s.outcomes()).as("no number of the results was read")
                .allSatisfy(o -> assertThat(o.published().value()).isEmpty());
    }

    @Test
    void valkyrieRunsEndToEndAndLeavingTheAntagonistLowersDpUcMgpMoreWithMk7() {
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(load("valkyrie"), 3, 1, (d, n) -> { });
        assertThat(r.members()).isEqualTo(3);
        List<TrialResult.OutcomeResult> o = r.outcomes();
        for (TrialResult.OutcomeResult each : o) {
            assertThat(each.estimate()).as(each.outcome().name()).isFinite();
        }
        // the antagonist starves MGP carboxylation in every member, so without it dp-ucMGP ends lower
        assertThat(o.get(0).high()).as("rivaroxaban vs VKA, dp-ucMGP").isNegative();
        assertThat(o.get(1).estimate()).as("MK-7 on top lowers it further").isLessThan(o.get(0).estimate());
        // and leaving the antagonist cannot speed up coronary calcification
        assertThat(o.get(2).estimate()).as("rivaroxaban vs VKA, CT score").isLessThanOrEqualTo(0);
    }

    @Test
    void k4kidneysGivesVitaminK2400UgADayForAYearInCkd3bTo4WithoutAPublishedNumber() {
        TrialSpec s = load("k4kidneys");
        assertThat(s.citation()).isEqualTo("Witham2020K4Kidneys");
        assertThat(s.population()).isEqualTo(Population.CRIC);
        assertThat(s.conditions()).as("not on dialysis").isEmpty();
        assertThat(s.inclusion().egfr().low().getAsDouble()).isEqualTo(15);
        assertThat(s.inclusion().egfr().high().getAsDouble()).isEqualTo(45);
        assertThat(s.years()).isEqualTo(1);
        assertThat(s.control().interventions()).as("placebo adds nothing").isEmpty();
        assertThat(s.arm("mk7-400").orElseThrow().interventions()).singleElement().satisfies(i -> {
            Intervention.VitaminK k = (Intervention.VitaminK) i;
            assertThat(k.form()).isEqualTo(Intervention.VitaminKForm.MK7);
            assertThat(k.microgramsPerDose() * k.schedule().intakesPerWeek() / 7.0).isEqualTo(400);
        });
        assertThat(s.outcomes()).extracting(TrialSpec.Outcome::output).containsExactly("pwv", "dpUcMgp", "sbp");
        assertThat(s.outcomes()).as("the stored abstracts were cut before the numbers")
                .allSatisfy(o -> assertThat(o.published().value()).isEmpty());
    }

    @Test
    void k4kidneysRunsEndToEndOnMembersWithAnEgfrOf45OrLess() {
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(load("k4kidneys"), 3, 1, (d, n) -> { });
        assertThat(r.members()).isEqualTo(3);
        assertThat(r.screened()).as("the eGFR filter left some candidates out").isGreaterThan(3);
        for (TrialResult.OutcomeResult each : r.outcomes()) {
            assertThat(each.estimate()).as(each.outcome().name()).isFinite();
        }
        assertThat(r.outcomes().get(1).high()).as("MK-7 lowers dp-ucMGP in every member").isNegative();
    }
}
