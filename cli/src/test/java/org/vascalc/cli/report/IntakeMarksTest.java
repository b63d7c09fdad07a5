package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.HabitualMealPauses;
import org.vascalc.simulation.flagship.FlagshipComparison;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * charts: a chart of hours marks each run's meals, tablets and calcium drinks at its scenario's own times, one row per
 * intake, in the colour of the run that has it.
 */
class IntakeMarksTest {

    @Test
    void theSupplementVersusFoodExampleIsMarkedWhereItsFileSchedulesTheTabletAndTheMeals() {
        List<Intervention> ivs = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/calcium-supplement-vs-food.yaml"))
                .scenario().interventions();
        List<IntakeMarks> marks = IntakeMarks.of(List.of("calcium-supplement-vs-food"), List.of(ivs), 0, 120, 1);
        // the file: 321 mg with meals at 7, 12 and 19 h every day; 1000 mg citrate fasting on day 1 at 10 h; 333 mg more
        // with the meals of day 3; phosphate (no calcium) is not marked
        List<Double> everyMeal = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            for (double h : new double[] {7, 12, 19}) {
                everyMeal.add(24.0 * day + h);
            }
        }
        assertThat(marks).extracting(IntakeMarks::name).containsExactly("meal: 321 mg Ca",
                "tablet: 1000 mg Ca citrate, fasting", "meal: 333 mg Ca");
        assertThat(marks).extracting(IntakeMarks::kind).containsExactly(IntakeMarks.Kind.MEAL, IntakeMarks.Kind.TABLET,
                IntakeMarks.Kind.MEAL);
        assertThat(marks).extracting(IntakeMarks::series).containsOnly(0);
        assertThat(marks.get(0).x()).containsExactly(everyMeal.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(marks.get(1).x()).containsExactly(24 + 10);
        assertThat(marks.get(2).x()).containsExactly(72 + 7, 72 + 12, 72 + 19);
        // review18: the 321 mg and the 333 mg meals were the same blue dot in the strip and the legend; the second
        // row of a kind in one colour is drawn hollow, and says so in the text key (○ beside ●)
        Panel p = new Panel("c", "serum calcium", "time (h)", "mmol/L",
                List.of(new Series("calcium-supplement-vs-food", new double[] {0, 120}, new double[] {2.3, 2.4})), "", "")
                .withMarks(marks);
        assertThat(ChartRenderer.legendText(List.of(p))).contains("\u25cf meal: 321 mg Ca", "\u25b2 tablet: 1000 mg",
                "\u25cb meal: 333 mg Ca");
    }

    @Test
    void theFlagshipsTwoDaysMarkTheSharedMealsOnceAndTheTabletsInTheSupplementArmsColour() {
        List<FlagshipComparison.Arm> arms = new FlagshipComparison(Patient.referenceAdult(), 1).arms().subList(0, 2);
        double from = FlagshipComparison.PROFILE_FROM_DAY * 24;
        List<IntakeMarks> marks = IntakeMarks.of(arms.stream().map(FlagshipComparison.Arm::label).toList(),
                arms.stream().map(a -> a.scenario().interventions()).toList(), from, from + 48, 1);
        // both arms eat 1000/3 mg with the meals at 8, 13 and 19 h; the supplement arm takes 500 mg carbonate with
        // breakfast and dinner; on the chart's axis, hours since the first shown day began
        assertThat(marks).hasSize(2);
        assertThat(marks.get(0).name()).isEqualTo("meal: 333.3 mg Ca (both arms)");
        assertThat(marks.get(0).series()).as("the food arm's colour").isZero();
        assertThat(marks.get(0).x()).containsExactly(8, 13, 19, 32, 37, 43);
        assertThat(marks.get(1).name()).isEqualTo("tablet: 500 mg Ca carbonate with food (Food + supplement)");
        assertThat(marks.get(1).series()).as("the supplement arm's colour").isEqualTo(1);
        assertThat(marks.get(1).x()).containsExactly(8, 19, 32, 43);
    }

    @Test
    void aDrinkIsMarkedInTheAxissUnitAndWhatBringsNoCalciumIsNot() {
        List<Intervention> ivs = List.of(new Intervention.CalciumDrink(250, new Schedule(0, 3, List.of(12.0), Schedule.EVERY_DAY)),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        List<IntakeMarks> marks = IntakeMarks.of(List.of("a", "b"), List.of(ivs, List.of()), 0, 96, 24);
        assertThat(marks).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("drink: 250 mg Ca (a)");
            assertThat(m.kind()).isEqualTo(IntakeMarks.Kind.DRINK);
            assertThat(m.x()).containsExactly(0.5, 1.5, 2.5);
        });
        assertThat(IntakeMarks.of(List.of("a"), List.of(ivs), 80, 96, 1)).as("no drink after day 3").isEmpty();
        assertThatThrownBy(() -> IntakeMarks.of(List.of("a"), List.of(), 0, 1, 1)).hasMessageContaining("1 runs but 0");
    }

    /**
     * charts2: a scenario that names no meals was eaten by the model's habitual meals, unmarked. They are marked from
     * the run's own catalog (the engine's {@code HabitualMeals.from}): a catalog that moves breakfast moves its marks,
     * and a scenario's own {@code dietaryCalcium} pauses them from its start day to its stop day, as the engine does.
     */
    @Test
    void theHabitualMealsAreMarkedFromTheRunsCatalogWhereTheScenarioNamesNoMeals() {
        org.vascalc.core.param.ParameterCatalog defaults = new org.vascalc.simulation.engine.EngineSimulatorFactory()
                .defaultParameters();
        double[] clock = {defaults.value("habitualBreakfastHour"), defaults.value("habitualLunchHour"),
                defaults.value("habitualSnackHour"), defaults.value("habitualDinnerHour")};
        List<IntakeMarks> none = IntakeMarks.of(List.of("habitual"), List.of(List.of()), List.of(defaults), 0, 48, 1);
        assertThat(none).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("meal: habitual diet, 964 mg Ca a day");
            assertThat(m.kind()).isEqualTo(IntakeMarks.Kind.MEAL);
            assertThat(m.x()).containsExactly(clock[0], clock[1], clock[2], clock[3], 24 + clock[0], 24 + clock[1],
                    24 + clock[2], 24 + clock[3]);
        });
        assertThat(IntakeMarks.of(List.of("habitual"), List.of(List.of()), 0, 48, 1)).as("no catalog: not marked").isEmpty();

        org.vascalc.core.param.ParameterCatalog later = defaults.with(java.util.Map.of("habitualBreakfastHour", 9.5));
        assertThat(IntakeMarks.of(List.of("a"), List.of(List.of()), List.of(later), 0, 23, 1).get(0).x())
                .containsExactly(9.5, clock[1], clock[2], clock[3]);

        // the scenario's own meals on day 1 only: the habitual meals on days 0 and 2, its own on day 1
        List<Intervention> ownOnDayOne = List.of(new Intervention.DietaryCalcium(400,
                new Schedule(1, 2, List.of(7.0, 12.0), Schedule.EVERY_DAY)));
        List<IntakeMarks> paused = IntakeMarks.of(List.of("a"), List.of(ownOnDayOne), List.of(defaults), 0, 72, 1);
        assertThat(paused).extracting(IntakeMarks::name).containsExactly("meal: habitual diet, 964 mg Ca a day",
                "meal: 400 mg Ca");
        assertThat(paused.get(0).x()).containsExactly(clock[0], clock[1], clock[2], clock[3], 48 + clock[0],
                48 + clock[1], 48 + clock[2], 48 + clock[3]);
        assertThat(paused.get(1).x()).containsExactly(31, 36);
        assertThatThrownBy(() -> IntakeMarks.of(List.of("a"), List.of(List.of()), List.of(defaults, defaults), 0, 1, 1))
                .hasMessageContaining("1 runs but 2 parameter catalogs");
    }

    /**
     * dupes2: the habitual meals are marked exactly where the engine's rule ({@link HabitualMealPauses}, which
     * {@code IntakeTimeline} reads; simulation's {@code IntakeTimelineTest} checks that side) does not pause them:
     * lunch moved to 12 h so that one pause starts and one stops on a meal; the first schedule on two weekdays only.
     */
    @Test
    void theHabitualMealsAreMarkedExactlyWhereTheEnginesRuleDoesNotPauseThem() {
        org.vascalc.core.param.ParameterCatalog lunchAtNoon = new org.vascalc.simulation.engine.EngineSimulatorFactory()
                .defaultParameters().with(java.util.Map.of("habitualLunchHour", 12.0));
        List<Intervention> ivs = List.of(
                new Intervention.DietaryCalcium(400, new Schedule(1.5, 3.5, List.of(7.0, 18.0), List.of(0, 3))),
                new Intervention.DietaryCalcium(200, new Schedule(5, 5.5, List.of(7.0), Schedule.EVERY_DAY)));
        HabitualMealPauses pauses = HabitualMealPauses.of(ivs);
        List<Double> expected = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (double h : org.vascalc.physiology.mineral.HabitualMeals.from(lunchAtNoon).hours()) {
                if (!pauses.pausedAt(day * 24.0 + h)) {
                    expected.add(day * 24.0 + h);
                }
            }
        }
        double[] marked = IntakeMarks.of(List.of("a"), List.of(ivs), List.of(lunchAtNoon), 0, 7 * 24 - 1, 1).get(0).x();
        assertThat(marked).containsExactly(expected.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(marked).as("the stop hours' lunches are marked").contains(84.0, 132.0).doesNotContain(36.0, 128.0);
    }

    @Test
    void eachFurtherRowOfAKindInOneColourHasAMarkOfItsOwnAndAnotherRunsRowsStartFilled() {
        // leftovers28: a third meal size of one run was drawn hollow like the second, and said "○" in the key twice
        List<Intervention> four = new ArrayList<>();
        for (int size : new int[] {300, 310, 320, 330}) {
            four.add(new Intervention.DietaryCalcium(size, new Schedule(0, 2, List.of(8.0 + size / 100), Schedule.EVERY_DAY)));
        }
        List<Intervention> other = List.of(new Intervention.DietaryCalcium(400, Schedule.daily(9)));
        List<IntakeMarks> marks = IntakeMarks.of(List.of("a", "b"), List.of(four, other), 0, 48, 1);
        Panel p = new Panel("c", "serum calcium", "time (h)", "mmol/L",
                List.of(new Series("a", new double[] {0, 48}, new double[] {2.3, 2.4}),
                        new Series("b", new double[] {0, 48}, new double[] {2.3, 2.4})), "", "")
                .withMarks(marks);
        String key = ChartRenderer.legendText(List.of(p));
        assertThat(key).contains("\u25cf meal: 300 mg Ca (a)", "\u25cb meal: 310 mg Ca (a)", "\u25d0 meal: 320 mg Ca (a)",
                "\u25c9 meal: 330 mg Ca (a)");
        assertThat(key).as("run b's meals are in b's colour: filled").contains("\u25cf meal: 400 mg Ca (b)");
        assertThat(ChartRenderer.key(p, 640, 400).html()).as("the phone's key, the same marks")
                .contains("\u25cf", "\u25cb", "\u25d0", "\u25c9");
    }
}
