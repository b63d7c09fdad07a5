package org.vascalc.cli.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The accessibility rules a page of the web app must keep, read from its HTML as a browser parses it
 * (jsoup): the part of an axe-core review (docs/review-log.md, session 29 {@code a11y}) that needs no
 * browser, so that the build keeps what the review fixed. Each problem is one line naming the element.
 * Public for the command line's own HTML report ({@code report.HtmlReport}), which keeps the same rules.
 */
public final class PageChecks {

    private PageChecks() {
    }

    /** Every rule {@code html} breaks; empty when it keeps them all. */
    public static List<String> problems(String html) {
        Document d = Jsoup.parse(html);
        List<String> out = new ArrayList<>();
        page(d, out);
        headings(d, out);
        links(d, out);
        ids(d, out);
        controls(d, out);
        errors(d, out);
        images(d, out);
        headerCells(d, out);
        scrollBoxes(d, out);
        return out;
    }

    /** A language, a title that names the page, one main landmark and a skip link to it past the navigation. */
    private static void page(Document d, List<String> out) {
        if (d.selectFirst("html[lang]") == null || d.selectFirst("html").attr("lang").isBlank()) {
            out.add("the page has no lang");
        }
        String title = d.title().strip();
        if (title.isEmpty() || title.equals("VasCalc") || title.startsWith("·")) {
            out.add("the title does not name the page: '" + title + "'");
        }
        if (d.select("main").size() != 1) {
            out.add("the page has " + d.select("main").size() + " main landmarks, not one");
        }
        Element skip = d.selectFirst("body > a[href^=#]");
        if (!d.select("nav").isEmpty() && (skip == null || d.getElementById(skip.attr("href").substring(1)) == null)) {
            out.add("the page has a navigation and no skip link to its content before it");
        }
    }

    /** One h1, and no level skipped going down (h2 then h4 hides a level from an outline). */
    private static void headings(Document d, List<String> out) {
        if (d.select("h1").size() != 1) {
            out.add("the page has " + d.select("h1").size() + " h1 headings, not one");
        }
        int previous = 0;
        for (Element h : d.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            if (level > previous + 1) {
                out.add("heading level skipped: h" + level + " '" + h.text() + "' after h" + previous);
            }
            previous = level;
        }
    }

    /** Words that say nothing about where a link goes. */
    private static final Set<String> VAGUE_LINKS = Set.of("here", "click here", "more", "link", "this", "read more");

    private static void links(Document d, List<String> out) {
        for (Element a : d.select("a[href]")) {
            String text = a.text().strip().toLowerCase(Locale.ROOT);
            if ((text.isEmpty() && a.selectFirst("img[alt]") == null) || VAGUE_LINKS.contains(text)) {
                out.add("a link does not say where it goes: " + a.outerHtml());
            }
        }
    }

    /** Ids are unique, and every id an ARIA attribute names exists. */
    private static void ids(Document d, List<String> out) {
        Set<String> ids = new HashSet<>();
        for (Element e : d.select("[id]")) {
            if (!ids.add(e.id())) {
                out.add("the id '" + e.id() + "' is used twice");
            }
        }
        for (Element e : d.select("[aria-describedby]")) {
            for (String id : e.attr("aria-describedby").split("\\s+")) {
                if (d.getElementById(id) == null) {
                    out.add("aria-describedby names no element: " + id);
                }
            }
        }
    }

    /**
     * Every control has a name of its own from a label (wrapping it, or {@code for} its id) or an ARIA
     * label, the name can be seen (an {@code aria-label} alone is heard, not seen: WCAG 3.3.2), and a
     * number field's label says its unit and its allowed range (the reader sees the limits before a refusal).
     */
    private static void controls(Document d, List<String> out) {
        for (Element c : fields(d)) {
            Element label = c.closest("label");
            if (label == null && !c.id().isEmpty()) {
                label = d.selectFirst("label[for=" + c.id() + "]");
            }
            String name = label != null ? label.ownText() + " " + label.select(":not(select):not(option)").text()
                    : c.attr("aria-label");
            if (name.isBlank()) {
                out.add("a control has no label: " + c.outerHtml());
            } else if (label == null) {
                out.add("a control has no visible label, only an aria-label: " + c.attr("name"));
            }
            if (c.attr("inputmode").equals("decimal") && (label == null || label.selectFirst(".unit") == null)) {
                out.add("a number field's label does not say its unit: " + c.attr("name"));
            } else if (c.attr("inputmode").equals("decimal") && !RANGE.matcher(label.selectFirst(".unit").text()).find()) {
                out.add("a number field's label does not say its allowed range: " + c.attr("name"));
            }
        }
    }

    /** "18 to 110", "0.1 to 5": the allowed range a number field's label gives beside its unit (FormFields.hint). */
    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("\\d\\s+to\\s+-?\\d");

    private static List<Element> fields(Document d) {
        return d.select("input, select, textarea").stream()
                .filter(c -> !List.of("hidden", "submit", "button").contains(c.attr("type"))).toList();
    }

    /** A control marked invalid is described by its error (a screen reader reads it on reaching the field). */
    private static void errors(Document d, List<String> out) {
        for (Element c : fields(d)) {
            if (c.attr("aria-invalid").equals("true") && c.attr("aria-describedby").isBlank()) {
                out.add("an invalid control is not described by its error: " + c.attr("name"));
            }
        }
    }

    /**
     * A text alternative says what the chart shows, not that there is one ("charts"); a chart drawn for the
     * page is in a box that scrolls, so that on a phone it keeps the size of its text instead of shrinking
     * to half of it ({@link Html#chart}).
     */
    private static void images(Document d, List<String> out) {
        for (Element img : d.select("img")) {
            if (img.attr("alt").strip().split("\\s+").length < 4) {
                out.add("an image's alt does not say what it shows: '" + img.attr("alt") + "'");
            }
            if (img.attr("src").startsWith("data:image/") && !img.parent().is("div.wide.chart")) {
                out.add("a chart is not in a box that scrolls on a phone: '" + img.attr("alt") + "'");
            }
        }
        for (Element svg : d.select("svg[role=img]")) {
            String by = svg.attr("aria-labelledby");
            if (svg.attr("aria-label").isBlank() && (by.isBlank() || d.getElementById(by) == null)) {
                out.add("an SVG image has no text alternative");
            }
        }
    }

    /** A header cell says what it heads (scope) and is not empty. */
    private static void headerCells(Document d, List<String> out) {
        for (Element th : d.select("th")) {
            if (!th.hasAttr("scope")) {
                out.add("a header cell has no scope: " + th.text());
            }
            if (th.text().isBlank()) {
                out.add("a header cell is empty");
            }
        }
    }

    /** A box that may scroll sideways can be reached with the keyboard (then scrolled with the arrow keys). */
    private static void scrollBoxes(Document d, List<String> out) {
        for (Element box : d.select("pre, div.wide")) {
            if (!box.attr("tabindex").equals("0") && !box.parents().is("pre, div.wide")) {
                out.add("a box that may scroll is not in the tab order: " + box.tagName() + "." + box.className());
            }
        }
    }
}
