package org.vascalc.clinical.mesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.OptionalInt;
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

    /**
     * Every term of McClelland 2015 Table 2 (research note §2.a), read back from the published model
     * itself: with {@code 1 − risk = S0^exp(LP)}, two people who differ in one input have
     * {@code ln(ln(1 − r1) / ln(1 − r0)) = ΔLP = β·Δx}. The CVrisk vector covers only a Hispanic man on
     * blood-pressure treatment, so a term that is 0 or 1 there (Chinese, Black, diabetes, smoking,
     * lipid-lowering, family history, female sex) was never checked. Base: a white woman, every flag off.
     */
    @Test
    void eachTermMovesTheLinearPredictorByItsPublishedCoefficient() {
        RiskInput base = person(Sex.FEMALE, Race.WHITE, false, false, false, false, false);
        double[][] expected = {
            // without CAC, with CAC (Table 2)
            {0.7496, 0.4079},   // male
            {-0.5055, -0.3475}, // Chinese
            {-0.2111, 0.0353},  // Black
            {-0.1900, -0.0222}, // Hispanic
            {0.5168, 0.3892},   // diabetes
            {0.4732, 0.3717},   // current smoker
            {0.2473, 0.1206},   // lipid-lowering medication
            {0.3381, 0.2278},   // antihypertensive medication
            {0.4522, 0.3239},   // family history
            {10 * 0.0455, 10 * 0.0172},   // age + 10 years
            {20 * 0.0053, 20 * 0.0043},   // total cholesterol + 20 mg/dL
            {10 * -0.0140, 10 * -0.0114}, // HDL + 10 mg/dL
            {10 * 0.0085, 10 * 0.0066},   // systolic pressure + 10 mmHg
        };
        RiskInput[] changed = {
            person(Sex.MALE, Race.WHITE, false, false, false, false, false),
            person(Sex.FEMALE, Race.CHINESE, false, false, false, false, false),
            person(Sex.FEMALE, Race.BLACK, false, false, false, false, false),
            person(Sex.FEMALE, Race.HISPANIC, false, false, false, false, false),
            person(Sex.FEMALE, Race.WHITE, true, false, false, false, false),
            person(Sex.FEMALE, Race.WHITE, false, true, false, false, false),
            person(Sex.FEMALE, Race.WHITE, false, false, true, false, false),
            person(Sex.FEMALE, Race.WHITE, false, false, false, true, false),
            person(Sex.FEMALE, Race.WHITE, false, false, false, false, true),
            base.withAge(70),
            base.withTotalCholesterol(210),
            new RiskInput(60, Sex.FEMALE, Race.WHITE, 190, 60, 130, false, false, false, false, false,
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty()),
            base.withSystolicBp(140),
        };
        for (int i = 0; i < changed.length; i++) {
            assertThat(deltaLp(MesaChdRisk.withoutCac(), base, changed[i])).as("term %d without CAC", i)
                    .isCloseTo(expected[i][0], within(1e-9));
            assertThat(deltaLp(MesaChdRisk.withCac(), base.withCac(50), changed[i].withCac(50)))
                    .as("term %d with CAC", i).isCloseTo(expected[i][1], within(1e-9));
        }
        // ln(CAC + 1): from 0 to e² − 1 AU the predictor rises by 2 × 0.2743
        assertThat(deltaLp(MesaChdRisk.withCac(), base.withCac(0), base.withCac(Math.exp(2) - 1)))
                .isCloseTo(2 * 0.2743, within(1e-9));
    }

    @Test
    void onlyTheCacModelListsLnCacAmongTheInputsUsed() {
        RiskInput in = CVRISK.withCac(99);
        assertThat(MesaChdRisk.withoutCac().compute(in).inputsUsed()).doesNotContainKey("ln_cac_plus_1");
        assertThat(MesaChdRisk.withCac().compute(in).inputsUsed().get("ln_cac_plus_1"))
                .isCloseTo(Math.log(100), within(1e-12));
        assertThat(MesaChdRisk.withoutCac().id()).isEqualTo("mesa-chd");
        assertThat(MesaChdRisk.withCac().id()).isEqualTo("mesa-chd-cac");
        assertThat(MesaChdRisk.withCac().name()).isEqualTo("MESA CHD risk (with CAC)");
    }

    /** 60-year-old, TC 190, HDL 50, SBP 130: inside every derivation range. */
    private static RiskInput person(Sex sex, Race race, boolean diabetes, boolean smoker, boolean lipidLowering,
                                    boolean bpTreated, boolean familyHistory) {
        return new RiskInput(60, sex, race, 190, 50, 130, bpTreated, lipidLowering, diabetes, smoker, familyHistory,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }

    private static double deltaLp(MesaChdRisk score, RiskInput from, RiskInput to) {
        return Math.log(Math.log1p(-score.compute(to).risk()) / Math.log1p(-score.compute(from).risk()));
    }

    @Test
    void refusesARaceItWasNotDerivedOn() {
        assertThatThrownBy(() -> MesaChdRisk.withoutCac().compute(CVRISK.withSexAndRace(Sex.MALE, Race.OTHER)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("race = other: MESA CHD risk (without CAC) was derived on white, Black, Chinese"
                        + " and Hispanic participants only");
    }
}
