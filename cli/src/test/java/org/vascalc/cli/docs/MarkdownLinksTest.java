package org.vascalc.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of {@link DocumentationTest} on small made-up repositories: each can fail. */
class MarkdownLinksTest {

    private static Path write(Path root, String relative, String text) throws Exception {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aLinkToAFileThatDoesNotExistIsReported(@TempDir Path root) throws Exception {
        write(root, "docs/there.md", "# There\n");
        Path page = write(root, "README.md", "See [there](docs/there.md) and [gone](docs/gone.md).\n");
        assertThat(MarkdownLinks.linkProblems(root, page)).singleElement().asString()
                .contains("README.md").contains("'docs/gone.md'").contains("does not exist");
    }

    @Test
    void aLinkToAHeadingThePageDoesNotHaveIsReported(@TempDir Path root) throws Exception {
        write(root, "docs/b.md", "# Title\n\n## Serum calcium and MI: a direct term\n\n## Status\n\n## Status\n");
        Path ok = write(root, "docs/a.md", "[x](b.md#serum-calcium-and-mi-a-direct-term), [y](b.md#status-1), "
                + "[z](#own), <a id=\"own\"></a>\n");
        Path bad = write(root, "docs/c.md", "[x](b.md#serum-calcium), [y](#nowhere)\n");
        assertThat(MarkdownLinks.linkProblems(root, ok)).isEmpty();
        assertThat(MarkdownLinks.linkProblems(root, bad)).hasSize(2).allMatch(p -> p.contains("does not have"));
    }

    @Test
    void linksLeavingTheRepositoryAreReportedAndExternalOnesAreNotFollowed(@TempDir Path root) throws Exception {
        Path page = write(root, "docs/a.md", "[up](../../elsewhere.md) [web](https://example.org/x.md) [mail](mailto:a@b)\n");
        assertThat(MarkdownLinks.linkProblems(root, page)).singleElement().asString().contains("leaves the repository");
    }

    @Test
    void imagesReferencesAndHtmlAreLinksButCodeIsNot(@TempDir Path root) throws Exception {
        Path page = write(root, "README.md", """
                ![chart](img/a.png)
                [ref]: docs/b.md
                <img src="img/c.png">
                `[not a link](nowhere.md)`

                ```
                [not a link either](nowhere.md)
                ```
                """);
        assertThat(MarkdownLinks.linkTargets(MarkdownLinks.read(page))).containsExactly("img/a.png", "docs/b.md", "img/c.png");
        assertThat(MarkdownLinks.linkProblems(root, page)).hasSize(3);
    }

    @Test
    void headingsAnchorAsGitHubDoes() {
        assertThat(MarkdownLinks.slug("Stored results (`simulate --db`, `cohort --db`)"))
                .isEqualTo("stored-results-simulate---db-cohort---db");
        assertThat(MarkdownLinks.slug("The engine (`org.vascalc.simulation.engine`)"))
                .isEqualTo("the-engine-orgvascalcsimulationengine");
        assertThat(MarkdownLinks.slug("Mönckeberg's [medial](x.md) calcification")).isEqualTo("mönckebergs-medial-calcification");
    }

    @Test
    void aRepositoryPathWrittenAsCodeMustExist(@TempDir Path root) throws Exception {
        write(root, "docs/there.md", "# There\n");
        Files.createDirectories(root.resolve("examples/scenarios"));
        write(root, "docs/scenario.schema.json", "{}");
        Path page = write(root, "README.md", "`docs/there.md`, `examples/scenarios/`, `docs/gone.md`, "
                + "`docs/scenario.schema.json`, `examples/trials/<key>.yaml`, `physiology/.../x.csv`, `out/flagship/index.html`, `cli/target/x.jar`\n");
        assertThat(MarkdownLinks.codePathProblems(root, page)).singleElement().asString().contains("`docs/gone.md`");
    }

    @Test
    void commandLinesAreReadFromCodeBlocksAndSpans() {
        MarkdownLinks.Page page = MarkdownLinks.parse(Path.of("x.md"), """
                Run `./vascalc risk --age 55` or:

                ```bash
                VASCALC_JAVA_OPTS=-Xmx256m ./vascalc cohort --size 10 \\
                    --years 2   # a comment
                ./vascalc score "MY SCANS" --json | less
                ./vascalc serve --port 7391 &
                ```

                    ./vascalc serve --port 8080
                """);
        assertThat(MarkdownLinks.vascalcCommands(page)).containsExactly(
                List.of("cohort", "--size", "10", "--years", "2"),
                List.of("score", "MY SCANS", "--json"),
                List.of("serve", "--port", "7391"),
                List.of("serve", "--port", "8080"),
                List.of("risk", "--age", "55"));
    }

    @Test
    void aCommandOptionOrExampleFileThatDoesNotExistIsReported() {
        assertThat(DocumentationTest.parseProblem(List.of("simulate", "a.yaml", "--mode", "fast"))).isNull();
        assertThat(DocumentationTest.parseProblem(List.of("COMMAND", "--help"))).isNull();
        assertThat(DocumentationTest.parseProblem(List.of("simulat", "a.yaml"))).isNotNull();
        assertThat(DocumentationTest.parseProblem(List.of("simulate", "a.yaml", "--mdoe", "fast"))).contains("--mdoe");
        assertThat(DocumentationTest.parseProblem(List.of("cohort", "--size", "many"))).contains("many");
        assertThat(DocumentationTest.missingInput(List.of("simulate", "examples/scenarios/ten-year-fast.yaml",
                "--db", "docs/new.csv"))).isNull();
        assertThat(DocumentationTest.missingInput(List.of("simulate", "examples/scenarios/ten-year-slow.yaml")))
                .contains("ten-year-slow.yaml");
    }
}
