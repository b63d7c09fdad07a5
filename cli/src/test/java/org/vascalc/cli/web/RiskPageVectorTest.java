package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import org.junit.jupiter.api.Test;

/**
 * The risk page against published numbers: CVrisk's MESA test vector (man of 70, Hispanic, SBP 130 on
 * treatment, HDL 50, total cholesterol 190 mg/dL: 8.61 % without the calcium score, 3.06 % with CAC 0;
 * /work/shared/clinical/reference.md, section 2) as the page's rows show them (one decimal), and a serial
 * reading worked by hand.
 */
class RiskPageVectorTest {

    private static final String[] MESA_MAN = {"age", "70", "sex", "male", "race", "hispanic", "tc", "190", "hdl", "50",
        "sbp", "130", "bpTreated", "true"};

    private static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(MESA_MAN, MESA_MAN.length + more.length);
        System.arraycopy(more, 0, all, MESA_MAN.length, more.length);
        return all;
    }

    @Test
    void theMesaVectorIsShownInItsRowsToOneDecimal() {
        Response r = RiskPage.html(form(with("cac", "0")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .containsPattern("MESA CHD risk \\(without CAC\\)</t[dh]><td class=\"text\">8\\.6\u00a0%</td><td class=\"text\">10</td>")
                .containsPattern("MESA CHD risk \\(with CAC\\)</t[dh]><td class=\"text\">3\\.1\u00a0%</td><td class=\"text\">10</td>")
                .contains("<b>CAC-DRS: ").contains(RiskPage.LAYERS);
    }

    @Test
    void theApiGivesTheVectorsRisks() {
        Response r = RiskPage.json(form(with("cac", "0")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).containsPattern("\"id\" ?: ?\"mesa-chd\"[^}]*\"risk\" ?: ?0\\.086[01]")
                .containsPattern("\"id\" ?: ?\"mesa-chd-cac\"[^}]*\"risk\" ?: ?0\\.030[56]");
    }

    @Test
    void twoDatedScansAreReadAsOneIntervalOfWholeYears() {
        // 2019-05-01 to 2024-05-01: 5 whole years; 100 -> 150 AU: 50 AU, 10.0 AU a year; one interval, no overall row
        // (leftovers20: the interval written and the 50 AU change given as the command line's table has them)
        Response r = RiskPage.html(form(with("cac", "150", "scan1Date", "2019-05-01", "scan1Score", "100",
                "scan2Date", "2024-05-01", "scan2Score", "150")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<h2>Serial scans</h2>")
                .containsPattern("2019-05-01\\.\\.2024-05-01</t[dh]><td[^>]*>100</td><td[^>]*>150</td><td[^>]*>5\\.0</td>"
                        + "<td[^>]*>50</td><td[^>]*>10\\.0</td>")
                .containsOnlyOnce("..2024-05-01<");
    }

    @Test
    void aMissingRequiredFieldIs400NamingItAndKeepingTheOthersInput() {
        Response page = RiskPage.html(form("age", "70", "sex", "male", "race", "hispanic", "hdl", "50", "sbp", "130",
                "bpTreated", "true"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("name=\"tc\"").contains("name=\"age\" value=\"70\"")
                .contains("name=\"hdl\" value=\"50\"").contains("<option value=\"hispanic\" selected>")
                .contains("name=\"bpTreated\" value=\"true\" checked>").contains("name=\"statin\" value=\"true\">");
        Response api = RiskPage.json(form("age", "70", "sex", "male", "race", "hispanic", "hdl", "50", "sbp", "130"));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body()).contains("\"tc\"");
    }

    @Test
    void vesselsWithCalciumMustBeAWholeNumber() {
        Response r = RiskPage.json(form(with("cac", "10", "cacVessels", "1.5")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("number of coronary arteries with calcium = 1.5 is not a whole number; the allowed "
                + "range is 0 to 4 arteries (of LM, LAD, LCX, RCA)");
        assertThat(RiskPage.json(form(with("cac", "10", "cacVessels", "2"))).status()).isEqualTo(200);
    }

    @Test
    void aCreatinineInMicromolesPerLitreIsReadAndShownInThatUnit() {
        // 88.4 umol/L is 1.0 mg/dL (88.4 umol/L per mg/dL): inside the range; read as mg/dL it would be far outside it
        Response r = RiskPage.html(form(with("creatinine", "88.4", "creatinineUnit", "umol/L")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<option value=\"umol/L\" selected>").contains("name=\"creatinine\" value=\"88.4\"");
    }

    @Test
    void aScanInTheThirdRowIsReadAndKeptInItsRow() {
        Response r = RiskPage.html(form(with("cac", "150", "scan1Date", "2019-05-01", "scan1Score", "100",
                "scan3Date", "2024-05-01", "scan3Score", "150")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("2019-05-01 to 2024-05-01").contains("name=\"scan3Date\" value=\"2024-05-01\"")
                .contains("name=\"scan3Score\" value=\"150\"");
    }
}
