package org.vascalc.core.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void aDailyScheduleRunsFromTheStartAtItsClockHours() {
        Schedule s = Schedule.daily(8, 20);
        assertThat(s.startDay()).isZero();
        assertThat(s.stopDay()).isInfinite();
        assertThat(s.clockHours()).containsExactly(8.0, 20.0);
        assertThat(s.isDaily()).isTrue();
        assertThat(s.intakesPerWeek()).isEqualTo(14);
        Schedule weekly = new Schedule(0, 10, List.of(9.0), List.of(0, 2, 4));
        assertThat(weekly.isDaily()).isFalse();
        assertThat(weekly.intakesPerWeek()).isEqualTo(3);
        Schedule later = s.between(7, 90);
        assertThat(later.startDay()).isEqualTo(7);
        assertThat(later.stopDay()).isEqualTo(90);
        assertThat(later.clockHours()).isEqualTo(s.clockHours());
    }

    @Test
    void theEdgesOfEachRangeAreAllowedAndOneStepBeyondIsNot() {
        // allowed: start at day 0, clock hours 0 and 23.99, days 0 and 6
        new Schedule(0, 0.5, List.of(0.0, 23.99), List.of(0, 6));
        assertThatThrownBy(() -> new Schedule(-1, 5, List.of(8.0), List.of(0))).hasMessageContaining("0 <= startDay < stopDay");
        assertThatThrownBy(() -> new Schedule(5, 5, List.of(8.0), List.of(0))).hasMessageContaining("stopDay = 5.0");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(), List.of(0))).hasMessageContaining("at least one clock hour");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(8.0), List.of())).hasMessageContaining("one day of week");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(24.0), List.of(0))).hasMessageContaining("[0, 24) h");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(-0.5), List.of(0))).hasMessageContaining("[0, 24) h");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(8.0, 8.0), List.of(0))).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(8.0), List.of(7))).hasMessageContaining("within 0..6");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(8.0), List.of(-1))).hasMessageContaining("within 0..6");
        assertThatThrownBy(() -> new Schedule(0, 5, List.of(8.0), List.of(3, 3))).hasMessageContaining("within 0..6");
    }

    /** charts: a chart marks each dose and meal at the schedule's own times (not at times written into the chart). */
    @Test
    void theIntakeHoursAreTheClockHoursOfTheScheduledDaysWithinItsWindowAndTheAskedSpan() {
        // day 1 only, at 10 h: the supplement of examples/scenarios/calcium-supplement-vs-food.yaml
        assertThat(new Schedule(1, 2, List.of(10.0), Schedule.EVERY_DAY).intakeHours(0, 120)).containsExactly(34.0);
        // three meals on day 3 only
        assertThat(new Schedule(3, 4, List.of(7.0, 12.0, 19.0), Schedule.EVERY_DAY).intakeHours(0, 120))
                .containsExactly(79.0, 84.0, 91.0);
        // every day, asked for days 7 and 8 (the flagship's two-day profile): both ends of the span count
        assertThat(Schedule.daily(8, 19).intakeHours(168, 216)).containsExactly(176.0, 187.0, 200.0, 211.0);
        assertThat(Schedule.daily(0).intakeHours(168, 216)).containsExactly(168.0, 192.0, 216.0);
        // only on the week's days 0 and 2 (day 7 is day 0 of the second week); the stop day itself is out
        assertThat(new Schedule(0, 9, List.of(9.0), List.of(0, 2)).intakeHours(0, 500))
                .containsExactly(9.0, 57.0, 177.0);
        // a start within a day: that day's earlier clock hours are not taken
        assertThat(new Schedule(0.5, 2, List.of(8.0, 20.0), Schedule.EVERY_DAY).intakeHours(0, 48))
                .containsExactly(20.0, 32.0, 44.0);
        assertThat(Schedule.daily(8).intakeHours(9, 20)).isEmpty();
    }
}
