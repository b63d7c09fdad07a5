package org.vascalc.clinical.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vascalc.clinical.assessment.Assessment;
import org.vascalc.clinical.assessment.ClinicalAssessment;
import org.vascalc.clinical.assessment.ScoreOutcome;
import org.vascalc.core.input.InvalidInputException;

/**
 * A patient file with a calcium score and no lipids or blood pressure resolves (the percentile and CAC-DRS need
 * none of them); one with neither is refused naming both ways out (percentalone). Old API only, so that it ran red
 * on the code before.
 */
class PatientSpecCacAloneTest {

    private static final String CT = "age: 55\nsex: male\nrace: white\n";

    @Test
    void aCalciumScoreAloneResolvesToThePercentileAndCategory() {
        ResolvedPatient p = PatientFiles.parse(CT + "cac: 120\n", false, "ct.yaml").resolve();
        Assessment a = ClinicalAssessment.assess(p.input(), p.notes(), p.scans(), p.context());
        assertThat(a.percentile()).isPresent();
        assertThat(a.cacDrs().orElseThrow().label()).isEqualTo("A2");
        assertThat(a.scores()).noneMatch(s -> s instanceof ScoreOutcome.Computed);
    }

    @Test
    void serialScansAloneResolveToo() {
        ResolvedPatient p = PatientFiles.parse(CT + "scans:\n  - {date: 2019-05-01, agatston: 180}\n"
                + "  - {date: 2024-05-01, agatston: 150}\n", false, "ct.yaml").resolve();
        Assessment a = ClinicalAssessment.assess(p.input(), p.notes(), p.scans(), p.context());
        assertThat(a.serial()).isPresent();
        assertThat(a.percentile()).isPresent();
    }

    @Test
    void withoutAScoreTheMissingFactorsAreNamedWithTheScoreAsTheOtherWay() {
        assertThatThrownBy(() -> PatientFiles.parse(CT, false, "ct.yaml").resolve())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("totalCholesterol: missing: give total cholesterol (mg/dL)")
                .hasMessageContaining("hdlCholesterol: missing").hasMessageContaining("systolicBp: missing")
                .hasMessageContaining("or a coronary calcium score alone for its percentile and CAC-DRS");
    }

    @Test
    void aGivenLipidOutOfRangeIsStillRefusedWithItsUnitAndRange() {
        assertThatThrownBy(() -> PatientFiles.parse(CT + "cac: 120\ntotalCholesterol: 5000\n", false, "ct.yaml")
                .resolve()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("total cholesterol = 5000 mg/dL is outside the allowed range 50 to 700 mg/dL");
    }
}
