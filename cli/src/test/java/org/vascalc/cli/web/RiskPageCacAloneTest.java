package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * percentalone: /risk and /api/risk with the lipid and pressure fields left empty and a calcium score given answer
 * the percentile and the category, and say what the risk scores need; with neither they still refuse.
 */
class RiskPageCacAloneTest {

    /** The form as a browser sends it: every field, the unfilled ones empty. */
    private static FormValues ct(String cac) {
        return form("age", "55", "sex", "male", "race", "white", "tc", "", "hdl", "", "lipidUnit", "mg/dL", "sbp", "",
                "bmi", "", "egfr", "", "creatinine", "", "creatinineUnit", "mg/dL", "cac", cac, "cacVessels", "");
    }

    @Test
    void thePageComputesThePercentileAndCategoryAndSaysWhatTheScoresNeed() {
        Response r = RiskPage.html(ct("120"));
        assertThat(r.status()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.text()).contains("MESA CAC percentile: 83").contains("CAC-DRS: A2");
        assertThat(page.selectFirst("p.needs").text()).isEqualTo("Not computed: MESA CHD risk, Pooled Cohort Equations, "
                + "Revised Pooled Cohort Equations, PREVENT, which need Total cholesterol (50 to 700 mg/dL or 1.3 to 18.1 "
                + "mmol/L), HDL cholesterol (5 to 200 mg/dL or 0.13 to 5.17 mmol/L), Systolic blood pressure (60 to 280 "
                + "mmHg): fill them in above and Assess again.");
        assertThat(page.select("h2").eachText()).containsExactly("Calcium score", "Risk scores");
        assertThat(page.select("table")).as("no table of scores none of which was computed").isEmpty();
    }

    @Test
    void theApiAnswersTheSameJsonAsTheCommandLine() throws IOException {
        Response r = RiskPage.json(ct("120"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode root = new ObjectMapper().readTree(r.body());
        assertThat(root.get("riskScoresNotComputed").get("needs").get(0).get("field").asText())
                .isEqualTo("totalCholesterol");
        assertThat(root.get("cacPercentile").get("percentile").asInt()).isEqualTo(83);
    }

    /**
     * leftovers30: the API's message and needs name the parameters it takes (tc, hdl, sbp, lipidUnit=mmol/L), not the
     * command line's flags (--tc, ..., --lipid-unit mmol/L), which {@code risk --json} keeps; the list is the same.
     */
    @Test
    void theApisNotComputedNamesItsOwnParametersNotTheFlags() throws IOException {
        JsonNode nc = new ObjectMapper().readTree(RiskPage.json(ct("120")).body()).get("riskScoresNotComputed");
        assertThat(nc.get("message").asText()).isEqualTo("Risk scores not computed (MESA CHD risk, Pooled Cohort "
                + "Equations, Revised Pooled Cohort Equations, PREVENT): they need tc (total cholesterol, 50 to 700 mg/dL "
                + "or 1.3 to 18.1 mmol/L with lipidUnit=mmol/L), hdl (HDL cholesterol, 5 to 200 mg/dL or 0.13 to 5.17 "
                + "mmol/L with lipidUnit=mmol/L), sbp (systolic blood pressure, 60 to 280 mmHg).");
        java.util.List<String> needs = new java.util.ArrayList<>();
        nc.get("needs").forEach(n -> needs.add(n.get("field").asText() + " " + n.get("parameter").asText()));
        assertThat(needs).containsExactly("totalCholesterol tc", "hdlCholesterol hdl", "systolicBp sbp");
        nc.get("needs").forEach(n -> assertThat(n.has("option")).as("no flag in the API").isFalse());
        // every name the message gives is a parameter /api/risk takes
        needs.forEach(n -> assertThat(RiskPage.PARAMETERS).contains(n.substring(n.indexOf(' ') + 1)));
        assertThat(RiskPage.PARAMETERS).contains("lipidUnit");
    }

    @Test
    void withoutAScoreTheEmptyFieldsAreStillNamedAsMissing() {
        Response r = RiskPage.html(ct(""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).text()).contains("Total cholesterol: missing: give total cholesterol (mg/dL) for "
                + "the risk scores, or a coronary calcium score alone for its percentile and CAC-DRS");
    }

    @Test
    void someFactorsGiveATableWithTheOthersNamedNotComputed() {
        Response r = RiskPage.html(form("age", "55", "sex", "male", "race", "white", "tc", "", "hdl", "",
                "sbp", "130", "egfr", "85", "bmi", "27", "cac", "120"));
        assertThat(r.status()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("td").eachText()).contains("not computed: needs total cholesterol, HDL cholesterol");
        assertThat(page.selectFirst("p.needs").text()).startsWith("Not computed: the scores marked so above need Total "
                + "cholesterol").doesNotContain("Systolic");
    }
}
