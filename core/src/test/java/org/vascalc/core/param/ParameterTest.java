package org.vascalc.core.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;

class ParameterTest {

    private static final Evidence SOURCE = new Evidence.Literature("Key2020", "Table 1");

    @Test
    void aValueOnEitherEndOfItsPlausibleRangeIsAcceptedAndJustBeyondIsNot() {
        assertThat(new Parameter("k", 10, "1/h", 10, 20, SOURCE, "d").value()).isEqualTo(10);
        assertThat(new Parameter("k", 20, "1/h", 10, 20, SOURCE, "d").value()).isEqualTo(20);
        assertThat(new Parameter("k", 5, "1/h", 5, 5, SOURCE, null).description()).isEmpty();
        assertThatThrownBy(() -> new Parameter("k", 9.99, "1/h", 10, 20, SOURCE, "d"))
                .hasMessage("parameter k = 9.99 1/h lies outside its plausible range [10.0, 20.0] 1/h");
        assertThatThrownBy(() -> new Parameter("k", 20.01, "1/h", 10, 20, SOURCE, "d"))
                .hasMessageContaining("outside its plausible range");
        assertThatThrownBy(() -> new Parameter("k", 15, "1/h", 20, 10, SOURCE, "d"))
                .hasMessage("parameter k: low 20.0 > high 10.0");
        assertThatThrownBy(() -> new Parameter("k", Double.NaN, "1/h", 10, 20, SOURCE, "d"))
                .hasMessageContaining("non-finite value NaN");
        assertThatThrownBy(() -> new Parameter("k", 15, "1/h", 10, 20, SOURCE, "d").withValue(25))
                .hasMessageContaining("k = 25.0 1/h");
    }

    @Test
    void onlyCalibratedParametersMayBeMovedByAnOptimiser() {
        assertThat(new Parameter("k", 15, "1/h", 10, 20, SOURCE, "d").isCalibrated()).isFalse();
        assertThat(new Parameter("k", 15, "1/h", 10, 20, new Evidence.Calibrated("E06", ""), "d").isCalibrated())
                .isTrue();
    }
}
