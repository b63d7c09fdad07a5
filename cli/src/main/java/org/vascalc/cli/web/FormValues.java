package org.vascalc.cli.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vascalc.cli.Plural;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;

/**
 * The submitted values of a form (query parameters), read field by field into numbers and choices.
 * Every problem is collected, not thrown, so the page can list them all at once next to the form,
 * each naming the field, the value, its unit and what is allowed.
 */
final class FormValues {

    private final Map<String, List<String>> params;

    /**
     * The fields that may be given more than once: the cohort form's checkbox group of arms. (The CT
     * upload's files are multipart file parts, not form values.)
     */
    static final Set<String> REPEATABLE = Set.of("arm");

    /**
     * The values of a request; an {@link InvalidInputException} (a 400) when a field other than
     * {@link #REPEATABLE} is given more than once ({@code age=55&age=60}): a form never sends that, and
     * reading one of them would answer for a person the caller may not have meant.
     */
    FormValues(Map<String, List<String>> params) {
        InputProblems repeated = repeated(params);
        if (repeated.hasErrors()) {
            throw new InvalidInputException("the request", repeated.all());
        }
        this.params = Map.copyOf(params);
    }

    /** One error per field given more than once (other than {@link #REPEATABLE}), naming it and every value. */
    static InputProblems repeated(Map<String, List<String>> params) {
        InputProblems p = new InputProblems();
        for (String name : new TreeSet<>(params.keySet())) {
            List<String> v = params.get(name);
            if (v == null || v.size() < 2 || REPEATABLE.contains(name)) {
                continue;
            }
            List<String> quoted = v.stream().map(x -> "'" + shortened(x) + "'").toList();
            p.error(name, name + " is given " + (v.size() == 2 ? "twice" : v.size() + " times") + " ("
                    + (v.size() == 2 ? quoted.get(0) + " and " + quoted.get(1) : String.join(", ", quoted))
                    + "); give it once");
        }
        return p;
    }

    /**
     * One error per parameter that is not in {@code accepted} (a typo such as {@code agee=60} would
     * otherwise be ignored and answered for the default), naming it, the closest accepted name when
     * one is near, and every accepted name; empty when all are known.
     */
    static InputProblems unknownParameters(Map<String, List<String>> params, List<String> accepted, String endpoint) {
        InputProblems p = new InputProblems();
        for (String name : new TreeSet<>(params.keySet())) {
            if (accepted.contains(name)) {
                continue;
            }
            p.error(name, "'" + name + "' is not a parameter of " + endpoint + hint(name, accepted)
                    + "; the accepted parameters are: " + String.join(", ", accepted));
        }
        return p;
    }

    /** A value as an error message quotes it: on one line, and its first 40 characters when longer. */
    private static String shortened(String value) {
        String v = value == null ? "" : value.replaceAll("[\\r\\n]+", " ");
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }

    /**
     * " (did you mean ...?)" for a parameter not accepted, or "": the one {@link EditDistance#closest} finds (the
     * hint of every other name typed), else, when several accepted names start with what was typed, the first two of
     * them in the page's order. review15: {@code /risk?scan=2021-03-01=148} (the command line's {@code --scan}) was
     * told "did you mean 'cac'?", two edits away, where the form's {@code scan1Date} and {@code scan1Score} are meant.
     */
    static String hint(String name, List<String> accepted) {
        String one = EditDistance.didYouMean(name, accepted);
        if (!one.isEmpty() || name.length() < 3) {
            return one;
        }
        String typed = name.toLowerCase(Locale.ROOT);
        return EditDistance.didYouMeanAny(accepted.stream()
                .filter(a -> a.toLowerCase(Locale.ROOT).startsWith(typed)).limit(2).toList());
    }

    /** Whether the form was submitted at all (any parameter present). */
    boolean submitted() {
        return !params.isEmpty();
    }

    /** Whether the request names the field at all, even empty (a submitted form sends its empty fields). */
    boolean sent(String name) {
        return params.containsKey(name);
    }

    /** The raw text of a field, or null when absent or blank. */
    String text(String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty() || v.get(0) == null || v.get(0).isBlank()) {
            return null;
        }
        return v.get(0).trim();
    }

    /** A number within {@code range}; the default when the field is empty; NaN (and an error) when unusable. */
    double number(String name, ValidRange range, double defaultValue, InputProblems problems) {
        String raw = text(name);
        if (raw == null) {
            return defaultValue;
        }
        double v = parse(raw);
        if (Double.isNaN(v)) {
            // the range too, as for a value outside it (review18: "'sixty' is not a number (years)" left the
            // allowed values to the field's hint, which the list of problems at the foot of the page does not show)
            problems.error(name, notANumber(range.field(), raw, range.unit()) + "; the allowed range is " + range.allowed());
            return Double.NaN;
        }
        return org.vascalc.simulation.scenario.ScenarioRanges.check(range, v, name, problems) ? v : Double.NaN;
    }

    /**
     * A whole number within {@code range} (a seed, a count): as {@link #number}, and an error "FIELD =
     * VALUE is not a whole number{@code ofWhat}" when it has a fraction (the cohort and trials forms
     * each had their own copy of this check). {@code ofWhat} ends the message, e.g. " of people", or "".
     */
    double wholeNumber(String name, ValidRange range, double defaultValue, String ofWhat, InputProblems problems) {
        double v = number(name, range, defaultValue, problems);
        if (Double.isFinite(v) && v != Math.rint(v)) {
            problems.error(name, range.field() + " = " + ValidRange.fmt(v) + " is not a whole number" + ofWhat);
        }
        return v;
    }

    /**
     * A number of a field the form shows filled in with its default ({@code /compare}'s person, {@code /cohort}'s
     * size, years and seed): as {@link #number}, but a field sent empty is an error, "age is empty; the allowed range
     * is 18 to 110 years", as {@code /risk} asks for its required fields. A field not sent at all (an address naming
     * only some, {@code /compare?age=70}) takes the default. review18: an emptied field ran the default without a word,
     * and the form, showing the default written in again, hid that the field had been emptied.
     */
    double filledNumber(String name, ValidRange range, double defaultValue, InputProblems problems) {
        return emptied(name, range, problems) ? Double.NaN : number(name, range, defaultValue, problems);
    }

    /** {@link #wholeNumber} of a field the form shows filled in: sent empty is an error, as in {@link #filledNumber}. */
    double filledWholeNumber(String name, ValidRange range, double defaultValue, String ofWhat, InputProblems problems) {
        return emptied(name, range, problems) ? Double.NaN : wholeNumber(name, range, defaultValue, ofWhat, problems);
    }

    /** Whether {@code name} was sent empty (then with an error naming the field and its range). */
    private boolean emptied(String name, ValidRange range, InputProblems problems) {
        if (!sent(name) || text(name) != null) {
            return false;
        }
        problems.error(name, range.field() + " is empty; the allowed range is " + range.allowed());
        return true;
    }

    /**
     * A count of {@code noun}s within {@code range} (a trial's members per arm): as {@link #wholeNumber}, and a
     * whole number outside the range is told with the noun's number right, {@code "size = 1 member per arm is
     * outside the allowed range 2 to 1000 members per arm"} ({@link Plural}, as {@code trial --size 1} says it;
     * review18: the range's plural unit read "1 members per arm"). {@code after} follows the noun, e.g. " per arm".
     */
    double count(String name, ValidRange range, String noun, String after, double defaultValue, InputProblems problems) {
        String raw = text(name);
        double typed = raw == null ? Double.NaN : parse(raw);
        if (Double.isFinite(typed) && typed == Math.rint(typed) && !range.allows(typed)) {
            problems.error(name, range.field() + " = " + Plural.count((long) typed, noun) + after
                    + " is outside the allowed range " + range.allowed());
            return Double.NaN;
        }
        return wholeNumber(name, range, defaultValue, " of " + noun + "s", problems);
    }

    /**
     * A number without a range of its own (the library checks it); null when empty. {@code unit} may
     * be empty (a count, or a unit the form chooses elsewhere); the message has the same
     * "FIELD = VALUE ... (unit)" form as {@link #number} and the scenario validator.
     */
    Double optionalNumber(String name, String what, String unit, InputProblems problems) {
        return optionalNumber(name, what, unit, null, problems);
    }

    /**
     * As {@link #optionalNumber(String, String, String, InputProblems)}, for a field the library checks against the
     * range {@code allowed} ("18 to 110 years"), which text that is not a number is told too ("; the allowed range is
     * 18 to 110 years"), as {@link #number} tells it; {@code allowed} null: none said.
     */
    Double optionalNumber(String name, String what, String unit, String allowed, InputProblems problems) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        double v = parse(raw);
        if (Double.isNaN(v)) {
            problems.error(name, notANumber(what, raw, unit) + (allowed == null ? "" : "; the allowed range is " + allowed));
            return null;
        }
        return v;
    }

    /**
     * The number typed (a decimal comma is read as a point), or NaN when it is not a finite number:
     * Java's parser also takes "NaN", "Infinity", "1e400" and a trailing "d" or "f", which a form
     * should call not a number rather than a value outside the range ("age = NaN years is outside ...").
     */
    static double parse(String raw) {
        if (raw.matches("[+-]?\\d{1,3}(,\\d{3})+")) {
            return Double.NaN; // "1,000": a thousand or one? (see notANumber)
        }
        String t = raw.replace(',', '.');
        if (!org.vascalc.core.input.DecimalText.isDecimal(t)) { // the command line's rule too
            return Double.NaN;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static String notANumber(String what, String raw, String unit) {
        if (raw.matches("[+-]?\\d{1,3}(,\\d{3})+")) {
            return what + " = '" + raw + "' is ambiguous (a thousands separator or a decimal comma?); write it "
                    + "without the comma (" + raw.replace(",", "") + ") or with a decimal point"
                    + (unit.isEmpty() ? "" : " (" + unit + ")");
        }
        if (tooLarge(raw)) {
            // Java reads 1e400 as Infinity: it is a number, only past what a double holds (review12)
            return what + " = '" + raw + "' is too large a number" + (unit.isEmpty() ? "" : " (" + unit + ")");
        }
        return what + " = '" + raw + "' is not a number" + (unit.isEmpty() ? "" : " (" + unit + ")");
    }

    /** Whether {@code raw} is a decimal number written correctly whose value is past a double's range (1e400). */
    static boolean tooLarge(String raw) {
        String t = raw.replace(',', '.');
        return !raw.matches("[+-]?\\d{1,3}(,\\d{3})+") && org.vascalc.core.input.DecimalText.isDecimal(t)
                && Double.isInfinite(Double.parseDouble(t));
    }

    /** One of {@code allowed} (case-insensitive); the default when empty. */
    String choice(String name, String what, List<String> allowed, String defaultValue, InputProblems problems) {
        String raw = text(name);
        if (raw == null) {
            return defaultValue;
        }
        String v = raw.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            problems.error(name, what + " = '" + raw + "' is not one of: " + String.join(", ", allowed)); // as the library says it
            return defaultValue;
        }
        return v;
    }

    /** Every non-blank value of a repeated field (ticked checkboxes of one name), in order; empty when none. */
    List<String> all(String name) {
        List<String> v = params.get(name);
        return v == null ? List.of() : v.stream().filter(x -> x != null && !x.isBlank()).map(String::trim).toList();
    }

    /** Values a checkbox (or an API caller) may send for yes and for no. */
    static final List<String> YES = List.of("true", "on", "yes", "1");
    static final List<String> NO = List.of("false", "off", "no", "0");

    /**
     * A yes/no field: absent or blank is no; one of {@link #YES} or {@link #NO} (any case) is read; anything
     * else ({@code smoker=maybe}) is an error rather than a silent yes.
     */
    boolean flag(String name, String what, InputProblems problems) {
        String raw = text(name);
        if (raw == null) {
            return false;
        }
        String v = raw.toLowerCase(Locale.ROOT);
        if (YES.contains(v)) {
            return true;
        }
        if (!NO.contains(v)) {
            problems.error(name, what + " = '" + raw + "' is not yes or no (true/false, on/off, 1/0)");
        }
        return false;
    }

    /** A checkbox as the form shows it back: present and not "false"/"off". */
    boolean checked(String name) {
        String raw = text(name);
        return raw != null && !raw.equalsIgnoreCase("false") && !raw.equalsIgnoreCase("off");
    }

    /** The submitted non-blank values of {@code names}, in that order, as a URL query ({@code age=60&sex=male}). */
    String query(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            for (String v : all(n)) {
                b.append(b.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(n, java.nio.charset.StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    /**
     * The value to show back in a field read by {@link #filledNumber}: what was typed; empty when it was sent
     * empty (the field its error is about: the default written in again would read as if it had been run);
     * else, not sent, the default.
     */
    String shownFilled(String name, String defaultValue) {
        return sent(name) && text(name) == null ? "" : shown(name, defaultValue);
    }

    /** The value to show back in a form field: what was typed, else the default. */
    String shown(String name, String defaultValue) {
        String raw = text(name);
        return Html.esc(raw == null ? defaultValue : raw);
    }
}
