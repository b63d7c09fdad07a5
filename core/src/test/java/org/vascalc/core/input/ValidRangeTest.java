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

    @Test
    void aNumberPastADoublesRangeIsTooLargeNotInfinity() {
        // review12: durationDays: 1e400 in a file said "duration = Infinity days is outside the allowed range ..."
        InputProblems p = new InputProblems();
        assertThat(sbp.check(Double.POSITIVE_INFINITY, "patient.sbp", p)).isFalse();
        assertThat(p.all().get(0).toString()).isEqualTo("error: patient.sbp: systolic blood pressure is too large a "
                + "number to hold (past 1.8e308); the allowed range is 60 to 260 mmHg");
        assertThat(p.all().get(0).toString()).doesNotContain("Infinity");
    }

    @Test
    void bothEndsOfEachRangeAreInside() {
        // "60 to 260 mmHg" as the message says: the ends are allowed, just beyond them is not
        assertThat(sbp.allows(60)).isTrue();
        assertThat(sbp.allows(260)).isTrue();
        assertThat(sbp.allows(59.99)).isFalse();
        assertThat(sbp.allows(260.01)).isFalse();
        assertThat(sbp.isTypical(90)).isTrue();
        assertThat(sbp.isTypical(180)).isTrue();
        assertThat(sbp.isTypical(89.99)).isFalse();
        assertThat(sbp.isTypical(180.01)).isFalse();
        assertThat(sbp.isTypical(Double.NaN)).isFalse();
        assertThat(sbp.allows(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(sbp.require(60, "sbp")).isEqualTo(60);
        assertThat(sbp.require(123.5, "sbp")).isEqualTo(123.5);
    }

    @Test
    void aRangeWithoutATypicalBandWarnsOfNothingAndDisorderedLimitsAreRefused() {
        ValidRange age = ValidRange.of("age", "years", 18, 110);
        InputProblems p = new InputProblems();
        assertThat(age.check(18, "age", p)).isTrue();
        assertThat(age.check(110, "age", p)).isTrue();
        assertThat(p.all()).isEmpty();
        new ValidRange("x", "", 0, 10, 0, 10); // every limit may coincide with its neighbour
        assertThat(ValidRange.of("x", "", 5, 5).allows(5)).isTrue();
        assertThatThrownBy(() -> new ValidRange("x", "", 5, 10, 4, 10)).hasMessageContaining("range for x must satisfy");
        assertThatThrownBy(() -> new ValidRange("x", "", 0, 10, 6, 5)).hasMessageContaining("hardLow <= typicalLow");
        assertThatThrownBy(() -> new ValidRange("x", "", 0, 10, 0, 11)).hasMessageContaining("typicalHigh <= hardHigh");
    }

    /**
     * leftovers32: fmt(v, significant) used "%.6g", which writes a value under 1e-4 with an exponent: a range of 0
     * to 0.00002 mol/L read "0 to 2e-05 mol/L" and a computed 0.0000123456 "1.23456e-05". Plain decimals now.
     */
    @Test
    void aTinyBoundOrValueIsWrittenWithoutAnExponent() {
        ValidRange tiny = ValidRange.of("trace concentration", "mol/L", 0, 2e-5);
        assertThat(tiny.allowed()).isEqualTo("0 to 0.00002 mol/L");
        InputProblems p = new InputProblems();
        tiny.check(3.5e-5, "trace", p);
        assertThat(p.all()).singleElement().satisfies(x -> assertThat(x.message())
                .contains("0.000035").contains("0 to 0.00002 mol/L").doesNotContainPattern("\\de[-+]?\\d"));
        assertThat(ValidRange.fmt(1.23456789e-5, 4)).isEqualTo("0.00001235");
        assertThat(ValidRange.fmt(-7e-9, 6)).isEqualTo("-0.000000007");
        assertThat(ValidRange.fmt(1.0 / 3e5)).as("no fraction, six digits, no exponent").isEqualTo("0.00000333333");
        assertThat(ValidRange.fmt(0.00012345, 4)).as("from 1e-4 up as before").isEqualTo("0.0001235");
    }

    @Test
    void numbersInMessagesAreAsTyped() {
        assertThat(ValidRange.fmt(50000)).isEqualTo("50000");
        assertThat(ValidRange.fmt(1234567)).isEqualTo("1234567");
        assertThat(ValidRange.fmt(-5)).isEqualTo("-5");
        assertThat(ValidRange.fmt(5.4)).isEqualTo("5.4");
        assertThat(ValidRange.fmt(1.0 / 60)).isEqualTo("1/60");
        assertThat(ValidRange.fmt(Double.NaN)).isEqualTo("NaN");
    }

    /**
     * One rule for every value and bound in a message (loaders, fifty-second session): a recording interval's
     * lower bound, a minute in hours, printed as 0.0166667 h, which is not the bound (0.01666 h is refused, yet
     * reads the same to six digits).
     */
    @Test
    void aNumberNoShortDecimalGivesIsPrintedAsItsFractionElseAsTyped() {
        assertThat(ValidRange.fmt(1.0 / 60)).isEqualTo("1/60");
        assertThat(ValidRange.fmt(1.0 / 24)).isEqualTo("1/24");
        assertThat(ValidRange.fmt(2.0 / 3)).isEqualTo("2/3");
        assertThat(ValidRange.fmt(-1.0 / 60)).isEqualTo("-1/60");
        assertThat(ValidRange.fmt(0.0166667)).as("a typed decimal stays as typed").isEqualTo("0.0166667");
        assertThat(ValidRange.fmt(0.01)).isEqualTo("0.01");
        assertThat(ValidRange.fmt(0.123456789)).as("no fraction: six digits").isEqualTo("0.123457");
        assertThat(ValidRange.fmt(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        ValidRange interval = ValidRange.of("recording interval", "h", 1.0 / 60, 8766);
        assertThat(interval.allowed()).isEqualTo("1/60 to 8766 h");
        assertThat(interval.require(1.0 / 60, "x")).isEqualTo(1.0 / 60);
        assertThatThrownBy(() -> interval.require(0.01, "recording.intervalHours")).hasMessageEndingWith(
                "recording.intervalHours: recording interval = 0.01 h is outside the allowed range 1/60 to 8766 h");
    }

    @Test
    void warningsAreOnlyTheWarnings() {
        InputProblems p = new InputProblems();
        sbp.check(300, "a", p);
        sbp.check(200, "b", p);
        assertThat(p.warnings()).singleElement().extracting(InputProblem::path).isEqualTo("b");
        assertThat(p.all()).hasSize(2);
    }
}
