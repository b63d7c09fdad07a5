package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * classdirect: fast mode integrates every dose directly in the regimen class where its averaging was measured to miss
 * its 1 % agreement with reference mode often (a calcium-based phosphate binder on dialysis or at 2 250 mg calcium a
 * day or more; {@link DirectClass}, docs/performance.md), and its result says so ({@link SimulationResult#fastPath()},
 * a counter of direct steps, no orbits) without a warning; the benchmark regimen and the tested binder years take the
 * averaged path; reference-mode runs have no fast path. One-day runs: the class is read from the scenario, not from
 * the run.
 */
class DirectClassTest {

    private static SimulationResult day(Scenario s, Mode mode) {
        Scenario day = new Scenario(s.name(), s.description(), s.patient(), s.conditions(),
                new ArrayList<>(s.interventions()), 1, Recording.every(24));
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(day, mode, ProgressListener.NONE);
    }

    private static Scenario carbonateBinder(double mgPerDose, List<Condition> conditions) {
        return Scenarios.of("carbonate-binder", 1, Recording.every(24), conditions,
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE, mgPerDose,
                        Schedule.daily(8, 13, 19)));
    }

    private static void averaged(SimulationResult r) {
        assertThat(r.fastPath()).contains(FastPath.AVERAGED);
        assertThat(r.counters()).containsKey("orbits").doesNotContainKey(FastPath.DIRECT_STEPS_COUNTER);
        assertThat(r.warnings()).isEmpty();
    }

    private static void direct(SimulationResult r) {
        assertThat(r.fastPath()).contains(FastPath.DIRECT);
        assertThat(r.counters()).containsKey(FastPath.DIRECT_STEPS_COUNTER).doesNotContainKey("orbits");
        assertThat(r.counters().get(FastPath.DIRECT_STEPS_COUNTER)).isPositive();
        assertThat(r.warnings()).isEmpty(); // what fast mode did is a note, not a warning
    }

    @Test
    void theBenchmarkRegimenTakesTheAveragedPath() {
        Scenario s = Scenarios.of("benchmark", 1, Recording.every(24),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        averaged(day(s, Mode.FAST));
    }

    @Test
    void theTestedCarbonateBinderYearInCkdG5TakesTheAveragedPath() {
        // 1 250 mg with three meals is 1 500 mg calcium a day: below the class's 2 250 (its map row missed in 3 of 11)
        averaged(day(carbonateBinder(1250, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5))),
                Mode.FAST));
    }

    @Test
    void theHaemodialysisExampleIsIntegratedDirectlyInFastModeAndSaysSo() {
        Scenario hd = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        direct(day(hd, Mode.FAST));
        SimulationResult reference = day(hd, Mode.REFERENCE);
        assertThat(reference.fastPath()).isEmpty();
        assertThat(reference.counters()).doesNotContainKey(FastPath.DIRECT_STEPS_COUNTER);
    }

    @Test
    void aCarbonateBinderAtOneAndAHalfTimesTheTestedDoseIsIntegratedDirectlyAtAnyKidneyFunction() {
        direct(day(carbonateBinder(1875, List.of()), Mode.FAST));
    }

    @Test
    void theClassIsReadFromTheBindersCalciumAndTheDialysis() {
        var p = ModelAssembly.defaultParameters();
        var sevelamerOnDialysis = Scenarios.of("s", 1, Recording.every(24), List.of(new Condition.Haemodialysis()),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.SEVELAMER, 2400, Schedule.daily(8, 13, 19)));
        assertThat(DirectClass.inClass(sevelamerOnDialysis, p)).isFalse();
        // 9 000 mg calcium acetate a day (25.3 % calcium) is 2 281 mg calcium: in the class
        var acetate = Scenarios.of("a", 1, Recording.every(24),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 3000, Schedule.daily(8, 13, 19)));
        assertThat(DirectClass.inClass(acetate, p)).isTrue();
        // the same dose on three days of the week: three sevenths of it
        var weekly = Scenarios.of("w", 1, Recording.every(24),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 3000,
                        new Schedule(0, Double.POSITIVE_INFINITY, List.of(8.0, 13.0, 19.0), List.of(0, 2, 4))));
        assertThat(DirectClass.inClass(weekly, p)).isFalse();
    }
}
