package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.RecordingOutputs;

/**
 * Which channels to record at which times, and the rows recorded so far. A channel is a derived
 * output of a block or a state variable by its qualified id; an empty request records every
 * derived output.
 */
final class RecordingPlan {

    private final List<OutputChannel> channels = new ArrayList<>();
    private final List<DerivedOutput> derived = new ArrayList<>();
    private final List<Integer> stateIndex = new ArrayList<>();
    private final double[] times;
    private final double[][] rows;
    private int next;
    /** Where the rows come from ({@link RunArena}: {@link #trajectory} copies them). */
    private final RunArena arena;

    RecordingPlan(Recording recording, double durationHours, AssembledModel model) {
        this(recording, durationHours, model, RunArena.NONE);
    }

    /**
     * With the recorded rows lent by {@code arena} ({@link RunArena}); the caller gives them back
     * after {@link #trajectory} (which copies them) and records no more.
     */
    RecordingPlan(Recording recording, double durationHours, AssembledModel model, RunArena arena) {
        this.arena = arena;
        // Every block's outputs, listed once in block order: a block builds its list afresh at each
        // call (the wall's 20 outputs, each with its lambda), and looking each requested id up by
        // asking every block again cost 0.04 ms of a WHOLE decade (docs/performance-log.md, "wallcost2").
        List<DerivedOutput> available = new ArrayList<>();
        for (Block b : model.blocks()) {
            available.addAll(b.outputs());
        }
        List<String> ids = recording.outputs();
        if (ids.isEmpty()) {
            ids = new ArrayList<>();
            for (DerivedOutput d : available) {
                ids.add(d.id());
            }
        }
        java.util.Map<String, DerivedOutput> byId = java.util.HashMap.newHashMap(available.size());
        for (DerivedOutput d : available) {
            byId.putIfAbsent(d.id(), d); // the first block's, as the search in block order found
        }
        refuseUnknown(ids, byId.keySet(), model);
        for (String id : ids) {
            add(id, byId.get(id), model);
        }
        times = recordingTimes(recording, durationHours);
        rows = new double[times.length][];
    }

    /**
     * The recording times, ascending and distinct: every interval from 0 (the last clipped to the
     * end), the end, and the fine interval's times. Sorted and deduplicated in a plain array in
     * {@link Double#compare}'s order, as the boxed {@code TreeSet<Double>} before did (which made
     * this once-per-run constructor four C2 compiles: docs/performance-log.md, "jitwork").
     */
    private static double[] recordingTimes(Recording recording, double durationHours) {
        double step = recording.intervalHours();
        double fineFrom = Time.days(recording.fineFromDay());
        double fineTo = Math.min(Time.days(recording.fineToDay()), durationHours);
        double fineStep = recording.fineIntervalHours();
        double[] t = new double[16];
        int m = 0;
        for (double x = 0; x <= durationHours + 1e-9; x += step) {
            t = room(t, m);
            t[m++] = Math.min(x, durationHours);
        }
        t = room(t, m);
        t[m++] = durationHours;
        for (double x = fineFrom; x < fineTo - 1e-9; x += fineStep) {
            t = room(t, m);
            t[m++] = x;
        }
        return IntArrays.sortedDistinct(t, m);
    }

    private static double[] room(double[] t, int m) {
        return m < t.length ? t : java.util.Arrays.copyOf(t, 2 * t.length);
    }

    /**
     * A user's typos in a scenario's {@code recording.outputs}: bad input (CLI exit 1), not an
     * internal failure. The last guard (a scenario file's loader finds them first, with the file's other
     * problems: {@link RecordingOutputs}, whose wording this is); the known ids are gathered only on a miss,
     * since a cohort builds a plan for every run.
     */
    private static void refuseUnknown(List<String> ids, Set<String> outputIds, AssembledModel model) {
        if (ids.stream().allMatch(id -> outputIds.contains(id) || model.layout().has(id))) {
            return;
        }
        InputProblems problems = new InputProblems();
        RecordingOutputs.check(ids, recordableIds(outputIds, model.layout()), "recording.outputs", problems);
        problems.throwIfErrors("scenario");
    }

    /** The ids a recording may name: the blocks' derived outputs and the state variables. */
    static Set<String> recordableIds(java.util.Collection<String> outputIds, StateLayout layout) {
        Set<String> known = new TreeSet<>(outputIds);
        for (StateVariable v : layout.variables()) {
            known.add(v.id());
        }
        return known;
    }

    /** Adds the channel {@code id}: the derived output {@code d} of that id, or where it is null a state variable. */
    private void add(String id, DerivedOutput d, AssembledModel model) {
        if (d != null) {
            channels.add(new OutputChannel(d.id(), d.unit(), d.description(), d.probability()));
            derived.add(d);
            stateIndex.add(-1);
            return;
        }
        if (model.layout().has(id)) {
            StateVariable v = model.layout().variable(model.layout().index(id));
            channels.add(new OutputChannel(v.id(), v.unit(), v.description()));
            derived.add(null);
            stateIndex.add(model.layout().index(id));
            return;
        }
        throw new IllegalStateException("unknown id '" + id + "' passed refuseUnknown");
    }

    /** Time of the next row to record, or +infinity when all are recorded. */
    double nextTime() {
        return next < times.length ? times[next] : Double.POSITIVE_INFINITY;
    }

    /** Index of the next row to record ({@link #size} when all are recorded). */
    int nextIndex() {
        return next;
    }

    /** Number of rows the plan records. */
    int size() {
        return times.length;
    }

    /** Time of row {@code k}, hours. */
    double time(int k) {
        return times[k];
    }

    /** Records the next row from state {@code y} at its time. */
    void record(double[] y, Drivers drivers) {
        double t = times[next];
        double[] row = arena.doubles(channels.size());
        for (int k = 0; k < row.length; k++) {
            DerivedOutput d = derived.get(k);
            row[k] = d != null ? d.value(t, y, drivers) : y[stateIndex.get(k)];
        }
        rows[next++] = row;
    }

    Trajectory trajectory() {
        return new Trajectory(channels, times.clone(), rows);
    }

    List<OutputChannel> channels() {
        return channels;
    }

    /** One value of a derived output or state for state {@code y} (used by stabilisation). */
    static double value(String id, AssembledModel model, double[] y, Drivers drivers) {
        for (Block b : model.blocks()) {
            for (DerivedOutput d : b.outputs()) {
                if (d.id().equals(id)) {
                    return d.value(0, y, drivers);
                }
            }
        }
        return y[model.layout().index(id)];
    }
}
