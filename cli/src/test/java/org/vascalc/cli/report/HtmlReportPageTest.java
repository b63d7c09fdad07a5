package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a report's {@code index.html} says: its title, table, overview, panels with captions and sources, notes
 * and provenance, every text escaped (a name or caption with {@code <} or {@code &} is shown as written, never
 * read as markup), and each image it names written beside it.
 */
class HtmlReportPageTest {

    private static Panel panel(String id, String title, String caption, String sources) {
        double[] x = {0, 1, 2};
        return new Panel(id, title, "years", "mg", List.of(new Series("food", x, new double[] {1, 2, 3})), caption, sources);
    }

    @Test
    void theIndexShowsEveryPartWithItsTextEscapedAndItsImagesBesideIt(@TempDir Path dir) throws IOException {
        Panel a = panel("a", "Calcium <in> & out", "The \"caption\" <b>", "Smith 2020 <p. 3>");
        Panel b = panel("b", "Phosphate", "", "");
        Panel c = panel("c", "Overview only", "", "");
        Path index = new HtmlReport("Report <1> & \"2\"", "an <i>intro</i>")
                .table(new String[] {"arm", "<change>"}, List.<String[]>of(new String[] {"food & K2", "<3 %"}))
                .overview(List.of(a, c), "two at a <glance>")
                .note("a note with <b>markup</b>")
                .panel(a).panel(b)
                .provenance("vascalc 1.0 <commit & dirty>")
                .write(dir.resolve("r"));
        Document d = Jsoup.parse(Files.readString(index));
        assertThat(d.title()).isEqualTo("Report <1> & \"2\"");
        assertThat(d.selectFirst("h1").text()).isEqualTo("Report <1> & \"2\"");
        assertThat(d.select("p i").text()).as("the intro is HTML, as given").isEqualTo("intro");
        assertThat(d.select("th")).extracting(e -> e.text()).containsExactly("arm", "<change>");
        assertThat(d.select("td")).extracting(e -> e.text()).containsExactly("food & K2", "<3 %");
        assertThat(d.select("p b").text()).as("a note is HTML, as given").isEqualTo("markup");

        assertThat(d.selectFirst("figure.overview figcaption").text()).isEqualTo("two at a <glance>");
        assertThat(d.selectFirst("figure.overview > .chart img").attr("src")).isEqualTo("overview.png");
        assertThat(d.selectFirst("figure.overview > .chart img").attr("alt"))
                .isEqualTo("Charts at a glance: Calcium <in> & out; Overview only; what they show is the caption below");
        assertThat(d.select("figure.overview .one-by-one img")).extracting(e -> e.attr("src")).containsExactly("a.png", "c.png");

        assertThat(d.select(".grid > figure")).hasSize(2);
        assertThat(d.select(".grid > figure img")).extracting(e -> e.attr("src")).containsExactly("a.png", "b.png");
        assertThat(d.selectFirst(".grid > figure img").attr("alt"))
                .isEqualTo("Chart: Calcium <in> & out; what it shows is the caption below");
        assertThat(d.selectFirst(".grid > figure figcaption").ownText()).isEqualTo("The \"caption\" <b>");
        assertThat(d.select(".grid > figure figcaption b")).isEmpty();
        assertThat(d.select(".grid > figure .src")).singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("Sources: Smith 2020 <p. 3>"));
        assertThat(d.select(".grid > figure .chart-key b")).extracting(e -> e.text())
                .containsExactly("Calcium <in> & out", "Phosphate");

        assertThat(d.selectFirst("h2").text()).isEqualTo("Provenance");
        assertThat(d.selectFirst("div.prov").text()).isEqualTo("vascalc 1.0 <commit & dirty>");
        for (String png : List.of("overview.png", "a.png", "b.png", "c.png")) {
            assertThat(index.resolveSibling(png)).as(png).isRegularFile();
        }
    }

    @Test
    void aReportWithoutTableOrOverviewHasNeither(@TempDir Path dir) throws IOException {
        Path index = new HtmlReport("R", "i").panel(panel("a", "A", "", "")).provenance("p").write(dir.resolve("r"));
        Document d = Jsoup.parse(Files.readString(index));
        assertThat(d.select("table")).isEmpty();
        assertThat(d.select("figure.overview")).isEmpty();
        assertThat(d.select(".grid > figure .src")).as("no sources, no line of them").isEmpty();
        assertThat(index.resolveSibling("overview.png")).doesNotExist();
    }

    @Test
    void escapingCoversTheCharactersOfHtmlTextAndDoubleQuotedAttributes() {
        assertThat(HtmlReport.escape("<a href=\"x\">&amp;</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
    }
}
