package org.vascalc.cli.web;

import java.util.List;
import org.vascalc.core.input.InputProblem;

/**
 * The web app's page shell and the few HTML pieces every page uses. Server-rendered HTML with no
 * script: the pages are forms that submit by GET, so every result has a URL that can be bookmarked,
 * shared and reproduced (the model is deterministic).
 */
final class Html {

    private Html() {
    }

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:1150px;margin:0 auto;padding:0 1em 3em;color:#222}"
            + "nav{display:flex;gap:1.4em;align-items:baseline;border-bottom:1px solid #ddd;padding:.8em 0;margin-bottom:1em}"
            + "nav a{color:#0b5394;text-decoration:none}nav b{font-size:1.15em;margin-right:1em}"
            + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}"
            + "form.inputs{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:.6em 1.2em;"
            + "background:#f6f8fa;padding:1em;border-radius:6px}"
            + "label{display:flex;flex-direction:column;font-size:.9em;gap:.2em}label.check{flex-direction:row;gap:.5em;align-items:center}"
            + "input,select{font-size:1em;padding:.25em}button{font-size:1em;padding:.4em 1.2em;align-self:end}"
            + ".unit{color:#666;font-size:.85em}"
            + ".problems{background:#fdecea;border:1px solid #e0b4b4;padding:.6em 1em;border-radius:6px}"
            + ".warnings{background:#fff8e1;border:1px solid #e6d28f;padding:.6em 1em;border-radius:6px}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:.92em}"
            + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f3f3f3}"
            + "td:first-child,th:first-child{text-align:left}td.text,th.text{text-align:left}"
            + "figure{margin:1.2em 0;border-top:1px solid #ddd;padding-top:.8em}figcaption{font-size:.92em}"
            + ".src{color:#555;font-size:.85em}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1em}"
            + ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1em}"
            + ".card{border:1px solid #ddd;border-radius:6px;padding:1em}.fine{color:#555;font-size:.85em}"
            + "pre{overflow-x:auto;background:#f6f8fa;padding:.6em;font-size:.85em}"
            + "fieldset{border:1px solid #ddd;border-radius:4px;grid-column:1/-1}";

    /** A whole page: head, navigation, the body HTML and the standing disclaimer. */
    static String page(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · VasCalc</title><style>" + STYLE + "</style></head><body>\n"
                + "<nav><b>VasCalc</b><a href=\"/\">Home</a><a href=\"/compare\">Food, supplement, K2</a>"
                + "<a href=\"/risk\">Risk and calcium score</a><a href=\"/scenario\">Run a scenario</a>"
                + "<a href=\"/cohort\">Cohort and trial</a><a href=\"/ct\">CT calcium score</a>"
                + "<a href=\"/about\">About the model</a></nav>\n"
                + "<h1>" + esc(title) + "</h1>\n" + bodyHtml
                + "\n<p class=\"fine\">VasCalc is a research and teaching simulation, not medical advice.</p>\n"
                + "</body></html>\n";
    }

    /** A labelled number field of a form; {@code value} is already escaped (see {@code FormValues.shown}). */
    static String numberField(String name, String label, String unit, String value) {
        return "<label>" + label + " <span class=\"unit\">" + esc(unit) + "</span><input name=\"" + name
                + "\" value=\"" + value + "\" inputmode=\"decimal\"></label>";
    }

    /** The errors and warnings of a form, each naming its field, value, unit and allowed range. */
    static String problems(List<InputProblem> problems) {
        StringBuilder errors = new StringBuilder();
        StringBuilder warnings = new StringBuilder();
        for (InputProblem p : problems) {
            StringBuilder into = p.severity() == InputProblem.Severity.ERROR ? errors : warnings;
            // a parser's message runs over several lines (the text, a caret under the column): kept as typed
            int nl = p.message().indexOf('\n');
            String message = nl < 0 ? esc(p.message())
                    : esc(p.message().substring(0, nl)) + "<pre>" + esc(p.message().substring(nl + 1)) + "</pre>";
            into.append("<li><code>").append(esc(p.path())).append("</code>: ").append(message).append("</li>");
        }
        String html = "";
        if (!errors.isEmpty()) {
            html += "<div class=\"problems\"><b>Please correct:</b><ul>" + errors + "</ul></div>\n";
        }
        if (!warnings.isEmpty()) {
            html += "<div class=\"warnings\"><b>Note:</b><ul>" + warnings + "</ul></div>\n";
        }
        return html;
    }

    /** A GET form that loads one of the example files into the page ({@code ?example=NAME}); empty without examples. */
    static String exampleChooser(String action, String label, List<String> names, String picked) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"" + action + "\"><label class=\"check\">"
                + esc(label) + ": <select name=\"example\">");
        if (picked == null) {
            b.append("<option value=\"\" selected>choose an example</option>");
        }
        for (String n : names) {
            b.append("<option").append(n.equals(picked) ? " selected" : "").append('>').append(esc(n)).append("</option>");
        }
        return b.append("</select><button type=\"submit\">Load</button></label></form>\n").toString();
    }

    /** A table with a header row; cells are escaped. */
    static String table(String[] header, List<String[]> rows) {
        StringBuilder h = new StringBuilder("<table><tr>");
        for (String c : header) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (String[] r : rows) {
            h.append("<tr>");
            for (String c : r) {
                h.append("<td>").append(esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
