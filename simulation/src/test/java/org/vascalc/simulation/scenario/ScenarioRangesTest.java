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

    /**
     * 0.18 µg of vitamin K (0.18 mg, the flagship's 180 µg MK-7, typed in mg) passed silently: the typical
     * range starts at 0. Now a warning (the run goes on) naming field, value, unit and the likely value.
     */
    @Test
    void aVitaminKDoseInMgTypedAsMicrogramsIsWarnedWithTheLikelyValue() {
        InputProblems p = check(ScenarioRanges.VITAMIN_K, 0.18);
        assertThat(p.hasErrors()).isFalse();
        assertThat(p.all()).singleElement().satisfies(q -> {
            assertThat(q.severity()).isEqualTo(InputProblem.Severity.WARNING);
            assertThat(q.path()).isEqualTo("patient.x");
            assertThat(q.message()).isEqualTo("vitamin K per dose = 0.18 µg is far below the doses studied (90 µg MK-7 a"
                    + " day and up, Kurnatowska 2015): if it was meant in mg, 0.18 mg is 180 µg");
        });
        assertThat(check(ScenarioRanges.VITAMIN_K, 180).all()).as("a studied dose").isEmpty();
        assertThat(check(ScenarioRanges.VITAMIN_K, 0).all()).as("none at all is a dose, not a slip").isEmpty();
        assertThat(check(ScenarioRanges.VITAMIN_K, 45).all()).as("a tenth of the smallest studied and up: no guess")
                .isEmpty();
    }

    /** Grams typed into a mg field, and µg into warfarin's mg field: the message gives the likely value. */
    @Test
    void otherDoseUnitSlipsNameTheLikelyValue() {
        // a supplement of 0.5 (g): already outside the typical range; the hint says what it would be
        assertThat(check(ScenarioRanges.SUPPLEMENT_CALCIUM, 0.5).all()).singleElement().satisfies(q -> {
            assertThat(q.severity()).isEqualTo(InputProblem.Severity.WARNING);
            assertThat(q.message()).contains("elemental calcium per dose = 0.5 mg is outside the typical range")
                    .endsWith("; if it was meant in g, 0.5 g is 500 mg");
        });
        // a meal of 0.3 (g) of calcium was typical (the range starts at 0)
        assertThat(check(ScenarioRanges.DIETARY_CALCIUM, 0.3).all()).singleElement().satisfies(q ->
                assertThat(q.message()).isEqualTo("dietary calcium per meal = 0.3 mg is far below what a meal holds (tens"
                        + " to hundreds of mg): if it was meant in g, 0.3 g is 300 mg"));
        assertThat(check(ScenarioRanges.BINDER, 1.6).all()).singleElement().satisfies(q ->
                assertThat(q.message()).endsWith("if it was meant in g, 1.6 g is 1600 mg"));
        // 5000 (µg) of warfarin: refused, and told it is 5 mg
        InputProblems w = check(ScenarioRanges.WARFARIN, 5000);
        assertThat(w.hasErrors()).isTrue();
        assertThat(w.all().get(0).message()).contains("warfarin per dose = 5000 mg is outside the allowed range")
                .endsWith("; warfarin is in mg: if it was meant in µg, 5000 µg is 5 mg");
        // a European lab's cholesterol (mmol/L) in the scenario's mg/dL field
        assertThat(check(ScenarioRanges.TOTAL_CHOLESTEROL, 5.4).all().get(0).message())
                .contains("total cholesterol = 5.4 mg/dL is outside the allowed range")
                .endsWith("; the value is in mg/dL: if it is in mmol/L, 5.4 mmol/L is 209 mg/dL");
        assertThat(check(ScenarioRanges.HDL, 1.2).all().get(0).message()).endsWith("1.2 mmol/L is 46 mg/dL");
        // plausible values, and a zero dose, say nothing
        assertThat(check(ScenarioRanges.DIETARY_CALCIUM, 300).all()).isEmpty();
        assertThat(check(ScenarioRanges.DIETARY_CALCIUM, 0).all()).isEmpty();
        assertThat(check(ScenarioRanges.WARFARIN, 5).all()).isEmpty();
        assertThat(check(ScenarioRanges.TOTAL_CHOLESTEROL, 213).all()).isEmpty();
        // a value no other unit explains gets no guess: 40 mg of warfarin is not 0.04 mg
        assertThat(check(ScenarioRanges.WARFARIN, 40).all().get(0).message()).doesNotContain("µg");
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
    /**
     * {@link ScenarioRanges#silent} (the scenario check skips building a path where it holds) only
     * where {@link ScenarioRanges#check} adds nothing: every range of the class, on a grid of values
     * from far below the hard limits to far above them (unit slips: 1/1000 of the limits, × 1000),
     * and silent somewhere for each range, so the test can fail both ways.
     */
    @Test
    void silentOnlyWhereTheCheckSaysNothing() throws IllegalAccessException {
        int ranges = 0;
        for (java.lang.reflect.Field f : ScenarioRanges.class.getDeclaredFields()) {
            if (f.getType() != org.vascalc.core.input.ValidRange.class
                    || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            org.vascalc.core.input.ValidRange r = (org.vascalc.core.input.ValidRange) f.get(null);
            ranges++;
            int silent = 0;
            double span = Math.max(Math.abs(r.hardLow()), Math.abs(r.hardHigh()));
            java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(
                    r.hardLow(), r.hardHigh(), r.typicalLow(), r.typicalHigh(), 0.0, -1.0,
                    Double.NaN, Double.POSITIVE_INFINITY, Math.nextDown(r.hardLow()), Math.nextUp(r.hardHigh())));
            for (int k = -2000; k <= 4000; k++) {
                values.add(span * k / 1000.0);
                values.add(span * 1e-3 * k / 1000.0);
                values.add(span * 1e3 * k / 1000.0);
            }
            for (double v : values) {
                if (ScenarioRanges.silent(r, v)) {
                    silent++;
                    assertThat(check(r, v).all()).as("%s = %s", f.getName(), v).isEmpty();
                }
            }
            assertThat(silent).as(f.getName()).isPositive();
        }
        assertThat(ranges).isGreaterThan(20);
    }
}
