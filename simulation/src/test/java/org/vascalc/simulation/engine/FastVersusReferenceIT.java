package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The 5-year comparison (slow: the reference run resolves ~3 600 doses) and one year of daily dosing
 * in advanced CKD without labs (run-in included: each scenario's patient is stabilised into the stage
 * first). In CKD G4 and G5 the total phosphate pool, set by the kidney, relaxes over months while
 * intracellular phosphate (SLOW) and extracellular phosphate (FAST) exchange within days; with the
 * orbit samples frozen between orbits the binder years missed by 1.2 % (G4) and 2.3 % (G5) in
 * intracellular phosphate on the model before {@code ckdpth} (docs/performance-log.md, "CKD run-in";
 * {@link AdiabaticResponse}); on the merged model they agree within 7.6e-3 and 9.0e-3 (bone cells).
 * A year of calcium carbonate twice daily with MK-7 in CKD G4 and G5 (calcium without a binder's
 * phosphate effect, so the bone cells fall further) missed once (G5 1.9 %, G4 1.06 %, osteoclasts,
 * before the Newton orbit start and the split drift guard); on e1c2fc4 it agrees within 5.4e-3 (G4,
 * osteoblasts) and 9.3e-3 (G5, osteoclasts), asserted below with the same 1 % limit.
 *
 * <p>Calcium carbonate as the phosphate binder (1250 mg with three meals) missed the limit in the
 * bone cells, 2.0e-2 (G4) and 5.9e-2 (G5, the error growing all year), until the orbits carried the
 * lag of the FAST states that relax over hours ({@link OrbitDrift}): the PTH level the bone-calcium
 * efflux has adapted to ({@code mineral.pthAdapted}, 10 h) trails a months-long PTH fall, which
 * biases a large exchange flux, and a frozen-SLOW orbit without that lag cannot book it. With it the
 * binder years agree within 5.9e-3 (G4) and 6.9e-3 (G5), the supplement years within 7.7e-3 (G4) and
 * 2.8e-3 (G5), the acetate years within 6.1e-3 (G4) and 4.7e-3 (G5) (docs/performance-log.md, "the
 * FAST states' lag").
 *
 * <p>A CKD G5 patient who brings labs (eGFR 10; 2.25 / 1.70 mmol/L, PTH 250 pg/mL;
 * {@link AgreementScenarios#withCkdLabs}) on calcium acetate missed by 1.90e-2 (osteoclasts): the lag's weekly
 * renewals fed back through the SLOW states and its slopes alternated in sign with a growing amplitude. With no
 * lag after a second growing reversal ({@link OrbitDrift}) that year agrees within 6.7e-3 (docs/performance-log.md,
 * `g5labs`). The same patient's year of calcium carbonate as binder still misses (1.11e-2, osteoclasts at a
 * tenth of their start; the orbit-placement sensitivity of the G5 carbonate-binder years, not that loop) and is not
 * asserted; the G4 patient with labs (eGFR 22; 2.30 / 1.40 / 120) agrees within 5.1e-3 and 8.1e-3 and is measured
 * by {@code AgreementRunner} only.
 */
class FastVersusReferenceIT {

    /**
     * The worst level of fast mode's AVERAGED path ({@link DirectSettings#AVERAGED}): most of these years are in
     * {@link DirectClass}'s final line (the acetate and carbonate binder years in G4 and G5, the haemodialysis
     * example), where fast mode now integrates directly ({@code FastDirectClassIT} guards that path); here they
     * keep guarding the averaging, which every run outside the line takes (classdirect2).
     */
    private static double averaged(Scenario s) {
        return FastVersusReferenceTest.worstRelativeDifference(s,
                new EngineSimulator(ModelAssembly.defaultParameters(), DirectSettings.AVERAGED));
    }

    @Test
    void fiveYearsOfDailyCalciumMealsAndMk7AgreeWithinOnePercent() {
        Scenario s = AgreementScenarios.fiveYearsWithMeals();
        assertThat(averaged(s)).isLessThan(0.01);
    }

    @Test
    void aYearOfTwiceDailyCalciumAndMk7AtEgfr65AgreesWithinOnePercent() {
        Scenario s = AgreementScenarios.oneYearTwiceDailyWithMk7AtEgfr65();
        assertThat(averaged(s)).isLessThan(0.01);
    }

    /**
     * hdlabs: the haemodialysis example (labs 1.9 mmol/L phosphate and 320 pg/mL PTH, derived with the
     * dialysis since 2026-12-05, so the run-in starts at them; a year of calcium acetate with meals), its
     * SLOW states every 73 days as the other cases.
     */
    @Test
    void theHaemodialysisExamplesYearWithItsLabsAgreesWithinOnePercent() {
        Scenario f = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        Scenario s = new Scenario(f.name(), f.description(), f.patient(), f.conditions(), f.interventions(),
                f.durationDays(), new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0));
        assertThat(averaged(s)).isLessThan(0.01);
    }

    @ParameterizedTest
    @EnumSource(value = Condition.CkdStage.class, names = {"G4", "G5"})
    void aYearOfCalciumAcetateInCkdAgreesWithinOnePercent(Condition.CkdStage stage) {
        Scenario s = AgreementScenarios.oneYearCkdWithBinder(stage);
        assertThat(averaged(s)).isLessThan(0.01);
    }

    @ParameterizedTest
    @EnumSource(value = Condition.CkdStage.class, names = {"G4", "G5"})
    void aYearOfCalciumCarbonateAndMk7InCkdAgreesWithinOnePercent(Condition.CkdStage stage) {
        Scenario s = AgreementScenarios.oneYearCkdWithCarbonate(stage);
        assertThat(averaged(s)).isLessThan(0.01);
    }

    @ParameterizedTest
    @EnumSource(value = Condition.CkdStage.class, names = {"G4", "G5"})
    void aYearOfCalciumCarbonateAsBinderInCkdAgreesWithinOnePercent(Condition.CkdStage stage) {
        Scenario s = AgreementScenarios.oneYearCkdWithCarbonateBinder(stage);
        assertThat(averaged(s)).isLessThan(0.01);
    }

    @Test
    void aYearOfCalciumAcetateInCkdG5WithLabsAgreesWithinOnePercent() {
        Scenario s = AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithBinder(Condition.CkdStage.G5),
                Condition.CkdStage.G5);
        assertThat(averaged(s)).isLessThan(0.01);
    }
}
