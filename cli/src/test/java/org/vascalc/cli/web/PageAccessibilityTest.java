package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * Every page of the web app, empty, answered and refused, keeps the accessibility rules of
 * {@link PageChecks} (labels with units, errors tied to their fields, text alternatives, one outline
 * of headings, landmarks and a skip link, header cells with a scope, boxes that scroll reachable by
 * keyboard), over real HTTP with the test double of the model. The runs of the real model (a cohort,
 * a published trial) are checked in {@link CohortPageTest} and {@link TrialsPageTest}.
 */
class PageAccessibilityTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModel());

    private static String get(String pathAndQuery) throws Exception {
        return SERVER.get(pathAndQuery).body();
    }

    private static String post(String path, String... keyValues) throws Exception {
        return SERVER.post(path, keyValues).body();
    }

    @Test
    void everyPageEmptyAnsweredAndRefusedKeepsTheRules() throws Exception {
        for (String page : List.of("/", "/about", "/compare", "/compare?age=60&sex=female&years=1",
                "/compare?age=300&weight=abc&years=1", "/risk", "/risk?age=60&sex=male&race=white&tc=210&hdl=45&sbp=135&cac=120",
                "/risk?age=20&sbp=abc", "/scenario", "/scenario?example=warfarin-plus-mk7.yaml", "/cohort", "/cohort?size=0",
                "/trials", "/trials?trial=block2012", "/trials?trial=block2012&size=1", "/ct", "/ct?example=mixed-plaque.yaml",
                "/docs", "/docs/cohorts.md", "/docs/model/mineral.md", "/docs/performance-log.md", "/readme", "/no-such-page", "/risk?agee=60")) {
            assertThat(PageChecks.problems(get(page))).as(page).isEmpty();
        }
    }

    /**
     * A phantom spec's deposits on a coarser scan: 0.8 mm pixels in a 256 matrix (the same field of view) and no
     * supersampling. The page's rules do not depend on the scan's resolution, and the example's 0.4 mm in 512 took
     * 5-9 s to render on the 2-vCPU machine at load 9-12 (past {@link TestServer#ANSWER} once at load 12, review,
     * fortieth session), the coarse one 0.8 s.
     */
    static String coarse(String spec) {
        assertThat(spec).contains("pixelSpacingMm: 0.4").contains("matrix: 512");
        return spec.replace("pixelSpacingMm: 0.4", "pixelSpacingMm: 0.8").replace("matrix: 512", "matrix: 256\n  supersampling: 1");
    }

    @Test
    void theResultsOfPostedFormsKeepTheRules() throws Exception {
        String scenario = Files.readString(ProjectFiles.require("examples/scenarios/calcium-supplement-vs-food.yaml"));
        String run = post("/scenario", "text", scenario, "format", "yaml", "mode", "reference");
        assertThat(run).contains("data:image/png");
        assertThat(PageChecks.problems(run)).isEmpty();
        assertThat(PageChecks.problems(post("/scenario", "text", "name: x\nwhatever: [", "format", "yaml", "mode", "fast")))
                .isEmpty();
        String ct = post("/ct/phantom", "text", coarse(Files.readString(ProjectFiles.require("examples/phantoms/mixed-plaque.yaml"))));
        assertThat(ct).contains("data:image/png");
        assertThat(PageChecks.problems(ct)).isEmpty();
        assertThat(PageChecks.problems(post("/ct/phantom", "text", "name: x\nwhatever: ["))).isEmpty();
    }

    @Test
    void anErrorIsTiedToItsFieldAndTheTitleSaysThePageNeedsCorrecting() throws Exception {
        Document d = Jsoup.parse(get("/compare?age=300&weight=abc&years=1"));
        assertThat(d.title()).startsWith("Please correct: ");
        for (String field : List.of("age", "weight")) {
            Element input = d.selectFirst("input[name=" + field + "]");
            assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
            Element error = d.getElementById(input.attr("aria-describedby"));
            assertThat(error.text()).as(field).startsWith(ComparePage.LABELS.get(field) + ": ");
        }
        assertThat(d.selectFirst("input[name=height]").hasAttr("aria-invalid")).as("a good field").isFalse();
        // the list is below the form, which fills a phone's screen: the top of the page leads to it
        Element toList = d.selectFirst("main > p.to-problems a");
        assertThat(toList.text()).isEqualTo("The form needs correcting: 2 problems, each named by its field");
        assertThat(d.getElementById(toList.attr("href").substring(1)).text()).startsWith("Please correct:");
        assertThat(Jsoup.parse(get("/compare")).title()).doesNotContain("Please correct");
    }

    @Test
    void theChecksFindWhatTheyLookFor() {
        String bad = "<!DOCTYPE html><html><head><title> · VasCalc</title></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<h1>A</h1><h3>B</h3><h1>C</h1><form><input name=\"x\"><label>Age<input name=\"age\" inputmode=\"decimal\"></label>"
                + "<label>Dose <span class=\"unit\">mg</span><input name=\"dose\" inputmode=\"decimal\"></label>"
                + "<label>Mass <span class=\"unit\">mg, 0.1 to 5</span><input name=\"mass\" inputmode=\"decimal\"></label>"
                + "<input name=\"y\" aria-invalid=\"true\"><textarea name=\"t\" aria-label=\"a text\"></textarea></form><img src=\"a.png\" alt=\"charts\"><img src=\"b.png\">"
                + "<img src=\"data:image/png;base64,AA\" alt=\"Chart: one line per arm\">"
                + "<div class=\"wide\"><table><tr><th>a</th><th scope=\"col\"></th></tr></table></div><pre>x</pre><a href=\"/x\">here</a>"
                + "<p id=\"d\" aria-describedby=\"none\"></p><p id=\"d\"></p></body></html>";
        String found = String.join("\n", PageChecks.problems(bad));
        assertThat(found).contains("no lang").contains("title does not name").contains("0 main landmarks")
                .contains("no skip link").contains("2 h1 headings").contains("heading level skipped: h3")
                .contains("a control has no label: <input name=\"x\">").contains("does not say where it goes")
                .contains("the id 'd' is used twice").contains("aria-describedby names no element: none");
        assertThat(found).contains("label does not say its unit: age");
        assertThat(found).contains("label does not say its allowed range: dose").doesNotContain(": mass");
        assertThat(found).contains("not described by its error: y");
        assertThat(found).contains("no visible label, only an aria-label: t");
        assertThat(found).contains("not in a box that scrolls on a phone: 'Chart: one line per arm'");
        assertThat(found).contains("alt does not say what it shows: 'charts'").contains("alt does not say what it shows: ''");
        assertThat(found).contains("header cell has no scope").contains("a header cell is empty");
        assertThat(found).contains("not in the tab order: div.wide").contains("not in the tab order: pre");
    }
}
