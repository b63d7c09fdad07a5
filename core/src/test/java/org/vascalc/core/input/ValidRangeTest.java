package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidRangeTest {

    private final ValidRange sbp = new ValidRange("systolic blood pressure", "mmHg", 60, 260, 90, 180);

    @Test
    void valueOutsideHardLimitsIsAnErrorNamingFieldValueUnitAndRange() {
        InputProblems p = new InputProblems();
        assertThat(sbp.check(300, "patient.sbp", p)).isFalse();
        assertThat(p.hasErrors()).isTrue();
        assertThat(p.all().get(0).toString())
                .isEqualTo("error: patient.sbp: systolic blood pressure = 300 mmHg is outside the allowed range 60 to 260 mmHg");
    }

    @Test
    void valueOutsideTypicalLimitsIsOnlyAWarning() {
        InputProblems p = new InputProblems();
        assertThat(sbp.check(200, "sbp", p)).isTrue();
        assertThat(p.hasErrors()).isFalse();
        assertThat(p.warnings()).hasSize(1);
        assertThat(p.warnings().get(0).message()).contains("typical range 90 to 180 mmHg");
    }

    @Test
    void notANumberIsNeverAllowed() {
        assertThatThrownBy(() -> sbp.require(Double.NaN, "sbp"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("systolic blood pressure = NaN mmHg");
    }
}
