package org.vascalc.cli.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vascalc.core.input.InputProblem;

/**
 * The problems of one answered form, as its page shows them: the errors numbered in the order the
 * list gives them ({@code problem-1}, {@code problem-2}, ...), and by the field each names, so that
 * the code writing a control asks {@link #on} for the attributes that tie the control to its errors
 * ({@code aria-invalid}, {@code aria-describedby}): a screen reader then reads the error on reaching
 * the field, not only in the red box after the form. Known before any HTML is written, so nothing
 * is searched for or rewritten in the finished page. An error of no control of the page (the scenario
 * text's {@code parameters.NAME}) is numbered and stays in the list only; an error of a line of a control (a
 * {@code --set} line of the scenario page's Parameter changes box) keeps its own name in the list and also stands
 * under that control, named by the line ({@link #of(List, Map, UnaryOperator)}).
 */
final class FormProblems {

    /** A form not submitted, or answered without a problem. */
    static final FormProblems NONE = new FormProblems(List.of(), Map.of(), UnaryOperator.identity());

    /** The id of the list's heading, which the link at the top of a refused page leads to ({@link Html#page}). */
    static final String LIST_ID = "problems";

    private final List<InputProblem> all;
    private final Map<String, List<String>> errorIdsByField;
    private final Map<String, List<String>> errorMessagesByField;
    private final int errors;
    private final Map<String, String> labels;

    private FormProblems(List<InputProblem> problems, Map<String, String> labels, UnaryOperator<String> fieldOf) {
        this.all = List.copyOf(problems);
        this.labels = Map.copyOf(labels);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        Map<String, List<String>> messages = new LinkedHashMap<>();
        int n = 0;
        for (InputProblem p : all) {
            if (p.severity() == InputProblem.Severity.ERROR) {
                String field = fieldOf.apply(p.path());
                byField.computeIfAbsent(field, k -> new ArrayList<>()).add(id(++n));
                String text = text(p);
                int nl = text.indexOf('\n');
                String first = nl < 0 ? text : text.substring(0, nl);
                // a line of the field (a --set line) is named under it: the box holds several
                messages.computeIfAbsent(field, k -> new ArrayList<>()).add(field.equals(p.path()) ? first
                        : p.path() + ": " + first);
            }
        }
        byField.replaceAll((k, v) -> List.copyOf(v));
        messages.replaceAll((k, v) -> List.copyOf(v));
        this.errorIdsByField = Map.copyOf(byField);
        this.errorMessagesByField = Map.copyOf(messages);
        this.errors = n;
    }

    /** The page's errors and warnings, in the order they are listed. */
    static FormProblems of(List<InputProblem> problems) {
        return problems.isEmpty() ? NONE : new FormProblems(problems, Map.of(), UnaryOperator.identity());
    }

    /**
     * The page's errors and warnings, listed in the order of {@code labels} (a form's fields, top to bottom;
     * a problem of no field in it last, the list's order kept among equals) and each named by its field's
     * label rather than its parameter name: the risk form's "Coronary calcium score: 120 AU differs ..."
     * where it read "cac: cac = 120 AU differs ..." and listed tc before age (review, fortieth session).
     */
    static FormProblems of(List<InputProblem> problems, Map<String, String> labels) {
        return of(problems, labels, UnaryOperator.identity());
    }

    /**
     * As {@link #of(List, Map)}, where {@code fieldOf} gives the field a problem's path belongs to when that is not
     * the path itself: the scenario page's {@code --set NAME=VALUE} problems belong to its Parameter changes box
     * ({@code set}), and stood only in the list after the form (review, forty-first session). Such a problem is listed
     * at its field's place under its own name and written under the field as "path: message"; identity elsewhere.
     */
    static FormProblems of(List<InputProblem> problems, Map<String, String> labels, UnaryOperator<String> fieldOf) {
        if (problems.isEmpty()) {
            return NONE;
        }
        return new FormProblems(inFieldOrder(problems, labels, fieldOf), labels, fieldOf);
    }

    /**
     * {@code problems} in the order of {@code labels}' keys (a form's fields, top to bottom), a problem of no field
     * in it last, the list's order kept among equals: the one order of a form's page and of its JSON API
     * ({@code /api/risk} listed them as found, tc before age, where /risk listed age first; review20).
     */
    static List<InputProblem> inFieldOrder(List<InputProblem> problems, Map<String, String> labels,
            UnaryOperator<String> fieldOf) {
        List<String> order = List.copyOf(labels.keySet());
        List<InputProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(p -> {
            int i = order.indexOf(fieldOf.apply(p.path()));
            return i < 0 ? order.size() : i;
        }));
        return List.copyOf(sorted);
    }

    /**
     * A message as shown beside its field's label: without the leading "name = " that names the field
     * (the label does that now: "Age: 150 years is outside ...", not "Age: age = 150 years ...").
     */
    private String text(InputProblem p) {
        return labels.containsKey(p.path()) ? LEADING_NAME.matcher(p.message()).replaceFirst("") : p.message();
    }

    /** "cacVessels = ", "total cholesterol = ": a field's name and an equals sign opening a message. */
    private static final java.util.regex.Pattern LEADING_NAME = java.util.regex.Pattern.compile("^[\\w ,-]{1,40}? = ");

    private static String id(int n) {
        return "problem-" + n;
    }

    boolean hasErrors() {
        return errors > 0;
    }

    /** How many errors the list numbers (warnings are not counted: they do not stop the answer). */
    int errorCount() {
        return errors;
    }

    /**
     * The attributes, each with a leading space, that a control named {@code field} carries: none when
     * the field has no error, else {@code aria-invalid="true"} and {@code aria-describedby} naming each
     * of its errors in the list. Written right after the tag's name ({@code "<input" + on("age") + ...}).
     */
    String on(String field) {
        List<String> ids = errorIdsByField.get(field);
        return ids == null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + String.join(" ", ids) + "\"";
    }

    /**
     * The errors of the field {@code field}, written under its control (inside its label, after the control):
     * on a long form the list after it was a screen away from the field it named (review, fortieth session).
     * One element each, a line each ({@code .field-problem} is a block, {@link Html#STYLE}): joined by "; " in one,
     * the Parameter changes box's several {@code --set} lines read as one dense run, their messages holding
     * semicolons of their own (review, forty-second session). Spans, not a list's items, because most controls'
     * errors stand inside their label, which holds no list. Hidden from screen readers, which read the list's items
     * already through {@link #on}'s {@code aria-describedby}. Empty when the field has no error.
     */
    String under(String field) {
        List<String> messages = errorMessagesByField.get(field);
        if (messages == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String m : messages) {
            b.append("<span class=\"field-problem\" aria-hidden=\"true\">").append(Html.esc(m)).append("</span>");
        }
        return b.toString();
    }

    /**
     * The errors and the warnings, each naming its field, value, unit and allowed range: the errors
     * in a red box whose heading has the id {@link #LIST_ID}, each item with the id its field's control
     * names; empty when there are none.
     */
    String html() {
        StringBuilder errorItems = new StringBuilder();
        StringBuilder warnings = new StringBuilder();
        int n = 0;
        for (InputProblem p : all) {
            boolean error = p.severity() == InputProblem.Severity.ERROR;
            // a parser's message runs over several lines (the text, a caret under the column): kept as typed
            String text = text(p);
            int nl = text.indexOf('\n');
            String message = nl < 0 ? Html.esc(text)
                    : Html.esc(text.substring(0, nl)) + "<pre" + Html.SCROLLS + ">"
                            + Html.esc(text.substring(nl + 1)) + "</pre>";
            String label = labels.get(p.path());
            (error ? errorItems : warnings).append(error ? "<li id=\"" + id(++n) + "\">" : "<li>")
                    .append(label == null ? "<code>" + Html.esc(p.path()) + "</code>" : Html.esc(label))
                    .append(": ").append(message).append("</li>");
        }
        String html = "";
        if (!errorItems.isEmpty()) {
            html += "<div class=\"problems\"><b id=\"" + LIST_ID + "\">Please correct:</b><ul>" + errorItems + "</ul></div>\n";
        }
        if (!warnings.isEmpty()) {
            html += "<div class=\"warnings\"><b>Note:</b><ul>" + warnings + "</ul></div>\n";
        }
        return html;
    }
}
