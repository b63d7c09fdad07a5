package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The timeline as a weekly pattern per span must be the plain listing of every intake
 * ({@link ListedIntakeTimeline}), intake by intake (same time bits, same intake), and must
 * answer every question the engine asks (first intake at or after a time, regimen boundaries,
 * period) as the listing did.
 */
class IntakeTimelinePatternTest {

    private static final ParameterCatalog PARAMETERS = ModelAssembly.defaultParameters();
    private static final List<Double> MEAL_HOURS = List.of(8.0, 13.0, 19.0);
    private static final List<Integer> EVERY_DAY = List.of(0, 1, 2, 3, 4, 5, 6);

    @Test
    void theBudgetDecadeIsTheListedOne() {
        Scenario decade = Scenarios.of("budget", 10 * 365.25, Recording.every(365.25 * 24),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        assertSame(IntakeTimeline.of(decade, PARAMETERS), ListedIntakeTimeline.of(decade, PARAMETERS));
    }

    @Test
    void windowsAtFractionalDaysWeeklyDosesAndOwnMealsAreTheListedOnes() {
        Scenario mix = Scenarios.of("mix", 200.3, Recording.every(24),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667,
                        new Schedule(5.5, 40.25, MEAL_HOURS, EVERY_DAY)),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180,
                        new Schedule(3.7, 150, List.of(8.0), List.of(0, 3))),
                new Intervention.Warfarin(5, new Schedule(100.9, 1e9, List.of(0.0, 21.5), List.of(1, 2, 6))),
                new Intervention.DietaryCalcium(300, new Schedule(20, 30.5, MEAL_HOURS, EVERY_DAY)),
                new Intervention.DietaryCalcium(250, new Schedule(25, 60, List.of(12.0), List.of(2, 4))),
                new Intervention.CalciumDrink(200, new Schedule(180.1, 200.2, List.of(23.99), EVERY_DAY)),
                new Intervention.Statin(Intervention.StatinIntensity.MODERATE, Schedule.daily(21).between(10, 50)));
        assertSame(IntakeTimeline.of(mix, PARAMETERS), ListedIntakeTimeline.of(mix, PARAMETERS));
    }

    @Test
    void noInterventionsAndTheRunInMealsAreTheListedOnes() {
        Scenario none = Scenarios.of("none", 33.3, Recording.every(24));
        assertSame(IntakeTimeline.of(none, PARAMETERS), ListedIntakeTimeline.of(none, PARAMETERS));
        assertSame(IntakeTimeline.habitualOnly(PARAMETERS, 5 * 365.25),
                ListedIntakeTimeline.habitualOnly(PARAMETERS, 5 * 365.25));
    }

    private static void assertSame(IntakeTimeline timeline, ListedIntakeTimeline listed) {
        assertThat(timeline.size()).isEqualTo(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            assertThat(Double.doubleToRawLongBits(timeline.time(i))).as("time of intake %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(listed.time(i)));
            assertThat(timeline.intake(i)).as("intake %d at %s h", i, listed.time(i)).isEqualTo(listed.intake(i));
        }
        double end = listed.size() == 0 ? 100 : listed.time(listed.size() - 1) + 30;
        Random random = new Random(20261130);
        for (int i = 0; i < listed.size(); i += 1 + random.nextInt(5)) {
            double t = listed.time(i);
            for (double at : new double[] {t, t - 1e-9, t + 1e-9, Math.nextDown(t), Math.nextUp(t), t + 0.5}) {
                assertThat(timeline.firstAtOrAfter(at)).as("first intake at or after %s h", at)
                        .isEqualTo(listed.firstAtOrAfter(at));
            }
        }
        for (int k = 0; k < 2000; k++) {
            double at = (random.nextDouble() * 1.1 - 0.05) * end;
            assertThat(timeline.firstAtOrAfter(at)).as("first intake at or after %s h", at)
                    .isEqualTo(listed.firstAtOrAfter(at));
            assertThat(timeline.nextBoundary(at)).isEqualTo(listed.nextBoundary(at));
            assertThat(timeline.periodAt(at)).isEqualTo(listed.periodAt(at));
        }
    }
}
