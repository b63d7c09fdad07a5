package org.vascalc.cli.flagship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.cli.CliRun;
import org.vascalc.cli.VasCalc;

/**
 * {@code flagship}'s options without its ten-year run: {@code --help}'s documented 1 to 40 years taken at
 * both ends and refused just outside them. A taken value is seen by the next check, the report folder:
 * a file as {@code --out} is refused before the run, so no arm is simulated.
 */
class FlagshipOptionsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"0.99", "40.01", "0", "-5", "1e400"})
    void yearsOutsideOneToFortyAreRefusedNamingOptionValueUnitAndRange(String years) {
        CliRun r = CliRun.of("flagship", "--years", years, "--out", tmp.resolve("r").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--years = ").contains(" years is outside the allowed range 1 to 40 years")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    /** Java's words for numbers that are none are not numbers here (DecimalText, leftovers22), the range below. */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "10d"})
    void javasSpellingsOfNoNumberAreNotNumbers(String years) {
        CliRun r = CliRun.of("flagship", "--years", years, "--out", tmp.resolve("r").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("'" + years + "' is not a number").contains("1 to 40").doesNotContain("\tat ");
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void aWholeNumberOfYearsIsNamedAsTyped() {
        // 0 as typed ("0"), not "0.0"; a fraction as typed
        assertThat(CliRun.of("flagship", "--years", "0").err()).contains("--years = 0 years is outside");
        assertThat(CliRun.of("flagship", "--years", "40.5").err()).contains("--years = 40.5 years is outside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "40", "10"})
    void theRangesEndsAreTakenAndTheReportFolderIsCheckedNext(String years) throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("flagship", "--years", years, "--out", file.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).as("past the --years check").doesNotContain("--years")
                .contains(file + " exists and is not a folder");
        assertThat(r.out()).as("refused before the run (the table is printed after it)").isEmpty();
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    /** A place that takes no new files (/proc, even for root): refused before the run, as the other commands. */
    @Test
    void aReportFolderWhereNothingCanBeWrittenIsRefusedBeforeTheRun() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        CliRun r = CliRun.of("flagship", "--years", "1", "--out", "/proc/vascalc-test-out");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write output folder /proc/vascalc-test-out: cannot write in /proc");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpSaysWhatTheReportShowsAndTheRangeOfYears() {
        CliRun r = CliRun.of("flagship", "--help");
        assertThat(r.code()).isZero();
        String help = r.out().replaceAll("\\s+", " ");
        assertThat(help).contains("Simulated years per arm, 1 to 40 (default: 10.0)")
                .contains("Report folder (default: out" + java.io.File.separator + "flagship)")
                .contains("500 mg calcium-carbonate tablet").contains("180 ug MK-7")
                .contains("serum calcium excursion after each tablet");
    }

    /** The terminal's progress bar: 30 cells, whole percent, never backwards, a newline at 100 %. */
    @Test
    void theProgressBarFillsThirtyCellsAndNeverGoesBack() {
        StringWriter s = new StringWriter();
        FlagshipCommand.TerminalProgress bar = new FlagshipCommand.TerminalProgress(new PrintWriter(s), "flagship");
        bar.progress(0.5); // 50 %: 15 of 30 cells
        assertThat(s.toString()).isEqualTo("\rflagship [" + "#".repeat(15) + " ".repeat(15) + "] 50 %");
        bar.progress(0.499); // rounds to 50: not drawn again
        bar.progress(0.3); // backwards: not drawn
        assertThat(s.toString()).hasSize(("\rflagship [" + " ".repeat(30) + "] 50 %").length());
        bar.progress(0.104); // still backwards
        bar.progress(1.7); // clamped to 100 %, all 30 cells, and the line ends
        assertThat(s.toString()).endsWith("\rflagship [" + "#".repeat(30) + "] 100 %" + System.lineSeparator());
        StringWriter t = new StringWriter();
        FlagshipCommand.TerminalProgress low = new FlagshipCommand.TerminalProgress(new PrintWriter(t), "f");
        low.progress(-1); // clamped to 0 %: drawn once (above the initial -1), empty
        low.progress(0.034); // 3 %: 3 * 30 / 100 = 0 cells (integer division)
        low.progress(0.04); // 4 %: 1 cell
        assertThat(t.toString()).isEqualTo("\rf [" + " ".repeat(30) + "] 0 %" + "\rf [" + " ".repeat(30) + "] 3 %"
                + "\rf [#" + " ".repeat(29) + "] 4 %");
    }
}
