package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTargetsTest {

    @Test
    void everyRowOfTheSharedTargetFileIsReadWithItsToleranceBand() {
        CalibrationTargets t = CalibrationTargets.load();
        assertThat(t.scope("engine")).hasSize(25);
        assertThat(t.scope("wall")).hasSize(20);
        CalibrationTarget e06 = t.get("E06");
        assertThat(e06.use()).isEqualTo(CalibrationTarget.Use.FIT);
        assertThat(e06.value()).isEqualTo(124.0);
        assertThat(e06.accepts(130)).isTrue();
        assertThat(e06.accepts(99)).isFalse();
        assertThat(t.all()).hasSize(t.scope("engine").size() + t.scope("wall").size());
        assertThatThrownBy(() -> t.get("X99"))
                .isInstanceOf(java.util.NoSuchElementException.class).hasMessage("no calibration target X99");
        assertThat(CalibrationTargets.of(List.of(e06)).all()).containsExactly(e06);
        for (CalibrationTarget x : t.all()) {
            assertThat(x.low()).as(x.id()).isLessThanOrEqualTo(x.value());
            assertThat(x.high()).as(x.id()).isGreaterThanOrEqualTo(x.value());
        }
    }
}
