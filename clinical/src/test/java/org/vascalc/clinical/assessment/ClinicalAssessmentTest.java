package org.vascalc.clinical.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.clinical.Profiles;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.serial.SerialContext;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.patient.Sex;

class ClinicalAssessmentTest {

    @Test
    void aScoreOutsideItsAgeRangeIsNotApplicableWhileOthersRun() {
        var in = Profiles.preventDefault(Sex.MALE).withAge(35).withCac(0);
        Assessment a = ClinicalAssessment.assess(in, List.of(), List.of(), new SerialContext(Sex.MALE, false, false));
        assertThat(a.scores()).filteredOn(s -> s.id().equals("pce")).singleElement()
                .isInstanceOfSatisfying(ScoreOutcome.NotApplicable.class,
                        n -> assertThat(n.reasons().get(0).message()).contains("40 to 79 years"));
        assertThat(a.scores()).filteredOn(s -> s.id().equals("prevent-ascvd-10y")).singleElement()
                .isInstanceOf(ScoreOutcome.Computed.class);
        assertThat(a.percentile()).isEmpty();
        assertThat(a.percentileProblems()).isNotEmpty();
        assertThat(a.cacDrs().orElseThrow().label()).isEqualTo("A0");
    }

    @Test
    void implausibleInputStopsEverything() {
        var in = Profiles.of(55, Sex.MALE, Race.WHITE, -5, 50, 120, false, false, false, false);
        assertThatThrownBy(() -> ClinicalAssessment.assess(in, List.of(), List.of(),
                new SerialContext(Sex.MALE, false, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("total cholesterol = -5 mg/dL");
    }

    @Test
    void implausibleInputIsRefusedEvenWhenNoScoreApplies() {
        // at 25 every score refuses the age, so none would compute and meet the impossible cholesterol
        var in = Profiles.of(25, Sex.MALE, Race.WHITE, -5, 50, 120, false, false, false, false);
        assertThatThrownBy(() -> ClinicalAssessment.assess(in, List.of(), List.of(),
                new SerialContext(Sex.MALE, false, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("total cholesterol = -5 mg/dL");
    }

    @Test
    void aScoreIsNotApplicableForItsErrorsOnlyNotForItsWarnings() {
        // 35 years refuses the PCE; a total cholesterol of 350 mg/dL is only outside its derivation range
        var in = Profiles.preventDefault(Sex.MALE).withAge(35).withTotalCholesterol(350);
        Assessment a = ClinicalAssessment.assess(in, List.of(), List.of(), new SerialContext(Sex.MALE, false, false));
        assertThat(a.scores()).filteredOn(s -> s.id().equals("pce")).singleElement()
                .isInstanceOfSatisfying(ScoreOutcome.NotApplicable.class, n -> assertThat(n.reasons())
                        .singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("age")));
    }
}
