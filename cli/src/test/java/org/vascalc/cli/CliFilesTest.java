package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.report.TornadoChart;

/** The file checks' sentences for the user, the seed's range and atomic output, each from its Javadoc. */
class CliFilesTest {

    @Test
    void aFileSystemFailureIsASentenceThatNamesTheUsersPath() {
        assertThat(CliFiles.describe(new NoSuchFileException("out/a.csv")))
                .isEqualTo("out/a.csv does not exist (or a folder on its path is missing)");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out"))).isEqualTo("permission denied on /srv/out");
        assertThat(CliFiles.describe(new FileAlreadyExistsException("/srv/out", null, "it is a link")))
                .isEqualTo("/srv/out already exists and it is a link");
        assertThat(CliFiles.describe(new FileAlreadyExistsException("/nowhere/out")))
                .as("not a file on disk: no claim that it is one").isEqualTo("/nowhere/out already exists");
        assertThat(CliFiles.describe(new FileSystemException("/srv/out", null, "Read-only file system")))
                .isEqualTo("/srv/out: Read-only file system");
        assertThat(CliFiles.describe(new FileSystemException(null, null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(CliFiles.describe(new FileSystemException("/srv/out"))).as("no reason: the exception's message")
                .isEqualTo("/srv/out");
        assertThat(CliFiles.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
        assertThat(CliFiles.describe(new IOException())).isEqualTo("IOException");
    }

    @Test
    void aPathThroughAFileIsCalledAFileNotAFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "x");
        assertThat(CliFiles.describe(new FileAlreadyExistsException(file.toString())))
                .isEqualTo(file + " is a file, not a folder");
    }

    /** The user never typed the hidden temporary's name, so its folder is named instead. */
    @Test
    void vascalcsOwnTemporaryFileIsNamedByItsFolder() {
        Path tmp = Path.of("/srv/out/.index.html-x1y2.tmp");
        assertThat(CliFiles.describe(new AccessDeniedException(tmp.toString())))
                .isEqualTo("cannot write in /srv/out (permission denied)");
        // OutputFolder's folder: "." + name + "-" + a random unsigned long in base 36 (here 2^64 - 1, 13 digits) + ".tmp"
        assertThat(CliFiles.describe(new NoSuchFileException("/srv/out/.results-3w5e11264sgsf.tmp")))
                .isEqualTo("cannot write in /srv/out (the file system does not take new files there)");
        assertThat(CliFiles.describe(new FileSystemException("/srv/out/.a.csv-77.tmp", null, "Disk quota exceeded")))
                .isEqualTo("cannot write in /srv/out (Disk quota exceeded)");
        // review19: the rename onto the result failed: the result is named ("cannot write in /srv/out" left it to guess)
        assertThat(CliFiles.describe(new FileSystemException("/srv/out/.a.csv-77.tmp", "/srv/out/a.csv", "Is a directory")))
                .isEqualTo("cannot write /srv/out/a.csv (Is a directory)");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/index.html-x1y2.tmp")))
                .as("not hidden: a file of the user's").isEqualTo("permission denied on /srv/out/index.html-x1y2.tmp");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.profile")))
                .as("hidden but not of the temporary's form").isEqualTo("permission denied on /srv/out/.profile");
    }

    /**
     * A user's own hidden name with a dash is named as typed: {@code .my-results} was taken for one of
     * VasCalc's temporaries (any hidden name with a dash was) and described by its folder, which did not
     * say which file failed. The temporaries' random part is a 64-bit number in base 36: 1 to 13
     * characters before {@code .tmp}, for AtomicFiles' files and OutputFolder's folders alike (the folders
     * had no {@code .tmp} and were told from a user's name by the suffix's length alone).
     */
    @Test
    void aUsersOwnHiddenNameWithADashIsNamedAsTyped() {
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.my-results")))
                .isEqualTo("permission denied on /srv/out/.my-results");
        assertThat(CliFiles.describe(new FileSystemException("/srv/out/.my-results", null, "Directory not empty")))
                .isEqualTo("/srv/out/.my-results: Directory not empty");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.run-2026-12-04")))
                .isEqualTo("permission denied on /srv/out/.run-2026-12-04");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.my-results.tmp.bak")))
                .isEqualTo("permission denied on /srv/out/.my-results.tmp.bak");
        // the temporaries' own forms at their ends: without .tmp never one, whatever the length (a user's
        // .report-0123456789ab is named as typed); with .tmp, 1 and 13 are, 14 is not; upper case is never one
        // (base 36 is written in lower case)
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.report-0123456789ab")))
                .isEqualTo("permission denied on /srv/out/.report-0123456789ab");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.report-0123456789abc")))
                .isEqualTo("permission denied on /srv/out/.report-0123456789abc");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.report-0.tmp")))
                .as("a short random part, which OutputFolder's folders now may have too")
                .isEqualTo("cannot write in /srv/out (permission denied)");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.report-0123456789A.tmp")))
                .isEqualTo("permission denied on /srv/out/.report-0123456789A.tmp");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.a.csv-0.tmp")))
                .isEqualTo("cannot write in /srv/out (permission denied)");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.a.csv-3w5e11264sgsf.tmp")))
                .isEqualTo("cannot write in /srv/out (permission denied)");
        assertThat(CliFiles.describe(new AccessDeniedException("/srv/out/.a.csv-3w5e11264sgsf0.tmp")))
                .isEqualTo("permission denied on /srv/out/.a.csv-3w5e11264sgsf0.tmp");
    }

    @Test
    void whyAWriteFailedLeavesTheFileNameOut() {
        assertThat(CliFiles.reason(new AccessDeniedException("/a"))).isEqualTo("permission denied");
        assertThat(CliFiles.reason(new NoSuchFileException("/a"))).isEqualTo("the file system does not take new files there");
        assertThat(CliFiles.reason(new FileSystemException("/a", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(CliFiles.reason(new IOException("broken pipe"))).isEqualTo("broken pipe");
        assertThat(CliFiles.reason(new IOException())).isEqualTo("IOException");
    }

    /** "a whole number from 0 to 10^9": both ends allowed, one past either refused with option, value and range. */
    @Test
    void aSeedFromZeroToOneBillionIsAllowed() {
        assertThatCode(() -> CliFiles.requireSeed("--seed", 0)).doesNotThrowAnyException();
        assertThatCode(() -> CliFiles.requireSeed("--seed", 1_000_000_000L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CliFiles.requireSeed("--seed", -1)).isInstanceOf(UserInputException.class)
                .hasMessage("--seed = -1 is outside the allowed range 0 to 1000000000");
        assertThatThrownBy(() -> CliFiles.requireSeed("--parameter-seed", 1_000_000_001L))
                .hasMessage("--parameter-seed = 1000000001 is outside the allowed range 0 to 1000000000");
    }

    /**
     * The write test's hidden probe file is created and watched at once: once the exit's first hook has closed
     * the gate none is created (a Ctrl-C between its creation and its deletion left it in the user's folder;
     * writergate session), and the refusal is not described as the folder's fault.
     */
    @Test
    void theWriteTestCreatesNoProbeFileWhileTheProgramExits(@TempDir Path dir) {
        org.vascalc.core.files.TemporaryOnExit.closeGateForTests();
        try {
            assertThatThrownBy(() -> CliFiles.probe(dir, "cannot write in " + dir))
                    .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("the program is exiting");
        } finally {
            org.vascalc.core.files.TemporaryOnExit.reopenGateForTests();
        }
        assertThat(dir).isEmptyDirectory();
        CliFiles.probe(dir, "cannot write in " + dir);
        assertThat(dir).as("the probe file is gone").isEmptyDirectory();
        assertThat(org.vascalc.core.files.TemporaryOnExit.active()).noneMatch(t -> t.temp().startsWith(dir.toAbsolutePath()));
    }

    @Test
    void aFolderBuiltBesideItsTargetNeedsAFolderAbove(@TempDir Path dir) throws IOException {
        assertThatCode(() -> CliFiles.requireCanBeBuiltBeside(dir.resolve("new/deeper/out"))).doesNotThrowAnyException();
        assertThat(dir.resolve("new")).as("nothing created").doesNotExist();
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> CliFiles.requireCanBeBuiltBeside(file.resolve("out")))
                .hasMessage("cannot create output folder " + file.resolve("out") + ": " + file
                        + " is not a folder; choose another --out folder");
        assertThatThrownBy(() -> CliFiles.requireFolderCanBeWritten(file.resolve("out")))
                .hasMessage("cannot create output folder " + file.resolve("out") + ": " + file
                        + " is not a folder; choose another --out folder");
    }

    /** A result file's missing folders are made when it is written, not by the check before the run (leftovers21). */
    @Test
    void aResultFilesMissingFolderIsCheckedNotCreated(@TempDir Path dir) throws IOException {
        assertThatCode(() -> CliFiles.requireWritableFile(dir.resolve("new/deeper/x.md"))).doesNotThrowAnyException();
        assertThat(dir.resolve("new")).as("nothing created").doesNotExist();
        assertThat(dir).as("the probe file is gone too").isEmptyDirectory();
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> CliFiles.requireWritableFile(file.resolve("sub/x.md")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("cannot write " + file.resolve("sub/x.md") + ": " + file + " is a file, not a folder");
    }

    @Test
    void theHintNamesTheCatalogWhenNoValueWasSet() {
        assertThat(CliFiles.domainHint(List.of(), null, "check the patient")).isEqualTo("check the patient");
        assertThat(CliFiles.domainHint(List.of(), Path.of("p.csv"), "check the patient"))
                .isEqualTo("move the values of --parameters p.csv that differ from the model's back towards them");
        assertThat(CliFiles.overridesLine(List.of())).as("none set: the text unchanged").isEmpty();
        var set = new org.vascalc.simulation.ParameterOverrides.Change("plaqueSusceptibilityLogSd", 0.5, "1", 0.9, "");
        assertThat(CliFiles.overridesLine(List.of(set))).isEqualTo(" (1 value(s) set with --set: " + set + ")");
    }

    /** No half-written file: a chart that fails to draw leaves an earlier file as it was, and writes none. */
    @Test
    void aFailedChartKeepsTheEarlierFileAndLeavesNoOther(@TempDir Path dir) throws IOException {
        Path png = Files.writeString(dir.resolve("tornado.png"), "earlier");
        List<TornadoChart.Bar> bad = java.util.Arrays.asList(new TornadoChart.Bar(null, 1, 2));
        assertThatThrownBy(() -> TornadoChart.renderPng("t", "x", 1.5, bad, png)).isInstanceOf(NullPointerException.class);
        assertThat(png).hasContent("earlier");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(png);
        }
        TornadoChart.renderPng("t", "x", 1.5, List.of(new TornadoChart.Bar("a", 1, 2)), png);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).as("replaced in place, no temporary left").containsExactly(png);
        }
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    /** A write that fails at its rename (the target is a folder with a file in it) leaves no temporary behind. */
    @Test
    void aWriteThatFailsLeavesTheTargetAsItWasAndNoTemporary(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("tornado.png"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> TornadoChart.renderPng("t", "x", 1.5, List.of(new TornadoChart.Bar("a", 1, 2)), target))
                .isInstanceOf(IOException.class);
        assertThat(target.resolve("keep.txt")).hasContent("mine");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void aNumberIsShownAsTheUserWouldHaveTypedIt() {
        assertThat(UserInputException.typed(0.0)).isEqualTo("0");
        assertThat(UserInputException.typed(-3.0)).isEqualTo("-3");
        assertThat(UserInputException.typed(2.5)).isEqualTo("2.5");
        assertThat(UserInputException.typed(1e300)).isEqualTo("1.0E300");
    }
}
