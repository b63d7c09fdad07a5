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
                "Total cholesterol: 'abc' is not a number",
                "Lipid unit: 'x' is not one of: mg/dL, mmol/L (or mgdl, mmol)",
                "Serum creatinine: 40 mg/dL is outside the allowed range 0.1 to 25 mg/dL; if it is in µmol/L, give the"
                        + " creatinine unit as umol/L",
                "Scan 1 date: '2019-13-01' is not an ISO date (YYYY-MM-DD)",
                "Scan 1 score: -5 Agatston units is outside the allowed range 0 to 50000 Agatston units");
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
