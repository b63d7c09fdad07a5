package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation page's summary counts, number format and cells. */
class ValidationReportTest {

    private static CalibrationTarget target(String id, double value, String unit, String phenomenon) {
        return new CalibrationTarget(id, "engine", CalibrationTarget.Use.CHECK, phenomenon, "pop", "sc", "out", "stat",
                value, value * 0.5, value * 1.5, unit, "Src", "p. 1", "V");
    }

    @Test
    void theSummaryCountsEachBandAndTheRowsInsideTheirTolerance() {
        CalibrationTarget t = target("T1", 100, "mg", "x");
        List<CheckRow> rows = List.of(CheckRow.of(t, 101), CheckRow.of(t, 105), CheckRow.of(t, 120), CheckRow.of(t, 300),
                CheckRow.notRun(t, "no check registered"));
        String md = ValidationReport.markdown(rows, "  commit abc  \n");
        assertThat(md).contains("Summary: 2 green, 1 yellow, 1 red, 1 not run, 3 of 5 inside their published tolerance.\n");
        assertThat(md).endsWith("## Provenance\n\n```\ncommit abc\n```\n");
        assertThat(md).doesNotContain("## Known misses");
    }

    @Test
    void numbersHaveFourSignificantDigitsWholeNumbersAreWrittenInFullAndATinyErrorIsPlusZero() {
        assertThat(ValidationReport.num(123456789)).isEqualTo("123456789");
        assertThat(ValidationReport.num(2.5)).isEqualTo("2.5");
        assertThat(ValidationReport.num(0.1)).isEqualTo("0.1");
        assertThat(ValidationReport.num(-0.25)).isEqualTo("-0.25");
        assertThat(ValidationReport.num(3.14159)).isEqualTo("3.142");
        assertThat(ValidationReport.num(1e9)).as("from 1e9 in scientific form").isEqualTo("1.000e+09");
        CalibrationTarget t = target("T2", 200, "1", "a | b\nc");
        String row = ValidationReport.markdown(List.of(CheckRow.of(t, 190)), "p").lines()
                .filter(l -> l.startsWith("| T2 ")).findFirst().orElseThrow();
        // a unit of 1 is left out; a | or a line end in a cell is escaped
        assertThat(row).isEqualTo("| T2 | check | a \\| b c (stat) | 200  | [100, 300] | 190 | -5.0 % | 🟢 green | Src; p. 1 |");
        // -0.025 %: printed as +0.0 %, not -0.0 %
        assertThat(ValidationReport.markdown(List.of(CheckRow.of(t, 199.95)), "p")).contains("| +0.0 % |");
        String low = ValidationReport.markdown(List.of(CheckRow.of(t, 199.8)), "p");
        assertThat(low).contains("| -0.1 % |");
        String minusInfinity = ValidationReport.markdown(List.of(CheckRow.of(t, Double.NEGATIVE_INFINITY)), "p");
        assertThat(minusInfinity).contains("| -∞ | — | 🔴 red |");
        String notRun = ValidationReport.markdown(List.of(CheckRow.notRun(t, "boom | x")), "p");
        assertThat(notRun).contains("| — | — | ⚪ not run: boom \\| x |");
    }
}
