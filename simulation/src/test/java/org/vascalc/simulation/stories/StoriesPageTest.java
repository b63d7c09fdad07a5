package org.vascalc.simulation.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.output.AtomicFiles;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * docs/stories.md is what {@link StoriesPage} makes of today's model: every story at full length in
 * fast mode. Fails when the page is stale; {@code -Dvascalc.regenerate=true} rewrites it.
 */
class StoriesPageTest {

    @Test
    void theStoriesPageTellsWhatTheModelDoesToday() throws Exception {
        Path file = ProjectFiles.require("docs/stories.md");
        String expected = StoriesPage.markdown(StoryRuns.run(ProjectFiles.require("examples/scenarios/wall")));
        if (Boolean.getBoolean("vascalc.regenerate")) {
            AtomicFiles.writeString(file, expected);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/stories.md is stale: rerun with -Dvascalc.regenerate=true (%s)", StoriesPage.REGENERATE)
                .isEqualTo(expected);
    }
}
