package org.vascalc.core.input;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) with a user's input, located by its field path
 * (e.g. {@code interventions[2].doseMg}).
 *
 * @param path     where in the input, in the file's own key names
 * @param message  complete sentence naming the value, its unit and what is allowed
 * @param severity error (the run cannot go on) or warning (it goes on, the user is told)
 */
public record InputProblem(String path, String message, Severity severity) {

    public enum Severity { ERROR, WARNING }

    public InputProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        // a parser's multi-line message ends in a newline; printed as is, it left a blank line
        message = message.stripTrailing();
    }

    /** Jackson's message for YAML's .nan, .inf and -.inf (any of the spellings YAML 1.1 allows). */
    private static final java.util.regex.Pattern NOT_FINITE = java.util.regex.Pattern.compile(
            "(?s)Malformed numeric value '([+-]?\\.(?:nan|NaN|NAN|inf|Inf|INF))'.*");

    /** Jackson's message for JSON's NaN, Infinity and -Infinity, which JSON does not have. */
    private static final java.util.regex.Pattern JSON_NOT_FINITE = java.util.regex.Pattern.compile(
            "(?s)Non-standard token '([+-]?(?:NaN|Infinity|INF))'.*");
    /**
     * Jackson's advice to the programmer inside its messages, which a user's file cannot act on (review12):
     * {@code : enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow},
     * {@code (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)} and
     * {@code , from `StreamReadConstraints.getMaxNestingDepth()`}.
     */
    private static final java.util.regex.Pattern JACKSON_ADVICE = java.util.regex.Pattern.compile(
            ": enable `JsonReadFeature\\.\\w+` to allow| \\(not recognized as one since Feature '\\w+' not enabled "
            + "for parser\\)|, from `StreamReadConstraints\\.\\w+\\(\\)`");

    /**
     * A YAML or JSON parser's message made readable as a problem's message: SnakeYAML's
     * {@code in 'reader', line 3, column 8:} (its name for the text it read) becomes
     * {@code at line 3, column 8:}, Jackson's advice to the programmer ({@link #JACKSON_ADVICE}) is dropped,
     * each line's trailing blanks and empty lines are dropped; the
     * quoted text and the caret under the column keep their alignment.
     */
    public static String parserMessage(String raw) {
        if (raw == null) {
            return "(no detail)";
        }
        java.util.regex.Matcher notFinite = NOT_FINITE.matcher(raw);
        if (notFinite.matches()) {
            // Jackson's "Malformed numeric value '.nan'" reads as a typo, but .nan and .inf are YAML's own
            // words for a value no input here takes (review9, fifty-first session)
            return "'" + notFinite.group(1) + "' is YAML's not-a-number or infinity, and every number here "
                    + "must be finite: write the number itself";
        }
        java.util.regex.Matcher jsonNotFinite = JSON_NOT_FINITE.matcher(raw);
        if (jsonNotFinite.matches()) {
            // Jackson's words ended "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow" (review12)
            return "'" + jsonNotFinite.group(1) + "' is not a number in JSON, and every number here must be finite: "
                    + "write the number itself";
        }
        raw = JACKSON_ADVICE.matcher(raw).replaceAll("");
        if (raw.contains("maybe a (non-standard) comment?")) {
            raw = raw.replace("maybe a (non-standard) comment?", "JSON has no comments: remove it, or write the file "
                    + "as YAML (.yaml), where # starts a comment");
        }
        if (raw.startsWith("Trailing token")) {
            // Jackson's FAIL_ON_TRAILING_TOKENS names a Java class and a feature flag
            return "the file goes on after its first document (a second YAML document after '---', or more "
                    + "JSON after the closing brace); a file holds one document: remove the rest or split it "
                    + "into files";
        }
        StringBuilder b = new StringBuilder();
        for (String line : raw.split("\\R")) {
            String l = line.stripTrailing();
            if (l.isBlank()) {
                continue;
            }
            if (l.stripLeading().startsWith("in 'reader', ")) {
                l = "at " + l.stripLeading().substring("in 'reader', ".length());
            }
            b.append(b.isEmpty() ? "" : "\n").append(l);
        }
        return b.toString();
    }

    /**
     * A key the format does not have, in the one wording every file reader uses (scenario, trial, phantom
     * spec, patient; review9 found four): at {@code path}, "unknown key 'kvpp' (did you mean 'kvp'?);
     * allowed here: huPerMgCm3, kvp, matrix, ...". The allowed keys are listed in {@code allowed}'s own order
     * when it has one (a list, a LinkedHashSet: the format's order), else alphabetically (Set.of's order
     * changes from run to run).
     */
    public static InputProblem unknownKey(String path, String key, java.util.Collection<String> allowed) {
        java.util.List<String> listed = allowed instanceof java.util.SequencedCollection<String>
                ? java.util.List.copyOf(allowed) : allowed.stream().sorted().toList();
        String hint = EditDistance.didYouMean(key, allowed);
        return error(path, "unknown key '" + key + "'" + hint + "; allowed here: " + String.join(", ", listed));
    }

    /**
     * A key written with no value ({@code weightKg:}, {@code weightKg: ~}, JSON {@code null}), in the one wording
     * every file reader uses (scenario, trial, phantom spec, patient): at {@code path}, "no value after
     * 'weightKg:'; body weight is a number from 30 to 300 kg, or leave the key out for the default".
     * {@code expected} says what the key takes (its unit and range) and what leaving it out does. Not read as
     * the key left out: that silently ran the default (hostile, fifty-eighth session).
     */
    public static InputProblem noValue(String path, String key, String expected) {
        return error(path, "no value after '" + key + ":'; " + expected);
    }

    public static InputProblem error(String path, String message) {
        return new InputProblem(path, message, Severity.ERROR);
    }

    public static InputProblem warning(String path, String message) {
        return new InputProblem(path, message, Severity.WARNING);
    }

    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "error: " : "warning: ") + path + ": " + message;
    }
}
