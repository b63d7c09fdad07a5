package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs folder's listing and rendered pages, on a folder of known files. */
class DocsFilesTest {

    @Test
    void aListingLinksOnlyFoldersAndTheTypesSentAndTitlesOnlyMarkdown(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("docs");
        Files.createDirectories(root.resolve("model"));
        Files.writeString(root.resolve("wall.md"), "# The wall\n");
        Files.writeString(root.resolve("notes.yaml"), "# a comment, not a title\n");
        Files.writeString(root.resolve("run.sh"), "# not sent\n");
        String page = DocsFiles.listing(root.toAbsolutePath().normalize(), "").orElseThrow();
        assertThat(page).contains("<a href=\"/docs/wall.md\">wall.md</a> — The wall</li>")
                .contains("<a href=\"/docs/notes.yaml\">notes.yaml</a></li>").contains("<a href=\"/docs/model/\">model/</a>")
                .doesNotContain("run.sh").doesNotContain("a comment");
        assertThat(DocsFiles.file(root.toAbsolutePath().normalize(), "run.sh")).isEmpty();
    }

    @Test
    void aRenderedPageIsServedAgainUntilItsFileChanges(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("docs").toAbsolutePath().normalize();
        Files.createDirectories(root);
        Path file = root.resolve("page.md");
        Files.writeString(file, "# First\n\nbody one\n");
        String first = MarkdownPage.html(root, file, "/docs/page.md");
        assertThat(first).contains("body one").contains("<title>First · VasCalc</title>");
        assertThat(MarkdownPage.html(root, file, "/docs/page.md")).as("from memory").isEqualTo(first);
        Files.writeString(file, "# Second\n\nbody two, longer\n");
        assertThat(MarkdownPage.html(root, file, "/docs/page.md")).contains("body two").doesNotContain("body one");
    }

    @Test
    void aPagesTitleIsItsFirstHeadingsWholeTextElseItsFileName() {
        Path root = Path.of("/repo/docs");
        assertThat(MarkdownPage.render(root, root.resolve("x.md"), "/docs/x.md", "Intro\n\n## The *medial* `wall`\n"))
                .contains("<title>The medial wall · VasCalc</title>");
        assertThat(MarkdownPage.render(root, root.resolve("notes.md"), "/docs/notes.md", "no heading\n"))
                .contains("<title>notes.md · VasCalc</title>");
    }

    @Test
    void anImageBecomesALinkToItselfShownOnceAndAddressesThatNeedNoRouteStayAsWritten() {
        Path root = Path.of("/repo/docs");
        String html = MarkdownPage.render(root, root.resolve("x.md"), "/docs/x.md",
                "![g](img/p.png) [a](#notes) [b](/trials) [c](?raw) [d](mailto:x@example.org)\n");
        assertThat(html.split("<img ", -1)).hasSize(2);
        assertThat(html).contains("href=\"#notes\"").contains("href=\"/trials\"").contains("href=\"?raw\"")
                .contains("href=\"mailto:x@example.org\"");
        assertThat(MarkdownPage.route(root, root, "#notes")).isNull();
        assertThat(MarkdownPage.route(root, root, "?raw")).isNull();
        assertThat(MarkdownPage.route(root, root, "a b.md")).as("not an address").isNull();
        assertThat(MarkdownPage.route(root, root.resolve("model"), "./")).isEqualTo("/docs/model/");
        assertThat(MarkdownPage.route(root, root.resolve("model"), "../")).isEqualTo("/docs");
    }

    /** review20: the stories' link to ../examples/scenarios/wall/ was left as written, a 404 in the browser. */
    @Test
    void aLinkToAnExampleFileOrFolderOpensThePageThatRunsIt() {
        Path root = Path.of("/repo/docs");
        assertThat(MarkdownPage.route(root, root, "../examples/scenarios/wall/")).isEqualTo("/scenario");
        assertThat(MarkdownPage.route(root, root.resolve("model"), "../../examples/scenarios/wall/ckd-stage4.yaml"))
                .isEqualTo("/scenario?example=wall/ckd-stage4.yaml");
        assertThat(MarkdownPage.route(root, root, "../examples/phantoms/mixed-plaque.yaml"))
                .isEqualTo("/ct?example=mixed-plaque.yaml");
        assertThat(MarkdownPage.route(root, root, "../examples/trials/")).as("no page opens these").isNull();
        assertThat(MarkdownPage.render(root, root.resolve("stories.md"), "/docs/stories.md",
                "[wall](../examples/scenarios/wall/)\n")).contains("href=\"/scenario\"");
    }
}
