package org.vascalc.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;

/**
 * dupes2: the one rule by which a scenario's own meals pause the habitual ones (docs/scenario-format.md): each
 * {@code dietaryCalcium} schedule from its start day to its stop day, start included, stop not, whatever its weekdays
 * and clock hours; nothing else pauses them.
 */
class HabitualMealPausesTest {

    @Test
    void eachDietaryCalciumScheduleFromItsStartToItsStopWhateverItsWeekdaysAndNothingElse() {
        HabitualMealPauses pauses = HabitualMealPauses.of(List.of(
                new Intervention.DietaryCalcium(400, new Schedule(1.5, 3.5, List.of(7.0, 18.0), List.of(0, 3))),
                new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(0, 10, List.of(8.0), Schedule.EVERY_DAY)),
                new Intervention.DietaryPhosphate(300, new Schedule(0, 10, List.of(8.0), Schedule.EVERY_DAY)),
                new Intervention.DietaryCalcium(200, new Schedule(5, 5.5, List.of(7.0), Schedule.EVERY_DAY))));
        assertThat(pauses.edges()).containsExactly(36, 84, 120, 132);
        assertThat(pauses.pausedAt(36)).as("a pause's start hour is paused").isTrue();
        assertThat(pauses.pausedAt(84)).as("its stop hour is not").isFalse();
        assertThat(pauses.pausedAt(35.5)).isFalse();
        assertThat(pauses.pausedAt(48 + 13)).as("day 2, not one of its weekdays: still paused").isTrue();
        assertThat(pauses.pausedAt(96 + 8)).as("between the two: the supplement and the phosphate pause nothing").isFalse();
        assertThat(pauses.pausedAt(128)).isTrue();
        assertThat(pauses.pausedAt(132)).isFalse();
        assertThat(HabitualMealPauses.NONE.pausedAt(0)).isFalse();
        assertThat(HabitualMealPauses.NONE.edges()).isEmpty();
        assertThat(HabitualMealPauses.of(List.of()).edges()).isEmpty();
    }
}
