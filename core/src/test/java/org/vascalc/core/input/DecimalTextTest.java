package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number as a person writes it, the one rule of the command line, the parameter catalogs and the web forms:
 * Java's parser took "5d" as 5 ({@code cohort --years 5d}: five years, no word), "0x1p3" as 8 and "NaN" as a
 * number (fifty-ninth session, leftovers22).
 */
class DecimalTextTest {

    @Test
    void aDecimalAsWrittenIsRead() {
        assertThat(DecimalText.parse("5")).isEqualTo(5);
        assertThat(DecimalText.parse(" -0.5 ")).as("blanks around it ignored").isEqualTo(-0.5);
        assertThat(DecimalText.parse(".5")).isEqualTo(0.5);
        assertThat(DecimalText.parse("5.")).isEqualTo(5);
        assertThat(DecimalText.parse("+1e-3")).isEqualTo(0.001);
        assertThat(DecimalText.parse("1.0E-5")).as("Java's own output, as a catalog written by calibrate has it")
                .isEqualTo(1e-5);
        assertThat(DecimalText.parse("1e400")).as("too large: infinite, for the range check to name").isInfinite();
    }

    @Test
    void javasOtherSpellingsAreNotNumbers() {
        for (String text : List.of("5d", "5f", "5D", "0x1p3", "NaN", "Infinity", "-Infinity", "1,5", "", " ", "+", ".",
                "1.2.3", "5 d", "five")) {
            assertThat(DecimalText.isDecimal(text.strip())).as(text).isFalse();
            assertThatThrownBy(() -> DecimalText.parse(text)).as(text).isInstanceOf(NumberFormatException.class)
                    .hasMessage("'" + text + "' is not a decimal number");
        }
    }
}
