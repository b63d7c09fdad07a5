package org.vascalc.imaging.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.files.TemporaryOnExit;

class OutputFolderTest {

    /**
     * The output folder gets the permissions of a plain mkdir (the umask's), not the owner-only 0700
     * of {@code Files.createTempDirectory}, which the final rename would carry over.
     */
    @Test
    void anOutputFolderHasThePermissionsOfAPlainMkdir(@TempDir Path dir) throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path written = OutputFolder.write(dir.resolve("out"), d -> Files.writeString(d.resolve("a.txt"), "x"));
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readString(written.resolve("a.txt"))).isEqualTo("x");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("out", "plain");
        }
    }

    @Test
    void siblingDirectoriesAreNewAndDistinct(@TempDir Path dir) throws IOException {
        Path a = OutputFolder.newSiblingDirectory(dir, ".x-").temp();
        Path b = OutputFolder.newSiblingDirectory(dir, ".x-").temp();
        assertThat(a).isNotEqualTo(b);
        assertThat(Files.isDirectory(a)).isTrue();
        assertThat(Files.isDirectory(b)).isTrue();
        assertThat(a.getFileName().toString()).startsWith(".x-");
        // marked as a temporary ("." + name + "-" + base-36 number + ".tmp", AtomicFiles' form), so a failure on
        // it is never taken for, or described as, a user's own hidden folder
        assertThat(a.getFileName().toString()).matches("\\.x-[0-9a-z]{1,13}\\.tmp");
    }

    /** Ctrl-C while the folder is filled (the JVM runs shutdown hooks, not finally): the hidden folder goes, nothing else. */
    @Test
    void anExitWhileFillingLeavesNoTemporaryFolderAndKeepsTheEarlierOutput(@TempDir Path dir) throws IOException {
        Path out = OutputFolder.write(dir.resolve("out"), d -> Files.writeString(d.resolve("a.txt"), "earlier"));
        Path user = Files.writeString(dir.resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputFolder.write(dir.resolve("out"), d -> {
            Files.createDirectories(d.resolve("ct"));
            Files.writeString(d.resolve("ct/1.dcm"), "half");
            var watched = org.vascalc.core.files.TemporaryOnExit.active().stream()
                    .filter(t -> t.temp().equals(d.toAbsolutePath())).toList();
            assertThat(watched).as("the temporary folder is watched while it is filled").hasSize(1);
            watched.get(0).runExitCleanup(); // what the shutdown hook does on SIGINT
            assertThat(d).doesNotExist();
        })).isInstanceOf(IOException.class);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("notes.txt", "out");
        }
        assertThat(out.resolve("a.txt")).hasContent("earlier");
        assertThat(user).hasContent("mine");
    }

    /**
     * Once the exit's first hook has closed the gate the JVM may halt at any moment: a folder begun then is
     * refused before its hidden folder exists, and the earlier output stays (writergate session: created
     * first and watched after, an exit between the two left the hidden folder behind).
     */
    @Test
    void aFolderWrittenWhileTheProgramExitsCreatesNothing(@TempDir Path dir) throws IOException {
        Path out = OutputFolder.write(dir.resolve("out"), d -> Files.writeString(d.resolve("a.txt"), "earlier"));
        java.util.concurrent.atomic.AtomicBoolean filled = new java.util.concurrent.atomic.AtomicBoolean();
        TemporaryOnExit.closeGateForTests();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputFolder.write(dir.resolve("out"), d -> {
                filled.set(true);
                Files.writeString(d.resolve("a.txt"), "later");
            })).isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("the program is exiting");
        } finally {
            TemporaryOnExit.reopenGateForTests();
        }
        assertThat(filled).as("nothing was built").isFalse();
        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("earlier");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("out");
        }
    }
}
