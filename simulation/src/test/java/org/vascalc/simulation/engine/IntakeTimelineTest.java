package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.HabitualMeals;
import org.vascalc.physiology.model.Intake;
import org.vascalc.simulation.HabitualMealPauses;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The timeline merges its sources (habitual meals, then each intervention) in time order; it must
 * hold exactly the intakes, in exactly the order, of the obvious construction: every intake listed,
 * then sorted by time and, on equal times, by the order in which they were listed.
 */
class IntakeTimelineTest {

    private static final ParameterCatalog PARAMETERS = ModelAssembly.defaultParameters();

    @Test
    void theMergedTimelineIsTheSortedListOfEveryIntake() {
        List<Double> hours = List.of(8.0, 13.0, 19.0);
        Scenario scenario = Scenarios.of("mix", 60, Recording.every(24),
                // doses at the habitual breakfast and dinner hours: ties with the meals
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19),
                // two intakes per dose (binding capacity and calcium), from mid-day 5 to day 40
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667,
                        new Schedule(5.5, 40, hours, List.of(0, 1, 2, 3, 4, 5, 6))),
                // twice a week
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180,
                        new Schedule(0, 60, List.of(8.0), List.of(0, 3))),
                // the scenario's own meal calcium replaces the habitual meals from day 20 to 30
                new Intervention.DietaryCalcium(300, new Schedule(20, 30, hours, List.of(0, 1, 2, 3, 4, 5, 6))),
                new Intervention.Statin(Intervention.StatinIntensity.MODERATE, Schedule.daily(21).between(10, 50)));
        IntakeTimeline timeline = IntakeTimeline.of(scenario, PARAMETERS);
        List<Dated> expected = sortedListOf(scenario);
        assertThat(timeline.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(timeline.time(i)).as("time of intake %d", i).isEqualTo(expected.get(i).t());
            assertThat(timeline.intake(i)).as("intake %d at %s h", i, expected.get(i).t()).isEqualTo(expected.get(i).intake());
        }
        // Spot checks of what the list must contain: the first breakfast, then the first dose with it.
        assertThat(timeline.intake(0).kind()).isEqualTo(Intake.Kind.CALCIUM_FOOD);
        assertThat(timeline.time(1)).isEqualTo(8.0);
        assertThat(timeline.intake(1).kind()).isEqualTo(Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD);
        assertThat(timeline.nextBoundary(0)).isEqualTo(Time.days(5.5));
    }

    /**
     * dupes2: the engine leaves the habitual meals out exactly where {@link HabitualMealPauses} pauses them, the rule
     * the charts' marks read too (cli's {@code IntakeMarksTest} checks their side): lunch moved to 12 h so that one
     * pause starts and one stops on a meal; the first scenario meal schedule on two weekdays only.
     */
    @Test
    void theHabitualMealsAreLeftOutExactlyWhereTheSharedRulePausesThem() {
        ParameterCatalog lunchAtNoon = PARAMETERS.with(java.util.Map.of("habitualLunchHour", 12.0));
        List<Intervention> ivs = List.of(
                new Intervention.DietaryCalcium(400, new Schedule(1.5, 3.5, List.of(7.0, 18.0), List.of(0, 3))),
                new Intervention.DietaryCalcium(200, new Schedule(5, 5.5, List.of(7.0), List.of(0, 1, 2, 3, 4, 5, 6))));
        IntakeTimeline timeline = IntakeTimeline.of(Scenarios.of("paused", 7, Recording.every(24),
                ivs.toArray(Intervention[]::new)), lunchAtNoon);
        HabitualMeals meals = HabitualMeals.from(lunchAtNoon);
        double daily = lunchAtNoon.value("caHabitualIntake");
        List<Double> habitual = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            for (int m = 0; m < meals.size(); m++) {
                if (timeline.intake(i).equals(new Intake(Intake.Kind.CALCIUM_FOOD, meals.share(m) * daily))) {
                    habitual.add(timeline.time(i));
                    break;
                }
            }
        }
        HabitualMealPauses pauses = HabitualMealPauses.of(ivs);
        List<Double> expected = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (double h : meals.hours()) {
                if (!pauses.pausedAt(day * 24.0 + h)) {
                    expected.add(day * 24.0 + h);
                }
            }
        }
        assertThat(habitual).containsExactlyElementsOf(expected);
        assertThat(habitual).as("the stop hours' lunches are eaten").contains(84.0, 132.0).doesNotContain(36.0, 128.0);
    }

    private record Dated(double t, int order, Intake intake) {
    }

    /** The construction the timeline replaced: list everything, then sort (stable on ties). */
    private static List<Dated> sortedListOf(Scenario scenario) {
        double end = Time.days(scenario.durationDays());
        List<Dated> all = new ArrayList<>();
        List<double[]> own = new ArrayList<>();
        for (Intervention iv : scenario.interventions()) {
            if (iv instanceof Intervention.DietaryCalcium) {
                own.add(new double[] {Time.days(iv.schedule().startDay()), Time.days(iv.schedule().stopDay())});
            }
        }
        HabitualMeals meals = HabitualMeals.from(PARAMETERS);
        double daily = PARAMETERS.value("caHabitualIntake");
        for (int day = 0; day * 24.0 < end; day++) {
            for (int m = 0; m < meals.size(); m++) {
                double t = day * 24.0 + meals.hour(m);
                boolean replaced = own.stream().anyMatch(w -> t >= w[0] && t < w[1]);
                if (t < end && !replaced) {
                    all.add(new Dated(t, all.size(), new Intake(Intake.Kind.CALCIUM_FOOD, meals.share(m) * daily)));
                }
            }
        }
        for (Intervention iv : scenario.interventions()) {
            Schedule s = iv.schedule();
            for (int day = 0; day * 24.0 < end; day++) {
                if (!s.daysOfWeek().contains(day % 7)) {
                    continue;
                }
                for (double h : s.clockHours()) {
                    double t = day * 24.0 + h;
                    if (t >= Time.days(s.startDay()) && t < Math.min(Time.days(s.stopDay()), end)) {
                        for (Intake in : IntakeTimeline.intakesOf(iv, PARAMETERS)) {
                            all.add(new Dated(t, all.size(), in));
                        }
                    }
                }
            }
        }
        all.sort(Comparator.comparingDouble(Dated::t).thenComparingInt(Dated::order));
        return all;
    }
}
