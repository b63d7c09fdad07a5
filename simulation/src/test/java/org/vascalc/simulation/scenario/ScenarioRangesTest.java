package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;

class ScenarioRangesTest {

    private static InputProblems check(org.vascalc.core.input.ValidRange range, double value) {
        InputProblems p = new InputProblems();
        ScenarioRanges.check(range, value, "patient.x", p);
        return p;
    }

    /** A US lab's mg/dL in a mmol/L field: 9.6 was refused without a word on the unit. */
    @Test
    void aSerumCalciumInMgPerDlIsRefusedWithTheConversion() {
        InputProblems p = check(ScenarioRanges.SERUM_CALCIUM, 9.6);
        assertThat(p.hasErrors()).isTrue();
        // 9.6 mg/dL = 96 mg/L / 40.078 mg/mmol = 2.395 mmol/L
        assertThat(p.all().get(0).message()).contains("serum total calcium = 9.6 mmol/L is outside the allowed range")
                .endsWith("; the value is in mmol/L: if it is in mg/dL, 9.6 mg/dL is 2.40 mmol/L");
        // a low calcium in mg/dL too: 8 mg/dL is 2.00 mmol/L, below the typical range but a possible value
        assertThat(check(ScenarioRanges.SERUM_CALCIUM, 8).all().get(0).message()).endsWith("8 mg/dL is 2.00 mmol/L");
    }

    /** 3.5 mg/dL of phosphorus (normal) passed as 3.5 mmol/L with only "outside the typical range". */
    @Test
    void aPhosphateInMgPerDlIsWarnedWithTheConversion() {
        InputProblems p = check(ScenarioRanges.SERUM_PHOSPHATE, 3.5);
        assertThat(p.hasErrors()).isFalse();
        assertThat(p.all()).singleElement().satisfies(q -> {
            assertThat(q.severity()).isEqualTo(InputProblem.Severity.WARNING);
            // 35 mg/L / 30.974 mg/mmol = 1.13 mmol/L
            assertThat(q.message()).contains("outside the typical range").endsWith("3.5 mg/dL is 1.13 mmol/L");
        });
    }

    @Test
    void aTypicalValueOrOneNoUnitExplainsGetsNoHint() {
        assertThat(check(ScenarioRanges.SERUM_CALCIUM, 2.4).all()).isEmpty();
        assertThat(check(ScenarioRanges.SERUM_CALCIUM, 1.6).all()).singleElement()
                .satisfies(q -> assertThat(q.message()).doesNotContain("mg/dL"));
        assertThat(check(ScenarioRanges.SERUM_CALCIUM, 40).all()).singleElement()
                .satisfies(q -> assertThat(q.message()).doesNotContain("mg/dL"));
        // a warned phosphate that mg/dL would not make typical (0.5 mg/dL is 0.16 mmol/L): no hint
        assertThat(check(ScenarioRanges.SERUM_PHOSPHATE, 0.5).all()).singleElement()
                .satisfies(q -> assertThat(q.message()).doesNotContain("mg/dL"));
        assertThat(check(ScenarioRanges.HEIGHT, 1.65).all().get(0).message()).endsWith("1.65 m is 165 cm");
    }
}
