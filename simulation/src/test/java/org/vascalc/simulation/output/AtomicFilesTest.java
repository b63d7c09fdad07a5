package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.files.TemporaryOnExit;

class AtomicFilesTest {

    @Test
    void replacesTheContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("report.html");
        AtomicFiles.writeString(f, "old");
        AtomicFiles.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(f);
        }
    }

    /**
     * An output file gets the permissions a plain write would give it (the umask's), not the
     * owner-only 0600 of {@code Files.createTempFile}, which a rename would carry over.
     */
    @Test
    void anOutputFileHasThePermissionsOfAPlainWrite(@TempDir Path dir) throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(atomic)).isEqualTo(expected);
    }

    /** Ctrl-C in the middle of a write (the JVM runs shutdown hooks, not finally): the temporary file goes, nothing else. */
    @Test
    void anExitInTheMiddleOfAWriteLeavesNoTemporaryFileAndKeepsTheOldOne(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("trajectory.csv");
        AtomicFiles.writeString(f, "earlier run");
        Path user = Files.writeString(dir.resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "half of it");
            var watched = org.vascalc.core.files.TemporaryOnExit.active().stream()
                    .filter(t -> t.temp().equals(tmp.toAbsolutePath())).toList();
            assertThat(watched).as("the temporary file is watched during the write").hasSize(1);
            watched.get(0).runExitCleanup(); // what the shutdown hook does on SIGINT
            assertThat(tmp).doesNotExist();
        })).isInstanceOf(java.nio.file.NoSuchFileException.class);
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactlyInAnyOrder(f, user);
        }
        assertThat(f).hasContent("earlier run");
        assertThat(user).hasContent("mine");
        assertThat(org.vascalc.core.files.TemporaryOnExit.active()).noneMatch(t -> t.temp().startsWith(dir.toAbsolutePath()));
    }

    @Test
    void aTemporaryFileDeletedByACtrlCIsNotCreatedAgainByTheWrite(@TempDir Path dir) throws IOException {
        // a SIGTERM's clean-up deleted the new temporary before the bytes were written; the write made it anew
        // and the JVM exited with a hidden .name-xxxx.tmp left beside the outputs
        Path tmp = dir.resolve(".a.csv-x.tmp");
        assertThatThrownBy(() -> AtomicFiles.fill(tmp, new byte[] {1, 2})).isInstanceOf(NoSuchFileException.class);
        assertThat(tmp).doesNotExist();
        Files.createFile(tmp);
        AtomicFiles.fill(tmp, new byte[] {1, 2});
        assertThat(Files.readAllBytes(tmp)).containsExactly(1, 2);
    }

    @Test
    void aFileIntoAnOutputFolderRemovedByACtrlCDoesNotCreateTheFolderAgain(@TempDir Path dir) throws IOException {
        // the HTML report's charts go through AtomicFiles into its output folder while that is a temporary:
        // after the exit clean-up removed it, creating the file's parent re-created the hidden folder
        Path folder = Files.createDirectory(dir.resolve(".report-x1"));
        try (TemporaryOnExit t = TemporaryOnExit.watch(folder)) {
            t.runExitCleanup();
            assertThatThrownBy(() -> AtomicFiles.write(folder.resolve("overview.png"), new byte[] {1}))
                    .isInstanceOf(NoSuchFileException.class).hasMessageContaining("the program is exiting");
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    /**
     * leftovers23: a write into folders that did not exist made them and, failing (a full disk) or interrupted
     * (Ctrl-C), left them behind. The folders it made go with it, deepest first, each only if empty; a folder that
     * was there before is kept, and so is a made one that got another file meanwhile (with those above it).
     */
    @Test
    void aFailedOrInterruptedWriteTakesTheFoldersItMadeAwayAndNoOther(@TempDir Path dir) throws IOException {
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Path target = existing.resolve("new/deeper/run.csv");
        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            throw new IOException("No space left on device");
        })).isInstanceOf(java.nio.file.FileSystemException.class);
        assertThat(existing).as("a failed write: the two folders made for it removed, the one there kept")
                .isEmptyDirectory();

        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            Files.writeString(tmp, "half of it");
            TemporaryOnExit.active().stream().filter(t -> t.temp().equals(tmp.toAbsolutePath())).findFirst()
                    .orElseThrow().runExitCleanup(); // what the shutdown hook does on SIGINT
        })).isInstanceOf(NoSuchFileException.class);
        assertThat(existing).as("an interrupted write: the same").isEmptyDirectory();

        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            Files.writeString(existing.resolve("new/notes.txt"), "someone else's");
            throw new IOException("No space left on device");
        })).isInstanceOf(java.nio.file.FileSystemException.class);
        assertThat(existing.resolve("new/deeper")).as("the empty folder made goes").doesNotExist();
        assertThat(existing.resolve("new/notes.txt")).as("a made folder that holds another file stays").exists();

        AtomicFiles.writeString(target, "whole");
        assertThat(target).as("a write that succeeds keeps its folders").hasContent("whole");
    }

    @Test
    void aWriteThatFailsWithoutAFileNameIsNamedByTheTarget(@TempDir Path dir) throws IOException {
        // review10: simulate said "cannot write a file: No space left on device". A full disk's IOException names
        // no file; the content here fails as it does (a disk cannot be filled in a test), after the temporary
        // file exists. The target the user asked for is named, not the hidden temporary, and nothing is left.
        Path target = dir.resolve("run.trajectory.csv");
        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            throw new IOException("No space left on device");
        })).isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
            assertThat(e.getFile()).isEqualTo(target.toAbsolutePath().toString());
            assertThat(e.getReason()).isEqualTo("No space left on device");
        });
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        // a failure that names its file already is kept as it is
        java.nio.file.AccessDeniedException denied = new java.nio.file.AccessDeniedException("/x");
        assertThatThrownBy(() -> AtomicFiles.write(target, tmp -> {
            throw denied;
        })).isSameAs(denied);
    }
}
