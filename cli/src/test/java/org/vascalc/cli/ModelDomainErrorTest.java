package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs each inside their catalog range that the model cannot run together (60 mmol/d of habitual
 * calcium: the paracellular route alone absorbs more than the patient excretes, so no baseline is a
 * steady state) end as the user's error: one line naming the value to move back, exit 1, no stack
 * trace, no output. They ended as "internal error, please report it" with a stack trace (exit 2).
 */
@ExtendWith(RealModel.class)
class ModelDomainErrorTest {

    private static final String PREFIX = "vascalc: the model cannot run with these inputs: ";

    @Test
    void simulateNamesTheValueToMoveBackOnOneLine(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("simulate", CommandsTest.example("calcium-supplement-fasting.yaml"),
                "--set", "caHabitualIntake=60", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n")
                .startsWith(PREFIX + "scenario file " + CommandsTest.example("calcium-supplement-fasting.yaml")
                        + ": mineral baseline cannot be a steady state for patient older-woman")
                .endsWith("; move the value(s) changed from their defaults back towards them: "
                        + "caHabitualIntake = 60 mmol/d (default 24.055)")
                .doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(Files.exists(out)).as("nothing written").isFalse();
    }

    /** A scenario whose parameters: map sets the value: the hint says so, as the console line does. */
    @Test
    void simulateNamesAScenarioFilesOwnValue(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("rich.yaml");
        Files.writeString(scenario, Files.readString(Path.of(CommandsTest.example("calcium-supplement-fasting.yaml")))
                + "\nparameters:\n  caHabitualIntake: 60\n");
        CliRun r = CliRun.of("simulate", scenario.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith(PREFIX + "scenario file " + scenario)
                .contains("caHabitualIntake = 60 mmol/d (default 24.055; from the scenario file");
    }

    /** A cohort's runs are parallel (the failure arrives wrapped): the member and its inputs are named. */
    @Test
    void cohortNamesTheMemberAndTheValue(@TempDir Path dir) {
        CliRun r = CliRun.of("cohort", "--population", "cric", "--size", "2", "--years", "1", "--seed", "7",
                "--threads", "2", "--set", "caHabitualIntake=60", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        List<String> lines = r.err().strip().lines().toList();
        // the cause first, then what the run left behind (the "stopped after" line came first)
        assertThat(lines).as(r.err()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.get(lines.size() - 2)).startsWith(PREFIX + "cohort member ").contains(" (scenario ")
                .contains(" eGFR ").contains("mineral baseline cannot be a steady state")
                .endsWith("caHabitualIntake = 60 mmol/d (default 24.055)");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("vascalc: cohort stopped after 0 of 2 members; no member was finished, no file kept");
        assertThat(r.err()).doesNotContain("internal error").doesNotContain("\tat ");
    }

    /** With --db: the stop line, after the cause, still says nothing was stored. */
    @Test
    void aFailedCohortSaysNothingWasStoredAfterTheCause(@TempDir Path dir) {
        Path db = dir.resolve("runs.duckdb");
        CliRun r = CliRun.of("cohort", "--population", "cric", "--size", "2", "--years", "1", "--seed", "7",
                "--threads", "1", "--set", "caHabitualIntake=60", "--out", dir.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        String err = r.err();
        assertThat(err.indexOf(PREFIX)).as(err).isNotNegative()
                .isLessThan(err.indexOf("vascalc: cohort stopped after 0 of 2 members"));
        assertThat(err.strip()).endsWith("; nothing was stored in --db " + db);
    }

    /**
     * Sensitivity's baseline itself cannot run: the model's refusal, not an --output problem (the
     * IllegalArgumentException catch read it as one). A failed end of a range is still a result
     * (SensitivityCommandTest, the generated sensitivity pages).
     */
    @Test
    void sensitivityBaselineIsNotCalledAnOutputProblem() {
        CliRun r = CliRun.of("sensitivity", CommandsTest.example("calcium-with-food.yaml"), "--output",
                "serumCalciumTotal", "--parameter", "caTotalRef", "--threads", "1", "--set", "caHabitualIntake=60");
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith(PREFIX + "the baseline run of scenario ")
                .doesNotContain("--output").endsWith("caHabitualIntake = 60 mmol/d (default 24.055)");
    }
}
