package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.HabitualMeals;
import org.vascalc.physiology.model.Intake;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link IntakeTimeline}'s dose arithmetic and dose times worked by hand from the scenario's schedule:
 * what one dose delivers (mg to mmol with Ca 40.078 and P 30.974 g/mol, µg to nmol with the vitamins'
 * molar masses, a binder's grams times its capacity, a calcium binder's calcium by its mass fraction,
 * with food or fasting), the doses' times (clock hours on the schedule's days of the week, start
 * included, stop excluded), the regimen boundaries and the dosing period.
 */
class IntakeTimelineDosesTest {

    private static final double CA = 40.078;
    /** Hand-chosen binder capacities (mmol/g) and calcium fractions, each different, inside their ranges. */
    private static final ParameterCatalog BINDERS = ModelAssembly.defaultParameters().with(Map.of(
            "binderCapacitySevelamer", 0.75, "binderCapacityLanthanum", 2.0, "binderCapacityCalciumAcetate", 1.5,
            "binderCapacityCalciumCarbonate", 1.25, "calciumMassFractionAcetate", 0.25,
            "calciumMassFractionCarbonate", 0.4, "calciumPhosphateBindingOn", 0.0));

    private static List<Intake> binder(Intervention.PhosphateBinderKind kind, double mg, ParameterCatalog p) {
        return IntakeTimeline.intakesOf(new Intervention.PhosphateBinder(kind, mg, Schedule.daily(8)), p);
    }

    private static void assertIntakes(List<Intake> actual, Object... kindAndAmount) {
        assertThat(actual).hasSize(kindAndAmount.length / 2);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).kind()).isEqualTo(kindAndAmount[2 * i]);
            assertThat(actual.get(i).amount()).as("amount of %s", actual.get(i).kind())
                    .isCloseTo((double) kindAndAmount[2 * i + 1], within(1e-9));
        }
    }

    @Test
    void aBinderBindsItsGramsTimesItsCapacityAndACalciumBinderAlsoDeliversItsCalcium() {
        // 800 mg = 0.8 g, x 0.75 mmol/g
        assertIntakes(binder(Intervention.PhosphateBinderKind.SEVELAMER, 800, BINDERS),
                Intake.Kind.PHOSPHATE_BINDER, 0.6);
        assertIntakes(binder(Intervention.PhosphateBinderKind.LANTHANUM, 800, BINDERS),
                Intake.Kind.PHOSPHATE_BINDER, 1.6);
        // acetate: 0.8 g x 1.5 mmol/g; 800 mg x 0.25 = 200 mg calcium, soluble (citrate-like, with food)
        assertIntakes(binder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 800, BINDERS),
                Intake.Kind.PHOSPHATE_BINDER, 1.2, Intake.Kind.CALCIUM_CITRATE_WITH_FOOD, 200 / CA);
        // carbonate: 0.8 g x 1.25 mmol/g; 800 mg x 0.4 = 320 mg calcium, carbonate with food
        assertIntakes(binder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE, 800, BINDERS),
                Intake.Kind.PHOSPHATE_BINDER, 1.0, Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD, 320 / CA);
    }

    @Test
    void withTheGutCalciumBindingOnACalciumBinderIsItsCalciumOnly() {
        ParameterCatalog on = BINDERS.with(Map.of("calciumPhosphateBindingOn", 1.0));
        assertIntakes(binder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 1000, on),
                Intake.Kind.CALCIUM_CITRATE_WITH_FOOD, 250 / CA);
        assertIntakes(binder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE, 1000, on),
                Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD, 400 / CA);
        // the calcium-free binders keep their capacity
        assertIntakes(binder(Intervention.PhosphateBinderKind.SEVELAMER, 1000, on), Intake.Kind.PHOSPHATE_BINDER, 0.75);
    }

    @Test
    void eachInterventionsDoseInModelUnits() {
        Schedule s = Schedule.daily(8);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.DietaryCalcium(300, s), BINDERS),
                Intake.Kind.CALCIUM_FOOD, 300 / CA);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.CalciumDrink(250, s), BINDERS),
                Intake.Kind.CALCIUM_DRINK, 250 / CA);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.DietaryPhosphate(310, s), BINDERS),
                Intake.Kind.PHOSPHATE_FOOD, 310 / 30.973762);
        Intervention.CalciumSalt carbonate = Intervention.CalciumSalt.CARBONATE;
        Intervention.CalciumSalt citrate = Intervention.CalciumSalt.CITRATE;
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.CalciumSupplement(500, carbonate, true, s), BINDERS),
                Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD, 500 / CA);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.CalciumSupplement(500, carbonate, false, s), BINDERS),
                Intake.Kind.CALCIUM_CARBONATE_FASTING, 500 / CA);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.CalciumSupplement(400, citrate, true, s), BINDERS),
                Intake.Kind.CALCIUM_CITRATE_WITH_FOOD, 400 / CA);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.CalciumSupplement(400, citrate, false, s), BINDERS),
                Intake.Kind.CALCIUM_CITRATE_FASTING, 400 / CA);
        // µg / (g/mol) = µmol, x 1000 = nmol
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.VitaminK(Intervention.VitaminKForm.K1, 450.70, s), BINDERS),
                Intake.Kind.VITAMIN_K1, 1000.0);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.VitaminK(Intervention.VitaminKForm.MK4, 444.66, s), BINDERS),
                Intake.Kind.VITAMIN_MK4, 1000.0);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, s), BINDERS),
                Intake.Kind.VITAMIN_MK7, 180_000 / 649.00);
        assertIntakes(IntakeTimeline.intakesOf(new Intervention.Warfarin(5, s), BINDERS), Intake.Kind.WARFARIN, 5.0);
        assertThat(IntakeTimeline.intakesOf(new Intervention.Statin(Intervention.StatinIntensity.HIGH, s), BINDERS)).isEmpty();
    }

    /** A ten-day run: warfarin at 12:00 and 20:00 from day 1.5 to day 3.5, vitamin K1 at 9:00 on Tuesdays and Fridays. */
    private static final Scenario DOSES = Scenarios.of("doses", 10, Recording.every(24),
            new Intervention.Warfarin(5, new Schedule(1.5, 3.5, List.of(12.0, 20.0), Schedule.EVERY_DAY)),
            new Intervention.VitaminK(Intervention.VitaminKForm.K1, 100, new Schedule(0, 8, List.of(9.0), List.of(1, 4))));

    private static List<Double> timesOf(IntakeTimeline timeline, Intake.Kind kind) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.intake(i).kind() == kind) {
                times.add(timeline.time(i));
            }
        }
        return times;
    }

    @Test
    void dosesFallOnTheScheduledHoursAndDaysFromStartToBeforeStop() {
        IntakeTimeline timeline = IntakeTimeline.of(DOSES, BINDERS);
        // warfarin: start day 1.5 = 36 h (12:00 of day 1, included), stop day 3.5 = 84 h (12:00 of day 3, excluded)
        assertThat(timesOf(timeline, Intake.Kind.WARFARIN)).containsExactly(36.0, 44.0, 60.0, 68.0);
        // vitamin K1 on days 1 and 4 of each week, before day 8: days 1, 4 (day 8 is the stop)
        assertThat(timesOf(timeline, Intake.Kind.VITAMIN_K1)).containsExactly(33.0, 105.0);
        assertThat(timeline.has(Intake.Kind.WARFARIN)).isTrue();
        assertThat(timeline.has(Intake.Kind.PHOSPHATE_BINDER)).isFalse();
        // habitual meals every day of the ten
        assertThat(timesOf(timeline, Intake.Kind.CALCIUM_FOOD)).hasSize(10 * mealsADay());
    }

    @Test
    void theFirstIntakeAtOrAfterATimeAndTheRegimenBoundaries() {
        IntakeTimeline timeline = IntakeTimeline.of(DOSES, BINDERS);
        double[] probes = {0, 0.5, 33, 33.5, 36, 36 - 1e-7, 44, 59.9, 60, 84, 100, 105, 200, 239.99};
        for (double t : probes) {
            int first = 0;
            while (first < timeline.size() && timeline.time(first) < t) {
                first++;
            }
            assertThat(timeline.firstAtOrAfter(t)).as("first intake at or after %s h", t).isEqualTo(first);
        }
        assertThat(timeline.firstAtOrAfter(240)).isEqualTo(timeline.size());
        assertThat(timeline.firstAtOrAfter(1e6)).isEqualTo(timeline.size());
        // boundaries 0, 36, 84, 192 (day 8), 240 (the end)
        assertThat(timeline.nextBoundary(0)).isEqualTo(36);
        assertThat(timeline.nextBoundary(36 - 1e-10)).isEqualTo(84); // within the 1e-9 h slack: at 36
        assertThat(timeline.nextBoundary(36 - 1e-6)).isEqualTo(36);
        assertThat(timeline.nextBoundary(84)).isEqualTo(192);
        assertThat(timeline.nextBoundary(200)).isEqualTo(240);
        assertThat(timeline.nextBoundary(240)).isEqualTo(240);
        // the vitamin K skips days: a week while it runs, a day after its stop
        assertThat(timeline.periodAt(0)).isEqualTo(168);
        assertThat(timeline.periodAt(191.9)).isEqualTo(168);
        assertThat(timeline.periodAt(192)).isEqualTo(24);
        assertThatThrownBy(() -> timeline.time(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> timeline.intake(timeline.size())).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("intake " + timeline.size());
    }

    @Test
    void aDailyScheduleHasADayPeriodOnlyWhileItRuns() {
        Scenario daily = Scenarios.of("daily", 4, Recording.every(24),
                new Intervention.Warfarin(5, new Schedule(1, 2, List.of(12.0), Schedule.EVERY_DAY)));
        IntakeTimeline timeline = IntakeTimeline.of(daily, BINDERS);
        assertThat(timeline.periodAt(30)).isEqualTo(24);
        assertThat(timesOf(timeline, Intake.Kind.WARFARIN)).containsExactly(36.0);
        // habitual meals only, over two days
        IntakeTimeline meals = IntakeTimeline.habitualOnly(BINDERS, 2);
        assertThat(meals.size()).isEqualTo(2 * mealsADay());
        assertThat(meals.nextBoundary(0)).isEqualTo(48);
        assertThat(meals.periodAt(5)).isEqualTo(24);
    }

    @Test
    void aDoseBeforeTheFirstMealIsTheRunsFirstIntake() {
        // warfarin at 6:00 every day of a three-day run, before the habitual breakfast (8:00)
        Scenario early = Scenarios.of("early", 3, Recording.every(24),
                new Intervention.Warfarin(5, new Schedule(0, 3, List.of(6.0), Schedule.EVERY_DAY)));
        IntakeTimeline timeline = IntakeTimeline.of(early, BINDERS);
        assertThat(timeline.time(0)).isEqualTo(6.0);
        assertThat(timeline.intake(0).kind()).isEqualTo(Intake.Kind.WARFARIN);
        assertThat(timeline.intake(1).kind()).isEqualTo(Intake.Kind.CALCIUM_FOOD);
        assertThat(timesOf(timeline, Intake.Kind.WARFARIN)).containsExactly(6.0, 30.0, 54.0);
    }

    /** The number of habitual eating occasions a day. */
    private static int mealsADay() {
        return HabitualMeals.from(BINDERS).size();
    }
}
