package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import org.junit.jupiter.api.Test;
import org.vascalc.cli.CliRun;
import org.vascalc.cli.clinical.CacDrsReading;

/**
 * leftovers20: what /risk says that {@code vascalc risk} did not: each risk's source (the page's Source column) and
 * what the calcium score cannot tell (the page's paragraph under the CAC-DRS category).
 */
class RiskCliTwinTest {

    private static final String[] PATIENT = {"risk", "--age", "70", "--sex", "male", "--race", "white", "--tc", "190",
        "--hdl", "50", "--sbp", "130", "--cac", "260"};

    @Test
    void theCommandLineNamesEachRisksSourceAsThePagesSourceColumn() {
        String page = RiskPage.html(form("age", "70", "sex", "male", "race", "white", "tc", "190", "hdl", "50",
                "sbp", "130", "cac", "260")).body();
        assertThat(page).contains(">McClelland2015, Table 2</td>").contains(">Goff2013, Table A (unrounded coefficients)</td>");
        String out = String.join(" ", CliRun.of(PATIENT).out().split("\\s+"));
        assertThat(out).contains("Sources (docs/references.bib): McClelland2015, Table 2 (MESA CHD risk (without CAC), "
                + "MESA CHD risk (with CAC)); Goff2013, Table A (unrounded coefficients) (Pooled Cohort Equations); ");
    }

    @Test
    void theCommandLineSaysWhatTheScoreCannotTellAsThePageDoes() {
        String out = String.join(" ", CliRun.of(PATIENT).out().split("\\s+"));
        assertThat(out).contains("What the score cannot tell: CT counts every calcified spot above 130 HU, in plaque "
                + "(intimal calcium, part of the atherosclerosis behind heart attacks)")
                .contains("alike. [Lanzer2021] A score that falls while taking vitamin K2 is most likely medial calcium");
        String page = RiskPage.html(form("age", "70", "sex", "male", "race", "white", "tc", "190", "hdl", "50",
                "sbp", "130", "cac", "260")).body();
        assertThat(org.jsoup.Jsoup.parse(page).selectFirst("p.layers").text()).startsWith(CacDrsReading.LAYERS_HEAD + " "
                + CacDrsReading.LAYERS + " Lanzer 2021. " + CacDrsReading.LAYERS_K2);
        // without a score there is no category and nothing to say about it
        assertThat(CliRun.of("risk", "--age", "70", "--sex", "male", "--race", "white", "--tc", "190", "--hdl", "50",
                "--sbp", "130").out()).doesNotContain("What the score cannot tell");
    }

    /**
     * leftovers31: the command listed an input's problems as the library found them (sex, race, hdl, then age, tc,
     * sbp), the page and /api/risk by the form: all three now in one order, {@code RiskFieldOrder}'s.
     */
    @Test
    void theCommandListsAnInputsProblemsInTheFormsOrderAsThePageDoes() {
        CliRun r = CliRun.of("risk", "--sbp", "20", "--tc", "900", "--age", "150", "--sex", "x");
        assertThat(r.code()).isEqualTo(1);
        java.util.List<Integer> at = new java.util.ArrayList<>();
        for (String field : new String[] {"error: age:", "error: sex:", "error: race:", "error: totalCholesterol (--tc):",
            "error: hdlCholesterol (--hdl):", "error: systolicBp (--sbp):"}) {
            at.add(r.err().indexOf(field));
        }
        assertThat(at).as(r.err()).doesNotContain(-1).isSorted();
        java.util.List<String> pageOrder = RiskPage.LABELS.keySet().stream()
                .filter(java.util.List.of("age", "sex", "race", "tc", "hdl", "sbp")::contains).toList();
        assertThat(pageOrder).containsExactly("age", "sex", "race", "tc", "hdl", "sbp");
    }
}
