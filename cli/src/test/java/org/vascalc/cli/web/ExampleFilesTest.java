package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dupes2: the scenario page and the CT page list and read their example folders through one {@link ExampleFiles}: the
 * scenarios with their sub-folders ("wall/..."), the phantoms their folder's own files; .yaml, .yml and .json only,
 * sorted.
 */
class ExampleFilesTest {

    @Test
    void theScenariosListTheirSubFoldersTheDepthOneFolderOnlyItsOwnFiles(@TempDir Path dir) throws IOException {
        assertThat(ExampleFiles.SCENARIOS.names()).contains("warfarin.yaml", "calcium-supplement-fasting.json")
                .anyMatch(n -> n.startsWith("wall/")).isSorted();
        assertThat(ExampleFiles.PHANTOMS.names()).contains("mixed-plaque.yaml").noneMatch(n -> n.contains("/"));

        Files.writeString(dir.resolve("b.yml"), "b");
        Files.writeString(dir.resolve("a.json"), "a");
        Files.writeString(dir.resolve("notes.txt"), "not an example");
        Files.createDirectories(dir.resolve("sub.yaml"));
        Files.writeString(dir.resolve("sub.yaml").resolve("c.yaml"), "c");
        assertThat(new ExampleFiles(dir.toString(), 1).names()).containsExactly("a.json", "b.yml");
        assertThat(new ExampleFiles(dir.toString(), Integer.MAX_VALUE).names())
                .containsExactly("a.json", "b.yml", "sub.yaml/c.yaml");
        assertThat(new ExampleFiles(dir.toString(), Integer.MAX_VALUE).read("sub.yaml/c.yaml")).isEqualTo("c");
        assertThat(new ExampleFiles(dir.resolve("none").toString(), 1).names()).as("no such folder: none").isEmpty();
    }
}
