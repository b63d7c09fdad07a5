package org.vascalc.clinical.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.mesa.MesaCacPercentile;
import org.vascalc.clinical.pce.PooledCohortEquations;
import org.vascalc.clinical.serial.SerialContext;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.patient.Sex;

/**
 * A CT report alone (age, sex, race, calcium score): the percentile and CAC-DRS are computed, every risk score is
 * reported as not computed naming what it needs, and a value that is given is still checked (percentalone).
 */
class CacAloneTest {

    private static final SerialContext MAN = new SerialContext(Sex.MALE, false, false);

    @Test
    void theScoreAloneGivesThePercentileAndCategoryAndEveryRiskScoreSaysWhatItNeeds() {
        Assessment a = ClinicalAssessment.assess(RiskInput.forCacPercentile(55, Sex.MALE, Race.WHITE, 120), List.of(),
                List.of(), MAN);
        assertThat(a.percentile().orElseThrow().percentile())
                .isEqualTo(MesaCacPercentile.of(55, Sex.MALE, Race.WHITE, 120).percentile());
        assertThat(a.cacDrs().orElseThrow().label()).isEqualTo("A2");
        assertThat(a.scores()).hasSize(ClinicalAssessment.scores().size())
                .allSatisfy(s -> assertThat(s).isInstanceOf(ScoreOutcome.NotComputed.class));
        assertThat(a.anyScoreNotComputed()).isTrue();
        assertThat(a.factorsNeeded()).extracting(InputProblem::path)
                .containsExactly("totalCholesterol", "hdlCholesterol", "systolicBp");
        assertThat(a.scores()).filteredOn(s -> s.id().equals("pce")).singleElement()
                .isInstanceOfSatisfying(ScoreOutcome.NotComputed.class, n -> assertThat(n.needs())
                        .extracting(InputProblem::message).first().asString()
                        .contains("not computed").contains("total cholesterol (50 to 700 mg/dL)"));
    }

    @Test
    void aScoreAskedDirectlyRefusesNamingWhatItNeedsNotAnNaN() {
        RiskInput ct = RiskInput.forCacPercentile(55, Sex.MALE, Race.WHITE, 120);
        assertThatThrownBy(() -> new PooledCohortEquations().compute(ct)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("totalCholesterol").hasMessageContaining("hdlCholesterol")
                .hasMessageContaining("systolicBp").hasMessageContaining("not computed");
    }

    @Test
    void aValueGivenIsStillCheckedWhenTheOthersAreMissing() {
        RiskInput ct = RiskInput.forCacPercentile(55, Sex.MALE, Race.WHITE, 120).withTotalCholesterol(-5);
        assertThatThrownBy(() -> ClinicalAssessment.assess(ct, List.of(), List.of(), MAN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("totalCholesterol").hasMessageContaining("total cholesterol = -5 mg/dL")
                .hasMessageContaining("50 to 700 mg/dL");
    }

    @Test
    void aScoreNeedingOnlyWhatIsGivenIsComputedAndTheOthersNameWhatTheyLack() {
        // PREVENT heart failure uses no lipids (its coefficients for them are 0): pressure, eGFR and BMI suffice
        RiskInput in = RiskInput.forCacPercentile(55, Sex.MALE, Race.WHITE, 120).withSystolicBp(130).withEgfr(85)
                .withBmi(27);
        Assessment a = ClinicalAssessment.assess(in, List.of(), List.of(), MAN);
        assertThat(a.scores()).filteredOn(s -> s.id().equals("prevent-hf-10y")).singleElement()
                .isInstanceOf(ScoreOutcome.Computed.class);
        assertThat(a.factorsNeeded()).extracting(InputProblem::path)
                .containsExactly("totalCholesterol", "hdlCholesterol");
    }

    @Test
    void aFullInputComputesEveryScoreItDidBefore() {
        RiskInput full = RiskInput.of(55, Sex.MALE, Race.WHITE, 213, 50, 120).withCac(120).withEgfr(85).withBmi(27);
        Assessment a = ClinicalAssessment.assess(full, List.of(), List.of(), MAN);
        assertThat(a.anyScoreNotComputed()).isFalse();
        assertThat(a.factorsNeeded()).isEmpty();
        assertThat(a.scores()).allSatisfy(s -> assertThat(s).isInstanceOf(ScoreOutcome.Computed.class));
    }
}
