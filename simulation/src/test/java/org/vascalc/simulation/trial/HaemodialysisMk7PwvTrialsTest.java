package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.simulation.trial.ExampleTrials.load;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Naiyarakseree 2023 (MK-7 375 ug a day or standard care for 24 weeks in haemodialysis patients with a cfPWV
 * of 10 m/s or more) and its subgroup with diabetes read as the abstract states them, each published
 * number re-derived from the abstract's own figures, and both run end to end on the real model at a tiny
 * size with every member's baseline PWV at 10 m/s or more. It checks the files and the machinery, not that
 * the model matches the paper (docs/trials.md).
 */
class HaemodialysisMk7PwvTrialsTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    @Test
    void bothFilesGiveMk7375UgADayFor24WeeksOnHaemodialysisToStiffArteries() {
        for (String key : List.of("naiyarakseree2023", "naiyarakseree2023dm")) {
            TrialSpec s = load(key);
            assertThat(s.citation()).isEqualTo("Naiyarakseree2023");
            assertThat(s.population()).isEqualTo(Population.CRIC);
            assertThat(s.conditions()).containsExactly(new Condition.Haemodialysis());
            assertThat(s.years()).as("24 weeks").isCloseTo(24 * 7 / 365.25, within(0.005));
            assertThat(s.inclusion().baselinePwvMPerS().low().getAsDouble()).as("cfPWV >= 10 m/s").isEqualTo(10);
            assertThat(s.inclusion().baselinePwvMPerS().high()).isEmpty();
            assertThat(s.control().interventions()).as("standard care adds nothing").isEmpty();
            TrialSpec.Arm mk7 = s.arm("mk7-375").orElseThrow();
            assertThat(mk7.interventions()).hasSize(1);
            Intervention.VitaminK k = (Intervention.VitaminK) mk7.interventions().get(0);
            assertThat(k.form()).isEqualTo(Intervention.VitaminKForm.MK7);
            assertThat(k.microgramsPerDose() * k.schedule().intakesPerWeek() / 7.0).isEqualTo(375);
            assertThat(s.outcomes()).hasSize(1);
            TrialSpec.Outcome pwv = s.outcomes().get(0);
            assertThat(pwv.output()).isEqualTo("pwv");
            assertThat(pwv.measure()).isEqualTo(TrialSpec.Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE);
            assertThat(pwv.published().hasInterval()).as("the abstract gives no interval for the difference").isFalse();
        }
        // the published values are the differences of the arms' figures in the abstract
        assertThat(load("naiyarakseree2023").inclusion().diabetes()).isEmpty();
        assertThat(load("naiyarakseree2023").outcomes().get(0).published().value().getAsDouble())
                .isCloseTo(-6.0 - (-6.8), within(1e-9));
        assertThat(load("naiyarakseree2023dm").inclusion().diabetes()).contains(true);
        assertThat(load("naiyarakseree2023dm").outcomes().get(0).published().value().getAsDouble())
                .isCloseTo(-10.0 - 3.8, within(1e-9));
    }

    @Test
    void theWholeTrialRunsEndToEndOnStiffMembersOnly() {
        TrialSpec s = load("naiyarakseree2023");
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(s, 3, 1, (d, n) -> { });
        assertThat(r.members()).isEqualTo(3);
        TrialResult.OutcomeResult o = r.outcomes().get(0);
        assertThat(o.estimate()).isFinite();
        assertThat(o.used()).isEqualTo(3);
        assertThat(o.verdict()).isNotEqualTo(TrialResult.Verdict.NOT_COMPUTABLE);
        // the PWV filter took some and left others: more candidates were examined than members taken
        assertThat(r.screened()).as("candidates examined for 3 members with a PWV of 10 m/s or more")
                .isGreaterThan(3);
    }
}
