package org.vascalc.core.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Optional;

/**
 * How every reader of a user's file (scenario, trial, phantom spec, patient: {@link FileKind}) parses
 * YAML and JSON, so that the four refuse the same mistakes alike: a key given twice (Jackson would keep
 * the last value in silence), anything after the first document (a second YAML document after
 * {@code ---}, more JSON after the closing brace: read past in silence), and YAML aliases, which Jackson
 * reads as the text of the anchor's name (robust, thirty-third session: {@code schedule: *meals} was
 * "found text 'meals'", an alias bomb "unknown key 'a'"). Refusing aliases by name also keeps an alias
 * bomb from meaning anything: it is never expanded.
 */
public final class InputFileMappers {

    /** YAML, strict as above (thread-safe once built, as Jackson's mappers are). */
    public static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** JSON, strict as above. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private InputFileMappers() {
    }

    /**
     * The first YAML alias ({@code *name}) in {@code text} as a problem placed at its line and column, or
     * empty; empty too for text that is not valid YAML (the reader's own parse says where).
     */
    public static Optional<InputProblem> firstYamlAlias(String text) {
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    JsonLocation l = p.currentTokenLocation(); // where the alias starts
                    return Optional.of(InputProblem.error("(line " + l.getLineNr() + ", column " + l.getColumnNr() + ")",
                            "YAML alias *" + p.getText() + ": anchors and aliases (&name, *name) are not read here; "
                            + "write the value out in full where the alias is"));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * {@code text} read as a tree, JSON if {@code json} else YAML (strict as above, a YAML alias refused by
     * {@link #firstYamlAlias}); text that does not parse is one problem placed at the parser's line and
     * column ({@code "(file)"} when it has none), "not valid JSON: ..." or "not valid YAML: ..." (the parser's
     * words without its own line that repeats that place: the quoted line and its caret follow), thrown
     * as bad input in {@code origin}. Every reader's parse, through {@link FileKind#readTree} (review9 found
     * the phantom and patient readers wording theirs "(file): is not valid YAML at line 12: ...").
     */
    public static JsonNode readTreePlaced(String text, boolean json, String origin) {
        try {
            JsonNode root = (json ? JSON : YAML).readTree(text);
            if (!json) {
                firstYamlAlias(text).ifPresent(alias -> {
                    throw new InvalidInputException(origin, alias);
                });
            }
            return root;
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            // a malformed number (YAML's .nan, .inf) is refused once read whole: Jackson places it after its last
            // character ("seed: .nan" at column 11); the parser's current token starts where it was written (column 7)
            if (e.getProcessor() instanceof JsonParser p && p.currentToken() != null && p.currentToken().isNumeric()
                    && String.valueOf(e.getOriginalMessage()).startsWith("Malformed numeric value")) {
                loc = p.currentTokenLocation();
            }
            String where = loc == null ? FileKind.WHOLE_FILE : "(line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            String words = InputProblem.parserMessage(e.getOriginalMessage());
            JsonLocation said = e.getLocation();
            if (said != null) {
                // the parser's own "at line 13, column 15:" repeats the problem's place; its quoted line and caret stay
                words = words.replace("\nat line " + said.getLineNr() + ", column " + said.getColumnNr() + ":\n", "\n");
            }
            throw new InvalidInputException(origin, InputProblem.error(where, "not valid " + (json ? "JSON" : "YAML") + ": " + words));
        }
    }
}
