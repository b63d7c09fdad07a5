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
}
