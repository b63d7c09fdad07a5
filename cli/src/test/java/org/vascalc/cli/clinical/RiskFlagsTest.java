package org.vascalc.cli.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.clinical.io.PatientSpec;
import org.vascalc.core.input.InputProblem;

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
        List<PatientSpec.ScanSpec> scans = RiskCommand.parseScans(List.of("2021-03-01=140", "2024-03-01= 152.5 ")).specs();
        assertThat(scans).hasSize(2);
        assertThat(scans.get(0).date()).isEqualTo("2021-03-01");
        assertThat(scans.get(0).agatston()).isEqualTo(140);
        assertThat(scans.get(1).agatston()).isEqualTo(152.5);
        assertThat(RiskCommand.parseScans(List.of()).specs()).isEmpty();
        // each malformed one named at its position as typed, the well-formed ones kept for the other checks
        RiskCommand.Scans mixed = RiskCommand.parseScans(List.of("2021-03-01", "2022-03-01=90", "2021-03-01=high"));
        assertThat(mixed.problems()).containsExactly(
                InputProblem.error("scans[0]", "'2021-03-01' must be DATE=SCORE, e.g. 2021-03-01=140"),
                InputProblem.error("scans[2]", "'2021-03-01=high': the score after '=' is not a number (Agatston units)"));
        assertThat(mixed.specs()).extracting(PatientSpec.ScanSpec::date).containsExactly("2022-03-01");
        assertThat(mixed.typedPath("scans[0].date")).isEqualTo("scans[1].date");
        assertThat(mixed.typedPath("age")).isEqualTo("age");
    }
}
