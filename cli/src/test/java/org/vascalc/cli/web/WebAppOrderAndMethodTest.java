package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;

/**
 * The risk API's problems in the form's order, and a method a path does not answer: 405 with "Allow"
 * (leftovers31, from review20).
 */
class WebAppOrderAndMethodTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** /api/risk listed its problems as found (sex, race, hdl, then age, tc); /risk lists them top to bottom. */
    @Test
    void riskApiListsItsProblemsInTheFormsOrder() throws Exception {
        HttpResponse<String> r = SERVER.get("/api/risk?sbp=20&tc=900&age=150&sex=x&hdl=zz");
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(r.body()).get("problems").forEach(x -> fields.add(x.get("field").asText()));
        assertThat(fields).containsExactly("age", "sex", "race", "tc", "hdl", "sbp");
        assertThat(fields).as("the form's order, from RiskPage.LABELS")
                .containsExactlyElementsOf(RiskPage.LABELS.keySet().stream().filter(fields::contains).toList());
        // the page lists the same problems in the same order, by their labels
        String page = SERVER.get("/risk?sbp=20&tc=900&age=150&sex=x&hdl=zz").body();
        List<Integer> at = new ArrayList<>();
        for (String f : fields) {
            at.add(page.indexOf(">" + RiskPage.LABELS.get(f) + ":"));
        }
        assertThat(at).doesNotContain(-1).isSorted();
    }

    /**
     * leftovers32: /api/compare listed its problems as found: the flags, then the cross-checks (hdl not below tc, dbp
     * not below sbp), so "smoker" came before "dbp" where /compare lists dbp, hdl, smoker top to bottom.
     */
    @Test
    void compareApiListsItsProblemsInTheFormsOrder() throws Exception {
        String q = "?sbp=120&dbp=130&tc=150&hdl=200&smoker=maybe&age=150";
        HttpResponse<String> r = SERVER.get("/api/compare" + q);
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> fields = fields(r);
        assertThat(fields).as("the errors; dbp and hdl also have a warning of their typical ranges")
                .containsExactly("age", "dbp", "hdl", "smoker");
        assertThat(fields).as("the form's order, from ComparePage.LABELS")
                .containsExactlyElementsOf(ComparePage.LABELS.keySet().stream().filter(fields::contains).toList());
        String page = SERVER.get("/compare" + q).body();
        List<Integer> at = new ArrayList<>();
        for (String f : fields) {
            at.add(page.indexOf(">" + ComparePage.LABELS.get(f) + ":"));
        }
        assertThat(at).as("the page lists them in the same order").doesNotContain(-1).isSorted();
    }

    /** leftovers32: a parameter given twice was listed alphabetically (hdl before sex) by both APIs. */
    @Test
    void repeatedParametersAreListedInTheFormsOrderToo() throws Exception {
        assertThat(fields(SERVER.get("/api/risk?sex=f&sex=m&hdl=50&hdl=60&age=60&age=61")))
                .containsExactly("age", "sex", "hdl");
        assertThat(fields(SERVER.get("/api/compare?years=1&years=2&sex=f&sex=m&hdl=50&hdl=60")))
                .containsExactly("sex", "hdl", "years");
    }

    /*
     * leftovers33: the HTML "Invalid input" page of a parameter given twice listed the problems alphabetically (hdl
     * before sex) where the APIs and each page's own 400s list them in the form's order. One test per page kind.
     */

    @Test
    void riskPagesRepeatedParametersAreListedInTheFormsOrder() throws Exception {
        assertThat(listed(SERVER.get("/risk?sex=f&sex=m&hdl=50&hdl=60&age=60&age=61")))
                .containsExactly("age", "sex", "hdl").isEqualTo(inOrder(RiskPage.LABELS, "age", "sex", "hdl"));
    }

    @Test
    void comparePagesRepeatedParametersAreListedInTheFormsOrder() throws Exception {
        assertThat(listed(SERVER.get("/compare?years=1&years=2&sex=f&sex=m&hdl=50&hdl=60")))
                .containsExactly("sex", "hdl", "years").isEqualTo(inOrder(ComparePage.LABELS, "sex", "hdl", "years"));
    }

    @Test
    void cohortPagesRepeatedParametersAreListedInTheFormsOrder() throws Exception {
        assertThat(listed(SERVER.get("/cohort?seed=1&seed=2&size=5&size=6&population=mesa&population=cric")))
                .containsExactly("population", "size", "seed");
    }

    @Test
    void trialsPagesRepeatedParametersAreListedInTheFormsOrder() throws Exception {
        assertThat(listed(SERVER.get("/trials?seed=1&seed=2&size=5&size=6&trial=a&trial=b")))
                .containsExactly("trial", "size", "seed");
    }

    @Test
    void scenarioPagesRepeatedParametersAreListedInTheFormsOrder() throws Exception {
        assertThat(listed(SERVER.post("/scenario", "mode", "fast", "mode", "reference", "format", "yaml", "format",
                "json", "text", "name: x", "text", "name: y"))).containsExactly("text", "format", "mode");
    }

    @Test
    void ctPagesRepeatedParametersAreListedInTheFormsOrder() throws Exception {
        assertThat(listed(SERVER.post("/ct/phantom", "cha", "0.8", "cha", "0.7", "text", "a: 1", "text", "b: 2")))
                .containsExactly("text", "cha");
        assertThat(listed(SERVER.post("/ct/score", "cha", "0.8", "cha", "0.7", "convention", "a", "convention", "b",
                "series", "1", "series", "2"))).containsExactly("series", "convention", "cha");
    }

    /** The fields of the "Invalid input" page's errors, top to bottom. */
    private static List<String> listed(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Invalid input").contains(" is given twice");
        return java.util.regex.Pattern.compile("<li id=\"problem-\\d+\"><code>([^<]+)</code>").matcher(r.body())
                .results().map(m -> m.group(1)).toList();
    }

    private static List<String> inOrder(java.util.Map<String, String> labels, String... fields) {
        return labels.keySet().stream().filter(List.of(fields)::contains).toList();
    }

    private static List<String> fields(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        JSON.readTree(r.body()).get("problems").forEach(x -> {
            if (x.get("severity").asText().equals("error")) {
                fields.add(x.get("field").asText());
            }
        });
        return fields;
    }

    @Test
    void aPostToAGetOnlyApiPathIs405WithAllowAndWhatTheApiHas() throws Exception {
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/api/risk?age=60"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET").doesNotContain("POST"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).contains("POST").contains("/api/risk").contains("GET /api/compare");
        HttpResponse<String> delete = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/api/version")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).isPresent();
        // an endpoint that is not there at all is still the 404 naming what is
        assertThat(SERVER.send(HttpRequest.newBuilder(SERVER.uri("/api/nothing")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aPutToAPageIs405WithTheSitesPageAndItsMethods() throws Exception {
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(SERVER.uri("/scenario"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("GET").contains("POST"));
        assertThat(r.body()).contains("<nav").contains("PUT is not answered at /scenario");
        HttpResponse<String> risk = SERVER.post("/risk", "age", "60");
        assertThat(risk.statusCode()).isEqualTo(405);
        assertThat(risk.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).doesNotContain("POST"));
    }
}
