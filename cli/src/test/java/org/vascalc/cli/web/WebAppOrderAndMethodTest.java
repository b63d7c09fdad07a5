package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
}
