package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.report.IntakeMarks;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * charts2: the meals the model adds when a scenario names none were not marked. Their marks are where the engine's
 * meals are: a run whose catalog moves breakfast from 08:00 to 09:30 (examples/scenarios/habitual-diet-days.yaml,
 * three days in reference mode) absorbs calcium from each marked hour on, and not from 08:00 any more.
 */
class HabitualMealMarksTest {

    @Test
    void theHabitualMealsAreMarkedWhereTheEngineFeedsThem() {
        EngineSimulatorFactory factory = new EngineSimulatorFactory();
        ParameterCatalog catalog = factory.defaultParameters().with(Map.of("habitualBreakfastHour", 9.5));
        SimulationResult run = factory.create(catalog).run(
                ScenarioFiles.load(ProjectFiles.require("examples/scenarios/habitual-diet-days.yaml")).scenario(),
                Mode.REFERENCE, null);
        List<IntakeMarks> marks = RunCharts.marks(List.of(run), List.of(catalog));
        assertThat(marks).singleElement().satisfies(m -> assertThat(m.name()).startsWith("meal: habitual diet"));
        double[] at = marks.get(0).x();
        assertThat(at).hasSize(12).contains(9.5, 33.5, 57.5).doesNotContain(8.0, 32.0);
        Trajectory t = run.trajectory();
        for (double meal : at) {
            // mmol/d gained in the half hour after the meal (0.25 after the snack, the least; fasting: about -0.01)
            assertThat(absorbed(t, meal + 0.5) - absorbed(t, meal)).as("absorption's rise after the meal marked at %s h", meal)
                    .isGreaterThan(0.1);
        }
        for (double fasting : new double[] {8, 32, 56}) {
            assertThat(absorbed(t, fasting + 0.5) - absorbed(t, fasting)).as("the default breakfast's hour, %s h", fasting)
                    .isLessThan(0.05);
        }
    }

    /** The gut's calcium absorption at a recorded time, mmol/d. */
    private static double absorbed(Trajectory t, double hour) {
        double[] times = t.timesHours();
        for (int i = 0; i < times.length; i++) {
            if (Math.abs(times[i] - hour) < 1e-9) {
                return t.series("absorbedCalcium")[i];
            }
        }
        throw new AssertionError("no record at " + hour + " h");
    }
}
