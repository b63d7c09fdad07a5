package org.vascalc.core.input;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The four kinds of input file (YAML or JSON), told apart by their top-level keys, so that a reader
 * given a file of another kind says so first ("this looks like a phantom spec ...: make its CT with
 * ./vascalc phantom --spec FILE") instead of listing every key it does not know. The keys are the
 * formats' own: docs/scenario-format.md, docs/trial-format.md, examples/phantoms/, examples/patients/.
 */
public enum FileKind {
    SCENARIO("a scenario file", "run it with ./vascalc simulate FILE", "docs/scenario-format.md"),
    TRIAL("a trial file", "run it with ./vascalc trial FILE", "docs/trial-format.md"),
    PHANTOM("a phantom spec", "make its CT with ./vascalc phantom --spec FILE", "examples/phantoms/"),
    PATIENT("a patient file", "score it with ./vascalc risk --patient FILE", "examples/patients/");

    private final String name;
    private final String use;
    private final String format;

    FileKind(String name, String use, String format) {
        this.name = name;
        this.use = use;
        this.format = format;
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
