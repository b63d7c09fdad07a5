package org.vascalc.clinical.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.patient.Sex;

class RiskInputTest {

    private static InputProblems problems(RiskInput in) {
        InputProblems p = new InputProblems();
        in.checkPlausible(p);
        return p;
    }

    private static RiskInput withOptional(double tc, double hdl, double bmi, double egfr, double cac, int vessels) {
        return new RiskInput(55, Sex.MALE, Race.WHITE, tc, hdl, 120, false, false, false, false, false,
                OptionalDouble.of(bmi), OptionalDouble.of(egfr), OptionalDouble.of(cac), OptionalInt.of(vessels));
    }

    @Test
    void everyOptionalValueIsCheckedWhenGivenAndNamedByItsField() {
        assertThat(problems(withOptional(200, 50, 25, 90, 100, 2)).all()).isEmpty();
        InputProblems p = problems(withOptional(200, 50, 5, 300, -1, 5));
        assertThat(p.all()).extracting(InputProblem::path).containsExactly("bmi", "egfr", "cac", "cacVessels");
        assertThat(p.all()).extracting(InputProblem::message).anySatisfy(m ->
                assertThat(m).contains("body-mass index = 5 kg/m²").contains("10 to 90 kg/m²"));
        assertThat(p.all()).extracting(InputProblem::message).anySatisfy(m ->
                assertThat(m).contains("eGFR = 300").contains("1 to 250"));
        assertThat(p.all()).extracting(InputProblem::message).anySatisfy(m ->
                assertThat(m).contains("coronary artery calcium = -1 Agatston units").contains("0 to 50000"));
        assertThat(p.all()).extracting(InputProblem::message).anySatisfy(m ->
                assertThat(m).contains("number of coronary arteries with calcium = 5").contains("0 to 4"));
    }

    @Test
    void hdlAtOrAboveTotalCholesterolIsAnErrorUnlessTotalIsItselfImplausible() {
        assertThat(problems(withOptional(140, 150, 25, 90, 0, 0)).all()).singleElement().satisfies(q -> {
            assertThat(q.path()).isEqualTo("hdlCholesterol");
            assertThat(q.message()).contains("HDL cholesterol (150 mg/dL) must be below total cholesterol (140 mg/dL)");
        });
        assertThat(problems(withOptional(140, 140, 25, 90, 0, 0)).all()).singleElement()
                .extracting(InputProblem::path).isEqualTo("hdlCholesterol");
        assertThat(problems(withOptional(140, 139, 25, 90, 0, 0)).all()).isEmpty();
        // a total of 40 mg/dL is named by itself; "HDL above total" would only repeat the same mistake
        assertThat(problems(withOptional(40, 45, 25, 90, 0, 0)).all()).singleElement()
                .extracting(InputProblem::path).isEqualTo("totalCholesterol");
    }

    /**
     * {@link RiskInput#of} says "add the rest with the with... methods", but eGFR, BMI, family history, the number
     * of arteries with calcium and HDL had none: a library user could not give PREVENT its eGFR but through the
     * fifteen-argument constructor (review10). Each method sets its own value and leaves every other as it was.
     */
    @Test
    void everyOptionalValueHasAWithMethodThatChangesOnlyItself() {
        RiskInput base = RiskInput.of(55, Sex.FEMALE, Race.WHITE, 200, 55, 130).withCac(120);
        RiskInput full = base.withEgfr(85).withBmi(27).withFamilyHistory(true).withCacVessels(2).withHdlCholesterol(48);
        assertThat(full).isEqualTo(new RiskInput(55, Sex.FEMALE, Race.WHITE, 200, 48, 130, false, false, false, false,
                true, OptionalDouble.of(27), OptionalDouble.of(85), OptionalDouble.of(120), OptionalInt.of(2)));
        assertThat(base.withEgfr(60).egfrMlMin173()).isEqualTo(OptionalDouble.of(60));
        assertThat(base.withEgfr(60).withBmi(31)).isEqualTo(base.withBmi(31).withEgfr(60));
        assertThat(base.withFamilyHistory(true).withFamilyHistory(false)).isEqualTo(base);
    }

    /**
     * leftovers23 (review17's Left 6): the library's check of an HDL or total cholesterol typed in mmol/L said only
     * "outside the allowed range"; it now gives the hint of the command line, the web form and scenario files (one
     * source, {@code RiskFactors.mmolPerLHint}), and no hint where mmol/L does not explain the value.
     */
    @Test
    void aCholesterolTypedInMmolPerLIsToldWhatItIsInMgPerDl() {
        InputProblems p = problems(RiskInput.of(55, Sex.MALE, Race.WHITE, 5.4, 1.3, 120));
        assertThat(p.all()).extracting(InputProblem::path).containsExactly("totalCholesterol", "hdlCholesterol");
        assertThat(p.all().get(0).message()).isEqualTo("total cholesterol = 5.4 mg/dL is outside the allowed range 50 to "
                + "700 mg/dL; if it is in mmol/L, 5.4 mmol/L is 209 mg/dL (LipidUnit.MMOL_PER_L.toMgDl converts)");
        assertThat(p.all().get(1).message()).isEqualTo("HDL cholesterol = 1.3 mg/dL is outside the allowed range 5 to "
                + "200 mg/dL; if it is in mmol/L, 1.3 mmol/L is 50 mg/dL (LipidUnit.MMOL_PER_L.toMgDl converts)");
        assertThat(problems(RiskInput.of(55, Sex.MALE, Race.WHITE, 213, 1.3, 120)).all().get(0).message())
                .contains("1.3 mmol/L is 50 mg/dL");
        // fits neither unit (9000 mg/dL, 0.01 mmol/L = 0.4 mg/dL): refused without a hint
        assertThat(problems(RiskInput.of(55, Sex.MALE, Race.WHITE, 9000, 0.01, 120)).all())
                .extracting(InputProblem::message).allSatisfy(m -> assertThat(m).doesNotContain("mmol/L"));
    }
}
