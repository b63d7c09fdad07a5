package org.vascalc.cli.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.UserInputException;
import org.vascalc.clinical.io.PatientSpec;

/**
 * A patient field named by the flag that sets it where the two names differ (the @Option names of
 * RiskCommand), and --scan's DATE=SCORE form.
 */
class RiskFlagsTest {

    @Test
    void everyFieldWhoseFlagDiffersCarriesTheFlag() {
        String[][] pairs = {{"totalCholesterol", "--tc"}, {"hdlCholesterol", "--hdl"}, {"systolicBp", "--sbp"},
            {"lipidUnit", "--lipid-unit"}, {"creatinineUnit", "--creatinine-unit"}, {"cacVessels", "--cac-vessels"},
            {"bpTreated", "--bp-treated"}, {"familyHistory", "--family-history"}, {"vitaminK2", "--vitamin-k2"},
            {"scans", "--scan"}};
        for (String[] p : pairs) {
            assertThat(RiskCommand.withFlag(p[0])).isEqualTo(p[0] + " (" + p[1] + ")");
        }
        assertThat(RiskCommand.withFlag("scans[1].agatston")).isEqualTo("scans[1].agatston (--scan)");
        for (String same : new String[] {"age", "sex", "race", "statin", "diabetes", "smoker", "bmi", "egfr", "creatinine",
            "cac", "patient"}) {
            assertThat(RiskCommand.withFlag(same)).as("--" + same + " is the field's own name").isEqualTo(same);
        }
    }

    @Test
    void scansAreDateEqualsScore() {
        List<PatientSpec.ScanSpec> scans = RiskCommand.parseScans(List.of("2021-03-01=140", "2024-03-01= 152.5 "));
        assertThat(scans).hasSize(2);
        assertThat(scans.get(0).date()).isEqualTo("2021-03-01");
        assertThat(scans.get(0).agatston()).isEqualTo(140);
        assertThat(scans.get(1).agatston()).isEqualTo(152.5);
        assertThat(RiskCommand.parseScans(List.of())).isEmpty();
        assertThatThrownBy(() -> RiskCommand.parseScans(List.of("2021-03-01")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--scan '2021-03-01' must be DATE=SCORE, e.g. 2021-03-01=140");
        assertThatThrownBy(() -> RiskCommand.parseScans(List.of("2021-03-01=high")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--scan '2021-03-01=high': the score after '=' is not a number (Agatston units)");
    }
}
