package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.StartLabMiss;

/**
 * The run warnings of a cohort's or trial's members (a run that does not start at the member's measured
 * labs: {@link SimulationResult#startLabMisses()}, read as values, not from the English), gathered into
 * one line per warned field instead of one line per member: how many members, the largest difference
 * and the member it belongs to. A member run
 * in several arms (or screened and run) is counted once. Thread-safe: the cohort's workers add to it.
 */
public final class StartWarnings {

    /** A run warning other than a lab's: the line's subject, the warning's own message after it. */
    static final String OTHER = "get this run warning";

    /** Where the lab warning's cause is explained to the user. */
    static final String SEE = "see docs/model/mineral.md, 'When the start is not the labs'";

    /** The labs' fields in the order the run checks them; a field not among them comes after, by name. */
    private static final List<String> LAB_ORDER = Arrays.stream(StartLabMiss.Lab.values()).map(StartLabMiss.Lab::path)
            .toList();

    // a fixed order, not the order the worker threads met them: the lines are the same whatever the timing
    private final Map<String, Tally> byField = new TreeMap<>(Comparator
            .comparingInt((String path) -> LAB_ORDER.contains(path) ? LAB_ORDER.indexOf(path) : LAB_ORDER.size())
            .thenComparing(Comparator.naturalOrder()));

    /** What one warned field has gathered so far. */
    private static final class Tally {
        private final String what;   // "do not start at their measured phosphate", or OTHER
        private final String ending; // where to read more
        private final Set<Long> members = new HashSet<>();
        private boolean sized;       // a member's miss had a difference (a start the model gave)
        private int largest;         // percent, the one of largest magnitude
        private long exampleIndex = Long.MAX_VALUE;
        private String example = ""; // the member of the largest difference, else the first member

        /** Whether {@code percent} of member {@code index} replaces the example: larger, or as large and earlier. */
        boolean better(int percent, long index) {
            return !sized || Math.abs(percent) > Math.abs(largest)
                    || Math.abs(percent) == Math.abs(largest) && index < exampleIndex;
        }

        /** A member without a difference: the example while none has one, the earliest such member. */
        void unsized(VirtualPerson person) {
            if (!sized && person.index() < exampleIndex) {
                exampleIndex = person.index();
                example = person.patient().id();
            }
        }

        Tally(String what, String ending) {
            this.what = what;
            this.ending = ending;
        }
    }

    /**
     * Adds the warnings of {@code person}'s run: its labs' misses as values ({@link
     * SimulationResult#startLabMisses()}, counted per lab with their difference), any other warning by its
     * field.
     */
    public synchronized void add(VirtualPerson person, SimulationResult result) {
        for (StartLabMiss m : result.startLabMisses()) {
            Tally t = byField.computeIfAbsent(m.lab().path(),
                    path -> new Tally("do not start at their measured " + m.lab().words(), SEE));
            t.members.add(person.index());
            OptionalInt percent = m.percent(); // as the member's own warning prints it
            if (percent.isPresent()) {
                // ties go to the earlier member, so the line does not depend on which thread finished first
                if (t.better(percent.getAsInt(), person.index())) {
                    t.sized = true;
                    t.largest = percent.getAsInt();
                    t.exampleIndex = person.index();
                    t.example = person.patient().id();
                }
            } else {
                t.unsized(person);
            }
        }
        for (InputProblem w : result.otherWarnings()) {
            // the warning's own words say what it is about; its path (e.g. "mode" for fast mode's regimen-class
            // caution) read as the subject of the line ("warn about mode") and told a reader nothing (checkagree2)
            Tally t = byField.computeIfAbsent(w.path(), path -> new Tally(OTHER, w.message()));
            t.members.add(person.index());
            t.unsized(person);
        }
    }

    /**
     * Whether one of {@link #lines(long)} is a lab's (members not starting at a measured lab) and not another run
     * warning's ("N of M members get this run warning (e.g. member X): MESSAGE", e.g. fast mode's regimen-class
     * caution since missmap), so the commands label each for what it says.
     */
    public static boolean labLine(String line) {
        return !line.contains(" " + OTHER + " (");
    }

    /**
     * One line per warned field (calcium, phosphate, PTH, then any other by name), e.g. "12 of 200 members do not start at their
     * measured phosphate (largest -20 %, member cric-17): see docs/model/mineral.md, ..." or "3 of 200 members get
     * this run warning (e.g. member cric-5): fast mode measured up to ..."; none when no member warned.
     *
     * @param members the members run (the denominator)
     */
    public List<String> lines(long members) {
        return lines(members, "members");
    }

    /** As {@link #lines(long)}, the denominator named {@code noun} ("members run now"). */
    public synchronized List<String> lines(long members, String noun) {
        List<String> out = new ArrayList<>();
        for (Tally t : byField.values()) {
            String detail = t.sized ? String.format(Locale.ROOT, "largest %+d %%, member %s", t.largest, t.example)
                    : "e.g. member " + t.example;
            out.add(String.format(Locale.ROOT, "%d of %d %s %s (%s): %s", t.members.size(), members, noun, t.what,
                    detail, t.ending));
        }
        return out;
    }
}
