package org.vascalc.simulation.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;

/**
 * Reads the fields of one object of a scenario file, recording every problem (unknown key, wrong
 * type, value outside its {@link ValidRange}) with its path instead of stopping at the first, so
 * the loader can report them all at once. A field that has a problem yields a placeholder value;
 * the loader throws before any placeholder reaches a domain record.
 */
final class FieldReader {

    private final JsonNode node;
    private final String path;
    private final InputProblems problems;
    /** The keys written with no value whose problem is recorded: one line each, however often they are asked for. */
    private final Set<String> nullReported = new java.util.HashSet<>();

    private FieldReader(JsonNode node, String path, InputProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** Reads {@code node} at {@code path}, whose keys must all be in {@code allowedKeys}; null if not an object. */
    static FieldReader of(JsonNode node, String path, InputProblems problems, Set<String> allowedKeys) {
        if (node == null || !node.isObject()) {
            problems.error(path.isEmpty() ? "(top level)" : path,
                    "expected an object with keys " + allowedKeys + ", found " + describe(node));
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!allowedKeys.contains(key)) {
                problems.add(InputProblem.unknownKey(child(path, key), key, allowedKeys));
            }
        }
        return new FieldReader(node, path, problems);
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return child(path, key);
    }

    /**
     * Whether {@code key} has a value. A key written with none ({@code weightKg:}, {@code weightKg: ~}, JSON
     * {@code null}) is a problem, not the key left out: read as absent, it silently ran the default (70 kg for
     * a {@code weightKg:} whose number was forgotten; hostile, fifty-eighth session). Recorded once per key.
     */
    boolean has(String key) {
        return given(key, "write its value" + OR_LEAVE_OUT);
    }

    /** As {@link #has}, for a required key: its problem with no value says what {@code expected} it takes. */
    boolean hasRequired(String key, String expected) {
        return given(key, expected);
    }

    private static final String OR_LEAVE_OUT = ", or leave the key out";

    /** As {@link #has}, the problem of a key with no value saying what {@code expected} it takes. */
    private boolean given(String key, String expected) {
        JsonNode v = node.get(key);
        if (v == null || v.isMissingNode()) {
            return false;
        }
        if (v.isNull()) {
            if (nullReported.add(key)) {
                problems.add(InputProblem.noValue(pathOf(key), key, expected));
            }
            return false;
        }
        return true;
    }

    /** Whether {@code key} is written with no value (its problem recorded by {@link #given}). */
    boolean writtenEmpty(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    /** A required number checked against {@code range}; NaN (and an error) if missing or invalid. */
    double number(String key, ValidRange range) {
        if (!given(key, expectedNumber(range))) {
            if (writtenEmpty(key)) {
                return Double.NaN;
            }
            problems.error(pathOf(key), "missing; " + range.field() + " is required, a number from "
                    + interval(range));
            return Double.NaN;
        }
        return checkNumber(node.get(key), pathOf(key), range);
    }

    /** An optional number: {@code fallback} when absent. */
    double number(String key, ValidRange range, double fallback) {
        return given(key, expectedNumber(range) + OR_LEAVE_OUT + " for the default") ? checkNumber(node.get(key), pathOf(key), range) : fallback;
    }

    OptionalDouble optionalNumber(String key, ValidRange range) {
        return given(key, expectedNumber(range) + OR_LEAVE_OUT) ? OptionalDouble.of(checkNumber(node.get(key), pathOf(key), range)) : OptionalDouble.empty();
    }

    private static String expectedNumber(ValidRange range) {
        return range.field() + " is a number from " + interval(range);
    }

    /** Checks one numeric node; used for list elements too. */
    double checkNumber(JsonNode v, String at, ValidRange range) {
        if (v == null || !v.isNumber()) {
            problems.error(at, range.field() + " must be a number from " + interval(range)
                    + ", found " + describe(v));
            return Double.NaN;
        }
        double d = v.doubleValue();
        return ScenarioRanges.check(range, d, at, problems) ? d : Double.NaN;
    }

    String text(String key, String fallback) {
        if (!given(key, "expected text" + OR_LEAVE_OUT)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            problems.error(pathOf(key), "expected text, found " + describe(v));
            return fallback;
        }
        return v.asText();
    }

    String requiredText(String key) {
        if (!given(key, "expected text")) {
            if (writtenEmpty(key)) {
                return "";
            }
            problems.error(pathOf(key), "missing; expected text");
            return "";
        }
        String t = text(key, "");
        JsonNode v = node.get(key);
        if (v.isTextual() && t.isBlank()) { // measure: "" read as no measure and no problem: a trial ended in an NPE (hostile)
            problems.error(pathOf(key), "is empty; expected text");
        }
        return t;
    }

    boolean bool(String key, boolean fallback) {
        if (!given(key, "expected true or false" + OR_LEAVE_OUT + " for the default")) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            problems.error(pathOf(key), "expected true or false, found " + describe(v));
            return fallback;
        }
        return v.booleanValue();
    }

    /** One of {@code vocabulary}'s spellings (case-insensitive); empty (and an error) otherwise. */
    <E extends Enum<E>> Optional<E> choice(String key, Vocabulary<E> vocabulary, boolean required) {
        if (!given(key, "expected one of " + vocabulary.allowed() + (required ? "" : OR_LEAVE_OUT))) {
            if (required && !writtenEmpty(key)) {
                problems.error(pathOf(key), "missing; expected one of " + vocabulary.allowed());
            }
            return Optional.empty();
        }
        JsonNode v = node.get(key);
        Optional<E> e = v.isTextual() ? vocabulary.parse(v.asText()) : Optional.empty();
        if (e.isEmpty()) {
            problems.error(pathOf(key), "expected one of " + vocabulary.allowed() + ", found " + describe(v)
                    + (v.isTextual() ? EditDistance.didYouMean(v.asText().strip(), vocabulary.spellings()) : ""));
        }
        return e;
    }

    /** The elements of a list (empty if absent or not a list; the latter is an error). */
    List<JsonNode> list(String key) {
        if (!given(key, "expected a list ([] for none)" + OR_LEAVE_OUT)) {
            return List.of();
        }
        JsonNode v = node.get(key);
        if (!v.isArray()) {
            problems.error(pathOf(key), "expected a list, found " + describe(v));
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "text '" + v.asText() + "'";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** "30 to 300 kg", "1/60 to 8766 h": in ValidRange's own words. */
    private static String interval(ValidRange r) {
        return r.allowed();
    }
}
