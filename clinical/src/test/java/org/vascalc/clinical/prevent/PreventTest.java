package org.vascalc.clinical.prevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vascalc.clinical.Profiles;
import org.vascalc.clinical.input.CreatinineUnit;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.patient.Sex;

class PreventTest {

    static double risk(PreventOutcome o, int years, RiskInput in) {
        return new Prevent(o, years).compute(in).risk();
    }

    /** preventr test-estimate_risk.R vectors (fractions to 3 dp): 10-y and 30-y CVD / ASCVD / HF. */
    @ParameterizedTest(name = "{0} age {1} SBP {2} treated={3} TC {4}")
    @CsvSource({
        "FEMALE, 50, 160, true, 200, 0.147, 0.092, 0.081, 0.530, 0.354, 0.390",
        "MALE, 50, 160, true, 200, 0.163, 0.102, 0.106, 0.514, 0.349, 0.424",
        "FEMALE, 67, 160, true, 200, 0.230, 0.140, 0.147, 0.514, 0.329, 0.390",
        "MALE, 59, 160, true, 200, 0.211, 0.134, 0.146, 0.518, 0.355, 0.433",
        "MALE, 59, 148, true, 200, 0.187, 0.117, 0.127, 0.487, 0.325, 0.402",
        "MALE, 59, 148, false, 200, 0.153, 0.100, 0.102, 0.437, 0.299, 0.350",
        "MALE, 59, 148, false, 189, 0.151, 0.096, 0.102, 0.433, 0.290, 0.350",
    })
    void reproducesPreventrVectors(Sex sex, double age, double sbp, boolean treated, double tc,
                                   double cvd10, double ascvd10, double hf10,
                                   double cvd30, double ascvd30, double hf30) {
        RiskInput in = Profiles.preventDefault(sex).withAge(age).withSystolicBp(sbp)
                .withTreatment(treated, false).withTotalCholesterol(tc);
        // preventr rounds to 3 dp: half a unit of the last digit
        double tol = 0.0005;
        assertThat(risk(PreventOutcome.CVD, 10, in)).isCloseTo(cvd10, within(tol));
        assertThat(risk(PreventOutcome.ASCVD, 10, in)).isCloseTo(ascvd10, within(tol));
        assertThat(risk(PreventOutcome.HF, 10, in)).isCloseTo(hf10, within(tol));
        assertThat(risk(PreventOutcome.CVD, 30, in)).isCloseTo(cvd30, within(tol));
        assertThat(risk(PreventOutcome.ASCVD, 30, in)).isCloseTo(ascvd30, within(tol));
        assertThat(risk(PreventOutcome.HF, 30, in)).isCloseTo(hf30, within(tol));
    }

    @Test
    void reproducesPooledCohortFourDecimalAscvd() {
        // PooledCohort test file, base 10-y ASCVD at the default profile, 4 dp
        assertThat(risk(PreventOutcome.ASCVD, 10, Profiles.preventDefault(Sex.FEMALE))).isCloseTo(0.0920, within(5e-5));
        assertThat(risk(PreventOutcome.ASCVD, 10, Profiles.preventDefault(Sex.MALE))).isCloseTo(0.1019, within(5e-5));
    }

    @Test
    void riskRisesWithAgeAndSystolicPressure() {
        for (Sex sex : Sex.values()) {
            for (Prevent p : Prevent.all()) {
                RiskInput in = Profiles.preventDefault(sex);
                double prev = -1;
                // 30-year risks fall again at older ages (competing death, visible in the preventr
                // vectors: women 50 -> 0.530, 67 -> 0.514), so the age check covers them up to 55 only
                int lastAge = p.id().endsWith("30y") ? 55 : 79;
                for (int age = 30; age <= lastAge; age += 4) {
                    double r = p.compute(in.withAge(age)).risk();
                    assertThat(r).as("%s %s age %d", p.id(), sex, age).isGreaterThan(prev);
                    prev = r;
                }
                // PREVENT is J-shaped below 110 mmHg (the s1 term: low SBP carries more risk), so
                // monotonicity is a property of the model from 110 mmHg up only
                prev = -1;
                for (int sbp = 110; sbp <= 180; sbp += 10) {
                    double r = p.compute(in.withSystolicBp(sbp)).risk();
                    assertThat(r).as("%s %s SBP %d", p.id(), sex, sbp).isGreaterThan(prev);
                    prev = r;
                }
            }
        }
    }

    @Test
    void heartFailureNeedsBmiAndEveryModelNeedsEgfr() {
        RiskInput noBmi = new RiskInput(50, Sex.FEMALE, org.vascalc.clinical.input.Race.WHITE, 200, 45, 160, true,
                false, true, false, false, OptionalDouble.empty(), OptionalDouble.of(90), OptionalDouble.empty(),
                OptionalInt.empty());
        assertThatThrownBy(() -> new Prevent(PreventOutcome.HF, 10).compute(noBmi))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body-mass index");
        assertThat(new Prevent(PreventOutcome.ASCVD, 10).compute(noBmi).risk())
                .isEqualTo(risk(PreventOutcome.ASCVD, 10, Profiles.preventDefault(Sex.FEMALE)));
        RiskInput noEgfr = Profiles.of(50, Sex.FEMALE, org.vascalc.clinical.input.Race.WHITE, 200, 45, 160, true,
                false, true, false);
        assertThatThrownBy(() -> new Prevent(PreventOutcome.CVD, 10).compute(noEgfr))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs eGFR");
    }

    @Test
    void thirtyYearEstimateAboveFiftyNineCarriesAWarning() {
        var r = new Prevent(PreventOutcome.CVD, 30).compute(Profiles.preventDefault(Sex.MALE).withAge(65));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).contains("above age 59"));
    }

    @Test
    void ckdEpi2021MatchesHandComputedValuesAndUnitsRoundTrip() {
        // Hand computation of Inker 2021: woman 50, Scr 0.7 mg/dL -> 142 * 0.9938^50 * 1.012
        double expected = 142 * Math.pow(0.9938, 50) * 1.012;
        assertThat(CkdEpi2021.egfr(0.7, CreatinineUnit.MG_PER_DL, 50, Sex.FEMALE)).isCloseTo(expected, within(1e-9));
        // man 60, Scr 1.8 mg/dL -> 142 * (2)^-1.2 * 0.9938^60
        assertThat(CkdEpi2021.egfr(1.8, CreatinineUnit.MG_PER_DL, 60, Sex.MALE))
                .isCloseTo(142 * Math.pow(2, -1.2) * Math.pow(0.9938, 60), within(1e-9));
        // 88.4 µmol/L is 1 mg/dL
        assertThat(CkdEpi2021.egfr(88.4, CreatinineUnit.UMOL_PER_L, 60, Sex.MALE))
                .isCloseTo(CkdEpi2021.egfr(1.0, CreatinineUnit.MG_PER_DL, 60, Sex.MALE), within(1e-9));
        assertThat(CreatinineUnit.UMOL_PER_L.toMgDl(CreatinineUnit.UMOL_PER_L.fromMgDl(1.37))).isCloseTo(1.37, within(1e-12));
        assertThatThrownBy(() -> CkdEpi2021.egfr(-1, CreatinineUnit.MG_PER_DL, 60, Sex.MALE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("serum creatinine = -1 mg/dL");
    }

    @Test
    void theRiskToolsEgfrRangeHoldsEveryEgfrCkdEpiComputesFromAnAcceptedCreatinine() {
        // guard for RiskInput.EGFR's upper limit (250, above the scenarios' 200): see its javadoc
        double highest = CkdEpi2021.egfr(CkdEpi2021.CREATININE.hardLow(), CreatinineUnit.MG_PER_DL,
                CkdEpi2021.AGE.hardLow(), Sex.MALE);
        assertThat(highest).isCloseTo(246.5, within(0.1)).isGreaterThan(200);
        assertThat(RiskInput.EGFR.allows(highest)).isTrue();
    }

    /**
     * The covariate transforms of Khan 2024 (research note §3.2): nh = (TC − HDL)·0.02586 − 3.5,
     * h = (HDL·0.02586 − 1.3)/0.3, s1/s2 split at 110 mmHg, b1/b2 at 30 kg/m², e1/e2 at 60 mL/min/1.73 m²,
     * and the interactions. The published vectors all have SBP ≥ 148, eGFR 90, diabetes and no statin,
     * so s1, e1, e2, statin × nh and age × diabetes were never anything but 0 there. Values worked by hand.
     */
    @Test
    void theCovariatesFollowThePublishedTransforms() {
        // 65 y (a = 1), TC 200, HDL 50, SBP 100, statin, BMI 35, eGFR 45; no diabetes, smoking or BP drug
        RiskInput low = new RiskInput(65, Sex.FEMALE, Race.WHITE, 200, 50, 100, false, true, false, false, false,
                OptionalDouble.of(35), OptionalDouble.of(45), OptionalDouble.empty(), OptionalInt.empty());
        double nh = 150 * 0.02586 - 3.5;          // 0.379
        double h = (50 * 0.02586 - 1.3) / 0.3;    // -0.02333
        assertTerms(Prevent.terms(low), 1, 1, nh, h, -0.5, -1, 0, 0, 1, 1, 1, 2, 0, 1, 0, nh, nh, h, -1, 0, 0, 1, 1);
        // 45 y (a = -1), TC 180, HDL 60, SBP 150 treated, diabetes, smoker, no BMI, eGFR 90
        RiskInput high = new RiskInput(45, Sex.MALE, Race.WHITE, 180, 60, 150, true, false, true, true, false,
                OptionalDouble.empty(), OptionalDouble.of(90), OptionalDouble.empty(), OptionalInt.empty());
        double nh2 = 120 * 0.02586 - 3.5;         // -0.3968
        double h2 = (60 * 0.02586 - 1.3) / 0.3;   // 0.8387
        assertTerms(Prevent.terms(high), -1, 1, nh2, h2, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, -nh2, -h2, -1, -1, -1, 0, 0);
    }

    /** In the order of {@link PreventCoefficients.Term}, without the constant. */
    private static void assertTerms(double[] x, double... expected) {
        PreventCoefficients.Term[] terms = PreventCoefficients.Term.values();
        for (int i = 0; i < expected.length; i++) {
            assertThat(x[i]).as(terms[i].name()).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(x[PreventCoefficients.Term.CONSTANT.ordinal()]).isEqualTo(1);
    }

    @Test
    void cholesterolOutsideItsRangeIsNamedOnlyByTheModelsThatUseIt() {
        RiskInput highTc = Profiles.preventDefault(Sex.FEMALE).withTotalCholesterol(350);
        assertThat(new Prevent(PreventOutcome.CVD, 10).compute(highTc).warnings())
                .anySatisfy(w -> assertThat(w.message()).contains("total cholesterol = 350 mg/dL"));
        // the heart-failure equations have no lipid term
        assertThat(new Prevent(PreventOutcome.HF, 10).compute(highTc).warnings())
                .noneSatisfy(w -> assertThat(w.message()).contains("total cholesterol"));
    }

    @Test
    void theThirtyYearWarningStartsAboveFiftyNine() {
        Prevent thirty = new Prevent(PreventOutcome.CVD, 30);
        assertThat(thirty.compute(Profiles.preventDefault(Sex.MALE).withAge(59)).warnings())
                .noneSatisfy(w -> assertThat(w.message()).contains("above age 59"));
        assertThat(thirty.compute(Profiles.preventDefault(Sex.MALE).withAge(60)).warnings())
                .anySatisfy(w -> assertThat(w.message()).contains("age = 60 years"));
        assertThat(new Prevent(PreventOutcome.CVD, 10).compute(Profiles.preventDefault(Sex.MALE).withAge(65))
                .warnings()).noneSatisfy(w -> assertThat(w.message()).contains("above age 59"));
    }

    @Test
    void theThirtyYearWarningPrintsTheAgeAsGivenNotRoundedDown() {
        // 59.5 is above 59, so the warning applies; printed as 59 it would contradict itself
        var r = new Prevent(PreventOutcome.CVD, 30).compute(Profiles.preventDefault(Sex.MALE).withAge(59.5));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("age = 59.5 years: PREVENT"));
    }

    @Test
    void eachScoreNamesItsHorizonAndOutcome() {
        var r = new Prevent(PreventOutcome.ASCVD, 30).compute(Profiles.preventDefault(Sex.FEMALE));
        assertThat(r.name()).isEqualTo("PREVENT 30-year ASCVD");
        assertThat(r.outcome()).isEqualTo("ASCVD (CHD death, non-fatal MI, fatal or non-fatal stroke)");
        assertThat(new Prevent(PreventOutcome.HF, 10).name()).isEqualTo("PREVENT 10-year heart failure");
        assertThat(PreventOutcome.CVD.description()).isEqualTo("total CVD (ASCVD or heart failure)");
    }
}
