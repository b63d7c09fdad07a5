package org.vascalc.cli.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.CliRun;
import org.vascalc.cli.VasCalc;

/**
 * percentalone: {@code vascalc risk} with a CT report alone (age, sex, race and the calcium score) gives the
 * percentile and the category, and one line naming the options the risk scores need; without a score it still
 * refuses, naming what is missing for anything to be computed.
 */
class RiskCacAloneTest {

    private static final String[] CT = {"risk", "--age", "55", "--sex", "male", "--race", "white", "--cac", "120"};

    private static String[] with(String... more) {
        List<String> all = new ArrayList<>(List.of(CT));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aCalciumScoreAloneGivesThePercentileTheCategoryAndOneLineOfWhatTheScoresNeed() {
        CliRun r = CliRun.of(CT);
        assertThat(r.code()).as(r.err()).isZero();
        String out = String.join(" ", r.out().split("\\s+"));
        assertThat(out).contains("MESA CAC percentile: 83").contains("CAC-DRS: A2 (Agatston 100 to 299")
                .contains("What the score cannot tell")
                .contains("Risk scores not computed (MESA CHD risk, Pooled Cohort Equations, Revised Pooled Cohort "
                        + "Equations, PREVENT): they need --tc (total cholesterol, 50 to 700 mg/dL or 1.3 to 18.1 mmol/L"
                        + " with --lipid-unit mmol/L), --hdl (HDL cholesterol, 5 to 200 mg/dL")
                .contains("--sbp (systolic blood pressure, 60 to 280 mmHg).")
                .as("no table of rows that all say the same").doesNotContain("Score ").doesNotContain("Sources (")
                .as("no assumed flags: nothing computed uses them").doesNotContain("assumed no");
        assertThat(r.out().lines().filter(l -> l.startsWith("Patient:"))).containsExactly(
                "Patient: 55 y, male, white, CAC 120 AU");
    }

    @Test
    void withoutAScoreOrTheRiskFactorsItStillRefusesNamingBothWays() {
        CliRun r = CliRun.of("risk", "--age", "55", "--sex", "male", "--race", "white");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("patient has 3 problems")
                .contains("error: totalCholesterol (--tc): missing: give total cholesterol (mg/dL) for the risk scores,"
                        + " or a coronary calcium score alone for its percentile and CAC-DRS")
                .contains("error: systolicBp (--sbp): missing").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aGivenValueOutOfRangeIsStillRefusedWithItsUnitAndRange() {
        CliRun r = CliRun.of(with("--tc", "5000"));
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("totalCholesterol (--tc)")
                .contains("total cholesterol = 5000 mg/dL is outside the allowed range 50 to 700 mg/dL");
    }

    @Test
    void someFactorsGiveTheScoresTheySufficeForAndTheRestNameWhatTheyLack() {
        CliRun r = CliRun.of(with("--sbp", "130", "--egfr", "85", "--bmi", "27"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("PREVENT 10-year heart failure\\s+\\d+\\.\\d%")
                .containsPattern("Pooled Cohort Equations\\s+-\\s+not computed: needs --tc, --hdl")
                .contains("they need --tc (").doesNotContain("--sbp (");
    }

    @Test
    void theJsonSaysTheScoresWereNotComputedAndWhatTheyNeed() throws IOException {
        CliRun r = CliRun.of(with("--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode nc = root.get("riskScoresNotComputed");
        assertThat(nc).isNotNull();
        assertThat(nc.get("scores")).hasSize(root.get("scores").size());
        List<String> fields = new ArrayList<>();
        nc.get("needs").forEach(n -> fields.add(n.get("field").asText() + " " + n.get("option").asText() + " "
                + n.get("unit").asText() + " " + n.get("low").asDouble() + " " + n.get("high").asDouble()));
        assertThat(fields).containsExactly("totalCholesterol --tc mg/dL 50.0 700.0",
                "hdlCholesterol --hdl mg/dL 5.0 200.0", "systolicBp --sbp mmHg 60.0 280.0");
        root.get("scores").forEach(s -> {
            assertThat(s.get("risk").isNull()).isTrue();
            // each score names what it needs itself: PREVENT heart failure only the pressure (it uses no lipids)
            String first = s.get("notComputed").get(0).get("field").asText();
            assertThat(first).isEqualTo(s.get("id").asText().startsWith("prevent-hf") ? "systolicBp" : "totalCholesterol");
        });
        assertThat(root.get("cacPercentile").get("percentile").asInt()).isEqualTo(83);
        assertThat(root.get("cacDrs").asText()).isEqualTo("A2");
        assertThat(root.get("input").has("totalCholesterolMgDl")).isFalse();
        // the command line's message names its flags (the API its parameters: RiskPageCacAloneTest)
        assertThat(nc.get("message").asText()).contains("they need --tc (total cholesterol, 50 to 700 mg/dL or 1.3 to "
                + "18.1 mmol/L with --lipid-unit mmol/L), --hdl (").contains("--sbp (systolic blood pressure, 60 to 280 mmHg)");
    }

    @Test
    void aFullInputsJsonHasNoNotComputedKeys() throws IOException {
        CliRun r = CliRun.of(with("--tc", "213", "--hdl", "50", "--sbp", "120", "--egfr", "85", "--bmi", "27", "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.has("riskScoresNotComputed")).isFalse();
        root.get("scores").forEach(s -> assertThat(s.has("notComputed")).isFalse());
        assertThat(root.get("input").get("totalCholesterolMgDl").asDouble()).isEqualTo(213);
    }

    @Test
    void serialScansAloneAreReadWithThePercentile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ct.yaml");
        Files.writeString(file, "age: 62\nsex: female\nrace: white\nscans:\n  - {date: 2019-05-01, agatston: 180}\n"
                + "  - {date: 2024-05-01, agatston: 150}\n");
        CliRun r = CliRun.of("risk", "--patient", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Serial scans").contains("MESA CAC percentile:").contains("Risk scores not computed")
                .contains("note: statin not given: assumed no").doesNotContain("smoker not given");
    }
}
