package org.vascalc.simulation.scenario;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblems;

/**
 * The check of a scenario's {@code recording.outputs} against the ids a model records (its derived
 * outputs and state variables). One check, one wording, for its two users: a scenario file's loader,
 * which reports a typo with the file's other problems, all at once, before anything runs; and the
 * engine, the last guard for a scenario built in code.
 */
public final class RecordingOutputs {

    /** The most ids a hint names for a mistyped start. */
    private static final int MOST_NEAR = 4;

    private final Collection<String> known;
    private final String path;
    private final InputProblems problems;
    /** The known ids in order, made at the first miss. */
    private TreeSet<String> sorted;
    /** Where the known ids were listed (at the first miss with no near id); later misses point there. */
    private String listedAt;

    /** A check of the entries of {@code path} (e.g. {@code recording.outputs}), its errors added to {@code problems}. */
    public RecordingOutputs(Collection<String> known, String path, InputProblems problems) {
        this.known = known;
        this.path = path;
        this.problems = problems;
    }

    /** {@link #check(int, String)} for every id of {@code ids} at its index. */
    public static void check(List<String> ids, Collection<String> known, String path, InputProblems problems) {
        RecordingOutputs check = new RecordingOutputs(known, path, problems);
        for (int i = 0; i < ids.size(); i++) {
            check.check(i, ids.get(i));
        }
    }

    /**
     * Adds an error at {@code path[index]} if {@code id} is not known: with the near id, the ids it starts
     * ("cac": cacAgatston, cacMass, ...), the ids whose start it nearly is ("serumCalcum": serumCalciumTotal) or,
     * when none, every known id (listed once, the later misses pointing at that list).
     */
    public void check(int index, String id) {
        if (known.contains(id)) {
            return;
        }
        if (sorted == null) {
            sorted = new TreeSet<>(known);
        }
        String hint = EditDistance.didYouMean(id, sorted);
        if (hint.isEmpty() && id.length() >= 3) { // the start of several ids: cac, serumCalcium
            String start = id.toLowerCase(Locale.ROOT);
            List<String> starting = sorted.stream()
                    .filter(k -> k.toLowerCase(Locale.ROOT).startsWith(start)).toList();
            hint = EditDistance.didYouMeanAny(starting);
        }
        if (hint.isEmpty() && id.length() >= 4) { // a typo in the start of a long id: serumCalcum
            hint = EditDistance.didYouMeanAny(nearStarts(id));
        }
        String at = path + "[" + index + "]";
        if (hint.isEmpty()) { // the whole list once, then a pointer to it
            hint = listedAt == null ? "; known ids: " + String.join(", ", sorted)
                    : "; the known ids are listed under " + listedAt;
            listedAt = listedAt == null ? at : listedAt;
        }
        problems.error(at, "no output or state variable named '" + id + "'" + hint);
    }

    /**
     * The ids whose start is nearest {@code id} in edits, within one edit per three characters typed (at most
     * three, the rule of {@link EditDistance#closest}), at most {@value #MOST_NEAR} of them; none when more are as
     * near (then the typed start says too little).
     */
    private List<String> nearStarts(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, key.length() / 3));
        int best = allowed + 1;
        List<String> near = new java.util.ArrayList<>();
        for (String k : sorted) {
            int d = EditDistance.toNearestStart(key, k.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                near.clear();
            }
            if (d == best) {
                near.add(k);
            }
        }
        return near.size() <= MOST_NEAR ? near : List.of();
    }
}
