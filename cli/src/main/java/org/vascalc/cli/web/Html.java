package org.vascalc.cli.web;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.vascalc.cli.report.ChartKey;

/**
 * The web app's page shell and the few HTML pieces every page uses. Server-rendered HTML with no
 * script: the pages are forms that submit by GET, so every result has a URL that can be bookmarked,
 * shared and reproduced (the model is deterministic).
 */
final class Html {

    private Html() {
    }

    /**
     * The widest window, CSS pixels, in which a chart keeps the size it was drawn at and scrolls instead of
     * shrinking: in a narrower one the cohort's chart and the forest plot (900 px) would shrink their text
     * below 3/4 of its size, and at a phone's 390 px the comparison's charts (640 px) to 55 %, the scenario's
     * (560 px) to 61 %.
     */
    static final int NARROW_PX = 700;

    /**
     * A table cell longer than this many characters is a sentence ({@code td.prose}: a trial's reading, 90 to 200
     * characters), which keeps {@link #PROSE_MIN_EM} em of width below {@link #NARROW_PX}; the risk table's longest
     * outcome (76) and the scenario's descriptions stay as they were.
     */
    static final int PROSE_CHARS = 80;

    /** The least width of a sentence's column where the window is narrow: about 30 characters a line. */
    static final int PROSE_MIN_EM = 16;

    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:1150px;margin:0 auto;padding:0 1em 3em;color:#222}"
            + "nav{display:flex;flex-wrap:wrap;gap:.4em .9em;font-size:.9em;align-items:baseline;border-bottom:1px solid #ddd;padding:.8em 0;margin-bottom:1em}"
            // the links wrap in a box of their own beside the name, so that a second line (below about 1 080 px) starts
            // under the first link, not under "VasCalc"; on a phone the box goes below the name, whole
            + "nav .pages{display:flex;flex-wrap:wrap;gap:.4em .9em;flex:1 1 24em}"
            + "nav a{color:#0b5394;text-decoration:none;white-space:nowrap}nav a[aria-current]{color:#222;font-weight:600;border-bottom:2px solid #0b5394}"
            + "nav b{font-size:1.15em;margin-right:.4em}.card h2{margin-top:0}"
            + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}"
            + "form.inputs{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(230px,100%),1fr));gap:.6em 1.2em;"
            + "background:#f6f8fa;padding:1em;border-radius:6px}"
            + "label{display:flex;flex-direction:column;font-size:.9em;gap:.2em;min-width:0}label.check{flex-direction:row;gap:.5em;align-items:center}label.check input{flex:none}.row{display:flex;gap:1em;align-items:center;flex-wrap:wrap}"
            + "input,select{font-size:1em;padding:.25em;min-width:0}button{font-size:1em;padding:.4em 1.2em;align-self:end}"
            + ".unit{color:#666;font-size:.85em}"
            // a field's unit and range under its control, its errors between them: in a row of the form every control
            // then sits one label line below the row's top, whether its hint takes one line or two (above the control,
            // a two-line hint put it lower than its neighbours: review18); the order read aloud is the document's
            + "label:not(.check)>.field-problem{order:1}label:not(.check)>.unit{order:2}"
            + ".problems{background:#fdecea;border:1px solid #e0b4b4;padding:.6em 1em;border-radius:6px}"
            + ".warnings{background:#fff8e1;border:1px solid #e6d28f;padding:.6em 1em;border-radius:6px}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:.92em}.wide{max-width:100%;overflow-x:auto}"
            + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f3f3f3}"
            + "td:first-child,th:first-child{text-align:left}td.text,th.text{text-align:left}"
            + "figure{margin:1.2em 0;border-top:1px solid #ddd;padding-top:.8em}figcaption{font-size:.92em}"
            + ".src{color:#555;font-size:.85em}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(480px,100%),1fr));gap:1em}"
            + ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(300px,100%),1fr));gap:1em}"
            + ".card{border:1px solid #ddd;border-radius:6px;padding:1em}.fine{color:#555;font-size:.85em}"
            + "pre{overflow-x:auto;background:#f6f8fa;padding:.6em;font-size:.85em}"
            + "fieldset{border:1px solid #ddd;border-radius:4px;grid-column:1/-1;min-width:0}"
            + ".pairs{display:grid;grid-template-columns:repeat(2,minmax(0,320px));gap:.6em 1.2em}"
            + "img{max-width:100%;height:auto}"
            // keyboard use: the focus is always drawn (also on the table boxes that scroll), the skip link shows when focused
            + ":focus-visible{outline:3px solid #0b5394;outline-offset:2px}"
            + ".skip{position:absolute;left:-999em}.skip:focus{position:static;display:inline-block;margin:.5em 0}"
            // a long address or command in code (the API link), a hash, wraps instead of widening the page on a phone
            + "code{overflow-wrap:anywhere}main{overflow-wrap:break-word}textarea{box-sizing:border-box;max-width:100%}"
            // a field with an error: a thicker border, not only another colour, and the error list in the same red
            // (each error a block: a line of its own under its control, FormProblems.under)
            + "[aria-invalid=true]{border:2px solid #b3261e}.field-problem{display:block;color:#b3261e;font-size:.85em}"
            // beside a control in a row (a checkbox, the CT forms' fields) the error takes a line of its own under it
            + "label.check{flex-wrap:wrap}label.check .field-problem{flex-basis:100%}.to-problems a{color:#b3261e;font-weight:600}"
            // a rendered Markdown document of docs/ (MarkdownPage): text-aligned tables with striped rows, code in monospace
            + ".md{line-height:1.5}.md a,p.src a{color:#0b5394}.md td,.md th{text-align:left;vertical-align:top}.md tr:nth-child(even) td{background:#f7f9fb}"
            + ".md code,.md pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}"
            + ".md code{background:#f3f4f6;padding:0 .2em;border-radius:3px;font-size:.9em}.md pre code{background:none;padding:0}"
            + ".md blockquote{border-left:3px solid #ccc;margin:1em 0;padding:0 1em;color:#444}"
            // a streamed page's progress lines (StreamedPage): only the latest is shown
            // the list of published trials (TrialsPage): each row's cells start at its top
            + "table.trials td{vertical-align:top}"
            // its forest plot keeps readable text on a phone: it scrolls sideways inside .wide instead of shrinking
            + "svg.forest{min-width:640px}"
            // a chart (Html.chart) fills its column; on a phone or a narrow window, where that would shrink its text to
            // half (a 640 px chart in 358 px), it keeps the size it was drawn at and scrolls sideways in its box, as the
            // forest plot does at its full width; a figure in a grid may be narrower than the chart it holds
            + "figure{min-width:0}@media (max-width:" + NARROW_PX + "px){.chart img{width:auto;max-width:none}"
            + "svg.forest{min-width:" + TrialForest.WIDTH + "px}"
            // a sentence in a table cell (a trial's reading) keeps a column wide enough to read: in a box that scrolls
            // the table had shrunk every column to its longest word, the reading one word a line (review18)
            + "td.prose{min-width:" + PROSE_MIN_EM + "em}}"
            // there a chart's centred title and legend fall partly out of its box: its key says them as text above it
            + ChartKey.style(NARROW_PX)
            + ".running{background:#eef4fb;border:1px solid #b8cfe8;padding:.4em 1em;border-radius:6px;margin:1em 0}"
            + ".running p{margin:.3em 0}.running p:not(:last-child){display:none}";

    /** A whole page: head, navigation, the body HTML and the standing disclaimer. */
    static String page(String title, String bodyHtml) {
        return page(title, FormProblems.NONE, bodyHtml);
    }

    /**
     * A whole page that answers a form: with errors, the title says first that the form needs correcting
     * (what a screen reader says first on the page), and a link at the top leads to the list of
     * {@code problems}, which may be below a long form (a phone's screen shows its first fields).
     * {@code bodyHtml} holds that list ({@link FormProblems#html}) and the form, its controls written
     * with {@link FormProblems#on}.
     */
    static String page(String title, FormProblems problems, String bodyHtml) {
        if (!problems.hasErrors()) {
            return pageStart(title, title) + bodyHtml + pageEnd();
        }
        int n = problems.errorCount();
        return pageStart(title, "Please correct: " + title)
                + "<p class=\"to-problems\"><a href=\"#" + FormProblems.LIST_ID + "\">The form needs correcting: " + n
                + (n == 1 ? " problem, named" : " problems, each named") + " by its field</a></p>\n" + bodyHtml + pageEnd();
    }

    /** A whole page whose body brings its own heading (a rendered Markdown document): no {@code <h1>} of the title. */
    static String pageNoHeading(String title, String bodyHtml) {
        String start = pageStart(title);
        return start.substring(0, start.lastIndexOf("<h1>")) + bodyHtml + pageEnd();
    }

    /** A page up to its heading: what a streamed page sends first. */
    static String pageStart(String title) {
        return pageStart(title, title);
    }

    /** A page up to its heading, {@code windowTitle} in the browser's title (the page's title is in the heading). */
    private static String pageStart(String title, String windowTitle) {
        // a keyboard or screen-reader user skips the eight links of the navigation to the page's own content
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(windowTitle) + " · VasCalc</title><style>" + STYLE + "</style></head><body>\n"
                + "<a class=\"skip\" href=\"#main\">Skip to the page's content</a>\n"
                + nav(title)
                + "<main id=\"main\">\n<h1>" + esc(title) + "</h1>\n";
    }

    /** The standing disclaimer and the end of the page. */
    static String pageEnd() {
        return "\n</main>\n<footer><p class=\"fine\">VasCalc is a research and teaching simulation, not medical advice.</p></footer>\n"
                + "</body></html>\n";
    }

    /** The pages of the navigation bar: address, link text and the title of the page it opens. */
    static final List<String[]> NAV = List.of(
            new String[] {"/", "Home", "Vascular calcification, simulated and explained"},
            new String[] {"/compare", "Food, supplement, K2", "Calcium from food, from supplements, and vitamin K2"},
            // "Risk and CAC" (coronary artery calcium), not "Risk and calcium score": with "Docs" the longer text wrapped the
            // bar at the 1 100 px of the pages' screenshots (docs/img)
            new String[] {"/risk", "Risk and CAC", "Risk with and without the calcium score"},
            new String[] {"/scenario", "Run a scenario", "Run a scenario"},
            new String[] {"/cohort", "Cohort and trial", "Virtual cohort and in-silico trial"},
            new String[] {"/trials", "Published trials", "Published trials in silico"},
            new String[] {"/ct", "CT calcium score", "Cardiac CT calcium score"},
            new String[] {"/about", "About", "About the model"},
            // review10: the documents had a card on the home page only; "Docs", short, so that the bar stays one line
            // at the page's full width (1150 px; it wrapped "About" before this entry was added)
            new String[] {"/docs", "Docs", "Documentation: docs/"});

    /** The navigation bar, the page with {@code title} marked as the current one (for the eye and for screen readers). */
    private static String nav(String title) {
        StringBuilder b = new StringBuilder("<nav aria-label=\"VasCalc pages\"><b>VasCalc</b><span class=\"pages\">");
        for (String[] n : NAV) {
            b.append("<a href=\"").append(n[0]).append('"').append(n[2].equals(title) ? " aria-current=\"page\"" : "")
                    .append('>').append(esc(n[1])).append("</a>");
        }
        return b.append("</span></nav>\n").toString();
    }

    /**
     * The API address that answers the same form as JSON: a link for the values submitted, or the bare
     * address when the form is empty.
     */
    static String apiLink(String api, FormValues f, List<String> parameters) {
        String q = f.query(parameters);
        return q.isEmpty() ? "<code>" + api + "?age=…</code>"
                : "<a href=\"" + esc(api + "?" + q) + "\"><code>" + esc(api + "?" + q) + "</code></a>";
    }

    /** A GET form that loads one of the example files into the page ({@code ?example=NAME}); empty without examples. */
    static String exampleChooser(String action, String label, List<String> names, String picked, FormProblems problems) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"" + action + "\"><label class=\"check\">"
                + esc(label) + ": <select" + problems.on("example") + " name=\"example\">");
        if (picked == null) {
            b.append("<option value=\"\" selected>choose an example</option>");
        }
        for (String n : names) {
            b.append("<option").append(n.equals(picked) ? " selected" : "").append('>').append(esc(n)).append("</option>");
        }
        return b.append("</select>").append(problems.under("example"))
                .append("<button type=\"submit\">Load</button></label></form>\n").toString();
    }

    /**
     * A table with a header row; cells are escaped. Numbers (with a sign, a unit such as % or AU, or as
     * an interval) align right, words left, and a column's header as its first row's cell.
     */
    static String table(String[] header, List<String[]> rows) {
        StringBuilder h = new StringBuilder("<div class=\"wide\"" + SCROLLS + "><table><tr>");
        for (int k = 0; k < header.length; k++) {
            boolean text = !rows.isEmpty() && k < rows.get(0).length && isText(rows.get(0)[k]);
            h.append(text ? "<th scope=\"col\" class=\"text\">" : "<th scope=\"col\">").append(esc(header[k])).append("</th>");
        }
        h.append("</tr>\n");
        for (String[] r : rows) {
            h.append("<tr>");
            for (String c : r) {
                h.append(!isText(c) ? "<td>" : c.length() > PROSE_CHARS ? "<td class=\"text prose\">"
                        : "<td class=\"text\">").append(esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table></div>\n").toString();
    }

    /**
     * A chart drawn as a PNG, with its text alternative: as wide as its column, in a box that scrolls
     * sideways (in the tab order, as {@link #SCROLLS} says) where the window is narrow ({@link #NARROW_PX}).
     */
    static String chart(byte[] png, String alt) {
        return chart(png, alt, true);
    }

    /**
     * As {@link #chart(byte[], String)}, with the title and legend the image draws ({@link ChartKey}) as text above
     * its box, shown only where the box scrolls (below {@link #NARROW_PX}) and the image's centred title is cut.
     */
    static String chart(byte[] png, String alt, ChartKey key) {
        return key.html() + chart(png, alt, true);
    }

    /**
     * As {@link #chart(byte[], String)}; {@code fillColumn} false: at most the size it was drawn at (an image
     * of scan slices, which blurs when enlarged).
     */
    static String chart(byte[] png, String alt, boolean fillColumn) {
        return "<div class=\"wide chart\"" + SCROLLS + "><img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\" alt=\"" + esc(alt) + "\""
                + (fillColumn ? " width=\"100%\"" : "") + "></div>";
    }

    /**
     * The attribute of a box that may scroll sideways (a wide table on a phone, console text): in the tab
     * order, so that a keyboard user can reach it and scroll it with the arrow keys (WCAG 2.1.1).
     */
    static final String SCROLLS = " tabindex=\"0\"";

    private static final Pattern NUMBER = Pattern.compile(
            "\\[?[+\\-\u2212]?[0-9][0-9.,eE+\\-]*(, [+\\-\u2212]?[0-9][0-9.,eE+\\-]*\\])?(\u00a0| )?(%|AU|mg|s)?|n/a|—|");

    /**
     * A "Note:" box of plain-text lines, as {@code FormProblems} boxes a form's warnings (e.g. the members
     * whose runs do not start at their labs, one line per lab); empty for no lines.
     */
    static String notes(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"warnings\"><b>Note:</b><ul>");
        lines.forEach(l -> b.append("<li>").append(esc(l)).append("</li>"));
        return b.append("</ul></div>\n").toString();
    }

    /**
     * A DICOM UID ("2.25.5195..."): digits in three or more dot-separated parts, an identifier and not a number
     * (review20: the CT page's series table set its Series Instance UIDs right, as numbers).
     */
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+){2,}");

    /** Whether a cell holds words or an identifier rather than a number (see {@link #table}). */
    static boolean isText(String cell) {
        String c = cell.strip();
        return UID.matcher(c).matches() || !NUMBER.matcher(c).matches();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
