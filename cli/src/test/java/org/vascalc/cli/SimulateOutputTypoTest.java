package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real engine, a typo in {@code recording.outputs} is reported when the files are read, with each file's
 * other problems, all at once (leftovers13): it was found only when that file's run started, after every other
 * problem of every file had been fixed and the runs before it had been spent.
 */
@ExtendWith(RealModel.class)
class SimulateOutputTypoTest {

    @Test
    void anUnknownOutputIsListedWithTheFilesOtherProblemsBeforeAnyRun(@TempDir Path dir) throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), """
                name: typo
                patient: {age: 60}
                durationDays: 1
                recording: {outputs: [serumCalciumTotal, dpucmgp], intervalHours: 1}
                """);
        Path alsoTypo = Files.writeString(dir.resolve("also-typo.yaml"), """
                name: also-typo
                durationDays: 1
                recording: {outputs: [cacAgatstn], intervalHours: 1}
                """);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("simulate", typo.toString(), alsoTypo.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("scenario file " + typo + " has 2 problems")
                .contains("error: patient.age: unknown key 'age' (did you mean 'ageYears'?)")
                .contains("error: recording.outputs[1]: no output or state variable named 'dpucmgp' (did you mean 'dpUcMgp'?)")
                .contains("scenario file " + alsoTypo + " has 1 problem")
                .contains("error: recording.outputs[0]: no output or state variable named 'cacAgatstn' (did you mean 'cacAgatston'?)")
                .doesNotContain("simulating").doesNotContain("\tat ");
        assertThat(out).as("nothing run, nothing written").doesNotExist();
    }
}
