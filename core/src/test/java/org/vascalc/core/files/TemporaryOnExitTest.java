package org.vascalc.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Ctrl-C in the middle of a write leaves: nothing of the temporary, everything of the user's. */
class TemporaryOnExitTest {

    @Test
    void theExitCleanupRemovesTheTemporaryFolderAndNothingElse(@TempDir Path dir) throws IOException {
        Path user = Files.writeString(dir.resolve("notes.txt"), "mine");
        Path target = Files.createDirectory(dir.resolve("out"));
        Files.writeString(target.resolve("earlier.csv"), "earlier result");
        Path tmp = Files.createDirectory(dir.resolve(".out-x1"));
        Files.createDirectories(tmp.resolve("ct"));
        Files.writeString(tmp.resolve("ct/slice1.dcm"), "half written");
        Path outside = Files.createDirectory(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(tmp.resolve("link"), outside);

        try (TemporaryOnExit t = TemporaryOnExit.watch(tmp)) {
            assertThat(TemporaryOnExit.active()).contains(t);
            assertThat(t.hookRegistered()).as("a shutdown hook watches the write").isTrue();
            t.runExitCleanup(); // what the JVM runs on SIGINT / SIGTERM
            assertThat(tmp).doesNotExist();
            assertThat(user).hasContent("mine");
            assertThat(target.resolve("earlier.csv")).hasContent("earlier result");
            assertThat(outside.resolve("keep.txt")).as("a link inside the temporary is not followed").hasContent("keep");
            assertThatThrownBy(() -> t.commit(() -> Files.move(tmp, target.resolveSibling("out2"))))
                    .as("a write interrupted by the exit does not go on").isInstanceOf(NoSuchFileException.class);
            assertThat(TemporaryOnExit.active()).doesNotContain(t);
        }
    }

    @Test
    void afterTheCommitTheCleanupTouchesNothingAndTheHookIsGone(@TempDir Path dir) throws IOException {
        Path tmp = Files.writeString(dir.resolve(".result.csv-x2.tmp"), "complete");
        Path target = dir.resolve("result.csv");
        TemporaryOnExit t = TemporaryOnExit.watch(tmp);
        t.commit(() -> Files.move(tmp, target));
        // a new file that happens to take the temporary's name is not ours any more
        Files.writeString(tmp, "someone else's");
        t.runExitCleanup();
        t.close();
        assertThat(target).hasContent("complete");
        assertThat(tmp).hasContent("someone else's");
        assertThat(t.hookRegistered()).as("the hook is removed when the write ends").isFalse();
        assertThat(TemporaryOnExit.active()).doesNotContain(t);
    }

    @Test
    void closeWithoutCommitDeletesTheTemporaryFile(@TempDir Path dir) throws IOException {
        Path tmp = Files.writeString(dir.resolve(".a.tmp"), "partial");
        TemporaryOnExit t = TemporaryOnExit.watch(tmp);
        t.close();
        assertThat(tmp).doesNotExist();
        assertThat(t.hookRegistered()).isFalse();
    }

    /**
     * At exit the writer's thread goes on while the hook runs (seen with Ctrl-C during
     * {@code phantom}: files written after one pass of deletion were left): the clean-up keeps deleting
     * until the folder is gone.
     */
    @Test
    void theExitCleanupOutlastsAWriterThatGoesOnWriting(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve(".out-x3"));
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                try {
                    Files.writeString(tmp.resolve("file" + i + ".dcm"), "slice");
                    started.set(true);
                } catch (IOException gone) {
                    return; // the folder was deleted under it, as at exit
                }
            }
        });
        writer.start();
        while (!started.get()) {
            Thread.onSpinWait();
        }
        try (TemporaryOnExit t = TemporaryOnExit.watch(tmp)) {
            t.runExitCleanup();
            writer.join();
            assertThat(tmp).doesNotExist();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void anOutputBuiltInsideATemporaryFolderIsNotCountedAsCompletedTheFolderIs(@TempDir Path dir) throws IOException {
        Path folderTmp = Files.createDirectory(dir.resolve(".phantom-x1"));
        Path folder = dir.resolve("phantom");
        try (TemporaryOnExit outer = TemporaryOnExit.watch(folderTmp)) {
            Path seriesTmp = Files.createDirectory(folderTmp.resolve(".ct-x2"));
            Path series = folderTmp.resolve("ct");
            try (TemporaryOnExit inner = TemporaryOnExit.watch(seriesTmp)) {
                inner.commit(series, () -> Files.move(seriesTmp, series));
            }
            assertThat(CompletedOutputs.soFar()).as("the series lies in a folder that may still be deleted")
                    .doesNotContain(series.toAbsolutePath().normalize(), series.toAbsolutePath());
            outer.commit(folder, () -> Files.move(folderTmp, folder));
        }
        assertThat(folder.resolve("ct")).isDirectory();
        assertThat(CompletedOutputs.soFar()).contains(folder.toAbsolutePath());
    }

    @Test
    void aFolderInsideATemporaryRemovedAtExitIsNotCreatedAgain(@TempDir Path dir) throws IOException {
        // a writer thread runs on while the exit clean-up runs: its Files.createDirectories re-created the
        // removed hidden folder (phantom's series, the report's charts, an upload's sub-folder), left behind
        Path tmp = Files.createDirectory(dir.resolve(".out-x1"));
        try (TemporaryOnExit t = TemporaryOnExit.watch(tmp)) {
            t.runExitCleanup();
            assertThatThrownBy(() -> TemporaryOnExit.createDirectories(tmp.resolve("ct")))
                    .isInstanceOf(NoSuchFileException.class).hasMessageContaining("the program is exiting");
            assertThatThrownBy(() -> TemporaryOnExit.createDirectories(tmp)).isInstanceOf(NoSuchFileException.class);
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
        // elsewhere, and inside a temporary its own writer closed (no exit), folders are created as before
        assertThat(TemporaryOnExit.createDirectories(dir.resolve("a/b"))).isDirectory();
        Path closed = Files.createDirectory(dir.resolve(".other-x2"));
        TemporaryOnExit.watch(closed).close();
        assertThat(TemporaryOnExit.createDirectories(closed.resolve("c"))).isDirectory();
    }

    /**
     * A temporary is created and watched under the exit's gate: before the gate closes it is watched from
     * its creation; once the exit's first hook has closed it nothing is created (a writer halted between
     * creating and watching left a hidden .tmp, InterruptNoticeTest, 2026-12-06).
     */
    @Test
    void aTemporaryIsCreatedAndWatchedAtOnceAndNotAtAllOnceTheProgramIsExiting(@TempDir Path dir) throws IOException {
        Path open = dir.resolve(".a-x1.tmp");
        try (TemporaryOnExit watched = TemporaryOnExit.create(open, () -> Files.createFile(open))) {
            assertThat(open).exists();
            assertThat(TemporaryOnExit.active()).contains(watched);
            assertThat(watched.hookRegistered()).isTrue();
        }
        assertThat(open).doesNotExist();
        Path late = dir.resolve(".b-x2.tmp");
        TemporaryOnExit.closeGate();
        try {
            assertThatThrownBy(() -> TemporaryOnExit.create(late, () -> Files.createFile(late)))
                    .isInstanceOf(NoSuchFileException.class).hasMessageContaining("the program is exiting");
            assertThat(late).doesNotExist();
        } finally {
            TemporaryOnExit.reopenGateForTests();
        }
    }

    /**
     * The forms the writers use (writergate session): a folder of a known name, and a temporary whose name is
     * chosen as it is created (an upload's folder); both watched from their creation, neither created once the
     * gate is closed, and the refusal is told apart ({@link TemporaryOnExit.Exiting}) from a folder's problem.
     */
    @Test
    void aFolderAndANamedAtCreationTemporaryAreCreatedUnderTheGate(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve(".out-x1.tmp");
        try (TemporaryOnExit watched = TemporaryOnExit.createDirectory(folder)) {
            assertThat(folder).isDirectory();
            assertThat(watched.hookRegistered()).isTrue();
        }
        assertThat(folder).doesNotExist();
        try (TemporaryOnExit watched = TemporaryOnExit.create(() -> Files.createTempFile(dir, ".probe-", ".tmp"))) {
            assertThat(watched.temp()).exists().hasParent(dir.toAbsolutePath());
            assertThat(TemporaryOnExit.active()).contains(watched);
        }
        TemporaryOnExit.closeGateForTests();
        try {
            assertThatThrownBy(() -> TemporaryOnExit.createDirectory(folder)).isInstanceOf(TemporaryOnExit.Exiting.class);
            assertThatThrownBy(() -> TemporaryOnExit.create(() -> Files.createTempFile(dir, ".probe-", ".tmp")))
                    .isInstanceOf(TemporaryOnExit.Exiting.class).hasMessageContaining("the program is exiting");
        } finally {
            TemporaryOnExit.reopenGateForTests();
        }
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
