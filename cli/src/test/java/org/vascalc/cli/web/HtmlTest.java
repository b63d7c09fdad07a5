package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The page pieces every page uses, checked on their own: escaping (what keeps a user's value from
 * becoming markup), the navigation, the API link and the example chooser.
 */
class HtmlTest {

    /**
     * The five characters HTML gives a meaning to in text and in quoted attribute values (HTML Living Standard,
     * 13.1.2.6 and 13.2.5): each becomes its character reference, the ampersand first so that a reference
     * already typed ({@code &lt;}) is shown as typed, not as the character it names.
     */
    @Test
    void escapingTurnsEveryCharacterWithAMeaningInHtmlIntoItsReference() {
        assertThat(Html.esc("<script>alert(\"x\")</script>")).isEqualTo("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
        assertThat(Html.esc("a & b")).isEqualTo("a &amp; b");
        assertThat(Html.esc("&lt;")).as("a reference typed as text stays text").isEqualTo("&amp;lt;");
        assertThat(Html.esc("it's")).isEqualTo("it&#39;s");
        assertThat(Html.esc("plain text, 60 mmHg")).isEqualTo("plain text, 60 mmHg");
    }

    /** A value closing its attribute and opening a tag, shown back in a field, stays the field's value. */
    @Test
    void aValueThatTriesToLeaveItsAttributeStaysItsValue() {
        String typed = "60\"><script>alert(1)</script><x a='";
        FormValues f = new FormValues(Map.of("age", List.of(typed)));
        Document d = Jsoup.parse(Html.page("Risk", "<form>" + new FormFields(FormFields.labels("age", "Age"), FormProblems.NONE)
                .number("age", "years <18>", f.shown("age", "55")) + "</form>"));
        assertThat(d.select("script")).isEmpty();
        assertThat(d.select("x")).isEmpty();
        assertThat(d.selectFirst("input[name=age]").attr("value")).isEqualTo(typed);
        assertThat(d.selectFirst("span.unit").text()).isEqualTo("years <18>");
    }

    @Test
    void thePageTitleAndHeadingAreEscapedAndTheCurrentPageIsMarked() {
        Document d = Jsoup.parse(Html.page("Risk with and without the calcium score", "<p>body</p>"));
        assertThat(d.select("nav a[aria-current=page]")).singleElement()
                .satisfies(a -> assertThat(a.attr("href")).isEqualTo("/risk"));
        assertThat(d.select("nav a")).hasSize(Html.NAV.size());
        // leftovers13: the links wrap in a box of their own, so that a second line (a window below about 1 080 px)
        // starts under the first link; they wrapped under the name "VasCalc", ragged
        assertThat(d.select("nav > b + span.pages > a")).hasSize(Html.NAV.size());
        assertThat(d.select("style").html()).contains("nav .pages{display:flex;flex-wrap:wrap;");
        // review10: the documents are in the menu too (a card on the home page only before), the bar made to fit
        assertThat(Html.NAV).anySatisfy(n -> assertThat(n).containsExactly("/docs", "Docs", "Documentation: docs/"));
        Document odd = Jsoup.parse(Html.page("a <b> & \"c\"", ""));
        assertThat(odd.title()).isEqualTo("a <b> & \"c\" · VasCalc");
        assertThat(odd.selectFirst("h1").text()).isEqualTo("a <b> & \"c\"");
        assertThat(odd.select("h1 b")).isEmpty();
        assertThat(odd.select("nav a[aria-current]")).isEmpty();
        assertThat(odd.selectFirst("footer").text()).contains("not medical advice");
    }

    @Test
    void aPageWithoutHeadingHasNoH1OfItsTitle() {
        Document d = Jsoup.parse(Html.pageNoHeading("wall.md", "<h1>The wall</h1>"));
        assertThat(d.select("h1")).singleElement().satisfies(h -> assertThat(h.text()).isEqualTo("The wall"));
        assertThat(d.title()).isEqualTo("wall.md · VasCalc");
        assertThat(d.selectFirst("main").id()).isEqualTo("main");
    }

    /** The API link of a submitted form: its query's {@code &} written as {@code &amp;} in the attribute and the text. */
    @Test
    void theApiLinkCarriesTheSubmittedValuesEncodedAndEscaped() {
        FormValues f = new FormValues(Map.of("age", List.of("60"), "sex", List.of("a&b=\"c\"")));
        String link = Html.apiLink("/api/risk", f, List.of("age", "sex", "hdl"));
        assertThat(link).isEqualTo("<a href=\"/api/risk?age=60&amp;sex=a%26b%3D%22c%22\"><code>/api/risk?age=60&amp;"
                + "sex=a%26b%3D%22c%22</code></a>");
        assertThat(Html.apiLink("/api/risk", new FormValues(Map.of()), List.of("age"))).isEqualTo("<code>/api/risk?age=…</code>");
    }

    @Test
    void theExampleChooserMarksThePickedExampleAndEscapesNames() {
        assertThat(Html.exampleChooser("/scenario", "Example", List.of(), null, FormProblems.NONE)).isEmpty();
        Document picked = Jsoup.parse(Html.exampleChooser("/scenario", "Example", List.of("a.yaml", "<b>.yaml"), "a.yaml",
                FormProblems.NONE));
        assertThat(picked.select("option")).extracting(o -> o.text()).containsExactly("a.yaml", "<b>.yaml");
        assertThat(picked.select("option[selected]")).singleElement().satisfies(o -> assertThat(o.text()).isEqualTo("a.yaml"));
        assertThat(picked.select("select b")).isEmpty();
        Document none = Jsoup.parse(Html.exampleChooser("/scenario", "Example", List.of("a.yaml"), null, FormProblems.NONE));
        assertThat(none.select("option")).extracting(o -> o.attr("value")).first().isEqualTo("");
        assertThat(none.select("option[selected]")).singleElement().satisfies(o -> assertThat(o.text()).isEqualTo("choose an example"));
    }

    @Test
    void aChartIsItsPngAsADataAddressWithItsTextAlternative() {
        Document d = Jsoup.parse(Html.chart(new byte[] {1, 2, 3}, "calcium \"score\" <rising>"));
        assertThat(d.selectFirst("img").attr("src")).isEqualTo("data:image/png;base64,AQID");
        assertThat(d.selectFirst("img").attr("alt")).isEqualTo("calcium \"score\" <rising>");
        assertThat(d.selectFirst("img").attr("width")).isEqualTo("100%");
        assertThat(Jsoup.parse(Html.chart(new byte[] {1}, "slices", false)).selectFirst("img").hasAttr("width")).isFalse();
    }

    @Test
    void tableCellsAndHeadersAreEscaped() {
        Document d = Jsoup.parse(Html.table(new String[] {"<th>"}, List.<String[]>of(new String[] {"<td>&amp;"})));
        assertThat(d.selectFirst("th").text()).isEqualTo("<th>");
        assertThat(d.selectFirst("td").text()).isEqualTo("<td>&amp;");
        assertThat(Html.table(new String[] {"a"}, List.of())).contains("<th scope=\"col\">a</th>");
        // a header longer than the first row: its extra column is headed as a number column
        assertThat(Html.table(new String[] {"name", "value"}, List.<String[]>of(new String[] {"x"})))
                .contains("<th scope=\"col\" class=\"text\">name</th><th scope=\"col\">value</th>");
    }

    /** review20: the CT page's series table set each Series Instance UID right, as a number. */
    @Test
    void aDicomUidIsSetAsTextAndADecimalStaysANumber() {
        Document d = Jsoup.parse(Html.table(new String[] {"series", "slice thickness (mm)", "Series Instance UID"},
                List.<String[]>of(new String[] {"1", "2.5", "2.25.519573054541109287645497559750994258"})));
        assertThat(d.select("td").stream().map(org.jsoup.nodes.Element::className)).containsExactly("", "", "text");
        assertThat(d.select("th").get(2).className()).isEqualTo("text");
    }

    /**
     * review18: on a phone, /trials' result table (in a box that scrolls sideways) shrank every column to its longest
     * word, and the reading, a sentence of 90 to 200 characters, stood one word a line, a row 260 px tall. A sentence's
     * cell keeps a readable width there; words and numbers as before.
     */
    @Test
    void aSentenceInATableKeepsAReadableColumnOnANarrowScreen() {
        String reading = "model above the published interval; model a decrease (interval excludes no effect), trial a "
                + "decrease (interval excludes no effect) (the intervals overlap)";
        Document d = Jsoup.parse(Html.table(new String[] {"outcome", "members used", "reading"},
                List.<String[]>of(new String[] {"cfPWV change", "20", reading})));
        assertThat(d.select("td").stream().map(org.jsoup.nodes.Element::className)).containsExactly("text", "", "text prose");
        // the risk table's longest outcome stays a plain text cell
        assertThat(Jsoup.parse(Html.table(new String[] {"outcome"}, List.<String[]>of(new String[] {
                "hard CHD (MI, resuscitated arrest, CHD death, revascularisation with angina)"}))).selectFirst("td")
                .className()).isEqualTo("text");
        // only below the narrow width, where the table's box scrolls: a wide window lays the table out as before
        String narrow = Html.STYLE.substring(Html.STYLE.indexOf("@media (max-width:" + Html.NARROW_PX + "px){.chart img"));
        assertThat(narrow.substring(0, narrow.indexOf("}}") + 2)).contains("td.prose{min-width:16em}");
        assertThat(Html.STYLE.replace(narrow.substring(0, narrow.indexOf("}}") + 2), "")).doesNotContain("td.prose");
    }
}
