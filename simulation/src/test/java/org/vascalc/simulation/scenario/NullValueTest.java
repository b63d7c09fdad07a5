package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.simulation.scenario.ScenarioFiles.Format;

/**
 * A key written with no value ({@code weightKg:}, {@code weightKg: ~}, JSON {@code null}) is refused,
 * naming the key and what it takes: read as if the key were left out, it silently ran the default
 * (hostile, fifty-eighth session: {@code weightKg: ~} in examples/scenarios/haemodialysis.yaml ran a 70 kg
 * patient, {@code durationDays:} the default duration, exit 0 and no word said).
 */
class NullValueTest {

    private static final String SCENARIO = """
            name: n
            patient: {id: p, ageYears: 60, sex: female, weightKg: WEIGHT, heightCm: 160, egfrMlPerMin: 80}
            interventions:
              - {type: calciumSupplement, elementalMgPerDose: 500, salt: carbonate, withFood: FOOD, schedule: {clockHours: [8]}}
            durationDays: DAYS
            recording: {intervalHours: 24}
            """;

    private static String refusal(String text, Format format) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(text, format, "n.yaml"));
        assertThat(e).as("refused: " + text).isNotNull();
        return e.getMessage();
    }

    @Test
    void anOptionalNumberWithNoValueIsRefusedWithItsRange() {
        for (String none : new String[] {"~", "null", ""}) {
            String m = refusal(SCENARIO.replace("WEIGHT", none).replace("FOOD", "true").replace("DAYS", "2"), Format.YAML);
            assertThat(m).contains("patient.weightKg: no value after 'weightKg:'; ").contains("30 to 300 kg")
                    .contains("leave the key out for the default").doesNotContain("missing");
        }
    }

    @Test
    void aRequiredKeyWithNoValueIsOneProblemNotAlsoMissing() {
        String m = refusal(SCENARIO.replace("WEIGHT", "70").replace("FOOD", "~").replace("DAYS", ""), Format.YAML);
        assertThat(m).contains("interventions[0].withFood: no value after 'withFood:'; say true (taken with a meal) or false")
                .contains("durationDays: no value after 'durationDays:'; ").contains("has 2 problems")
                .doesNotContain("missing");
        String schedule = refusal(SCENARIO.replace("WEIGHT", "70").replace("FOOD", "true").replace("DAYS", "2")
                .replace("schedule: {clockHours: [8]}", "schedule: null"), Format.YAML);
        assertThat(schedule).contains("interventions[0].schedule: no value after 'schedule:'; e.g. schedule: {clockHours: [8]}")
                .doesNotContain("missing");
    }

    @Test
    void jsonNullIsRefusedToo() {
        String json = """
                {"name": "n", "patient": null, "durationDays": 2, "recording": {"intervalHours": 24}}
                """;
        assertThat(refusal(json, Format.JSON)).contains("patient: no value after 'patient:'; write its value, or leave the key out");
    }

    @Test
    void aTrialFileKeyWithNoValueIsRefused() throws IOException {
        String avadec = Files.readString(ProjectFiles.require("examples/trials/avadec.yaml"));
        assertThat(avadec).contains("\nyears: ");
        String nulled = avadec.replaceFirst("\nyears: [^\n]*", "\nyears: ~");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> TrialFiles.parse(nulled, "avadec", "avadec.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("years: no value after 'years:'; ").doesNotContain("missing");
    }

    /** {@code measure: ""} recorded no problem and no outcome: TrialSpec's null check ended in an NPE, exit 2. */
    @Test
    void aRequiredTextLeftEmptyIsRefusedNotAnInternalError() throws IOException {
        String valkyrie = Files.readString(ProjectFiles.require("examples/trials/valkyrie.yaml"));
        assertThat(valkyrie).contains("measure: changeDifference");
        String emptied = valkyrie.replaceFirst("measure: changeDifference", "measure: \"\"");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> TrialFiles.parse(emptied, "valkyrie", "valkyrie.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("outcomes[").contains("].measure: is empty; expected text");
    }
}
