package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.clinical.io.PatientSpec;

/**
 * How the risk page names the library's problems: by the form's own fields (tc, scan3Date), which the
 * reader can find on the page, never by {@link PatientSpec}'s field paths.
 */
class RiskPageFieldsTest {

    private static final List<PatientSpec.ScanSpec> SCANS = List.of(new PatientSpec.ScanSpec("2019-05-01", 10.0),
            new PatientSpec.ScanSpec(null, 30.0));
    /** The two filled scan rows are the form's first and third. */
    private static final List<Integer> ROWS = List.of(1, 3);

    @Test
    void theLibrarysFieldNamesBecomeTheFormsOwn() {
        assertThat(RiskPage.formField("totalCholesterol", SCANS, ROWS)).isEqualTo("tc");
        assertThat(RiskPage.formField("hdlCholesterol", SCANS, ROWS)).isEqualTo("hdl");
        assertThat(RiskPage.formField("systolicBp", SCANS, ROWS)).isEqualTo("sbp");
        assertThat(RiskPage.formField("age", SCANS, ROWS)).isEqualTo("age");
    }

    @Test
    void theNthFilledScanIsTheRowItWasTypedIn() {
        assertThat(RiskPage.formField("scans[0].date", SCANS, ROWS)).isEqualTo("scan1Date");
        assertThat(RiskPage.formField("scans[1].date", SCANS, ROWS)).isEqualTo("scan3Date");
        assertThat(RiskPage.formField("scans[1].agatston", SCANS, ROWS)).isEqualTo("scan3Score");
        assertThat(RiskPage.formField("scans[0].agatston", SCANS, ROWS)).isEqualTo("scan1Score");
        // a problem of the whole scan: its date when the date is what is missing, else its score
        assertThat(RiskPage.formField("scans[1]", SCANS, ROWS)).isEqualTo("scan3Date");
        assertThat(RiskPage.formField("scans[0]", SCANS, ROWS)).isEqualTo("scan1Score");
        // no such filled row, or no scan path: left as it is
        assertThat(RiskPage.formField("scans[2].date", SCANS, ROWS)).isEqualTo("scans[2].date");
        assertThat(RiskPage.formField("scans", SCANS, ROWS)).isEqualTo("scans");
    }
}
