package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;

/**
 * Every form, given several wrong values at once, lists every problem in the form's order, each named by the label the
 * reader sees by the field (not its parameter name), and shows each message under its field, as /risk does
 * ({@link RiskPageProblemWordsTest}). Review, forty-first session: /compare listed "age: age = 300 years ..." and put
 * the blood-pressure check after the run length, and the selects, the cohort's arms, the scenario's and phantom's text
 * boxes had their errors only in the list.
 */
class RefusedFormPagesTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    /**
     * The refused {@code page} lists exactly the problems {@code expected} (field name, start of its item: "Label:
     * message"), in that order, and shows each item's message (without the label) under its field.
     */
    private static void refusedInOrder(java.net.http.HttpResponse<String> answer, String... expected) {
        assertThat(answer.statusCode()).isEqualTo(400);
        refusedInOrder(answer.body(), expected);
    }

    private static void refusedInOrder(String page, String... expected) {
        List<String> items = RefusedForms.items(page, "problems");
        assertThat(items).as("the problems").hasSize(expected.length / 2);
        for (int i = 0; i < expected.length; i += 2) {
            String field = expected[i];
            String item = items.get(i / 2);
            assertThat(item).as("problem %d", i / 2 + 1).startsWith(expected[i + 1]);
            String message = item.substring(item.indexOf(": ") + 2);
            String under = field.equals("arm") ? RefusedForms.underGroup(page, field) : RefusedForms.under(page, field);
            assertThat(under).as("under the field %s", field).isEqualTo(message);
        }
    }

    @Test
    void theComparisonFormNamesEveryProblemByItsLabelInTheFormsOrder() throws Exception {
        refusedInOrder(SERVER.get("/compare?age=300&sex=x&weight=abc&sbp=120&dbp=130&years=0"),
                "age", "Age: 300 years is outside the allowed range 18 to 110 years",
                "sex", "Sex: 'x' is not one of: female, male",
                "weight", "Body weight: 'abc' is not a number (kg)",
                "dbp", "Diastolic blood pressure: 130 mmHg must be below the systolic 120 mmHg",
                "years", "Simulated years: 0 years is outside the allowed range 1 to 40 years");
    }

    @Test
    void theCohortFormNamesEveryProblemByItsLabelInTheFormsOrder() throws Exception {
        refusedInOrder(SERVER.get("/cohort?population=x&size=2.5&years=20&seed=-1"),
                "population", "Population: 'x' is not one of: mesa, cric, plausible",
                "size", "Members: 2.5 is not a whole number of people",
                "years", "Follow-up: 20 years is outside the allowed range 0.5 to 10 years",
                "seed", "Seed: -1 is outside the allowed range 0 to ",
                "arm", "Arms: no arm is ticked");
        // the unit beside the range, as the other number fields give it (it read only "1 to 200")
        assertThat(RefusedForms.label(SERVER.get("/cohort").body(), "size")).contains("people, 1 to 200");
    }

    @Test
    void thePublishedTrialsFormNamesEveryProblemByItsLabelInTheFormsOrder() throws Exception {
        refusedInOrder(SERVER.get("/trials?trial=nosuch&size=1&seed=abc"),
                "trial", "Trial: 'nosuch' is not one of: ",
                "size", "Members per arm: 1 member per arm is outside the allowed range 2 to ",
                "seed", "Seed: 'abc' is not a number");
    }

    @Test
    void thePhantomFormNamesEveryProblemByItsLabelInTheFormsOrder() throws Exception {
        // the phantom's form comes first on the page, its fields before the upload form's of the same names
        refusedInOrder(SERVER.post("/ct/phantom", "text", "", "convention", "x", "cha", "9"),
                "text", "Phantom spec (YAML or JSON): the phantom spec is empty",
                "convention", "Thresholds: 'x' is not one of: agatston, kv-specific",
                "cha", "Mass calibration c_HA: 9 mg/(cm³·HU) is outside the allowed range 0.1 to 5");
    }

    @Test
    void theUploadFormNamesEveryProblemByItsLabelInTheFormsOrder() throws Exception {
        String page = CtPage.upload(Forms.form("cha", "abc", "convention", "x"), List.of(), List.of()).body();
        String upload = page.substring(page.indexOf("action=\"/ct/score\""));
        assertThat(RefusedForms.items(page, "problems")).hasSize(3);
        refusedInOrder(page.substring(0, page.indexOf("</div>", page.indexOf("class=\"problems\""))) + "</div>" + upload,
                "files", "DICOM files of a non-contrast CT series: no files were uploaded",
                "convention", "Thresholds: 'x' is not one of: agatston, kv-specific",
                "cha", "Mass calibration c_HA: 'abc' is not a number");
    }

    @Test
    void theScenarioFormNamesEveryProblemByItsLabelInTheFormsOrder() throws Exception {
        refusedInOrder(SERVER.post("/scenario", "text", "", "format", "xml", "mode", "slow"),
                "text", "Scenario file (YAML or JSON): the scenario text is empty",
                "format", "Format: 'xml' is not one of: yaml, json",
                "mode", "Mode: 'slow' is not one of: fast, reference");
        refusedInOrder(SERVER.get("/scenario?example=nosuch.yaml"), "example", "Example: 'nosuch.yaml' is not one of the examples (");
    }

    /**
     * A --set line's problem stood only in the list after the form, not under the Parameter changes box (review,
     * forty-first session): now it is in the list at the box's place (after the scenario text's, before the format's),
     * named by its line, and under the box, every line's in the list's order, each on a line of its own. The fake
     * model's catalog: gain, 0.1 to 10.
     */
    @Test
    void aSetLinesProblemStandsUnderTheParameterChangesBoxNamedByItsLine() throws Exception {
        String text = java.nio.file.Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/scenarios/calcium-supplement-vs-food.yaml"));
        var answer = SERVER.post("/scenario", "text", text, "format", "yaml", "mode", "slow", "set", "gian=2\ngain=20\ngain");
        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.body();
        List<String> items = RefusedForms.items(page, "problems");
        assertThat(items).hasSize(4);
        assertThat(items.get(0)).startsWith("--set gian=2: the catalog has no parameter 'gian' (did you mean 'gain'?)");
        assertThat(items.get(1)).startsWith("--set gain=20: gain = 20 (dimensionless) lies outside its plausible range");
        assertThat(items.get(2)).startsWith("--set gain: expected NAME=VALUE");
        assertThat(items.get(3)).isEqualTo("Mode: 'slow' is not one of: fast, reference");
        // one line each under the box (they were joined by "; ", dense when a message holds semicolons itself:
        // review, forty-second session), escaped as the list escapes them
        assertThat(RefusedForms.underEach(page, "set")).containsExactlyElementsOf(items.subList(0, 3));
        assertThat(page).contains("<span class=\"field-problem\" aria-hidden=\"true\">--set gian=2: the catalog has no "
                + "parameter &#39;gian&#39; (did you mean &#39;gain&#39;?); docs/model/parameters.md lists them</span>");
        org.jsoup.nodes.Element box = org.jsoup.Jsoup.parse(page).selectFirst("textarea[name=set]");
        assertThat(box.attr("aria-invalid")).isEqualTo("true");
        assertThat(box.attr("aria-describedby")).isEqualTo("problem-1 problem-2 problem-3");
    }
}
