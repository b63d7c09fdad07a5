package org.vascalc.core.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The four kinds of input file (YAML or JSON), told apart by their top-level keys, so that a reader
 * given a file of another kind says so first ("this looks like a phantom spec ...: make its CT with
 * ./vascalc phantom --spec FILE") instead of listing every key it does not know. The keys are the
 * formats' own: docs/scenario-format.md, docs/trial-format.md, examples/phantoms/, examples/patients/.
 */
public enum FileKind {
    // The size limits are a few hundred times the largest example of each kind (2026-12-03: scenario 2.6 kB,
    // examples/scenarios/wall/statin.yaml; trial 7.2 kB, examples/trials/block2012.yaml; phantom 1.0 kB,
    // examples/phantoms/mixed-plaque.yaml; patient 0.5 kB, examples/patients/k2-falling-score.yaml): a file
    // far larger is not one of these, and YAML's parser took 12 s to refuse a 5 MB single line.
    SCENARIO("a scenario file", "run it with ./vascalc simulate FILE", "docs/scenario-format.md", 1_000_000,
            ".yaml, .yml or .json"),
    TRIAL("a trial file", "run it with ./vascalc trial FILE", "docs/trial-format.md", 1_000_000, ".yaml or .yml"),
    PHANTOM("a phantom spec", "make its CT with ./vascalc phantom --spec FILE", "examples/phantoms/", 1_000_000,
            ".yaml or .json"),
    PATIENT("a patient file", "score it with ./vascalc risk --patient FILE", "examples/patients/", 100_000,
            ".yaml or .json");

    /**
     * The path of a problem with the file as a whole, in every reader: it is missing, unreadable, too large,
     * not text, or not a mapping. A problem the parser places has "(line 3, column 8)" instead.
     */
    public static final String WHOLE_FILE = "(file)";

    private final String name;
    private final String use;
    private final String format;
    private final long maxBytes;
    private final String extensions;

    FileKind(String name, String use, String format, long maxBytes, String extensions) {
        this.name = name;
        this.use = use;
        this.format = format;
        this.maxBytes = maxBytes;
        this.extensions = extensions;
    }

    /** "a scenario file": the kind's name in messages. */
    public String title() {
        return name;
    }

    /** The largest file of this kind the readers take, in bytes (1 MB = 1 000 000 bytes). */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Refuses {@code file} before it is read when it is larger than {@link #maxBytes()}: an
     * {@link InvalidInputException} for {@code what} with one problem at {@code field}, "file is 5.2 MB
     * (5242880 bytes); a scenario file is at most 1 MB". A file whose size cannot be read passes (its
     * reader says why it cannot read it).
     */
    public void requireSize(Path file, String what, String field) {
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            size = Files.size(file);
        } catch (IOException | SecurityException e) {
            return;
        }
        if (size > maxBytes) {
            throw new InvalidInputException(what, InputProblem.error(field, String.format(Locale.ROOT,
                    "file is %.1f MB (%d bytes); %s is at most %s MB (the examples are a few kB): is this the right file?",
                    size / 1e6, size, name, ValidRange.fmt(maxBytes / 1e6))));
        }
    }

    /**
     * The first {@code limit} bytes of {@code file} (all of it when shorter), read without trusting its size:
     * a device or a pipe says 0 bytes and may never end. Callers ask for one byte more than they accept, to
     * tell a file at their limit from a longer one.
     */
    public static byte[] readAtMost(Path file, long limit) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    /**
     * The longest line a file of any kind written in YAML may have, in characters: 420 times the examples'
     * longest (238, examples/scenarios/wall/no-statin.yaml, 2026-12-04). YAML's parser (SnakeYAML, under
     * Jackson) keeps the characters of the token it is reading in a window that it copies whole for every
     * 1 024 characters more, so one long line (a scalar, a comment) costs time quadratic in its length:
     * a 1 MB line, inside the size limit, took 4.6 s to refuse, a line of this limit adds about 0.1 s.
     * JSON is read by Jackson's own parser, linear, and has no line limit (a JSON file on one line reads).
     */
    public static final int MAX_YAML_LINE_CHARS = 100_000;

    /**
     * Refuses YAML {@code text} with a line longer than {@link #MAX_YAML_LINE_CHARS}, before the parser reads
     * it: an {@link InvalidInputException} for {@code what} with one problem at {@code field}, "line 1 is
     * 999006 characters long; a line of a scenario file in YAML is at most 100000 characters". Lines end
     * where YAML's do: LF, CR, CR LF, NEL, LS, PS.
     */
    public void requireYamlLines(String text, String what, String field) {
        int line = 1;
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            int length = i - start;
            if (length > MAX_YAML_LINE_CHARS) {
                throw new InvalidInputException(what, InputProblem.error(field, String.format(Locale.ROOT,
                        "line %d is %d characters long; a line of %s in YAML is at most %d characters (the examples'"
                                + " are under 300): is this the right file?", line, length, name, MAX_YAML_LINE_CHARS)));
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i++; // CR LF ends one line
            }
            line++;
            start = i + 1;
        }
    }

    /** A file's bytes (for its hash) and their text. */
    public record Contents(byte[] bytes, String text) {
    }

    /**
     * Refuses a folder given where a file of this kind belongs, before its name is judged ("unsupported file
     * extension" of a folder's name misled): "is a folder; give a scenario file (.yaml, .yml or .json), e.g.
     * DIR/NAME.yaml", one problem at {@link #WHOLE_FILE}.
     */
    public void refuseFolder(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(what, InputProblem.error(WHOLE_FILE, "is a folder; give " + name + " ("
                    + extensions + "), e.g. " + file.resolve("NAME.yaml")));
        }
    }

    /**
     * Reads {@code file} as UTF-8 text, after {@link #refuseFolder} and {@link #requireSize}, in the words every
     * reader uses: an {@link InvalidInputException} for {@code what} with one problem at {@link #WHOLE_FILE} when
     * it is missing ("no such file", with the absolute path looked for when the path given is relative), cannot
     * be read ("cannot be read: reason") or is not UTF-8 ("not UTF-8 text (is this a scenario file?)").
     */
    public Contents readText(Path file, String what) {
        String field = WHOLE_FILE;
        refuseFolder(file, what);
        requireSize(file, what, field);
        byte[] bytes;
        try {
            // at most one byte past the limit: a device or pipe has no size to check first (/dev/zero, or
            // bash's <(...) as /dev/fd/63), and /dev/zero read whole ended in an OutOfMemoryError's trace (review12)
            bytes = readAtMost(file, maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(what, InputProblem.error(field, "no such file" + lookedFor(file)));
        } catch (IOException e) {
            throw new InvalidInputException(what,
                    InputProblem.error(field, "cannot be read" + lookedFor(file) + ": " + e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException(what, InputProblem.error(field, String.format(Locale.ROOT,
                    "holds more than %s MB; %s is at most %s MB (the examples are a few kB): is this the right file?",
                    ValidRange.fmt(maxBytes / 1e6), name, ValidRange.fmt(maxBytes / 1e6))));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            // a UTF-8 byte order mark (Windows Notepad writes one) is not part of the text: YAML's parser skipped
            // it, JSON's refused the file with "Unexpected character ('\uFEFF' (code 65279 / 0xfeff))" (review12)
            return new Contents(bytes, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(what, InputProblem.error(field, "not UTF-8 text (is this " + name + "?)"));
        }
    }

    /**
     * {@code text} of this kind read as a tree, in the words every reader uses: YAML's line limit first
     * ({@link #requireYamlLines}), then {@link InputFileMappers#readTreePlaced}'s strict parse, whose error is
     * one problem at "(line 8, column 17)": "not valid YAML: " and the parser's words.
     */
    public com.fasterxml.jackson.databind.JsonNode readTree(String text, boolean json, String what) {
        if (!json) {
            requireYamlLines(text, what, WHOLE_FILE); // a 1 MB line took YAML's parser 4.6 s
        }
        return InputFileMappers.readTreePlaced(text, json, what);
    }

    /**
     * "" for an absolute path, which the message's first line names already ("scenario file /x/a.yaml has 1
     * problem:"); " (looked for /work/a.yaml)" for a relative one, which leaves open where it was looked for.
     */
    private static String lookedFor(Path file) {
        return file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath().normalize() + ")";
    }

    /** The file's likely kind from its top-level keys (empty when none fits). */
    public static Optional<FileKind> of(Set<String> keys) {
        if (keys.contains("arms") && !keys.contains("patient")) {
            return Optional.of(TRIAL);
        }
        if ((keys.contains("patient") || keys.contains("durationDays")) && !keys.contains("arms")) {
            return Optional.of(SCENARIO);
        }
        if (keys.contains("acquisition") || keys.contains("lesions")) {
            return Optional.of(PHANTOM);
        }
        if (keys.contains("age") && keys.contains("sex")) {
            return Optional.of(PATIENT);
        }
        return Optional.empty();
    }

    /**
     * When a file read as {@code expected} has the keys of another kind: the sentence to report first,
     * naming the keys that gave it away, the command for that kind and where {@code expected}'s format is.
     */
    public static Optional<String> otherKind(Set<String> keys, FileKind expected) {
        return of(keys).filter(k -> k != expected).map(k -> "this looks like " + k.name + " (it has "
                + k.evidence(keys) + "): " + k.use + "; " + expected.name + "'s format is in " + expected.format);
    }

    private String evidence(Set<String> keys) {
        List<String> telling = switch (this) {
            case TRIAL -> List.of("arms");
            case SCENARIO -> List.of("patient", "durationDays");
            case PHANTOM -> List.of("acquisition", "lesions");
            case PATIENT -> List.of("age", "sex");
        };
        String has = String.join(" and ", telling.stream().filter(keys::contains).map(k -> "'" + k + "'").toList());
        String lacks = switch (this) {
            case TRIAL -> ", no 'patient'";
            case SCENARIO -> ", no 'arms'";
            default -> "";
        };
        return has + lacks;
    }
}
