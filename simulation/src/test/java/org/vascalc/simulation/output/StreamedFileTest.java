package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

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
}
