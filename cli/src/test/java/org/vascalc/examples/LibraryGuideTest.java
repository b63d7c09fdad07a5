package org.vascalc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * docs/library.md shows the examples of this package as they are: every Java code block of the page
 * is one example's source, character for character, and every example is on the page once. The
 * examples compile and {@link LibraryExamplesTest} runs them, so the page cannot drift from the API.
 */
class LibraryGuideTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    static Map<String, String> exampleSources() throws IOException {
        Path dir = ProjectFiles.require("cli/src/test/java/org/vascalc/examples");
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().endsWith("Test.java")).toList()) {
                sources.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return sources;
    }

    @Test
    void everyJavaBlockOfTheGuideIsAnExampleSourceAndEveryExampleIsShownOnce() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(ProjectFiles.require("docs/library.md")));
        Map<String, String> sources = exampleSources();
        assertThat(sources).hasSizeGreaterThanOrEqualTo(6);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String b = blocks.get(i);
            if (!sources.containsValue(b)) {
                problems.add("java block " + (i + 1) + " (" + firstLine(b) + ") is not the source of any example");
            }
        }
        sources.forEach((name, src) -> {
            long shown = blocks.stream().filter(src::equals).count();
            if (shown != 1) {
                problems.add(name + " is shown " + shown + " times (once expected)");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void aChangedLineOfAnExampleIsFound() throws IOException {
        Map<String, String> sources = exampleSources();
        String any = sources.values().iterator().next();
        String page = "```java\n" + any.replace("public final class", "public class") + "```\n";
        assertThat(javaBlocks(page)).hasSize(1);
        assertThat(sources.containsValue(javaBlocks(page).get(0))).isFalse();
        assertThat(sources.containsValue(javaBlocks("```java\n" + any + "```\n").get(0))).isTrue();
    }

    private static String firstLine(String block) {
        String t = block.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
