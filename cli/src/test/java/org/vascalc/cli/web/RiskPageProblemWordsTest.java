package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;

/**
 * The risk page's problems and notes are named by the form's labels and listed in the form's order (review,
 * fortieth session: the note read "cac: cac = 120 AU differs ...", and a refused form listed tc, scan1Score,
 * scan1Date, age, creatinine, while the form goes age, cholesterol, creatinine, scans).
 */
class RiskPageProblemWordsTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    @Test
    void theNoteOnADifferentScoreNamesTheFieldByItsLabel() throws Exception {
        // cac 120 with two dated scans, the latest 50: PatientSpec notes that cac is not the latest score
        String page = SERVER.get("/risk?age=55&sex=female&race=white&tc=200&hdl=50&sbp=120&cac=120&cacVessels=2"
                + "&scan1Date=2019-01-01&scan1Score=40&scan2Date=2021-01-01&scan2Score=50").body();
        List<String> notes = RefusedForms.items(page, "warnings");
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("Coronary calcium score: 120 AU differs from the"
                + " latest scan's score (50 AU, 2021-01-01)"));
        // no parameter name of the form (cac, cacVessels, tc, ...) as a word of any note
        for (String n : notes) {
            for (String field : RiskPage.PARAMETERS) {
                assertThat(n).as("note %s", n).doesNotContainPattern("(?<![\\w-])" + field + "(?![\\w-])");
            }
        }
    }

    @Test
    void theProblemsAreListedInTheFormsOrderEachByItsLabel() throws Exception {
        String page = SERVER.get("/risk?age=150&sex=female&race=white&tc=abc&hdl=50&sbp=120&creatinine=40"
                + "&scan1Date=2019-13-01&scan1Score=-5&lipidUnit=x").body();
        assertThat(RefusedForms.items(page, "problems")).containsExactly(
                "Age: 150 years is outside the allowed range 18 to 110 years",
                "Total cholesterol: 'abc' is not a number; the allowed range is 50 to 700 mg/dL (1.3 to 18.1 mmol/L)",
                "Lipid unit: 'x' is not one of: mg/dL, mmol/L (or mgdl, mmol)",
                "Serum creatinine: 40 mg/dL is outside the allowed range 0.1 to 25 mg/dL; if it is in µmol/L, give the"
                        + " creatinine unit as umol/L",
                "Scan 1 date: '2019-13-01' is not an ISO date (YYYY-MM-DD)",
                "Scan 1 score: -5 Agatston units is outside the allowed range 0 to 50000 Agatston units");
    }

    /**
     * review18: text in a number field was "Age: 'sixty' is not a number (years)", the allowed values left to the
     * field's hint, which the list of problems at the foot of the page does not show; each now says its range, in the
     * words of the field's hint (the cholesterols and creatinine in both units, since the unit is another field).
     */
    @Test
    void textInEachNumberFieldIsToldTheFieldsAllowedRange() throws Exception {
        String page = SERVER.get("/risk?age=sixty&sex=female&race=white&tc=high&hdl=ok&sbp=x&bmi=y&egfr=z&creatinine=c"
                + "&cac=a&cacVessels=b&scan1Date=2019-01-01&scan1Score=s&scan2Date=2021-01-01&scan2Score=50").body();
        assertThat(RefusedForms.items(page, "problems")).containsExactly(
                "Age: 'sixty' is not a number (years); the allowed range is 18 to 110 years",
                "Total cholesterol: 'high' is not a number; the allowed range is 50 to 700 mg/dL (1.3 to 18.1 mmol/L)",
                "HDL cholesterol: 'ok' is not a number; the allowed range is 5 to 200 mg/dL (0.13 to 5.17 mmol/L)",
                "Systolic blood pressure: 'x' is not a number (mmHg); the allowed range is 60 to 280 mmHg",
                "Body-mass index: 'y' is not a number (kg/m²); the allowed range is 10 to 90 kg/m²",
                "eGFR: 'z' is not a number (mL/min/1.73 m²); the allowed range is 1 to 250 mL/min/1.73 m²",
                "Serum creatinine: 'c' is not a number; the allowed range is 0.1 to 25 mg/dL (8.84 to 2210 µmol/L)",
                "Coronary calcium score: 'a' is not a number (Agatston units); the allowed range is 0 to 50000 Agatston units",
                "Arteries with calcium: 'b' is not a number; the allowed range is 0 to 4",
                "Scan 1 score: 's' is not a number (Agatston units); the allowed range is 0 to 50000 Agatston units");
    }

    /** leftovers23: an HDL typed in mmol/L is told its mg/dL value, in the words of the CLI and the library. */
    @Test
    void anHdlTypedInMmolPerLIsToldItsValueInMgPerDl() throws Exception {
        String page = SERVER.get("/risk?age=55&sex=female&race=white&tc=213&hdl=1.3&sbp=120").body();
        assertThat(RefusedForms.items(page, "problems")).containsExactly("HDL cholesterol: 1.3 mg/dL is outside the "
                + "allowed range 5 to 200 mg/dL; if it is in mmol/L, 1.3 mmol/L is 50 mg/dL: give the lipid unit as mmol/L");
    }

    @Test
    void aScanAfterTodayAndAScanWithoutItsScoreAreNamedByTheirLabels() throws Exception {
        // review10: the web took 2030 and 2031 without a word, and a date without a score was refused as needing
        // "an agatston score", the patient file's key in lower case, under "Scan 3 score"
        String page = SERVER.get("/risk?age=150&sex=female&race=white&tc=200&hdl=50&sbp=120"
                + "&scan1Date=2999-01-01&scan1Score=40&scan2Date=2021-01-01").body();
        List<String> problems = RefusedForms.items(page, "problems");
        assertThat(problems).anySatisfy(n -> assertThat(n).startsWith("Age: 150 years"));
        assertThat(problems).anySatisfy(n -> assertThat(n)
                .startsWith("Scan 1 date: 2999-01-01 is after today: allowed on or before 20"));
        assertThat(problems).contains("Scan 2 score: missing: give the Agatston score (Agatston units, 0 to "
                + "50000)");
        assertThat(page).doesNotContain("agatston score");
    }
}
