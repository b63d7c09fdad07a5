package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.HabitualMeals;
import org.vascalc.physiology.model.Intake;
import org.vascalc.simulation.Scenario;

/**
 * The oracle of {@link IntakeTimelinePatternTest}: the plain way to make the timeline, listing every
 * intake of the run day by day and dose by dose and merging the sources by time (the engine's
 * construction before it became a weekly pattern per span, main ac7f38e; not used by the engine).
 * It exists because it is simpler than {@link IntakeTimeline}: no spans, no weekly patterns, no
 * counting of weeks, so it must NOT be rewritten to mirror the production class. It shares with it
 * only what a dose is ({@link IntakeTimeline#intakesOf}: kinds and units), not when doses fall; a new
 * kind of schedule or of window (when) must be added here in its plainest form.
 *
 * <p>The scenario's interventions expanded into dated intakes in model units (mmol, nmol, mg through
 * {@link MolarMass}), sorted by time, plus the regimen boundaries (every schedule start and stop)
 * at which the run is split. The habitual diet's calcium is here too, as daily meals
 * ({@link HabitualMeals}), whenever the scenario gives no meal-by-meal calcium of its own.
 */
final class ListedIntakeTimeline {

    private final double[] times;
    private final Intake[] intakes;
    private final double[] boundaries;
    private final List<Schedule> schedules;

    private ListedIntakeTimeline(Merged all, double[] boundaries, List<Schedule> schedules) {
        this.times = all.times();
        this.intakes = all.intakes();
        this.boundaries = boundaries;
        this.schedules = schedules;
    }

    static ListedIntakeTimeline of(Scenario scenario, ParameterCatalog parameters) {
        double end = Time.days(scenario.durationDays());
        TreeSet<Double> bounds = new TreeSet<>();
        bounds.add(0.0);
        bounds.add(end);
        List<Schedule> dosing = new ArrayList<>();
        List<double[]> ownMeals = new ArrayList<>();
        for (Intervention iv : scenario.interventions()) {
            if (iv instanceof Intervention.DietaryCalcium) {
                ownMeals.add(new double[] {Time.days(iv.schedule().startDay()), Time.days(iv.schedule().stopDay())});
            }
        }
        // Each source (the habitual meals, then each intervention in order) is generated in time
        // order, and merging them, the earlier source first on ties, gives the order by time and
        // then by source that sorting all intakes would (a decade holds ~25 000 of them).
        List<Intakes> sources = new ArrayList<>();
        sources.add(habitualMeals(parameters, end, ownMeals));
        for (Intervention iv : scenario.interventions()) {
            List<Intake> each = IntakeTimeline.intakesOf(iv, parameters);
            Schedule s = iv.schedule();
            for (double b : new double[] {Time.days(s.startDay()), Time.days(s.stopDay())}) {
                if (b > 0 && b < end) {
                    bounds.add(b);
                }
            }
            if (each.isEmpty()) {
                continue;
            }
            dosing.add(s);
            sources.add(doses(s, each, end));
        }
        return new ListedIntakeTimeline(Intakes.merge(sources), bounds.stream().mapToDouble(Double::doubleValue).toArray(),
                List.copyOf(dosing));
    }

    /** The intakes of one schedule in [start, min(stop, end)), each dose's intakes in list order. */
    private static Intakes doses(Schedule s, List<Intake> each, double end) {
        double from = Time.days(s.startDay());
        double to = Math.min(Time.days(s.stopDay()), end);
        double[] hours = s.clockHours().stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] weekday = new boolean[7];
        s.daysOfWeek().forEach(d -> weekday[d] = true);
        Intake[] intakes = each.toArray(new Intake[0]);
        long firstDay = (long) Math.floor(s.startDay());
        double days = Math.ceil(to / Time.HOURS_PER_DAY) - firstDay;
        Intakes out = new Intakes((int) Math.min(1 << 24, Math.max(0, days) * hours.length * intakes.length));
        for (long day = firstDay; day * Time.HOURS_PER_DAY < to; day++) {
            if (!weekday[(int) (day % 7)]) {
                continue;
            }
            for (double h : hours) {
                double t = day * Time.HOURS_PER_DAY + h;
                if (t >= from && t < to) {
                    for (Intake in : intakes) {
                        out.add(t, in);
                    }
                }
            }
        }
        return out;
    }

    /** Only the habitual meals, over {@code days} (stabilisation). */
    static ListedIntakeTimeline habitualOnly(ParameterCatalog parameters, double days) {
        double end = Time.days(days);
        return new ListedIntakeTimeline(Intakes.merge(List.of(habitualMeals(parameters, end, List.of()))),
                new double[] {0, end}, List.of());
    }

    /**
     * The habitual diet's calcium as meals ({@link HabitualMeals}) on every day in [0, end), except
     * while the scenario gives its own meal-by-meal calcium ({@code ownMeals} windows, hours).
     */
    private static Intakes habitualMeals(ParameterCatalog parameters, double end, List<double[]> ownMeals) {
        HabitualMeals meals = HabitualMeals.from(parameters);
        double daily = parameters.value("caHabitualIntake");
        Intake[] meal = new Intake[meals.size()];
        for (int m = 0; m < meal.length; m++) {
            meal[m] = new Intake(Intake.Kind.CALCIUM_FOOD, meals.share(m) * daily);
        }
        Intakes all = new Intakes((int) Math.min(1 << 24, Math.ceil(end / Time.HOURS_PER_DAY) * meal.length));
        for (long day = 0; day * Time.HOURS_PER_DAY < end; day++) {
            for (int m = 0; m < meal.length; m++) {
                double t = day * Time.HOURS_PER_DAY + meals.hour(m);
                if (t >= end || inside(t, ownMeals)) {
                    continue;
                }
                all.add(t, meal[m]);
            }
        }
        return all;
    }

    /**
     * Dated intakes in time order (each source adds in order: days ascend and a day's clock hours
     * ascend within [0, 24), as {@link Schedule} and {@link HabitualMeals} require).
     */
    private static final class Intakes {
        private double[] times;
        private Intake[] intakes;
        private int size;

        Intakes(int capacity) {
            times = new double[Math.max(capacity, 8)];
            intakes = new Intake[times.length];
        }

        void add(double t, Intake intake) {
            if (size > 0 && t < times[size - 1]) {
                throw new IllegalStateException("intakes must be added in time order: " + t + " after " + times[size - 1]);
            }
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, 2 * size);
                intakes = java.util.Arrays.copyOf(intakes, 2 * size);
            }
            times[size] = t;
            intakes[size++] = intake;
        }

        /**
         * The sources' intakes in time order, on equal times the earlier source's first (a
         * linear scan of the sources' heads per intake: there are only a few sources).
         */
        static Merged merge(List<Intakes> list) {
            Intakes[] sources = list.toArray(new Intakes[0]);
            int total = 0;
            for (Intakes s : sources) {
                total += s.size;
            }
            double[] times = new double[total];
            Intake[] intakes = new Intake[total];
            int[] next = new int[sources.length];
            double[] head = new double[sources.length];
            for (int j = 0; j < sources.length; j++) {
                head[j] = sources[j].size > 0 ? sources[j].times[0] : Double.POSITIVE_INFINITY;
            }
            for (int k = 0; k < total; k++) {
                int best = 0;
                for (int j = 1; j < head.length; j++) {
                    if (head[j] < head[best]) {
                        best = j;
                    }
                }
                Intakes s = sources[best];
                int i = next[best]++;
                times[k] = s.times[i];
                intakes[k] = s.intakes[i];
                head[best] = i + 1 < s.size ? s.times[i + 1] : Double.POSITIVE_INFINITY;
            }
            return new Merged(times, intakes);
        }
    }

    private record Merged(double[] times, Intake[] intakes) {
    }

    private static boolean inside(double t, List<double[]> windows) {
        for (double[] w : windows) {
            if (t >= w[0] && t < w[1]) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return times.length;
    }

    double time(int i) {
        return times[i];
    }

    Intake intake(int i) {
        return intakes[i];
    }

    /** Index of the first intake at or after {@code t} (size() if none). */
    int firstAtOrAfter(double t) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first regimen boundary strictly after {@code t}. */
    double nextBoundary(double t) {
        for (double b : boundaries) {
            if (b > t + 1e-9) {
                return b;
            }
        }
        return boundaries[boundaries.length - 1];
    }

    /** Period of the dosing pattern active at {@code t}: one day, or one week if any active schedule skips days. */
    double periodAt(double t) {
        for (Schedule s : schedules) {
            if (t >= Time.days(s.startDay()) && t < Time.days(s.stopDay()) && !s.isDaily()) {
                return 7 * Time.HOURS_PER_DAY;
            }
        }
        return Time.HOURS_PER_DAY;
    }
}
