package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * missmap: a fast-mode run of the regimen class in which fast mode was measured to miss its 1 % agreement with
 * reference mode often (a calcium-based phosphate binder on dialysis or at 2 250 mg calcium a day or more;
 * {@link FastModeCaution}, docs/performance.md) carries one run warning, which {@code simulate}, {@code cohort} and
 * {@code trial} print; the benchmark regimen, the tested binder years and reference-mode runs carry none. One-day
 * runs: the class is read from the scenario, not from the run.
 */
class FastModeCautionTest {

    private static List<InputProblem> warnings(Scenario s, Mode mode) {
        Scenario day = new Scenario(s.name(), s.description(), s.patient(), s.conditions(),
                new ArrayList<>(s.interventions()), 1, Recording.every(24));
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(day, mode, ProgressListener.NONE)
                .warnings();
    }

    private static Scenario carbonateBinder(double mgPerDose, List<Condition> conditions) {
        return Scenarios.of("carbonate-binder", 1, Recording.every(24), conditions,
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE, mgPerDose,
                        Schedule.daily(8, 13, 19)));
    }

    @Test
    void theBenchmarkRegimenDoesNotWarn() {
        Scenario s = Scenarios.of("benchmark", 1, Recording.every(24),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        assertThat(warnings(s, Mode.FAST)).isEmpty();
    }

    @Test
    void theTestedCarbonateBinderYearInCkdG5DoesNotWarn() {
        // 1 250 mg with three meals is 1 500 mg calcium a day: below the class's 2 250 (its map row missed in 3 of 11)
        assertThat(warnings(carbonateBinder(1250, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5))),
                Mode.FAST)).isEmpty();
    }

    @Test
    void theHaemodialysisExampleWarnsInFastModeOnly() {
        Scenario hd = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        List<InputProblem> fast = warnings(hd, Mode.FAST);
        assertThat(fast).hasSize(1);
        assertThat(fast.get(0).path()).isEqualTo("mode");
        assertThat(fast.get(0).severity()).isEqualTo(InputProblem.Severity.WARNING);
        assertThat(fast.get(0).message()).startsWith("fast mode measured up to ")
                .contains("docs/performance.md").endsWith("check with vascalc simulate --mode reference");
        assertThat(warnings(hd, Mode.REFERENCE)).isEmpty();
    }

    @Test
    void aCarbonateBinderAtOneAndAHalfTimesTheTestedDoseWarnsAtAnyKidneyFunction() {
        assertThat(warnings(carbonateBinder(1875, List.of()), Mode.FAST)).extracting(InputProblem::path)
                .containsExactly("mode");
    }

    @Test
    void theClassIsReadFromTheBindersCalciumAndTheDialysis() {
        var p = ModelAssembly.defaultParameters();
        var sevelamerOnDialysis = Scenarios.of("s", 1, Recording.every(24), List.of(new Condition.Haemodialysis()),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.SEVELAMER, 2400, Schedule.daily(8, 13, 19)));
        assertThat(FastModeCaution.inClass(sevelamerOnDialysis, p)).isFalse();
        // 9 000 mg calcium acetate a day (25.3 % calcium) is 2 281 mg calcium: in the class
        var acetate = Scenarios.of("a", 1, Recording.every(24),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 3000, Schedule.daily(8, 13, 19)));
        assertThat(FastModeCaution.inClass(acetate, p)).isTrue();
        // the same dose on three days of the week: three sevenths of it
        var weekly = Scenarios.of("w", 1, Recording.every(24),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 3000,
                        new Schedule(0, Double.POSITIVE_INFINITY, List.of(8.0, 13.0, 19.0), List.of(0, 2, 4))));
        assertThat(FastModeCaution.inClass(weekly, p)).isFalse();
    }
}
