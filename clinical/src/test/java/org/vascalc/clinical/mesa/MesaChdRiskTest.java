package org.vascalc.clinical.mesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.clinical.Profiles;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.patient.Sex;

class MesaChdRiskTest {

    /** CVrisk tests/testthat/test-chd_10y_mesa*.R: male 70, Hispanic, SBP 130 treated, HDL 50, TC 190. */
    private static final RiskInput CVRISK = Profiles.of(70, Sex.MALE, Race.HISPANIC, 190, 50, 130, true, false,
            false, false);

    @Test
    void reproducesCvriskVectorWithoutCac() {
        // published to 2 dp in percent: tolerance half a unit of the last digit
        assertThat(MesaChdRisk.withoutCac().compute(CVRISK).riskPercent()).isCloseTo(8.61, within(0.005));
    }

    @Test
    void reproducesCvriskVectorWithCacZero() {
        assertThat(MesaChdRisk.withCac().compute(CVRISK.withCac(0)).riskPercent()).isCloseTo(3.06, within(0.005));
    }

    @Test
    void riskRisesWithCacAgeAndSystolicPressure() {
        MesaChdRisk cac = MesaChdRisk.withCac();
        double previous = -1;
        for (double score : new double[] {0, 1, 10, 100, 300, 1000, 4000}) {
            double r = cac.compute(CVRISK.withCac(score)).risk();
            assertThat(r).isGreaterThan(previous);
            previous = r;
        }
        for (MesaChdRisk s : new MesaChdRisk[] {MesaChdRisk.withoutCac(), MesaChdRisk.withCac()}) {
            RiskInput base = CVRISK.withCac(50);
            assertThat(s.compute(base.withAge(71)).risk()).isGreaterThan(s.compute(base).risk());
            assertThat(s.compute(base.withSystolicBp(140)).risk()).isGreaterThan(s.compute(base).risk());
        }
    }

    @Test
    void refusesAgeOutsideMesaAndNamesTheRange() {
        assertThatThrownBy(() -> MesaChdRisk.withoutCac().compute(CVRISK.withAge(40)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("age = 40 years")
                .hasMessageContaining("45 to 85 years");
    }

    @Test
    void withCacModelNeedsAScore() {
        assertThatThrownBy(() -> MesaChdRisk.withCac().compute(CVRISK))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a coronary calcium score");
    }

    @Test
    void warnsWhenCholesterolIsOutsideTheDerivationRange() {
        var r = MesaChdRisk.withoutCac().compute(CVRISK.withTotalCholesterol(350));
        assertThat(r.warnings()).singleElement().satisfies(w ->
                assertThat(w.message()).contains("total cholesterol = 350 mg/dL").contains("130 to 320 mg/dL"));
    }
}
