package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.simulation.trial.ExampleTrials.load;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The phosphate binder trials in CKD 3b-4 (Block 2012: calcium acetate, lanthanum or sevelamer vs placebo
 * for 9 months; IMPROVE-CKD: lanthanum 500 mg three times a day for 96 weeks) and the warfarin vs apixaban
 * trial (Win 2019) read as their abstracts state them, and each runs end to end on the real model at a tiny
 * size. It checks the files and the machinery (that a binder reaches the serum phosphate, that warfarin
 * does not slow calcification), not that the model matches the papers (docs/trials.md).
 */
class BinderAndWarfarinTrialsTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    /** mmol/L per mg/dL of phosphorus (1 / 3.097, molar mass of P 30.97 g/mol). */
    private static final double MMOL_PER_MG_DL = 10 / 30.97;

    private static Intervention.PhosphateBinder onlyBinder(TrialSpec.Arm arm) {
        assertThat(arm.interventions()).hasSize(1);
        Intervention.PhosphateBinder b = (Intervention.PhosphateBinder) arm.interventions().get(0);
        assertThat(b.schedule().clockHours()).as("with each of three meals").hasSize(3);
        return b;
    }

    @Test
    void block2012HasItsInclusionThreeBindersAndThePooledAbstractNumbers() {
        TrialSpec s = load("block2012");
        assertThat(s.citation()).isEqualTo("Block2012Binders");
        assertThat(s.population()).isEqualTo(Population.CRIC);
        assertThat(s.years()).isEqualTo(0.75);
        assertThat(s.inclusion().egfr().low().getAsDouble()).isEqualTo(20);
        assertThat(s.inclusion().egfr().high().getAsDouble()).isEqualTo(45);
        // 3.5-6.0 mg/dL of phosphorus, to two decimals in mmol/L
        assertThat(s.inclusion().serumPhosphateMmolPerL().low().getAsDouble()).isCloseTo(3.5 * MMOL_PER_MG_DL, within(0.005));
        assertThat(s.inclusion().serumPhosphateMmolPerL().high().getAsDouble()).isCloseTo(6.0 * MMOL_PER_MG_DL, within(0.005));
        assertThat(s.control().interventions()).as("placebo adds nothing").isEmpty();
        assertThat(onlyBinder(s.arm("calcium-acetate").orElseThrow()).kind())
                .isEqualTo(Intervention.PhosphateBinderKind.CALCIUM_ACETATE);
        assertThat(onlyBinder(s.arm("lanthanum").orElseThrow()).kind()).isEqualTo(Intervention.PhosphateBinderKind.LANTHANUM);
        assertThat(onlyBinder(s.arm("sevelamer").orElseThrow()).kind()).isEqualTo(Intervention.PhosphateBinderKind.SEVELAMER);
        // each binder against placebo, on the pooled published values: phosphorus (3.9 - 4.2) - (4.1 - 4.2) mg/dL,
        // and the median coronary increase 18.1 % vs 0.6 %
        assertThat(s.outcomes()).hasSize(6);
        for (TrialSpec.Outcome o : s.outcomes().subList(0, 3)) {
            assertThat(o.output()).isEqualTo("serumPhosphate");
            assertThat(o.measure()).isEqualTo(TrialSpec.Measure.CHANGE_DIFFERENCE);
            assertThat(o.published().value().getAsDouble()).isCloseTo(-0.2 * MMOL_PER_MG_DL, within(0.0005));
            // the interval derived from P = 0.03 (normal approximation) holds the value and excludes 0
            assertThat(o.published().low().getAsDouble()).isLessThan(o.published().value().getAsDouble());
            assertThat(o.published().high().getAsDouble()).isNegative();
        }
        for (TrialSpec.Outcome o : s.outcomes().subList(3, 6)) {
            assertThat(o.output()).isEqualTo("cacAgatston");
            assertThat(o.measure()).isEqualTo(TrialSpec.Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE);
            assertThat(o.published().value().getAsDouble()).isCloseTo(18.1 - 0.6, within(1e-9));
            assertThat(o.published().hasInterval()).isFalse();
        }
        assertThat(s.outcomes()).extracting(TrialSpec.Outcome::arm)
                .containsExactly("calcium-acetate", "lanthanum", "sevelamer", "calcium-acetate", "lanthanum", "sevelamer");
    }

    @Test
    void improveckdGivesLanthanum500MgThreeTimesADayFor96WeeksWithoutAPublishedNumber() {
        TrialSpec s = load("improveckd");
        assertThat(s.citation()).isEqualTo("Toussaint2020ImproveCkd");
        assertThat(s.years() * 365.25 / 7).isCloseTo(96, within(0.1));
        assertThat(s.inclusion().serumPhosphateMmolPerL().low().getAsDouble()).isEqualTo(1.00);
        Intervention.PhosphateBinder b = onlyBinder(s.arm("lanthanum500").orElseThrow());
        assertThat(b.kind()).isEqualTo(Intervention.PhosphateBinderKind.LANTHANUM);
        assertThat(b.mgPerDose()).isEqualTo(500);
        assertThat(s.outcomes()).extracting(TrialSpec.Outcome::output).containsExactly("pwv", "serumPhosphate");
        assertThat(s.outcomes()).allSatisfy(o -> assertThat(o.published().value()).isEmpty());
    }

    @Test
    void win2019ComparesWarfarinWithNothingSinceTheModelHasNoApixaban() {
        TrialSpec s = load("win2019");
        assertThat(s.citation()).isEqualTo("Win2019ApixabanWarfarin");
        assertThat(s.control().label()).isEqualTo("apixaban");
        assertThat(s.control().interventions()).isEmpty();
        assertThat(s.arm("warfarin").orElseThrow().interventions()).singleElement()
                .isInstanceOf(Intervention.Warfarin.class);
        assertThat(s.outcomes()).singleElement().satisfies(o -> assertThat(o.published().value()).isEmpty());
    }

    @Test
    void eachRunsEndToEndTheBindersLowerTheSerumPhosphateAndWarfarinDoesNotSlowTheScore() {
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2);
        TrialResult block = runner.run(load("block2012"), 3, 1, (d, n) -> { });
        assertThat(block.members()).isEqualTo(3);
        for (TrialResult.OutcomeResult o : block.outcomes()) {
            assertThat(o.estimate()).as(o.outcome().name()).isFinite();
        }
        for (TrialResult.OutcomeResult o : block.outcomes().subList(0, 3)) {
            // every binder binds dietary phosphate: the serum phosphate ends lower than on placebo in every member
            assertThat(o.high()).as("%s [%s, %s]", o.outcome().name(), o.low(), o.high()).isNegative();
        }
        TrialResult improve = runner.run(load("improveckd"), 3, 1, (d, n) -> { });
        assertThat(improve.outcomes().get(1).high()).as("lanthanum lowers serum phosphate").isNegative();
        assertThat(improve.outcomes().get(0).estimate()).isFinite();
        TrialResult win = runner.run(load("win2019"), 3, 1, (d, n) -> { });
        // warfarin starves MGP of vitamin K, so it cannot slow calcification (its size is the report's)
        assertThat(win.outcomes().get(0).estimate()).isGreaterThanOrEqualTo(0);
    }
}
