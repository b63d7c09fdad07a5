package org.vascalc.cli.web;

import java.util.List;
import java.util.Map;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.ValidRange;

/**
 * The controls of one form, each labelled from the page's {@code labels} (its fields, top to bottom) and tied to
 * its errors: the words a control's label shows are the words that name its problems in the list after the form
 * ({@link FormProblems#of(List, Map)}), and each error also stands under its control ({@link FormProblems#under}).
 * One place for every page's fields (review, forty-first session: /risk named its problems by its labels and in its
 * order, while /compare, /cohort, /trials, /ct and /scenario listed "age: age = 300 ..." in the library's order,
 * and the pages wrote the same label, control and error markup each in its own copy).
 */
final class FormFields {

    /** A choice of a select: what the form sends, and what the reader sees. */
    record Option(String value, String text) {
    }

    private final Map<String, String> labels;
    private final FormProblems problems;

    /** The fields of a form with these labels (ordered as the form shows them), tied to {@code problems}. */
    FormFields(Map<String, String> labels, FormProblems problems) {
        this.labels = labels;
        this.problems = problems;
    }

    /**
     * The fields of a form with these labels, and the problems of its answer listed in the form's order and named by
     * those labels ({@link #problems()}); {@code answered} empty for a form not submitted.
     */
    static FormFields of(Map<String, String> labels, List<InputProblem> answered) {
        return new FormFields(labels, FormProblems.of(answered, labels));
    }

    /**
     * A form's labels from name, label pairs in the form's order ({@code labels("age", "Age", "sex", "Sex")}).
     */
    static Map<String, String> labels(String... nameLabel) {
        if (nameLabel.length % 2 != 0) {
            throw new IllegalArgumentException("name, label pairs expected, got " + nameLabel.length + " strings");
        }
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameLabel.length; i += 2) {
            m.put(nameLabel[i], nameLabel[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    FormProblems problems() {
        return problems;
    }

    /** The label of the field {@code name}; a field with no label is a programming error, not a page without one. */
    String label(String name) {
        String label = labels.get(name);
        if (label == null) {
            throw new IllegalArgumentException("the form has no label for its field " + name);
        }
        return label;
    }

    /**
     * A field's unit and allowed range, from the range its value is checked against and in the words of that check's
     * message ("kg, 30 to 300"; "0 to 4294967295" for a number without a unit): the reader sees the limits before
     * typing, not only after a refusal.
     */
    static String hint(ValidRange r) {
        return r.unit().isEmpty() ? range(r) : r.unit() + ", " + range(r);
    }

    /** "0 to 1000000000": a range's hard ends, as its error message gives them (a label that names the unit already). */
    static String range(ValidRange r) {
        return ValidRange.fmt(r.hardLow()) + " to " + ValidRange.fmt(r.hardHigh());
    }

    /**
     * A number field: its label, its unit and range ({@code hint}, escaped here), the control (a decimal keypad on a
     * phone) and its errors under it; {@code value} is already escaped ({@link FormValues#shown}).
     */
    String number(String name, String hint, String value) {
        return input(name, hint, value, " inputmode=\"decimal\"");
    }

    /** A text field (a date): as {@link #number}, with the phone's ordinary keyboard. */
    String text(String name, String hint, String value) {
        return input(name, hint, value, "");
    }

    private String input(String name, String hint, String value, String attributes) {
        return "<label>" + Html.esc(label(name)) + " <span class=\"unit\">" + Html.esc(hint) + "</span><input"
                + problems.on(name) + " name=\"" + name + "\" value=\"" + value + "\"" + attributes + ">"
                + problems.under(name) + "</label>";
    }

    /**
     * A select showing the option {@code chosen} names (any case), not the first one: submitting the form again must
     * not answer for another person or unit.
     */
    String select(String name, List<Option> options, String chosen) {
        StringBuilder b = new StringBuilder("<label>" + Html.esc(label(name)) + "<select" + problems.on(name) + " name=\""
                + name + "\">");
        for (Option o : options) {
            b.append("<option value=\"").append(Html.esc(o.value())).append('"')
                    .append(o.value().equalsIgnoreCase(chosen) ? " selected" : "").append('>')
                    .append(Html.esc(o.text())).append("</option>");
        }
        return b.append("</select>").append(problems.under(name)).append("</label>").toString();
    }

    /** Options whose text is their value; the empty value reads "choose" (a required choice left open). */
    static List<Option> options(String... values) {
        return java.util.Arrays.stream(values).map(v -> new Option(v, v.isEmpty() ? "choose" : v)).toList();
    }

    /** A yes/no box with its label after it, and its error under both. */
    String checkbox(String name, boolean checked) {
        return "<label class=\"check\"><input" + problems.on(name) + " type=\"checkbox\" name=\"" + name
                + "\" value=\"true\"" + (checked ? " checked" : "") + ">" + Html.esc(label(name))
                + problems.under(name) + "</label>";
    }
}
