package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a refused form's page shows, read from its HTML for the page tests: the list's items, what stands by a field. */
final class RefusedForms {

    private RefusedForms() {
    }

    /** The text of each item of the box of class {@code box} ("problems", "warnings"), tags removed, in page order. */
    static List<String> items(String page, String box) {
        int start = page.indexOf("<div class=\"" + box + "\"");
        assertThat(start).as("the %s box", box).isNotNegative();
        String list = page.substring(start, page.indexOf("</div>", start));
        List<String> items = new ArrayList<>();
        Matcher m = Pattern.compile("<li[^>]*>(.*?)</li>").matcher(list);
        while (m.find()) {
            items.add(text(m.group(1)));
        }
        return items;
    }

    /** From the label holding the control {@code name} to that label's end. */
    static String label(String page, String name) {
        int control = page.indexOf("name=\"" + name + "\"");
        assertThat(control).as("control %s", name).isPositive();
        return page.substring(page.lastIndexOf("<label", control), page.indexOf("</label>", control));
    }

    /**
     * The errors written by the control {@code name} ({@code FormProblems.under}), as text, one a line: inside its
     * label, or right after a text box whose label stands above it; empty when there is none.
     */
    static String under(String page, String name) {
        int control = page.indexOf("name=\"" + name + "\"");
        assertThat(control).as("control %s", name).isPositive();
        return problem(page.substring(control, Math.min(indexOrEnd(page, "<label", control), indexOrEnd(page, "</label>", control))));
    }

    /** The error of a group of boxes named {@code name} (the cohort's arms), written after the last of them in their fieldset. */
    static String underGroup(String page, String name) {
        int control = page.indexOf("name=\"" + name + "\"");
        assertThat(control).as("control %s", name).isPositive();
        return problem(page.substring(control, page.indexOf("</fieldset>", control)));
    }

    private static String problem(String html) {
        return String.join("\n", problems(html));
    }

    /**
     * Each error written by the control {@code name} ({@code FormProblems.under}), one element a problem, as text, in
     * page order: inside its label, or right after a text box whose label stands above it; empty when there is none.
     */
    static List<String> underEach(String page, String name) {
        int control = page.indexOf("name=\"" + name + "\"");
        assertThat(control).as("control %s", name).isPositive();
        return problems(page.substring(control, Math.min(indexOrEnd(page, "<label", control), indexOrEnd(page, "</label>", control))));
    }

    private static List<String> problems(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<span class=\"field-problem\"[^>]*>(.*?)</span>").matcher(html);
        while (m.find()) {
            found.add(text(m.group(1)));
        }
        return found;
    }

    private static int indexOrEnd(String page, String what, int from) {
        int i = page.indexOf(what, from);
        return i < 0 ? page.length() : i;
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
