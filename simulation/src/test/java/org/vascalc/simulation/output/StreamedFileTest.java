package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedFileTest {

    @Test
    void piecesGoToThePartialFileAndCompleteRenamesItOverTheTarget(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a.csv");
        Files.writeString(target, "old\n");
        try (StreamedFile f = StreamedFile.start(target)) {
            assertThat(f.partial()).isEqualTo(dir.resolve("a.partial.csv"));
            f.write("h\n");
            f.write("1\n2\n");
            assertThat(Files.readString(f.partial())).isEqualTo("h\n1\n2\n");
            assertThat(Files.readString(target)).as("the target is untouched until complete").isEqualTo("old\n");
            f.complete();
        }
        assertThat(Files.readString(target)).isEqualTo("h\n1\n2\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void abandonedItKeepsThePartialFileWithRowsOrNothing(@TempDir Path dir) throws Exception {
        StreamedFile rows = StreamedFile.start(dir.resolve("r.csv"));
        rows.write("h\n");
        rows.write("1\n");
        assertThat(rows.abandon()).isEqualTo(dir.resolve("r.partial.csv"));
        StreamedFile header = StreamedFile.start(dir.resolve("h.csv"));
        header.write("h\n");
        header.close();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("r.partial.csv"));
        }
        assertThat(Files.readString(dir.resolve("r.partial.csv"))).isEqualTo("h\n1\n");
        assertThat(StreamedFile.partialOf(Path.of("x/noext"))).isEqualTo(Path.of("x/noext.partial"));
    }

    @Test
    void resumedItKeepsTheGivenBytesAndAppendsAfterThem(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("r.csv");
        try (StreamedFile f = StreamedFile.start(target)) {
            f.write("h\n");
            f.write("1\n");
            f.write("2 torn");
        }
        try (StreamedFile f = StreamedFile.resume(target, 4, true)) {
            assertThat(f.target()).isEqualTo(target.toAbsolutePath());
            f.write("2\n");
            assertThat(f.complete()).isEqualTo(target.toAbsolutePath());
        }
        assertThat(Files.readString(target)).isEqualTo("h\n1\n2\n");
        // resumed with the header alone and abandoned again: removed, as a new file with only its header
        try (StreamedFile f = StreamedFile.start(target)) {
            f.write("h\n");
            f.write("1\n");
        }
        StreamedFile headerOnly = StreamedFile.resume(target, 2, false);
        assertThat(headerOnly.abandon()).isNull();
        assertThat(StreamedFile.partialOf(target)).doesNotExist();
        // with its rows kept, abandoning it again keeps them
        try (StreamedFile f = StreamedFile.start(target)) {
            f.write("h\n");
            f.write("1\n");
        }
        StreamedFile withRows = StreamedFile.resume(target, 4, true);
        assertThat(withRows.abandon()).isEqualTo(StreamedFile.partialOf(target.toAbsolutePath()));
        assertThat(Files.readString(StreamedFile.partialOf(target))).isEqualTo("h\n1\n");
    }

    @Test
    void aPartialFileShorterThanWhatIsToBeKeptIsRefused(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("r.csv");
        try (StreamedFile f = StreamedFile.start(target)) {
            f.write("h\n");
            f.write("1\n");
        }
        assertThatThrownBy(() -> StreamedFile.resume(target, 5, true))
                .isInstanceOf(java.io.IOException.class).hasMessageEndingWith("holds 4 bytes, fewer than the 5 to keep");
        StreamedFile.resume(target, 4, true).complete(); // all of it may be kept
        assertThat(Files.readString(target)).isEqualTo("h\n1\n");
    }

    @Test
    void aHiddenFileWithoutAnExtensionGetsPartialAtTheEnd() {
        assertThat(StreamedFile.partialOf(Path.of("x/.cohort"))).isEqualTo(Path.of("x/.cohort.partial"));
        assertThat(StreamedFile.partialOf(Path.of("x/a.b.csv"))).isEqualTo(Path.of("x/a.b.partial.csv"));
    }

    @Test
    void aFullDiskNamesTheTargetNotANamelessFile(@TempDir Path dir) throws Exception {
        // review10: cohort said "cannot write a file: No space left on device". /dev/full fails every write
        // with ENOSPC, as a full disk does: the partial file is made a link to it.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "Linux's /dev/full");
        Path target = dir.resolve("members.csv");
        Files.createSymbolicLink(StreamedFile.partialOf(target), Path.of("/dev/full"));
        try (StreamedFile f = StreamedFile.start(target)) {
            assertThatThrownBy(() -> f.write("h\n"))
                    .isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
                        assertThat(e.getFile()).isEqualTo(target.toAbsolutePath().toString());
                        assertThat(e.getReason()).isEqualTo("No space left on device");
                    });
        }
    }
}
