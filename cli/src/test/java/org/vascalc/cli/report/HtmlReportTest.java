package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.output.OutputFolder;

class HtmlReportTest {

    private static HtmlReport report() {
        return new HtmlReport("Test report", "intro").provenance("test");
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void replacesItsOwnEarlierReport(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        report().write(out);
        Path index = report().write(out);
        assertThat(index).hasFileName("index.html").exists();
        assertThat(out.resolve(OutputFolder.MARKER)).exists();
    }

    @Test
    void neverReplacesAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "mine");
        assertThatThrownBy(() -> report().write(file)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("exists and is not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(entries(dir)).as("no temporary folder left behind").isEqualTo(1);
    }

    @Test
    void neverReplacesAFolderOfOtherThings(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("thesis");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("chapter1.tex"), "mine");
        assertThatThrownBy(() -> report().write(folder)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("was not written by vascalc");
        assertThat(Files.readString(folder.resolve("chapter1.tex"))).isEqualTo("mine");
        assertThat(entries(folder)).isEqualTo(1);
    }

    @Test
    void replacesAReportWrittenBeforeTheMarkerExisted(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        report().write(out);
        Files.delete(out.resolve(OutputFolder.MARKER)); // as an earlier version left it
        Files.write(out.resolve("old-chart.png"), new byte[] {1});
        report().write(out);
        assertThat(out.resolve("old-chart.png")).doesNotExist();
        assertThat(out.resolve("index.html")).exists();
    }
}
