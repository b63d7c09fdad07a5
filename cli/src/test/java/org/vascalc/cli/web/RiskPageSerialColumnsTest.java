package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.CliRun;

/**
 * review15's last /risk edges: the serial table had no √-change column (the command line's has one), and a
 * parameter named as the command line's {@code --scan} was answered "did you mean 'cac'?".
 */
class RiskPageSerialColumnsTest {

    @Test
    void theSerialTableHasTheCommandLinesSquareRootChange() {
        // 100 -> 300 AU: √300 − √100 = 17.32 − 10 = 7.32, beyond Hokanson's 2.5
        Response r = RiskPage.html(form("age", "70", "sex", "male", "race", "white", "tc", "190", "hdl", "50",
                "sbp", "130", "scan1Date", "2021-01-01", "scan1Score", "100", "scan2Date", "2024-01-01", "scan2Score", "300"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains(">√ change</th>")
                .containsPattern("<td[^>]*>66\\.7</td><td[^>]*>7\\.32</td><td[^>]*>significant progression</td>");
        CliRun cli = CliRun.of("risk", "--age", "70", "--sex", "male", "--race", "white", "--tc", "190", "--hdl", "50",
                "--sbp", "130", "--scan", "2021-01-01=100", "--scan", "2024-01-01=300");
        assertThat(cli.out()).as("the same heading and number on the command line").contains("√ change")
                .containsPattern(" 66\\.7 +7\\.32  significant progression");
    }

    /**
     * leftovers20: the page's table lacked the command line's absolute change (its paragraph gave it); now both tables
     * come from {@code SerialTable}: 100 -> 300 -> 260 AU, 2021, 2024, 2025: +200, -40 and +160 overall, in AU.
     */
    @Test
    void theSerialTableHasTheCommandLinesAbsoluteChangeWithTheSameHeadings() {
        Response r = RiskPage.html(form("age", "70", "sex", "male", "race", "white", "tc", "190", "hdl", "50",
                "sbp", "130", "scan1Date", "2021-01-01", "scan1Score", "100", "scan2Date", "2024-01-01", "scan2Score", "300",
                "scan3Date", "2025-01-01", "scan3Score", "260"));
        assertThat(r.status()).isEqualTo(200);
        org.jsoup.nodes.Element table = org.jsoup.Jsoup.parse(r.body()).selectFirst("h2:contains(Serial scans) ~ div table");
        assertThat(table.select("th").eachText()).containsExactly("Interval", "From (AU)", "To (AU)", "Years",
                "Change (AU)", "AU/year", "√ change", "Verdict (Hokanson)");
        List<List<String>> rows = table.select("tr:has(td)").stream().map(tr -> tr.select("td").eachText()).toList();
        assertThat(rows).extracting(row -> row.get(4)).containsExactly("200", "-40", "160");
        CliRun cli = CliRun.of("risk", "--age", "70", "--sex", "male", "--race", "white", "--tc", "190", "--hdl", "50",
                "--sbp", "130", "--scan", "2021-01-01=100", "--scan", "2024-01-01=300", "--scan", "2025-01-01=260");
        List<String> cliRows = cli.out().lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d\\.\\..*")).toList();
        assertThat(cliRows).hasSize(3);
        for (int k = 0; k < 3; k++) {
            // the same cells, the verdict's words apart
            assertThat(String.join(" ", cliRows.get(k).split("\\s+"))).isEqualTo(String.join(" ", rows.get(k)));
        }
        assertThat(cli.out()).containsPattern("\nInterval +From \\(AU\\) +To \\(AU\\) +Years +Change \\(AU\\) +AU/year"
                + " +√ change +Verdict \\(Hokanson\\)\n");
    }

    @Test
    void theCommandLinesScanIsToldTheFormsScanFields() {
        String message = FormValues.unknownParameters(Map.of("scan", List.of("2021-03-01=148")), RiskPage.PARAMETERS,
                "/risk").all().get(0).message();
        assertThat(message).startsWith("'scan' is not a parameter of /risk (did you mean 'scan1Date' or 'scan1Score'?)")
                .doesNotContain("'cac'?");
        // a near typo still gets the one nearest name
        assertThat(FormValues.unknownParameters(Map.of("scan1Dat", List.of("x")), RiskPage.PARAMETERS, "/risk").all()
                .get(0).message()).contains("(did you mean 'scan1Date'?)");
    }
}
