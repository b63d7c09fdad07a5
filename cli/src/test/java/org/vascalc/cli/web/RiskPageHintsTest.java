package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;

/**
 * Every number field of the risk form says its unit and the range it is checked against (review, fortieth
 * session: the serum creatinine said only "in its unit" and the scan scores no range, while
 * {@code vascalc risk --help} gives both).
 */
class RiskPageHintsTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    /** The label text of the field {@code name}: from its label's start to its input. */
    private static String label(String page, String name) {
        int input = page.indexOf("name=\"" + name + "\"");
        assertThat(input).as("field %s on the page", name).isPositive();
        return page.substring(page.lastIndexOf("<label", input), input);
    }

    @Test
    void theCreatinineFieldGivesItsRangeInBothUnits() throws Exception {
        HttpResponse<String> r = SERVER.get("/risk");
        assertThat(r.statusCode()).isEqualTo(200);
        // CKD-EPI 2021's accepted 0.1 to 25 mg/dL; × 88.4 µmol/L per mg/dL: 8.84 to 2210 µmol/L
        assertThat(label(r.body(), "creatinine")).contains("0.1 to 25 mg/dL (8.84 to 2210 µmol/L)");
    }

    @Test
    void eachScanScoreGivesItsUnitAndRange() throws Exception {
        String page = SERVER.get("/risk").body();
        for (int i = 1; i <= 3; i++) {
            assertThat(label(page, "scan" + i + "Score")).contains("Agatston units, 0 to 50000");
        }
    }
}
