package org.vascalc.cli.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * A folder of the checkout's example files that a page offers to open: the scenario page's {@code examples/scenarios}
 * (with its sub-folders) and the CT page's {@code examples/phantoms}. Both pages listed and read their folder with
 * their own copy of the same code (dupes2).
 *
 * @param relative the folder, relative to the checkout
 * @param depth    how deep the list goes: 1 the folder's own files, {@link Integer#MAX_VALUE} its sub-folders' too
 */
record ExampleFiles(String relative, int depth) {

    static final ExampleFiles SCENARIOS = new ExampleFiles("examples/scenarios", Integer.MAX_VALUE);
    static final ExampleFiles PHANTOMS = new ExampleFiles("examples/phantoms", 1);

    /** The folder in the checkout the server runs in (or, outside one, where it would be). */
    Path folder() {
        return ProjectFiles.find(relative).orElse(Path.of(relative));
    }

    /**
     * The example files (.yaml, .yml, .json) relative to the folder, with '/' between sub-folders, sorted; none outside
     * a checkout.
     */
    List<String> names() throws IOException {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
                    .sorted().toList();
        }
    }

    /** The text of the example {@code name}, one of {@link #names()}. */
    String read(String name) throws IOException {
        return Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
    }
}
