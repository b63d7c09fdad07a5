package org.vascalc.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlainNumberTest {

    @Test
    void aTinyValueIsPlainDecimalsToItsSignificantDigits() {
        assertThat(PlainNumber.of(-1.752e-05, 4)).isEqualTo("-0.00001752");
        assertThat(PlainNumber.of(2.2e-05, 2)).isEqualTo("0.000022");
        assertThat(PlainNumber.of(9.99996e-05, 4)).as("rounding up to the next decade").isEqualTo("0.0001000");
        assertThat(PlainNumber.signed(-9.334e-06, 4)).isEqualTo("-0.000009334");
        assertThat(PlainNumber.signed(8.086e-05, 4)).isEqualTo("+0.00008086");
    }

    @Test
    void otherValuesAreAsPercentGWritesThemAndLargeOnesWhole() {
        for (double v : new double[] {0.0001, 0.6419, -0.002809, 8.1508, 1234.5, 0}) {
            assertThat(PlainNumber.of(v, 4)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.4g", v));
        }
        assertThat(PlainNumber.of(123456.7, 4)).isEqualTo("123500");
        assertThat(PlainNumber.signed(0.5, 2)).isEqualTo("+0.50");
        assertThat(PlainNumber.of(Double.NaN, 4)).isEqualTo("NaN");
        assertThatThrownBy(() -> PlainNumber.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
