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

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    /** A required number checked against {@code range}; NaN (and an error) if missing or invalid. */
    double number(String key, ValidRange range) {
        if (!has(key)) {
            problems.error(pathOf(key), "missing; " + range.field() + " is required, a number from "
                    + interval(range));
            return Double.NaN;
        }
        return checkNumber(node.get(key), pathOf(key), range);
    }

    /** An optional number: {@code fallback} when absent. */
    double number(String key, ValidRange range, double fallback) {
        return has(key) ? checkNumber(node.get(key), pathOf(key), range) : fallback;
    }

    OptionalDouble optionalNumber(String key, ValidRange range) {
        return has(key) ? OptionalDouble.of(checkNumber(node.get(key), pathOf(key), range)) : OptionalDouble.empty();
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
        if (!has(key)) {
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
        if (!has(key)) {
            problems.error(pathOf(key), "missing; expected text");
            return "";
        }
        return text(key, "");
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
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
        if (!has(key)) {
            if (required) {
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
        if (!has(key)) {
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
