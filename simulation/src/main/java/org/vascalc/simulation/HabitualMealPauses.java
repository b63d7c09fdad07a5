package org.vascalc.simulation;

import java.util.List;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.units.Time;

/**
 * When a scenario's own meals pause the habitual ones: while one of its {@code dietaryCalcium} schedules runs, from its
 * start day to its stop day (hours from the scenario's start, [start, stop)), whatever that schedule's weekdays and
 * clock hours (docs/scenario-format.md). One rule for the engine, which leaves the habitual meals out there
 * ({@code engine.IntakeTimeline}), and for the charts, which mark them only outside ({@code cli}'s {@code IntakeMarks});
 * before, each had its own copy (dupes2). Immutable.
 */
public final class HabitualMealPauses {

    /** No pause: the habitual meals on every day (the run-in, a scenario without meals of its own). */
    public static final HabitualMealPauses NONE = new HabitualMealPauses(new double[0]);

    /** The pauses' starts and stops, hours, in the interventions' order: start, stop, start, stop, ... */
    private final double[] edges;

    private HabitualMealPauses(double[] edges) {
        this.edges = edges;
    }

    /** The pauses of a scenario's interventions: one per {@code dietaryCalcium} schedule, in their order. */
    public static HabitualMealPauses of(List<Intervention> interventions) {
        double[] edges = new double[2 * interventions.size()];
        int n = 0;
        for (Intervention iv : interventions) {
            if (iv instanceof Intervention.DietaryCalcium) {
                edges[n++] = Time.days(iv.schedule().startDay());
                edges[n++] = Time.days(iv.schedule().stopDay());
            }
        }
        return new HabitualMealPauses(java.util.Arrays.copyOf(edges, n));
    }

    /** Whether the habitual meals pause at {@code hour} (hours from the scenario's start): inside a pause's [start, stop). */
    public boolean pausedAt(double hour) {
        for (int k = 0; k < edges.length; k += 2) {
            if (hour >= edges[k] && hour < edges[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The hours at which the habitual meals pause or resume: each pause's start and stop, in the interventions' order
     * (a copy; the engine splits its timeline there).
     */
    public double[] edges() {
        return edges.clone();
    }
}
