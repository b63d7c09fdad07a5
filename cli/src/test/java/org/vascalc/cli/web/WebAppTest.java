package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.cli.VasCalc;
import org.vascalc.cli.clinical.InputEnvelopes;
import org.vascalc.cli.report.ChartKey;
import org.vascalc.clinical.assessment.ClinicalAssessment;
import org.vascalc.clinical.assessment.ScoreOutcome;
import org.vascalc.clinical.io.PatientSpec;
import org.vascalc.clinical.io.ResolvedPatient;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.flagship.FlagshipComparison;
import org.vascalc.simulation.scenario.ScenarioRanges;

/** The web app over real HTTP on a free loopback port, with the test double of the model. */
class WebAppTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return SERVER.get(pathAndQuery);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The response's body read as JSON (the API's answers). */
    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** The fields an API answer names as problems, in its order. */
    private static List<String> problemFields(HttpResponse<String> r) throws IOException {
        List<String> fields = new ArrayList<>();
        json(r).get("problems").forEach(x -> fields.add(x.get("field").asText()));
        return fields;
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("content-type").orElse("");
    }

    @Test
    void homeLinksEveryTool() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("text/html");
        assertThat(r.body()).contains("href=\"/compare\"").contains("href=\"/risk\"").contains("href=\"/about\"");
        // the documents had no way in but /about's last paragraph (review9)
        assertThat(r.body()).contains("href=\"/scenario\"").contains("href=\"/ct\"").contains("href=\"/docs\"");
    }

    @Test
    void compareFormAloneRunsNothing() throws Exception {
        HttpResponse<String> r = get("/compare");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<form").doesNotContain("data:image/png").doesNotContain("Please correct");
    }

    @Test
    void compareNamesEveryBadFieldWithValueUnitAndRange() throws Exception {
        HttpResponse<String> r = get("/compare?age=150&weight=abc&sbp=120&dbp=130&years=1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("Age: 150 years is outside the allowed range 18 to 110 years")
                .contains("Body weight: &#39;abc&#39; is not a number (kg)")
                .contains("Diastolic blood pressure: 130 mmHg must be below the systolic 120 mmHg")
                .contains("value=\"150\"")
                .doesNotContain("data:image/png");
        HttpResponse<String> api = get("/api/compare?years=0.5");
        assertThat(api.statusCode()).isEqualTo(400);
        JsonNode body = json(api);
        assertThat(body.get("problems").get(0).get("field").asText()).isEqualTo("years");
        assertThat(body.get("problems").get(0).get("message").asText())
                .isEqualTo("simulated years = 0.5 years is outside the allowed range 1 to 40 years");
    }

    @Test
    void compareShowsChartsAndTheApiReportsWhatTheLibraryComputes() throws Exception {
        String q = "?age=55&sex=male&weight=80&height=178&egfr=70&sbp=140&dbp=85&tc=220&hdl=45&smoker=true&years=1";
        HttpResponse<String> page = get("/compare" + q);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data:image/png;base64,").contains("Food + supplement + MK-7")
                .contains("value=\"55\"");

        HttpResponse<String> api = get("/api/compare" + q);
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = json(api);
        assertThat(body.get("arms")).hasSize(3);

        Patient same = new Patient("web", 55, Sex.MALE, 80, 178, 70, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new RiskFactors(220, 45, 140, 85, true, false, RiskFactors.typical().hsCrpMgL()));
        FlagshipComparison.Results direct = new FlagshipComparison(same, 1).run(new FakeModel(), ProgressListener.NONE);
        for (int i = 0; i < 3; i++) {
            double expected = direct.longRuns().get(i).trajectory().last("serumCalciumTotal");
            assertThat(body.get("arms").get(i).get("endOfRun").get("serumCalciumTotal").asDouble()).isEqualTo(expected);
            assertThat(body.get("arms").get(i).get("label").asText()).isEqualTo(direct.arms().get(i).label());
        }
    }

    @Test
    void riskApiMatchesTheClinicalLibraryAndThePageShowsIt() throws Exception {
        String q = "?age=58&sex=male&race=white&tc=5.4&hdl=1.2&lipidUnit=mmol/L&sbp=138&bpTreated=true&bmi=27"
                + "&egfr=85&cac=120&cacVessels=2";
        HttpResponse<String> api = get("/api/risk" + q);
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = json(api);

        ResolvedPatient p = new PatientSpec(58.0, "male", "white", 5.4, 1.2, "mmol/L", 138.0, true, false, false, false,
                false, 27.0, 85.0, null, null, 120.0, 2, false, List.of()).resolve();
        var direct = ClinicalAssessment.assess(p.input(), p.notes(), p.scans(), p.context());
        int computed = 0;
        for (int i = 0; i < direct.scores().size(); i++) {
            if (direct.scores().get(i) instanceof ScoreOutcome.Computed c) {
                assertThat(body.get("scores").get(i).get("risk").asDouble()).isEqualTo(c.estimate().risk());
                computed++;
            }
        }
        assertThat(computed).isGreaterThan(2);
        assertThat(body.get("cacDrs").asText()).isEqualTo(direct.cacDrs().orElseThrow().label());

        HttpResponse<String> page = get("/risk" + q + "&scan1Date=2019-05-01&scan1Score=180&scan2Date=2024-05-01&scan2Score=150");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("MESA CAC percentile").contains("CAC-DRS").contains("Serial scans")
                .contains("2019-05-01 to 2024-05-01");
        // review15: "its reference scores within 13" beside AU read as 13 AU; it is percentile points
        assertThat(page.body()).contains("its reference scores within 13 percentile points (up to 410 AU apart;");
        assertThat(page.body()).as("each scan's date and score in one row of their own box")
                .containsPattern("<legend>Dated calcium scans[^<]*</legend><div [^>]*>(<label>Scan [123] (date|score).*?</label>){6}</div>");
        assertThat(page.body()).as("a risk and its %% sign stay on one line in the narrow Risk column")
                .containsPattern("<td class=\"text\">[0-9.]+\u00a0%</td>").doesNotContainPattern("<td class=\"text\">[0-9.]+ %</td>");
    }

    /**
     * A request in another accepted spelling (sex=m, race=aa, lipidUnit=mmol, creatinineUnit=umol) is
     * answered for what it means, and the form beside the answer shows that choice: it showed the
     * first option of each list (female, white, mg/dL), so "Assess" again answered for another person.
     */
    @Test
    void theFormShowsTheChoiceAnAbbreviatedRequestMeans() throws Exception {
        HttpResponse<String> risk = get("/risk?age=58&sex=m&race=aa&tc=5.4&hdl=1.2&lipidUnit=mmol&sbp=138"
                + "&creatinine=90&creatinineUnit=umol");
        assertThat(risk.statusCode()).isEqualTo(200);
        assertThat(selected(risk.body())).containsExactly("male", "black", "mmol/L", "umol/L");
        HttpResponse<String> compare = get("/compare?sex=M&years=1");
        assertThat(compare.statusCode()).as("compare takes the spellings risk takes").isEqualTo(200);
        assertThat(selected(compare.body())).containsExactly("male");
        HttpResponse<String> api = get("/api/compare?sex=man&years=1");
        assertThat(json(api).get("person").get("sex").asText()).isEqualTo("male");
    }

    /**
     * Sex and race are required (as on the command line), yet the empty /risk form came with female and
     * white selected: a user who filled in the numbers only was assessed as a white woman. The form now
     * asks ("choose"), and a submission without them names both as missing.
     */
    @Test
    void theRiskFormAsksForSexAndRaceInsteadOfAssumingThem() throws Exception {
        HttpResponse<String> empty = get("/risk");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(selected(empty.body())).containsExactly("", "", "mg/dL", "mg/dL");
        assertThat(empty.body()).contains("<option value=\"\" selected>choose</option>");
        HttpResponse<String> unchosen = get("/risk?age=55&sex=&race=&tc=213&hdl=50&sbp=120");
        assertThat(unchosen.statusCode()).isEqualTo(400);
        assertThat(unchosen.body()).contains(">Sex: missing").contains(">Race (as the equations define it): missing");
    }

    private static List<String> selected(String html) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(html);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    @Test
    void riskListsEveryMissingOrBadField() throws Exception {
        HttpResponse<String> r = get("/api/risk?age=forty&sex=x");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("age = 'forty' is not a number (years)")
                .as("one wording for every non-number, as on /compare").doesNotContain("age (years)");
        HttpResponse<String> page = get("/risk?age=45&sex=x&race=white");
        assertThat(page.statusCode()).isEqualTo(400);
        // named by the form's labels, in its order (RiskPageProblemWordsTest)
        assertThat(page.body()).contains(">Sex: &#39;x&#39; is not one of: female, male")
                .contains(">Total cholesterol: missing: give total cholesterol").contains(">Systolic blood pressure: missing")
                .as("problems are named by the form's fields").doesNotContain("totalCholesterol");
    }

    /** A yes/no field with another value was read as yes; now it is named as a problem. */
    @Test
    void aYesNoFieldWithAnotherValueIsAProblemNotASilentYes() throws Exception {
        assertThat(get("/api/compare?sex=robot").body()).as("one wording for a bad choice, the library's (risk: 'sex = ... is not one of: female, male')")
                .contains("sex = 'robot' is not one of: female, male");
        HttpResponse<String> c = get("/api/compare?smoker=maybe&diabetes=0");
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(c.body()).contains("current smoker = 'maybe' is not yes or no (true/false, on/off, 1/0)")
                .doesNotContain("\"diabetes\"");
        HttpResponse<String> r = get("/api/risk?age=55&sex=male&race=white&tc=200&hdl=50&sbp=120&statin=perhaps&smoker=TRUE");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problems = json(r).get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("field").asText()).isEqualTo("statin");
        assertThat(get("/api/risk?age=55&sex=male&race=white&tc=200&hdl=50&sbp=120&statin=on&smoker=TRUE").statusCode())
                .isEqualTo(200);
    }

    /** One answer names every problem: the values that are not numbers and the library's own checks alike. */
    @Test
    void riskNamesNonNumbersAndOtherProblemsInOneAnswerByTheFormsFieldNames() throws Exception {
        HttpResponse<String> r = get("/api/risk?age=forty&sex=x&race=white&hdl=abc&sbp=120"
                + "&scan1Date=2020-01-01&scan1Score=zz&scan2Date=2021-13-01&scan2Score=100");
        assertThat(r.statusCode()).isEqualTo(400);
        // percentalone: the scans stand in for the calcium score, so the empty total cholesterol is no longer missing
        assertThat(problemFields(r)).containsExactlyInAnyOrder("age", "hdl", "scan1Score", "sex", "scan2Date");
        assertThat(r.body()).contains("HDL cholesterol = 'abc' is not a number")
                .contains("date = '2021-13-01' is not an ISO date").doesNotContain("missing: give total cholesterol");
    }

    /**
     * A scan's score out of range is named by its own field, also when no calcium score is given (the
     * latest scan then stands in for it, and the problem was reported as 'cac', a field left empty).
     */
    @Test
    void aScanScoreOutOfRangeIsNamedByItsOwnField() throws Exception {
        HttpResponse<String> r = get("/api/risk?age=-5&sex=male&race=white&tc=200&hdl=50&sbp=120"
                + "&scan1Date=2020-01-01&scan1Score=-5&scan2Date=2023-01-01&scan2Score=100");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(problemFields(r)).as("every problem in one answer, none on cac").containsExactlyInAnyOrder("age", "scan1Score");
        assertThat(r.body()).contains("Agatston score = -5 Agatston units is outside the allowed range 0 to 50000");
    }

    @Test
    void apiRejectsAnUnknownParameterNamingItAndTheAcceptedOnes() throws Exception {
        HttpResponse<String> r = get("/api/risk?agee=60&sex=male&tc=200&hdl=50&sbp=120&zzz=1");
        assertThat(r.statusCode()).as("a typo must not be answered for the default age").isEqualTo(400);
        assertThat(contentType(r)).startsWith("application/json");
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("unknown parameter(s): agee, zzz");
        assertThat(body.get("problems").get(0).get("field").asText()).isEqualTo("agee");
        assertThat(body.get("problems").get(0).get("message").asText())
                .startsWith("'agee' is not a parameter of /api/risk (did you mean 'age'?); the accepted parameters are: age, sex,");
        assertThat(body.get("problems").get(1).get("message").asText()).doesNotContain("did you mean");
        List<String> accepted = new ArrayList<>();
        body.get("accepted").forEach(n -> accepted.add(n.asText()));
        assertThat(accepted).isEqualTo(RiskPage.PARAMETERS);

        HttpResponse<String> c = get("/api/compare?years=1&yeras=5");
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(json(c).get("problems").get(0).get("message").asText())
                .contains("'yeras' is not a parameter of /api/compare (did you mean 'years'?)").contains("weight, height");
    }

    @Test
    void pagesRejectAnUnknownParameterInsteadOfAnsweringForTheDefault() throws Exception {
        HttpResponse<String> r = get("/risk?agee=60&sex=male");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(contentType(r)).startsWith("text/html");
        assertThat(r.body()).contains("&#39;agee&#39; is not a parameter of /risk (did you mean &#39;age&#39;?)")
                .contains("href=\"/risk\"");
        HttpResponse<String> c = get("/compare?yeras=5");
        assertThat(c.statusCode()).isEqualTo(400);
        assertThat(c.body()).contains("did you mean &#39;years&#39;?");
        for (String page : new String[] {"/scenario?example=warfarin.yaml&exmaple=x", "/ct?exampel=mixed-plaque.yaml"}) {
            HttpResponse<String> e = get(page);
            assertThat(e.statusCode()).as(page).isEqualTo(400);
            assertThat(e.body()).as(page).contains("is not a parameter of").contains("did you mean &#39;example&#39;?");
        }
        assertThat(get("/scenario?example=warfarin.yaml").statusCode()).isEqualTo(200);
        assertThat(get("/ct?example=mixed-plaque.yaml").statusCode()).isEqualTo(200);
        assertThat(get("/risk?age=60").body()).as("known parameters are not reported")
                .doesNotContain("is not a parameter");
    }

    @Test
    void aParameterGivenTwiceIsRefusedNamingItAndBothValuesOnEveryEndpoint() throws Exception {
        HttpResponse<String> r = get("/api/risk?age=55&sex=male&tc=200&hdl=50&sbp=120&age=60");
        assertThat(r.statusCode()).as("one of two ages must not be answered for").isEqualTo(400);
        assertThat(contentType(r)).startsWith("application/json");
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("invalid input");
        assertThat(body.get("problems")).hasSize(1);
        assertThat(body.get("problems").get(0).get("field").asText()).isEqualTo("age");
        assertThat(body.get("problems").get(0).get("message").asText())
                .isEqualTo("age is given twice ('55' and '60'); give it once");
        JsonNode c = json(get("/api/compare?years=1&years=5&years=1"));
        assertThat(c.get("problems").get(0).get("message").asText())
                .isEqualTo("years is given 3 times ('1', '5', '1'); give it once");
        assertThat(get("/api/compare?years=1&years=1").statusCode()).as("even the same value twice").isEqualTo(400);
        for (String page : new String[] {"/risk?age=55&age=60", "/compare?age=55&age=60", "/trials?seed=1&seed=2",
                "/cohort?seed=1&seed=2", "/scenario?example=warfarin.yaml&example=ten-year-fast.yaml"}) {
            HttpResponse<String> p = get(page);
            assertThat(p.statusCode()).as(page).isEqualTo(400);
            assertThat(contentType(p)).as(page).startsWith("text/html");
            assertThat(p.body()).as(page).contains(" is given twice (&#39;").contains("); give it once")
                    .doesNotContain("<h2>");
        }
        HttpResponse<String> run = post("/scenario", "text", "name: x", "mode", "fast", "mode", "reference");
        assertThat(run.statusCode()).isEqualTo(400);
        assertThat(run.body()).contains("mode is given twice (&#39;fast&#39; and &#39;reference&#39;); give it once");
        HttpResponse<String> phantom = post("/ct/phantom", "text", "a: 1", "cha", "0.8", "cha", "0.7");
        assertThat(phantom.statusCode()).isEqualTo(400);
        assertThat(phantom.body()).contains("cha is given twice (&#39;0.8&#39; and &#39;0.7&#39;)");
        String longValue = "9".repeat(5000);
        assertThat(json(get("/api/risk?age=" + longValue + "&age=60"))
                .get("problems").get(0).get("message").asText()).as("a long value is shortened")
                .isEqualTo("age is given twice ('" + "9".repeat(40) + "…' and '60'); give it once");
        assertThat(get("/cohort?population=nosuch&arm=none&arm=calcium").body())
                .as("the cohort's arms are a checkbox group: repeated by design (CohortPageTest runs two)")
                .contains("nosuch").doesNotContain("is given");
    }

    @Test
    void theFormsSendExactlyTheParametersTheApiAccepts() throws Exception {
        Pattern name = Pattern.compile("<(?:input|select)[^>]* name=\"([^\"]+)\"");
        for (String[] page : new String[][] {{"/risk", "risk"}, {"/compare", "compare"}}) {
            String html = get(page[0]).body();
            Set<String> sent = new TreeSet<>();
            name.matcher(html.substring(html.indexOf("<form"), html.indexOf("</form>"))).results()
                    .forEach(m -> sent.add(m.group(1)));
            assertThat(sent).as(page[0]).containsExactlyInAnyOrderElementsOf(
                    page[1].equals("risk") ? RiskPage.PARAMETERS : ComparePage.PARAMETERS);
        }
        HttpResponse<String> everyField = get("/api/risk?age=58&sex=male&race=white&tc=200&hdl=50&lipidUnit=mg/dL&sbp=130"
                + "&bmi=&egfr=&cac=&cacVessels=&bpTreated=true&statin=true&diabetes=true&smoker=true&familyHistory=true"
                + "&vitaminK2=true&scan1Date=&scan1Score=&scan2Date=&scan2Score=&scan3Date=&scan3Score=");
        assertThat(everyField.statusCode()).as(everyField.body()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String path, String... keyValues) throws Exception {
        return SERVER.post(path, keyValues);
    }

    @Test
    void scenarioPageLoadsAnExampleAndRunsItLikeSimulate() throws Exception {
        HttpResponse<String> form = get("/scenario?example=calcium-supplement-vs-food.yaml");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name: calcium-supplement-vs-food").contains("<option selected>calcium-supplement-vs-food.yaml");
        assertThat(form.body()).as("an example about the daily cycle opens in the mode its command line names")
                .contains("<option value=\"reference\" selected>");
        assertThat(get("/scenario?example=ten-year-fast.yaml").body()).contains("<option value=\"fast\" selected>");
        assertThat(form.body()).as("the mode choice says where fast mode's hourly values are approximate")
                .contains("first days to weeks after a regimen starts are approximate");
        String text = Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/scenarios/calcium-supplement-vs-food.yaml"));
        HttpResponse<String> run = post("/scenario", "text", text, "format", "yaml", "mode", "reference");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("calcium-supplement-vs-food (5 days, reference mode)")
                .contains("data:image/png;base64,").contains("download=\"calcium-supplement-vs-food-trajectory.csv\"")
                .contains("serumCalciumTotal");
        // review9: the peaks in the console's unit; review18: a five-day run charted in hours, so in hours (it read
        // "max at (d)" 1.54 beside charts of 0-120 h)
        assertThat(run.body()).as("a five-day run's peaks in hours, as its charts and simulate's console give them")
                .contains(">max at (h)</th>").doesNotContain("max at (d)");
        assertThat(run.body().indexOf("; drawing the charts…</p>")).as("said after the run, before its charts")
                .isPositive().isLessThan(run.body().indexOf("data:image/png;base64,"));
    }

    /** The run's own warnings (the engine's: a start that is not the measured labs) are boxed on the page as the file's are. */
    @Test
    void scenarioPageShowsTheRunsOwnWarnings() throws Exception {
        String text = Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/scenarios/calcium-supplement-vs-food.yaml")).replaceFirst("(?m)^name: .*$", "name: lab-warning");
        HttpResponse<String> run = post("/scenario", "text", text, "format", "yaml", "mode", "fast");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("<div class=\"warnings\"><b>Note:</b><ul><li><code>patient.serumPhosphateMmolL</code>: "
                + "the run does not start at the measured phosphate (fake)</li></ul></div>");
    }

    @Test
    void scenarioPageListsEveryProblemAndKeepsTheText() throws Exception {
        String bad = "name: x\npatient: {ageYears: -3, sex: female, weightKg: 70, heightCm: 165, egfrMlPerMin: 500}\n"
                + "durationDays: 10\nrecording: {everyHours: 24}\nbogus: 1\n";
        HttpResponse<String> r = post("/scenario", "text", bad, "format", "yaml", "mode", "fast");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("patient.ageYears").contains("patient.egfrMlPerMin").contains("bogus")
                .contains("egfrMlPerMin: 500").doesNotContain("data:image/png");
        HttpResponse<String> empty = post("/scenario", "text", " ", "mode", "sideways");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("the scenario text is empty").contains("Mode: &#39;sideways&#39; is not one of: fast, reference");
        HttpResponse<String> yamlAsJson = post("/scenario", "text", "# a comment\nname: x\n", "format", "json", "mode", "fast");
        assertThat(yamlAsJson.statusCode()).isEqualTo(400);
        assertThat(yamlAsJson.body()).contains("Format: json, but the text does not start with &#39;{&#39;; "
                + "if it is YAML (e.g. an example&#39;s text), choose the format YAML").contains("not valid JSON");
        assertThat(post("/scenario", "text", "{\"name\": 1", "format", "json", "mode", "fast").body())
                .as("real JSON with an error gets only the parser's message").doesNotContain("does not start with");
        HttpResponse<String> unknown = get("/scenario?example=../../etc/passwd");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("is not one of the examples").doesNotContain("root:");
    }

    /**
     * A scenario's parameters: map runs on the page as in simulate (the fake model's catalog: gain); its
     * problems are listed with their paths.
     */
    @Test
    void scenarioPageAppliesTheParametersMapAndNamesItsProblems() throws Exception {
        String text = Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/scenarios/calcium-supplement-vs-food.yaml")) + "\nparameters:\n  gain: 2\n";
        HttpResponse<String> run = post("/scenario", "text", text, "format", "yaml", "mode", "reference");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat(run.body()).contains("Parameters set by the scenario's <code>parameters:</code> map: "
                + "gain = 2 (default 1; from the scenario file)");
        String bad = text.replace("gain: 2", "gian: 2\n  gain: 20");
        HttpResponse<String> r = post("/scenario", "text", bad, "format", "yaml", "mode", "fast");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("parameters.gian").contains("(did you mean &#39;gain&#39;?)")
                .contains("parameters.gain").contains("gain = 20 (dimensionless) lies outside its plausible range, "
                        + "allowed 0.1 to 10 (dimensionless)")
                .doesNotContain("data:image/png");
    }

    /** The base64 of the page's download link named {@code name}, decoded. */
    private static String download(String page, String name) {
        Matcher m = Pattern.compile("download=\"" + Pattern.quote(name)
                + "\" href=\"data:[^;]+;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        assertThat(m.find()).as("a download named " + name).isTrue();
        return new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
    }

    /**
     * review11: the page takes ./vascalc simulate's --set, one NAME=VALUE per line, after the scenario's own
     * parameters: map (and over it), with the command line's messages; the changes are shown with the result
     * and recorded in the summary. The fake model's catalog: gain, 0.1 to 10.
     */
    @Test
    void scenarioPageTakesSetLinesAfterTheMapAsSimulateDoes() throws Exception {
        String text = Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/scenarios/calcium-supplement-vs-food.yaml"));
        String csv = "calcium-supplement-vs-food-trajectory.csv";
        assertThat(get("/scenario").body()).contains("name=\"set\" id=\"scenario-set\"").contains("one <code>NAME=VALUE</code> per line");
        HttpResponse<String> plain = post("/scenario", "text", text, "format", "yaml", "mode", "reference");
        HttpResponse<String> bySet = post("/scenario", "text", text, "format", "yaml", "mode", "reference",
                "set", "\ngain=2\n");
        assertThat(bySet.statusCode()).as(bySet.body()).isEqualTo(200);
        assertThat(bySet.body()).contains("Parameters set by <code>--set</code>: gain = 2 (default 1)")
                .contains(">gain=2</textarea>");
        assertThat(download(bySet.body(), "calcium-supplement-vs-food-summary.json"))
                .contains("\"parameterOverrides\" : [ {", "\"name\" : \"gain\"", "\"value\" : 2.0");
        HttpResponse<String> byMap = post("/scenario", "text", text + "\nparameters:\n  gain: 2\n", "format", "yaml",
                "mode", "reference");
        assertThat(download(bySet.body(), csv)).as("--set gain=2 is the map's gain: 2")
                .isEqualTo(download(byMap.body(), csv)).isNotEqualTo(download(plain.body(), csv));

        HttpResponse<String> over = post("/scenario", "text", text + "\nparameters:\n  gain: 2\n", "format", "yaml",
                "mode", "reference", "set", "--set gain=1");
        assertThat(over.statusCode()).as(over.body()).isEqualTo(200);
        assertThat(over.body()).contains("Parameters set by the scenario's <code>parameters:</code> map, then "
                + "<code>--set</code>: gain = 1 (default 1; --set over the scenario file&#39;s 2)");
        assertThat(download(over.body(), csv)).as("the line wins over the map").isEqualTo(download(plain.body(), csv));

        HttpResponse<String> bad = post("/scenario", "text", text + "\nparameters:\n  gian: 2\n", "format", "yaml",
                "mode", "fast", "set", "gian=2\ngain=20\ngain");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).as("every problem at once, in simulate's words")
                .contains("<code>parameters.gian</code>: the catalog has no parameter &#39;gian&#39; (did you mean &#39;gain&#39;?)")
                .contains("<code>--set gian=2</code>: the catalog has no parameter &#39;gian&#39; (did you mean &#39;gain&#39;?)")
                .contains("<code>--set gain=20</code>: gain = 20 (dimensionless) lies outside its plausible range, "
                        + "allowed 0.1 to 10 (dimensionless)")
                .contains("<code>--set gain</code>: expected NAME=VALUE")
                .contains(">gian=2\ngain=20\ngain</textarea>").doesNotContain("data:image/png").doesNotContain("Running ");
    }

    @Test
    void ctPageScoresAPhantomAgainstItsTruth() throws Exception {
        HttpResponse<String> form = get("/ct?example=medial-linear.yaml");
        assertThat(form.statusCode()).isEqualTo(200);
        String text = Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/phantoms/medial-linear.yaml"));
        assertThat(form.body()).contains(Html.esc(text.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow()));
        HttpResponse<String> run = post("/ct/phantom", "text", text);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("Ground truth (what no scan shows)").contains("medial")
                .contains("Agatston").contains("data:image/png;base64,")
                .contains("Running a synthetic scan of medial-linear…")
                .contains("<b>The score cannot tell the layers apart.</b>")
                .contains("AU from arteries with only medial calcium (LAD, LCX, RCA)")
                .contains("Ground truth against the mass score, per artery (mg hydroxyapatite)")
                .contains("mass score (mg)</th>").contains("the more so the smaller or thinner the deposit");
        // review10: the per-artery rows are the console's (TruthTable): the medial deposits' truth beside
        // the artery's mass score; the total row's truth is the spec's
        Matcher totalRow = Pattern.compile(
                "<td[^>]*>total</td><td>([0-9.]+)</td><td>([0-9.]+)</td><td>([0-9.]+)</td><td>([0-9.]+)</td><td>([0-9]+) %</td>")
                .matcher(run.body());
        assertThat(totalRow.find()).as("the total row").isTrue();
        assertThat(Double.parseDouble(totalRow.group(1))).as("no intimal mineral in medial-linear").isZero();
        Matcher truthTotal = Pattern.compile("Ground truth \\(what no scan shows\\): ([0-9.]+) mg")
                .matcher(run.body());
        assertThat(truthTotal.find()).isTrue();
        assertThat(totalRow.group(3)).isEqualTo(truthTotal.group(1));
        assertThat(100 * Double.parseDouble(totalRow.group(4)) / Double.parseDouble(totalRow.group(3)))
                .as("found = mass score / truth").isCloseTo(Long.parseLong(totalRow.group(5)), org.assertj.core.data.Offset.offset(0.6));
        // every point of the score is one layer's or the other's: the parts add up to the total the report reads
        Matcher part = Pattern.compile("([0-9.]+) AU (from arteries|outside)").matcher(run.body());
        double sum = 0;
        while (part.find()) {
            sum += Double.parseDouble(part.group(1));
        }
        Matcher total = Pattern.compile("reads all ([0-9.]+) AU as coronary plaque")
                .matcher(run.body());
        assertThat(total.find()).isTrue();
        assertThat(Double.parseDouble(total.group(1))).isPositive().isCloseTo(sum, org.assertj.core.data.Offset.offset(0.15));
        HttpResponse<String> bad = post("/ct/phantom", "text", "name: x\nwhatever: [");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Please correct").doesNotContain("data:image/png")
                .as("a parser's multi-line message keeps its lines (the caret under the column)").containsPattern("<pre tabindex=\"0\">[^<]*\\^");
    }

    /** A multipart body with the given files under each field name. */
    private static HttpResponse<String> upload(Map<String, List<byte[]>> fields) throws Exception {
        return upload(fields, List.of());
    }

    /**
     * A multipart body with the given files under each field name, then for each of {@code leftEmpty}
     * what a browser sends for a file input with no file chosen: one part with an empty file name and
     * no content.
     */
    private static HttpResponse<String> upload(Map<String, List<byte[]>> fields,
            List<String> leftEmpty) throws Exception {
        return upload(fields, leftEmpty, Map.of());
    }

    /** As {@link #upload(Map, List)}, with text fields (the series, the scoring options). */
    private static HttpResponse<String> upload(Map<String, List<byte[]>> fields,
            List<String> leftEmpty, Map<String, String> textFields) throws Exception {
        String boundary = "vascalc-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var t : textFields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + t.getKey() + "\"\r\n\r\n"
                    + t.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (String name : leftEmpty) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        for (var e : fields.entrySet()) {
            int i = 0;
            for (byte[] content : e.getValue()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                        + "\"; filename=\"../../x" + i++ + ".dcm\"\r\nContent-Type: application/dicom\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                body.writeBytes(content);
                body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return SERVER.send(HttpRequest.newBuilder(SERVER.uri("/ct/score"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<byte[]> filesOf(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            List<byte[]> out = new ArrayList<>();
            for (var p : list.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }

    @Test
    void ctUploadScoresARealSeriesWithItsLabelsAsTheLibraryDoes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var spec = new org.vascalc.imaging.phantom.PhantomSpecReader().read(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/phantoms/mixed-plaque.yaml")).spec();
        var scan = new org.vascalc.imaging.synth.CtSynthesizer().render(spec);
        var info = org.vascalc.imaging.dicom.SeriesInfo.synthetic("web-test");
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(scan.ct(), info, dir.resolve("ct"));
        org.vascalc.imaging.dicom.CtSeriesWriter.writeLabels(scan.labels(), info, dir.resolve("labels"));
        var reader = new org.vascalc.imaging.dicom.DicomSeriesReader();
        var expected = new org.vascalc.imaging.score.CalciumScorer(org.vascalc.imaging.score.ScoringOptions.clinical())
                .score(reader.readCt(dir.resolve("ct")), reader.readLabels(dir.resolve("labels")));
        String totalLine = org.vascalc.imaging.score.ScoreReport.text(expected,
                org.vascalc.cli.imaging.CacDrsLabels.of(expected)).lines()
                .filter(l -> l.startsWith("Total:")).findFirst().orElseThrow();

        var fields = new LinkedHashMap<String, List<byte[]>>();
        fields.put("files", filesOf(dir.resolve("ct")));
        fields.put("labels", filesOf(dir.resolve("labels")));
        HttpResponse<String> r = upload(fields);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(Html.esc(totalLine)).doesNotContain("Without an artery label map");

        // the same grid's label map written for another scan (another frame of reference): refused, as by score
        org.vascalc.imaging.dicom.CtSeriesWriter.writeLabels(scan.labels(),
                org.vascalc.imaging.dicom.SeriesInfo.synthetic("web-other"), dir.resolve("other-labels"));
        fields.put("labels", filesOf(dir.resolve("other-labels")));
        HttpResponse<String> other = upload(fields);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains(Html.esc(org.vascalc.imaging.dicom.DicomSeriesReader.FRAME_MISMATCH))
                .doesNotContain("Total:");
        // the form's label-map line is one piece of text (the flex label spaced ")" off the code) with the launcher
        assertThat(get("/ct").body()).contains("<span>Artery label map (optional; a VasCalc label series, e.g. the "
                + "labels/ folder of <code>./vascalc phantom</code>)</span>");
        // without a label map: no CAC-DRS category beside a whole-volume total
        fields.remove("labels");
        HttpResponse<String> ctOnly = upload(fields);
        assertThat(ctOnly.body()).contains("no CAC-DRS category (no artery label map)")
                .doesNotContainPattern("CAC-DRS A\\d");

        String ctTotal = org.vascalc.imaging.score.ScoreReport.text(new org.vascalc.imaging.score.CalciumScorer(
                org.vascalc.imaging.score.ScoringOptions.clinical()).score(reader.readCt(dir.resolve("ct"))), null)
                .lines().filter(l -> l.startsWith("Total:")).findFirst().orElseThrow();
        // review15: the CT and its label map sent together as the scan's files: the CT is the only series to score
        // (it was refused as "2 series", the label map listed as a second CT to choose)
        List<byte[]> pair = new ArrayList<>(filesOf(dir.resolve("ct")));
        pair.addAll(filesOf(dir.resolve("labels")));
        HttpResponse<String> ctOfPair = upload(new LinkedHashMap<>(Map.of("files", pair)));
        assertThat(ctOfPair.statusCode()).as(ctOfPair.body()).isEqualTo(200);
        assertThat(ctOfPair.body()).contains(Html.esc(ctTotal));
        // leftovers20: and says, as vascalc score does, that the map beside it was not used (it said nothing)
        String unused = org.vascalc.imaging.dicom.DicomSeriesReader.CtToScore.unusedLabelMapNote("The upload",
                CtPage.UNUSED_LABEL_MAP_FIELD);
        assertThat(ctOfPair.body()).contains("<b>Note:</b> " + Html.esc(unused) + ".")
                .contains("The upload also holds a VasCalc label map, not used: every voxel at or above the threshold "
                        + "counts (artery UNLABELLED); give its files again in the Artery label map field to score per artery")
                .doesNotContain("Without an artery label map");
        var pairLabelled = new LinkedHashMap<String, List<byte[]>>();
        pairLabelled.put("files", pair);
        pairLabelled.put("labels", filesOf(dir.resolve("labels")));
        HttpResponse<String> pairWithMap = upload(pairLabelled);
        assertThat(pairWithMap.statusCode()).as(pairWithMap.body()).isEqualTo(200);
        assertThat(pairWithMap.body()).contains(Html.esc(totalLine)).doesNotContain("also holds a VasCalc label map");

        // review8: an upload of several series was refused with "upload the files of one series only"; the page
        // now lists them (number, description, slices, kV, thickness; the label map as such) and scores the one
        // whose number is in the Series field, as score --series N
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(scan.ct(),
                org.vascalc.imaging.dicom.SeriesInfo.synthetic("web-test-2"), dir.resolve("ct2"));
        List<byte[]> both = new ArrayList<>(pair);
        both.addAll(filesOf(dir.resolve("ct2")));
        var mixed = new LinkedHashMap<String, List<byte[]>>();
        mixed.put("files", both);
        HttpResponse<String> asked = upload(mixed);
        assertThat(asked.statusCode()).isEqualTo(400);
        int slices = filesOf(dir.resolve("ct")).size();
        assertThat(asked.body()).contains("3 series, and a score is of one").contains("Series field")
                .contains("<th scope=\"col\">slices</th>").contains("slice thickness (mm)")
                .containsPattern("<td[^>]*>1</td><td[^>]*>VasCalc synthetic[^<]*</td><td[^>]*>CT</td><td[^>]*>" + slices
                        + "</td><td[^>]*>120</td><td[^>]*>3</td>")
                .containsPattern("<td[^>]*>2</td><td[^>]*>VasCalc coronary labels[^<]*</td><td[^>]*>VasCalc label map</td>")
                .doesNotContain("Total:");
        HttpResponse<String> scored = upload(mixed, List.of(), Map.of("series", "1"));
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(scored.body()).contains(Html.esc(ctTotal)).contains("1 (scored)").contains("#1 of 3");
        HttpResponse<String> none = upload(mixed, List.of(), Map.of("series", "4"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Series: &#39;4&#39; is not the number or the Series Instance UID")
                .doesNotContain("Total:");
        // the Mass calibration field scales the mass as --mass-calibration does; out of range: named
        HttpResponse<String> cha = upload(fields, List.of(), Map.of("cha", "1.5"));
        assertThat(cha.statusCode()).isEqualTo(200);
        assertThat(cha.body()).contains("c_HA 1.500 mg/(cm³·HU)").contains("name=\"cha\" size=\"6\" inputmode=\"decimal\" value=\"1.5\"");
        HttpResponse<String> badCha = upload(fields, List.of(), Map.of("cha", "7"));
        assertThat(badCha.statusCode()).isEqualTo(400);
        assertThat(badCha.body()).contains("Mass calibration c_HA: 7 mg/(cm³·HU) is outside the allowed range 0.1 to 5");
        // the error is tied to the field of the form that was sent, the upload's, not to the phantom form's field
        // of the same name above it (the regular expression that tied errors to fields took the first on the page)
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(badCha.body());
        assertThat(page.selectFirst("form[action=/ct/score] input[name=cha]").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("form[action=/ct/phantom] input[name=cha]").hasAttr("aria-invalid")).isFalse();
    }

    /**
     * review8: the /ct page's notes told the user to give --convention kv-specific and --mass-calibration,
     * which the page had no field for. A 100-kV phantom's notes now name the page's Thresholds and Mass
     * calibration fields, and the fields change the score as the CLI options do.
     */
    @Test
    void ctPageNotesNameItsOwnFieldsAndTheFieldsScore() throws Exception {
        String text = Files.readString(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/phantoms/mixed-plaque.yaml")).replace("kvp: 120", "kvp: 100");
        HttpResponse<String> at100 = post("/ct/phantom", "text", text);
        assertThat(at100.statusCode()).isEqualTo(200);
        assertThat(at100.body()).contains("this scan is at 100 kV").contains("Consider the kV-specific thresholds (the "
                + "Thresholds field).").contains("give the scanner&#39;s c_HA (the Mass calibration field)")
                .doesNotContain("--convention").doesNotContain("--mass-calibration")
                .contains("<select name=\"convention\">").contains("name=\"cha\"");
        HttpResponse<String> kv = post("/ct/phantom", "text", text, "convention", "kv-specific", "cha", "0.9");
        assertThat(kv.statusCode()).isEqualTo(200);
        assertThat(kv.body()).contains("kV-specific thresholds, candidate &gt;= 145 HU").contains("c_HA 0.900")
                .doesNotContain("this scan is at 100 kV").contains("<option value=\"kv-specific\" selected>");
        HttpResponse<String> at90 = post("/ct/phantom", "text", text.replace("kvp: 100", "kvp: 90"), "convention",
                "kv-specific");
        assertThat(at90.statusCode()).isEqualTo(400);
        assertThat(at90.body()).contains("the spec&#39;s tube voltage 90 kV has none").doesNotContain("data:image/png");
    }

    @Test
    void ctUploadNamesTheUploadedFilesItPassedOverAndSaysHowLongItTook(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var spec = new org.vascalc.imaging.phantom.PhantomSpecReader().read(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/phantoms/mixed-plaque.yaml")).spec();
        var scan = new org.vascalc.imaging.synth.CtSynthesizer().render(spec);
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(scan.ct(), org.vascalc.imaging.dicom.SeriesInfo.synthetic("web-skip"),
                dir.resolve("ct"));
        List<byte[]> ct = new ArrayList<>(filesOf(dir.resolve("ct")));
        var fields = new LinkedHashMap<String, List<byte[]>>();
        ct.add("notes on the scan".getBytes(StandardCharsets.US_ASCII)); // x43.dcm: not DICOM
        fields.put("files", ct);
        HttpResponse<String> r = upload(fields);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Passed over 1 file that is not DICOM: ../../x43.dcm")
                .containsPattern("[0-9.]+ MB received; read and scored in [0-9.]+ s");

        // a slice emptied in the middle of the stack: named where the scorer finds the gap it leaves
        List<byte[]> gap = new ArrayList<>(filesOf(dir.resolve("ct")));
        gap.set(10, new byte[0]);
        fields.put("files", gap);
        HttpResponse<String> bad = upload(fields);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("slice spacing is irregular: a gap of ")
                .contains("x9.dcm (z = ").contains("x11.dcm (z = ").contains("times the usual spacing of ")
                .contains("passed over 1 file that is not DICOM: ../../x10.dcm (empty)");
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    /** review20: a text file uploaded alone was answered "contains no DICOM Part-10 files", naming neither it nor what to give. */
    @Test
    void ctUploadWithoutADicomFileNamesTheFilesAndWhatThePageReads() throws Exception {
        var fields = new LinkedHashMap<String, List<byte[]>>();
        fields.put("files", List.of("notes on the scan".getBytes(StandardCharsets.US_ASCII), new byte[0]));
        HttpResponse<String> r = upload(fields);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("contains no DICOM Part-10 files; passed over 2 files that are not DICOM: ../../x0.dcm, "
                + "../../x1.dcm (empty); choose the files of one CT series, each a DICOM Part-10 file (&#39;DICM&#39; after a "
                + "128-byte preamble; a .zip is not unpacked)");
        fields.put("labels", List.of("a label map, in words".getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> labels = upload(fields);
        assertThat(labels.statusCode()).isEqualTo(400);
        assertThat(labels.body()).contains("not one readable VasCalc label-map series: contains no DICOM Part-10 files; "
                + "passed over 1 file that is not DICOM: ../../x0.dcm; choose the files of the labels/ folder ./vascalc "
                + "phantom writes, each a DICOM Part-10 file");
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    /** leftovers16: as vascalc score's warning, an evenly sparse upload (50 mm apart, 3 mm thick) is scored with a note. */
    @Test
    void ctUploadOfEvenlySparseSlicesIsScoredWithANote(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        short[] hu = new short[16 * 16 * 4];
        java.util.Arrays.fill(hu, (short) -1000);
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(new org.vascalc.imaging.volume.CtVolume(16, 16, 4, hu, 0.4, 0.4,
                new double[] {0, 50, 100, 150}, 3.0, 120), org.vascalc.imaging.dicom.SeriesInfo.synthetic("web-sparse"),
                dir.resolve("ct"));
        var fields = new LinkedHashMap<String, List<byte[]>>();
        fields.put("files", new ArrayList<>(filesOf(dir.resolve("ct"))));
        HttpResponse<String> r = upload(fields);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<div class=\"warnings\"><b>Note:</b> The slices are 50 mm apart but 3 mm thick "
                + "(4 slices, z = 0 to 150 mm): 94 % of the length");
    }

    /**
     * What a browser sends: the label-map input left empty arrives as one empty nameless part, which was
     * read as a broken label series (400); the CT input left empty is "no files". A truncated slice is
     * named by its uploaded name, not by the server's copy (00020.dcm).
     */
    @Test
    void ctUploadAsABrowserSendsItWithTheLabelInputLeftEmpty(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        var spec = new org.vascalc.imaging.phantom.PhantomSpecReader().read(org.vascalc.simulation.scenario.ProjectFiles
                .require("examples/phantoms/mixed-plaque.yaml")).spec();
        var scan = new org.vascalc.imaging.synth.CtSynthesizer().render(spec);
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(scan.ct(), org.vascalc.imaging.dicom.SeriesInfo.synthetic("web-empty"),
                dir.resolve("ct"));
        var fields = new LinkedHashMap<String, List<byte[]>>();
        fields.put("files", filesOf(dir.resolve("ct")));
        HttpResponse<String> ok = upload(fields, List.of("labels"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("Without an artery label map").doesNotContain("Please correct");

        HttpResponse<String> none = upload(new LinkedHashMap<>(), List.of("files", "labels"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("no files were uploaded: choose the DICOM files of one CT series");

        List<byte[]> truncated = new ArrayList<>(filesOf(dir.resolve("ct")));
        truncated.set(20, Arrays.copyOf(truncated.get(20), truncated.get(20).length / 2));
        fields.put("files", truncated);
        HttpResponse<String> bad = upload(fields, List.of("labels"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not one readable CT series: ../../x20.dcm at byte offset")
                .contains("(truncated?)").doesNotContain("00020.dcm")
                // review10: and how to go on, naming it as uploaded
                .contains("the series is not scored without that slice: copy ../../x20.dcm again from the scanner or "
                        + "archive; if it is the first or last slice, uploading the files without it scores the rest");
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    /** Each number of the comparison's form says its unit and the range it is checked against (as /cohort's do). */
    @Test
    void theComparisonAndRiskFormsSayEachFieldsUnitAndAllowedRange() throws Exception {
        String body = get("/compare").body();
        for (var r : new org.vascalc.core.input.ValidRange[] {ScenarioRanges.AGE, ScenarioRanges.WEIGHT, ScenarioRanges.HEIGHT,
            ScenarioRanges.EGFR, ScenarioRanges.SYSTOLIC, ScenarioRanges.DIASTOLIC, ScenarioRanges.TOTAL_CHOLESTEROL,
            ScenarioRanges.HDL, ComparePage.YEARS}) {
            assertThat(body).contains("<span class=\"unit\">" + Html.esc(r.unit()) + ", " + ComparePage.fmt(r.hardLow())
                    + " to " + ComparePage.fmt(r.hardHigh()) + "</span>");
        }
        assertThat(body).contains("<span class=\"unit\">kg, 30 to 300</span>");
        assertThat(get("/risk").body()).contains("<span class=\"unit\">years, 18 to 110</span>")
                // the mmol/L ends enforced (and shown by vascalc risk --help), not 1.29, which is refused
                .contains("<span class=\"unit\">in the lipid unit; 50 to 700 mg/dL (1.3 to 18.1 mmol/L)</span>")
                .contains("<span class=\"unit\">in the lipid unit; 5 to 200 mg/dL (0.13 to 5.17 mmol/L)</span>")
                .contains("<span class=\"unit\">mmHg, 60 to 280</span>");
    }

    /**
     * review9: one person, two envelopes (eGFR 1–200 and systolic 70–260 mmHg on /compare, 1–250 and 60–280 on /risk)
     * with no word why. Each page now says which it uses and why, in one sentence (InputEnvelopes), under its form.
     */
    @Test
    void theComparisonAndRiskPagesSayWhyTheirEgfrAndSystolicRangesDiffer() throws Exception {
        assertThat(get("/compare").body()).contains("<p class=\"fine\">" + Html.esc(InputEnvelopes.simulation()) + "</p>")
                .contains(Html.esc("eGFR 1 to 200 mL/min/1.73 m² and systolic 70 to 260 mmHg are the simulation's hard "
                        + "limits, as in scenario files"));
        assertThat(get("/risk").body()).contains("<p class=\"fine\">" + Html.esc(InputEnvelopes.risk()) + "</p>")
                .contains(Html.esc("eGFR 1 to 250 mL/min/1.73 m² and systolic 60 to 280 mmHg are the risk equations' "
                        + "input limits"));
    }

    /**
     * review9 left it: /compare took total cholesterol 80–500 and HDL 10–150 mg/dL (the scenario files' envelope),
     * /risk 50–700 and 5–200 (the risk tools'), and /risk alone refused an HDL not below the total. Now one
     * range (RiskFactors) and one rule: a pair one page accepts, the other accepts.
     */
    @Test
    void comparisonAndRiskAcceptTheSameCholesterolValues() throws Exception {
        double[][] pairs = {{50, 20}, {49, 20}, {79, 40}, {600, 50}, {700, 60}, {701, 60}, {200, 5}, {200, 4.9},
            {150, 9}, {300, 160}, {300, 200}, {300, 201}, {100, 100}};
        List<String> acceptedByBoth = new ArrayList<>();
        for (double[] pair : pairs) {
            String q = "tc=" + ComparePage.fmt(pair[0]) + "&hdl=" + ComparePage.fmt(pair[1]);
            HttpResponse<String> compare = get("/compare?years=abc&" + q); // years refused: nothing runs
            assertThat(compare.statusCode()).isEqualTo(400);
            String errors = compare.body().substring(compare.body().indexOf("<div class=\"problems\">"));
            errors = errors.substring(0, errors.indexOf("</div>")); // not the warnings (outside the typical range)
            boolean onCompare = !errors.contains(">Total cholesterol: ") && !errors.contains(">HDL cholesterol: ");
            HttpResponse<String> risk = get("/api/risk?age=55&sex=male&race=white&sbp=120&" + q);
            boolean onRisk = risk.statusCode() == 200;
            assertThat(onCompare).as(q + ": /compare " + onCompare + ", /risk " + onRisk + " " + risk.body()).isEqualTo(onRisk);
            if (onRisk) {
                acceptedByBoth.add(q);
            }
        }
        assertThat(acceptedByBoth).containsExactly("tc=50&hdl=20", "tc=79&hdl=40", "tc=600&hdl=50", "tc=700&hdl=60",
                "tc=200&hdl=5", "tc=150&hdl=9", "tc=300&hdl=160", "tc=300&hdl=200");
        assertThat(get("/compare?years=abc&tc=100&hdl=100").body())
                .contains("HDL cholesterol (100 mg/dL) must be below total cholesterol (100 mg/dL)");
    }

    /** The addresses the CT forms post to, opened again by GET (a bookmark of the answer), lead to the form. */
    @Test
    void theCtAnswersAddressesOpenedAgainLeadToTheForm() throws Exception {
        for (String path : new String[] {"/ct/phantom", "/ct/score"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("location")).as(path).contains("/ct");
        }
    }

    @Test
    void theCtFormSaysTheUploadsProgressIsTheBrowsersAndItsLimit() throws Exception {
        HttpResponse<String> r = get("/ct");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("At most 600 MB").contains("the browser shows how far the upload has got");
    }

    @Test
    void theRiskPageTakesASerumCreatinineForPreventAsTheRiskCommandDoes() throws Exception {
        String q = "?age=58&sex=male&race=white&tc=213&hdl=50&sbp=138&bmi=27";
        HttpResponse<String> without = get("/risk" + q);
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(without.body()).as("PREVENT's n/a rows say what is missing, and the form has the field it names")
                .contains("needs eGFR").contains("name=\"creatinine\"").contains("name=\"creatinineUnit\"");
        HttpResponse<String> api = get("/api/risk" + q + "&creatinine=88&creatinineUnit=umol/L");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        ResolvedPatient p = new PatientSpec(58.0, "male", "white", 213.0, 50.0, null, 138.0, null, null, null, null,
                null, 27.0, null, 88.0, "umol/L", null, null, null, List.of()).resolve();
        var direct = ClinicalAssessment.assess(p.input(), p.notes(), p.scans(), p.context());
        JsonNode body = json(api);
        int prevent = 0;
        for (int i = 0; i < direct.scores().size(); i++) {
            if (direct.scores().get(i) instanceof ScoreOutcome.Computed c && c.estimate().name().startsWith("PREVENT")) {
                assertThat(body.get("scores").get(i).get("risk").asDouble()).isEqualTo(c.estimate().risk());
                prevent++;
            }
        }
        assertThat(prevent).as("PREVENT computed from the creatinine's eGFR").isPositive();
        HttpResponse<String> page = get("/risk" + q + "&creatinine=1.0");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("on the page too, mg/dL by default").contains("PREVENT 10-year ASCVD").doesNotContain("needs eGFR");
    }

    @Test
    void ctUploadRejectsFilesThatAreNotACtSeriesWithoutCrashing() throws Exception {
        String boundary = "vascalc-test-boundary";
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 2; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../../x" + i
                    + ".dcm\"\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(junk);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/ct/score"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("the 2 uploaded files are not one readable CT series: contains no DICOM")
                .as("the server's temporary folder is not shown").doesNotContain("vascalc-upload-");
        assertThat(SERVER.log()).doesNotContain("internal error");
    }

    @Test
    void everyPageMarksItselfInTheNavigationAndItsLayoutFitsAPhone() throws Exception {
        for (String[] n : Html.NAV) {
            HttpResponse<String> r = get(n[0]);
            assertThat(r.statusCode()).as(n[0]).isEqualTo(200);
            assertThat(r.body()).as(n[0])
                    .contains("<title>" + Html.esc(n[2]) + " · VasCalc</title>")
                    .contains("<a href=\"" + n[0] + "\" aria-current=\"page\">");
            assertThat(r.body().split("aria-current=\"page\"", -1)).as(n[0]).hasSize(2);
        }
        String style = get("/").body().replaceAll("(?s).*<style>(.*)</style>.*", "$1");
        // the navigation wraps instead of running off a narrow screen
        assertThat(style).contains("nav{display:flex;flex-wrap:wrap");
        // a checkbox beside a long description keeps its size on a narrow screen (it shrank to a dot)
        assertThat(style).contains("label.check input{flex:none}");
        // a long word (the API address, a parameter set's hash) wraps instead of widening the whole page on a phone
        assertThat(style).contains("code{overflow-wrap:anywhere}main{overflow-wrap:break-word}");
        // no grid column has a fixed minimum wider than a 320 px phone: each is 0 or min(..., 100%)
        Matcher m = Pattern.compile("minmax\\(([^,()]+|min\\([^)]*\\)),").matcher(style);
        int columns = 0;
        while (m.find()) {
            columns++;
            assertThat(m.group(1)).as("a grid's minimum column width").matches("0|min\\(\\d+px,100%\\)");
        }
        assertThat(columns).isGreaterThanOrEqualTo(4);
        // a chart keeps the size it was drawn at on a phone, its text as large as on a desktop, and scrolls in its box
        // (a 640 px chart shrank to 358 px at 390 px, its text to 55 %); a figure in a grid may be narrower than it
        assertThat(style).contains("figure{min-width:0}@media (max-width:" + Html.NARROW_PX
                + "px){.chart img{width:auto;max-width:none}svg.forest{min-width:" + TrialForest.WIDTH + "px}td.prose{min-width:"
                + Html.PROSE_MIN_EM + "em}}");
        assertThat(Html.chart(new byte[] {1, 2}, "Chart: a title, one line per arm")).isEqualTo("<div class=\"wide chart\" "
                + "tabindex=\"0\"><img src=\"data:image/png;base64,AQI=\" alt=\"Chart: a title, one line per arm\" width=\"100%\"></div>");
        // there a chart's centred title and legend fall partly out of its box: its key says them above it (a11y2)
        assertThat(style).contains(ChartKey.style(Html.NARROW_PX));
        org.jsoup.nodes.Document compare = org.jsoup.Jsoup.parse(get("/compare?years=1").body());
        org.jsoup.select.Elements charts = compare.select("div.wide.chart");
        assertThat(charts).isNotEmpty();
        for (org.jsoup.nodes.Element c : charts) {
            org.jsoup.nodes.Element key = c.previousElementSibling();
            assertThat(key).as("a chart's key above its box").isNotNull();
            assertThat(key.is("div.chart-key")).as(key.outerHtml()).isTrue();
            assertThat(c.selectFirst("img").attr("alt")).as("the alt names the key's title").contains(key.selectFirst("b").text());
            assertThat(key.select("span:not(.x-title)")).as("the arms' names").hasSizeGreaterThanOrEqualTo(2);
            // and the x axis's title, drawn centred under the whole chart: at 390 px "hours since" without a swipe (xtitle)
            assertThat(key.select("span.x-title")).as(key.outerHtml()).singleElement()
                    .satisfies(x -> assertThat(x.text()).matches("x axis: \\S.*"));
        }
        // tables scroll inside their own box on a narrow screen instead of widening the page
        assertThat(get("/risk?age=60&sex=male&race=white&tc=200&hdl=50&sbp=130").body())
                .contains("<div class=\"wide\" tabindex=\"0\"><table>").doesNotContain("style=\"display:grid");
    }

    @Test
    void aHeightTypedInMetresIsRefusedWithAHint() throws Exception {
        HttpResponse<String> r = get("/compare?age=60&height=1.65");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Height: 1.65 cm is outside the allowed range 120 to 230 cm; height is in cm; "
                + "1.65 m is 165 cm").contains("name=\"height\" value=\"1.65\"");
        // cholesterol from a European lab (mmol/L) in the form's mg/dL fields: refused, with what it is in mg/dL
        HttpResponse<String> lipids = get("/compare?age=60&tc=5.4&hdl=1.3");
        assertThat(lipids.statusCode()).isEqualTo(400);
        assertThat(lipids.body()).contains("Total cholesterol: 5.4 mg/dL is outside the allowed range 50 to 700 mg/dL;"
                + " the value is in mg/dL: if it is in mmol/L, 5.4 mmol/L is 209 mg/dL").contains("1.3 mmol/L is 50 mg/dL");
        HttpResponse<String> api = get("/api/compare?height=1.8");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("1.8 m is 180 cm");
    }

    @Test
    void numbersThatAreNotFiniteOrAreAmbiguousAreCalledSoAndTheOtherInputIsKept() throws Exception {
        HttpResponse<String> r = get("/compare?age=NaN&weight=Infinity&height=1e400&egfr=90d&dbp=70&tc=1,000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("Age: &#39;NaN&#39; is not a number (years)")
                .contains("Body weight: &#39;Infinity&#39; is not a number (kg)")
                .contains("Height: &#39;1e400&#39; is too large a number (cm); the allowed range is") // leftovers14
                .contains("eGFR (kidney function): &#39;90d&#39; is not a number")
                .contains("Total cholesterol: &#39;1,000&#39; is ambiguous")
                .contains("write it without the comma (1000)")
                .doesNotContain("outside the allowed range")
                .contains("name=\"dbp\" value=\"70\"")
                .contains("name=\"tc\" value=\"1,000\"");
        // a decimal comma is still a decimal comma
        assertThat(get("/cohort?size=1,000").body()).contains("Members: &#39;1,000&#39; is ambiguous");
        HttpResponse<String> ok = get("/api/risk?age=60&sex=male&race=white&tc=200&hdl=50&sbp=130&bmi=27,5");
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aCalciumScoreIsShownWithWhatItCannotTellIntimalFromMedial() throws Exception {
        String person = "/risk?age=60&sex=male&race=white&tc=200&hdl=50&sbp=130";
        assertThat(get(person).body()).doesNotContain("What the score cannot tell");
        String withScore = get(person + "&cac=120&cacVessels=2").body();
        assertThat(withScore).contains("CAC-DRS: A2/N2").contains("What the score cannot tell")
                .contains("<b>intimal</b>").contains("<b>medial</b>").contains("Lanzer 2021")
                .contains("href=\"/compare\"");
        assertThat(withScore.indexOf("What the score cannot tell")).isGreaterThan(withScore.indexOf("CAC-DRS"));
    }

    @Test
    void aLongComparisonSendsTheFormAndItsProgressBeforeItsResults() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        FakeModel fake = new FakeModel();
        org.vascalc.simulation.SimulatorFactory gated = new org.vascalc.simulation.SimulatorFactory() {
            @Override
            public org.vascalc.core.param.ParameterCatalog defaultParameters() {
                return fake.defaultParameters();
            }

            @Override
            public org.vascalc.simulation.Simulator create(org.vascalc.core.param.ParameterCatalog p) {
                try {
                    gate.await(20, TimeUnit.SECONDS); // no run before the test saw the page start
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fake.create(p);
            }
        };
        Javalin slow = new WebApp(gated, new PrintWriter(new StringWriter(), true)).create().start("127.0.0.1", 0);
        try {
            HttpResponse<InputStream> r = SERVER.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + slow.port() + "/compare?age=60&years=1")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            StringBuilder page = new StringBuilder();
            try (var in = new InputStreamReader(r.body(), StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                long openAt = -1;
                for (int n; (n = in.read(buf)) >= 0; ) {
                    page.append(buf, 0, n);
                    if (openAt < 0 && page.indexOf("Running three arms over 1 year…") >= 0) {
                        openAt = gate.getCount(); // 1: the page start arrived while the run was still held
                        gate.countDown();
                    }
                }
                assertThat(openAt).as("the form and the first progress line came before the run could start").isEqualTo(1);
            }
            String body = page.toString();
            assertThat(body).contains("name=\"age\" value=\"60\"").contains("role=\"status\"")
                    .contains("Done: three arms over 1 year in").contains("<h2>After 1 year</h2>")
                    .contains("data:image/png").endsWith("</body></html>\n");
            assertThat(body.indexOf("</form>")).isLessThan(body.indexOf("Running three arms"));
            assertThat(body.indexOf("Done: ")).isLessThan(body.indexOf("<h2>After"));
            // the seconds between the run's end and its charts are named, not silent
            assertThat(body).containsOnlyOnce("drawing the charts…")
                    .containsPattern("<p>Computed three arms over 1 year in [0-9.]+ s; drawing the charts…</p>");
            assertThat(body.indexOf("drawing the charts")).isGreaterThan(body.indexOf("Running three arms over 1 year…"))
                    .isLessThan(body.indexOf("Done: "));
        } finally {
            gate.countDown();
            slow.stop();
        }
    }

    @Test
    void theDocumentsThePagesNameAreLinksToTheProjectsDocsAndNothingElseIsServed() throws Exception {
        Path docs = org.vascalc.simulation.scenario.ProjectFiles.require("docs");
        HttpResponse<String> wall = get("/docs/model/wall.md?raw");
        assertThat(wall.statusCode()).isEqualTo(200);
        assertThat(contentType(wall)).startsWith("text/plain");
        assertThat(wall.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(wall.body()).isEqualTo(Files.readString(docs.resolve("model/wall.md")));
        assertThat(get("/docs").body()).contains("href=\"/docs/model/\"").contains("href=\"/docs/references.bib\"")
                // each document listed with its own title, so a new reader sees which to open
                .contains("<a href=\"/docs/architecture.md\">architecture.md</a> — VasCalc architecture</li>")
                .contains("— Virtual cohorts and in-silico trials (<code>vascalc cohort</code>)</li>");
        assertThat(get("/docs/model/").body()).contains("href=\"/docs/model/wall.md\"");
        assertThat(get("/about").body()).contains("<a href=\"/docs/model/\">docs/model/</a>")
                .contains("<a href=\"/docs/validation.md\">docs/validation.md</a>").doesNotContain("<a href=\"/docs/\"><a");
        assertThat(get("/scenario").body()).contains("href=\"/docs/scenario.schema.json\"");
        assertThat(DocsFiles.linked("Sources: Agatston 1990; see docs/model/wall.md."))
                .isEqualTo("Sources: Agatston 1990; see <a href=\"/docs/model/wall.md\">docs/model/wall.md</a>.");
        // nothing outside docs/, and only the listed file types
        for (String path : List.of("/docs/../pom.xml", "/docs/%2e%2e/pom.xml", "/docs/..%2fpom.xml", "/docs/nothing.md",
                "/docs/%2e%2e/%2e%2e/etc/passwd", "/docs/..%2f..%2fetc%2fpasswd", "/docs//etc/passwd", "/docs/%2fetc%2fpasswd",
                "/docs/" + docs.getParent().resolve("pom.xml").toAbsolutePath(), "/docs/model/../../pom.xml",
                "/docs/%2e%2e/README.md?raw", "/docs/../cli/pom.xml?raw")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isBetween(400, 404);
            assertThat(r.body()).as(path).doesNotContain("<artifactId>").doesNotContain("root:");
        }
        // the unknown page is the site's own 404 page (navigation, style), not the server's
        HttpResponse<String> missing = get("/docs/nothing.md");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<nav").contains("<style>").contains("docs/nothing.md");
    }

    @Test
    void aMarkdownDocumentIsRenderedAsAPageWithItsTablesLinksAndImages() throws Exception {
        HttpResponse<String> trials = get("/docs/trials.md");
        assertThat(trials.statusCode()).isEqualTo(200);
        assertThat(contentType(trials)).startsWith("text/html");
        assertThat(trials.body()).contains("<nav").contains("<article class=\"md\">")
                .contains("<div class=\"wide\" tabindex=\"0\"><table>").contains("<th").contains("<td")
                .doesNotContain("| ---").contains("href=\"/docs/trials.md?raw\"");
        // an image written relative to the document resolves to the docs route and is served as PNG
        String stories = get("/docs/stories.md").body();
        Matcher img = Pattern.compile("<img src=\"(/docs/img/[^\"]+\\.png)\"").matcher(stories);
        assertThat(img.find()).as("an image of docs/stories.md").isTrue();
        HttpResponse<byte[]> png = SERVER.send(HttpRequest.newBuilder(SERVER.uri(img.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(contentType(png)).isEqualTo("image/png");
        assertThat(Arrays.copyOf(png.body(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void rawHtmlInMarkdownIsEscapedAndAddressesAreSanitisedAndRewritten() {
        Path root = Path.of("/repo/docs");
        String html = MarkdownPage.render(root, root.resolve("model/x.md"), "/docs/model/x.md",
                "# T\n\n<script>alert(1)</script>\n\n[a](javascript:alert(2)) [b](mineral.md#calcium) [c](../trials.md)"
                        + " [d](../../README.md) [e](../../pom.xml) [f](https://example.org/x.md) ![g](../img/p.png)\n");
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("javascript:")
                .contains("href=\"/docs/model/mineral.md#calcium\"").contains("href=\"/docs/trials.md\"")
                .contains("href=\"/readme\"").contains("href=\"../../pom.xml\"")
                .contains("href=\"https://example.org/x.md\"").contains("src=\"/docs/img/p.png\"")
                .contains("<title>T · VasCalc</title>").contains("<h1 id=\"t\">T</h1>");
        // a figure shrinks to a phone's width: tapped, it opens at full size (a link to itself, named by its alt, a11y2);
        // an image that is already a link's content keeps that link
        assertThat(html).contains("<a rel=\"nofollow\" href=\"/docs/img/p.png\"><img src=\"/docs/img/p.png\" alt=\"g\" /></a>");
        assertThat(MarkdownPage.render(root, root.resolve("x.md"), "/docs/x.md", "[![h](img/q.png)](trials.md)\n"))
                .contains("<a rel=\"nofollow\" href=\"/docs/trials.md\"><img src=\"/docs/img/q.png\" alt=\"h\" /></a>")
                .doesNotContain("href=\"/docs/img/q.png\"");
        // headings carry GitHub's anchors, repeats numbered, so page.md#heading lands on it
        assertThat(MarkdownPage.render(root, root.resolve("x.md"), "/docs/x.md", "## The engine (`fast`)\n\n## Notes\n\n## Notes\n"))
                .contains("<h2 id=\"the-engine-fast\">").contains("<h2 id=\"notes\">").contains("<h2 id=\"notes-1\">");
        // an editor's note in an HTML comment (generated pages start with one) is not shown as text
        assertThat(MarkdownPage.render(root, root.resolve("x.md"), "/docs/x.md",
                "<!-- Generated by X: do not edit by hand. -->\n# Page\n\nBody <b>x</b>\n"))
                .doesNotContain("Generated by X").doesNotContain("&lt;!--").contains("Body &lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void everyDocumentLinkedFromTheRenderedDocsResolves() throws Exception {
        Path docs = org.vascalc.simulation.scenario.ProjectFiles.require("docs");
        List<String> pages = new ArrayList<>();
        try (var s = Files.list(docs)) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> pages.add("/docs/" + p.getFileName()));
        }
        try (var s = Files.list(docs.resolve("model"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> pages.add("/docs/model/" + p.getFileName()));
        }
        assertThat(pages).contains("/docs/trials.md", "/docs/model/mineral.md");
        pages.add("/docs"); // the index of the folder
        pages.add("/readme"); // the repository's README.md, linked from documents as ../README.md
        Pattern link = Pattern.compile("(?:href|src)=\"(/(?:docs|readme)[^\"#?]*)");
        Set<String> checked = new TreeSet<>();
        int links = 0;
        for (String page : pages) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            Matcher m = link.matcher(r.body());
            while (m.find()) {
                links++;
                if (checked.add(m.group(1))) {
                    HttpResponse<Void> t = SERVER.send(HttpRequest.newBuilder(SERVER.uri(m.group(1))).build(),
                            HttpResponse.BodyHandlers.discarding());
                    assertThat(t.statusCode()).as(m.group(1) + " linked from " + page).isEqualTo(200);
                }
            }
        }
        assertThat(links).isGreaterThan(pages.size());
        assertThat(checked).contains("/docs/trials.md", "/docs/model/wall.md", "/docs/img/story-statin.png");
    }

    @Test
    void everyFormControlHasALabelOfItsOwn() throws Exception {
        Pattern control = Pattern.compile("<(input|select|textarea)\\b[^>]*>");
        for (String page : List.of("/compare", "/risk", "/scenario", "/cohort", "/trials", "/ct")) {
            String html = get(page).body();
            Matcher m = control.matcher(html);
            int controls = 0;
            while (m.find()) {
                controls++;
                String before = html.substring(0, m.start());
                boolean insideLabel = before.lastIndexOf("<label") > before.lastIndexOf("</label>");
                Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(m.group());
                boolean labelFor = id.find() && html.contains("<label for=\"" + id.group(1) + "\"");
                assertThat(insideLabel || labelFor || m.group().contains("aria-label=")).as("%s: %s has a label", page, m.group())
                        .isTrue();
            }
            assertThat(controls).as(page).isPositive();
            // a label names one control: the first it holds is the one it labels
            Matcher label = Pattern.compile("(?s)<label\\b.*?</label>").matcher(html);
            while (label.find()) {
                Matcher inside = control.matcher(label.group());
                int n = 0;
                while (inside.find()) {
                    n++;
                }
                assertThat(n).as("%s: controls in %s", page, label.group()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void tableCellsOfWordsAlignLeftAndNumbersRight() {
        String t = Html.table(new String[] {"output", "start", "change", "95 % interval", "what it is"},
                List.<String[]>of(new String[] {"cacAgatston", "0.0000", "+3.0 %", "[-0.1036, -0.006724]",
                    "coronary Agatston score as CT sees it"}, new String[] {"x", "n/a", "5.1\u00a0%", "—", "medial"}));
        assertThat(t).contains("<th scope=\"col\" class=\"text\">output</th><th scope=\"col\">start</th><th scope=\"col\">change</th>"
                        + "<th scope=\"col\">95 % interval</th><th scope=\"col\" class=\"text\">what it is</th>")
                .contains("<td>0.0000</td><td>+3.0 %</td><td>[-0.1036, -0.006724]</td>")
                .contains("<td class=\"text\">coronary Agatston score as CT sees it</td>")
                .contains("<td>n/a</td><td>5.1\u00a0%</td><td>—</td><td class=\"text\">medial</td>");
    }

    @Test
    void aSubmittedFormLinksTheApiAddressThatAnswersTheSameAsJson() throws Exception {
        String risk = get("/risk?age=60&sex=male&race=white&tc=200&hdl=50&sbp=130&smoker=on").body();
        String api = "/api/risk?age=60&sex=male&race=white&tc=200&hdl=50&sbp=130&smoker=on";
        assertThat(risk).contains("<a href=\"" + api.replace("&", "&amp;") + "\">");
        assertThat(get(api).statusCode()).isEqualTo(200);
        assertThat(get("/risk").body()).contains("<code>/api/risk?age=…</code>").doesNotContain("href=\"/api/risk");
        assertThat(get("/compare?age=61&years=1&sex=male").body())
                .contains("<a href=\"/api/compare?age=61&amp;sex=male&amp;years=1\">");
    }

    @Test
    void unknownPageIsA404WithAWayBack() throws Exception {
        HttpResponse<String> r = get("/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("href=\"/\"").doesNotContain("The command line's");
        // review16: /simulate, the command's name, was "no page" alone; it names the pages that do it
        HttpResponse<String> simulate = get("/simulate");
        assertThat(simulate.statusCode()).isEqualTo(404);
        assertThat(simulate.body()).contains("The command line's <code>simulate</code> is here the page "
                + "<a href=\"/scenario\">Run a scenario</a>").contains("<a href=\"/compare\">").contains("href=\"/\"");
        assertThat(get("/trial").body()).contains("<a href=\"/trials\">Published trials</a>");
    }

    @Test
    void unknownApiEndpointIsA404InJsonNamingTheEndpoints() throws Exception {
        HttpResponse<String> r = get("/api/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(contentType(r)).startsWith("application/json");
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).contains("GET /api/nothing-here").contains("/api/risk");
    }

    @Test
    void serveRejectsAnImpossiblePort() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--port", "70000");
        assertThat(code).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--port = 70000 is outside the allowed range 1 to 65535");
    }

    @Test
    void serveRejectsATakenPortWithOneMessage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String taken = Integer.toString(SERVER.port());
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--port", taken);
        assertThat(code).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken).contains("Try --port");
    }

    @Test
    void anUploadedFileLargerThanTheLimitIsRefusedWithAMessageNotAnInternalError() throws Exception {
        // robust (thirty-third session): one file over 64 MB answered 500 "Internal error (a bug, please
        // report it ...): ServletException", Jetty's refusal of the multipart body passed on as a bug
        var fields = new LinkedHashMap<String, List<byte[]>>();
        fields.put("files", List.of(new byte[(int) CtPage.MAX_FILE_BYTES + 1]));
        HttpResponse<String> r = upload(fields);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than 64 MB").contains("./vascalc score FOLDER")
                .doesNotContain("Internal error").doesNotContain("Exception");
        assertThat(get("/ct").statusCode()).isEqualTo(200); // the server goes on
    }
}
