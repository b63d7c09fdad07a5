package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * A folder whose permission bits refuse new files (root: made immutable with chattr, as review14 did; anyone
 * else: mode r-x) is refused in one wording by every command: review14 met "permission denied on FOLDER"
 * (simulate, validate) beside "cannot write in FOLDER (Operation not permitted); choose another place"
 * (phantom, flagship), where the permission bits let the probe find it.
 */
class ReadOnlyPlaceWordingTest {

    @TempDir
    Path tmp;

    private Path locked;

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) {
            new ProcessBuilder("chattr", "-i", locked.toString()).inheritIO().start().waitFor();
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private Path lockedFolder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("ro"));
        locked = dir;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (Files.isWritable(dir)) { // root: the bits do not bind; an immutable folder does
            try {
                new ProcessBuilder("chattr", "+i", dir.toString()).redirectErrorStream(true).start().waitFor();
            } catch (IOException e) {
                // no chattr: skipped below
            }
        }
        Assumptions.assumeFalse(Files.isWritable(dir), "no way here to make a folder refuse new files");
        return dir;
    }

    @Test
    void everyCommandSaysCannotWriteInTheFolderAndToChooseAnotherPlace() throws Exception {
        Path ro = lockedFolder();
        String tail = "cannot write in " + ro + " ("; // the system's reason, then "); choose another place"
        CliRun simulate = CliRun.of("simulate", CommandsTest.example("calcium-with-food.yaml"), "--out",
                ro.resolve("a").toString());
        assertThat(simulate.err()).contains("cannot create output folder " + ro.resolve("a") + ": " + tail);
        CliRun into = CliRun.of("simulate", CommandsTest.example("calcium-with-food.yaml"), "--out", ro.toString());
        assertThat(into.err()).contains("cannot write in output folder " + ro + " (");
        CliRun validate = CliRun.of("validate", "--write", ro.resolve("v.md").toString());
        assertThat(validate.err()).contains("cannot write " + ro.resolve("v.md") + ": " + tail);
        CliRun phantom = CliRun.of("phantom", "--spec", ProjectFiles.require("examples/phantoms/medial-linear.yaml")
                .toString(), "--out", ro.resolve("p").toString());
        assertThat(phantom.err()).contains("cannot write output folder " + ro.resolve("p") + ": " + tail);
        for (CliRun r : new CliRun[] {simulate, into, validate, phantom}) {
            assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("); choose another place").doesNotContain("permission denied on")
                    .doesNotContain("not a writable folder");
        }
    }
}
