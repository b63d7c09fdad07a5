package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.param.ParameterCatalog;

/** {@code calibrate}'s range of --max-evaluations and what it says it wrote, on the fake model (one parameter, gain). */
@ExtendWith(UsesFakeModel.class)
class CalibrateCommandTest {

    /**
     * "1 to 100000" (--help): both ends pass the check (the run then stops at the next one, here a
     * "checkout" without the calibration scenarios), one past the top is refused in the common wording.
     */
    @Test
    void theEvaluationBudgetsEndsAreAllowed(@TempDir Path tmp) {
        CliRun over = CliRun.of("calibrate", "--max-evaluations", "100001", "--out", tmp.resolve("a").toString());
        assertThat(over.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(over.err()).contains("--max-evaluations = 100001 is outside the allowed range 1 to 100000");
        VascalcHome.at(tmp, () -> {
            for (String n : new String[] {"1", "100000"}) {
                CliRun r = CliRun.of("calibrate", "--max-evaluations", n, "--out", tmp.resolve("b").toString());
                assertThat(r.code()).as(n).isEqualTo(VasCalc.EXIT_BAD_INPUT);
                assertThat(r.err()).as(n).contains("cannot find the folder examples/calibration")
                        .doesNotContain("--max-evaluations");
            }
        });
    }

    /** --help names both optimisers the calibrator uses: BOBYQA, and Brent's method for one free parameter. */
    @Test
    void theHelpNamesBrentForOneFreeParameter() {
        CliRun r = CliRun.of("calibrate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Hipparchus BOBYQA (Brent's method when only one parameter is free)");
    }

    /**
     * The console names the parameters fitted and both files; the report's provenance names the start
     * catalog (the model's with --set gain=2) and the fitted one by their hashes, and the fitted catalog
     * keeps gain inside its range 0.1 to 10.
     */
    @Test
    void itSaysWhatItFittedAndWhereAndTheReportNamesBothCatalogs(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("cal");
        CliRun r = CliRun.of("calibrate", "--out", dir.toString(), "--max-evaluations", "3", "--set", "gain=2");
        assertThat(r.code()).as(r.err()).isZero();
        Path csv = dir.resolve("fitted-parameters.csv");
        Path md = dir.resolve("calibration-report.md");
        assertThat(r.out()).startsWith("parameters 1 value(s) set with --set: gain = 2 (default 1)")
                .contains("\nparameters fitted: gain\n")
                .contains("\nfitted catalog " + csv + "\n")
                .endsWith("report         " + md + System.lineSeparator());
        ParameterCatalog fitted = ParameterCatalog.parse(Files.readString(csv), csv.toString());
        assertThat(fitted.value("gain")).isBetween(0.1, 10.0);
        String start = new FakeModel().defaultParameters().with(Map.of("gain", 2.0)).sha256();
        assertThat(Files.readString(md)).contains("start parameter set sha256 " + start)
                .contains("fitted parameter set sha256 " + fitted.sha256())
                .contains("commit " + BuildInfo.commit());
    }
    /**
     * A folder where one of the two results goes (here calibration-report.md, holding a file of the user's)
     * is refused before the fit, as validate refuses a folder as --write: the fit (about 10 minutes) ran
     * first, then fitted-parameters.csv was replaced and the report failed, leaving a new catalog beside an
     * old report or none.
     */
    @Test
    void aFolderInTheWayOfAResultIsRefusedBeforeTheFitAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("cal");
        Path folder = Files.createDirectories(dir.resolve("calibration-report.md"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("calibrate", "--out", dir.toString(), "--max-evaluations", "3");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write " + folder + ": it is a folder").doesNotContain("\tat ");
        assertThat(r.out()).as("the fit did not start").doesNotContain("fit targets");
        assertThat(dir.resolve("fitted-parameters.csv")).doesNotExist();
        assertThat(Files.readString(folder.resolve("notes.txt"))).isEqualTo("mine");
    }
}
