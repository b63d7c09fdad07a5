package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * What cli/README.md says of the web app's refused forms and of the CT page's reading, held against the pages
 * (review, fortieth session: it said the problems are listed "next to the form", where they are also under each
 * field, and its {@code /ct} row said nothing of the plain-words reading and the link to {@code /risk}).
 */
class CliReadmeWebTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    private static String readme() throws Exception {
        Path root = ProjectFiles.require("docs/architecture.md").getParent().getParent();
        return Files.readString(root.resolve("cli/README.md")).replaceAll("\\s+", " ");
    }

    @Test
    void theRefusedFormIsDescribedAsThePageShowsIt() throws Exception {
        String readme = readme();
        assertThat(readme).doesNotContain("next to the form").contains("each field's also under it in red")
                .contains("\"Age: 150 years is outside ...\"");
        String page = SERVER.get("/risk?age=150&sex=male&race=white&tc=200&hdl=50&sbp=120").body();
        assertThat(page).contains("<li id=\"problem-1\">Age: 150 years is outside").contains("class=\"field-problem\"")
                .contains("href=\"#" + FormProblems.LIST_ID + "\"");
    }

    @Test
    void theCtRowNamesTheReadingAndItsRiskLink() throws Exception {
        String readme = readme();
        assertThat(readme).contains("read in plain words").contains("`/risk?cac=86.2&cacVessels=4`");
        // the link the README quotes is the one the reading writes for that score (86.2 AU, calcium in 4 arteries)
        assertThat(CtPage.reading(86.2, "A1/N4")).contains("href=\"/risk?cac=86.2&amp;cacVessels=4\"");
        assertThat(SERVER.get("/risk?cac=86.2&cacVessels=4").statusCode()).as("opens the form to complete").isEqualTo(200);
    }
}
