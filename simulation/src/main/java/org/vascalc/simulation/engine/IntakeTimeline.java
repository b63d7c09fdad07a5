package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.HabitualMeals;
import org.vascalc.physiology.model.Intake;
import org.vascalc.simulation.HabitualMealPauses;
import org.vascalc.simulation.Scenario;

/**
 * The scenario's interventions expanded into dated intakes in model units (mmol, nmol, mg through
 * {@link MolarMass}), sorted by time, plus the regimen boundaries (every schedule start and stop)
 * at which the run is split. The habitual diet's calcium is here too, as daily meals
 * ({@link HabitualMeals}), whenever the scenario gives no meal-by-meal calcium of its own
 * ({@link HabitualMealPauses}: the rule the charts' marks read too).
 *
 * <p>Intakes are numbered in time order and, on equal times, in source order (the habitual meals,
 * then each intervention as listed; a dose's intakes in list order). They are not listed: a decade
 * holds ~25 000 of them, and building that list was 5 % of a fast-mode decade. Between two window
 * edges (every schedule's start and stop, the run's end) the same sources are active throughout,
 * so the intakes there repeat with the week: each such piece keeps one week's pattern and finds
 * the i-th intake by counting whole weeks. Times are computed exactly as the listing computed them
 * (day · 24 + clock hour), so the sequence is the listed one, intake by intake
 * ({@code IntakeTimelinePatternTest} checks it against the old listing).
 */
final class IntakeTimeline {

    private final Piece[] pieces;
    /** Index of the first intake of each piece; the last entry is the number of intakes. */
    private final int[] firstIndex;
    private final double[] boundaries;
    private final List<Schedule> schedules;

    private IntakeTimeline(List<Source> sources, double end, double[] boundaries, List<Schedule> schedules) {
        this.boundaries = boundaries;
        this.schedules = schedules;
        int n = 2;
        for (Source s : sources) {
            n += s.edges().length;
        }
        double[] edges = new double[n];
        int m = 0;
        edges[m++] = 0.0;
        edges[m++] = end;
        for (Source s : sources) {
            for (double e : s.edges()) {
                if (e > 0 && e < end) {
                    edges[m++] = e;
                }
            }
        }
        double[] at = IntArrays.sortedDistinct(edges, m);
        pieces = new Piece[at.length - 1];
        firstIndex = new int[at.length];
        long count = 0;
        for (int k = 0; k < pieces.length; k++) {
            pieces[k] = Piece.of(sources, at[k], at[k + 1]);
            firstIndex[k] = (int) count;
            count += pieces[k].size();
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " intakes in the run");
            }
        }
        firstIndex[pieces.length] = (int) count;
    }

    static IntakeTimeline of(Scenario scenario, ParameterCatalog parameters) {
        double end = Time.days(scenario.durationDays());
        List<Intervention> interventions = scenario.interventions();
        double[] bounds = new double[2 + 2 * interventions.size()];
        int nb = 0;
        bounds[nb++] = 0.0;
        bounds[nb++] = end;
        List<Schedule> dosing = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        sources.add(habitualMeals(parameters, HabitualMealPauses.of(interventions)));
        for (Intervention iv : interventions) {
            List<Intake> each = intakesOf(iv, parameters);
            Schedule s = iv.schedule();
            for (double b : new double[] {Time.days(s.startDay()), Time.days(s.stopDay())}) {
                if (b > 0 && b < end) {
                    bounds[nb++] = b;
                }
            }
            if (each.isEmpty()) {
                continue;
            }
            dosing.add(s);
            sources.add(doses(s, each));
        }
        return new IntakeTimeline(sources, end, IntArrays.sortedDistinct(bounds, nb), List.copyOf(dosing));
    }

    /** The values in iteration order (a loop: the streams were ~0.2 % of a decade's set-up). */
    private static double[] unboxed(java.util.Collection<Double> values) {
        double[] out = new double[values.size()];
        int k = 0;
        for (Double v : values) {
            out[k++] = v;
        }
        return out;
    }

    /** Only the habitual meals, over {@code days} (stabilisation). */
    static IntakeTimeline habitualOnly(ParameterCatalog parameters, double days) {
        double end = Time.days(days);
        return new IntakeTimeline(List.of(habitualMeals(parameters, HabitualMealPauses.NONE)), end, new double[] {0, end}, List.of());
    }

    /** The intakes of one schedule: its clock hours on its days of the week, within [start, stop). */
    private static Source doses(Schedule s, List<Intake> each) {
        boolean[] weekday = new boolean[7];
        s.daysOfWeek().forEach(d -> weekday[d] = true);
        double[] hours = unboxed(s.clockHours());
        Intake[][] atHour = new Intake[hours.length][];
        java.util.Arrays.fill(atHour, each.toArray(new Intake[0]));
        double start = Time.days(s.startDay());
        double stop = Time.days(s.stopDay());
        return new Source(weekday, hours, atHour, new double[] {start, stop}, t -> t >= start && t < stop);
    }

    /**
     * The habitual diet's calcium as meals ({@link HabitualMeals}) on every day, except while the
     * scenario gives its own meal-by-meal calcium ({@code pauses}).
     */
    private static Source habitualMeals(ParameterCatalog parameters, HabitualMealPauses pauses) {
        HabitualMeals meals = HabitualMeals.from(parameters);
        double daily = parameters.value("caHabitualIntake");
        boolean[] everyDay = new boolean[7];
        java.util.Arrays.fill(everyDay, true);
        double[] hours = new double[meals.size()];
        Intake[][] meal = new Intake[meals.size()][];
        for (int m = 0; m < meal.length; m++) {
            hours[m] = meals.hour(m);
            meal[m] = new Intake[] {new Intake(Intake.Kind.CALCIUM_FOOD, meals.share(m) * daily)};
        }
        return new Source(everyDay, hours, meal, pauses.edges(), t -> !pauses.pausedAt(t));
    }

    /**
     * One source of intakes: at each clock hour {@code hours[j]} (ascending within [0, 24)) of each
     * day {@code d} with {@code weekday[d % 7]}, the intakes {@code atHour[j]} in order, while
     * {@code active} at the hour (which changes only at the {@code edges}, hours).
     */
    private record Source(boolean[] weekday, double[] hours, Intake[][] atHour, double[] edges,
                          java.util.function.DoublePredicate active) {

        boolean activeAt(double t) {
            return active.test(t);
        }
    }

    /**
     * The intakes in [from, to), a span in which the same sources are active throughout: one week's
     * pattern (day of the week, clock hour, intake; in time order, on equal times in source order),
     * repeated every week from day 0. The intake of week w at pattern entry e is at
     * (7w + day(e)) · 24 + hour(e), all of a week's before the next week's (clock hours lie in
     * [0, 24)), so the intakes of the span are the consecutive pattern indices
     * [count(from), count(to)), with count(x) the number of pattern times before x.
     */
    private record Piece(double from, double to, int[] day, double[] hour, Intake[] intake, long before) {

        static Piece of(List<Source> sources, double from, double to) {
            int m = 0;
            for (Source s : sources) {
                if (s.activeAt(from)) {
                    m += entriesOf(s, null, null, null, 0);
                }
            }
            int[] day = new int[m];
            double[] hour = new double[m];
            Intake[] intake = new Intake[m];
            int e = 0;
            for (Source s : sources) {
                if (s.activeAt(from)) {
                    e += entriesOf(s, day, hour, intake, e);
                }
            }
            sortByOffset(day, hour, intake);
            return new Piece(from, to, day, hour, intake, count(day, hour, from));
        }

        /**
         * The week's entries of source {@code s} from {@code at} on (day by day, hour by hour, in
         * list order), or with null arrays only their number. Plain arrays: the list of entries
         * and its sort made this once-per-piece method six C2 compiles (docs/performance-log.md, "jitwork").
         */
        private static int entriesOf(Source s, int[] day, double[] hour, Intake[] intake, int at) {
            int e = at;
            for (int d = 0; d < 7; d++) {
                for (int j = 0; j < s.hours().length && s.weekday()[d]; j++) {
                    for (Intake in : s.atHour()[j]) {
                        if (day != null) {
                            day[e] = d;
                            hour[e] = s.hours()[j];
                            intake[e] = in;
                        }
                        e++;
                    }
                }
            }
            return e - at;
        }

        /**
         * A stable sort by time within the week ({@link #offset}, by {@link Double#compare}):
         * ties keep source order, then list order, as the list's stable sort before did.
         */
        private static void sortByOffset(int[] day, double[] hour, Intake[] intake) {
            for (int e = 1; e < day.length; e++) {
                int d = day[e];
                double h = hour[e];
                Intake in = intake[e];
                double offset = offset(d, h);
                int k = e - 1;
                while (k >= 0 && Double.compare(offset(day[k], hour[k]), offset) > 0) {
                    day[k + 1] = day[k];
                    hour[k + 1] = hour[k];
                    intake[k + 1] = intake[k];
                    k--;
                }
                day[k + 1] = d;
                hour[k + 1] = h;
                intake[k + 1] = in;
            }
        }

        /** Time of an entry within the week. */
        private static double offset(int day, double hour) {
            return day * Time.HOURS_PER_DAY + hour;
        }

        /** Intakes in [from, to). */
        long size() {
            return count(day, hour, to) - before;
        }

        /** Time of pattern entry e in week w, computed as the listing computed it. */
        private static double time(int[] day, double[] hour, long week, int e) {
            long d = 7 * week + day[e];
            return d * Time.HOURS_PER_DAY + hour[e];
        }

        /** Pattern times (weeks from day 0) before {@code x}: for each entry, its first week at or after x. */
        static long count(int[] day, double[] hour, double x) {
            if (!(x > 0)) {
                return 0;
            }
            long n = 0;
            for (int e = 0; e < day.length; e++) {
                long w = Math.max(0, (long) Math.ceil((x - time(day, hour, 0, e)) / (7 * Time.HOURS_PER_DAY)));
                while (w > 0 && time(day, hour, w - 1, e) >= x) {
                    w--;
                }
                while (time(day, hour, w, e) < x) {
                    w++;
                }
                n += w;
            }
            return n;
        }

        /** Intakes of this piece before {@code t} (from &le; t &lt; to). */
        long countBefore(double t) {
            return count(day, hour, t) - before;
        }

        /** Time of this piece's k-th intake. */
        double timeOf(long k) {
            long g = before + k;
            return time(day, hour, g / day.length, (int) (g % day.length));
        }

        Intake intakeOf(long k) {
            return intake[(int) ((before + k) % day.length)];
        }
    }

    /** What one intake of an intervention delivers, in model units (empty for statins). */
    static List<Intake> intakesOf(Intervention iv, ParameterCatalog p) {
        return switch (iv) {
            case Intervention.DietaryCalcium d -> List.of(new Intake(Intake.Kind.CALCIUM_FOOD,
                    MolarMass.CALCIUM.mgToMmol(d.mgPerMeal())));
            case Intervention.CalciumDrink d -> List.of(new Intake(Intake.Kind.CALCIUM_DRINK,
                    MolarMass.CALCIUM.mgToMmol(d.mgPerDrink())));
            case Intervention.CalciumSupplement s -> List.of(new Intake(supplementKind(s),
                    MolarMass.CALCIUM.mgToMmol(s.elementalMgPerDose())));
            case Intervention.DietaryPhosphate d -> List.of(new Intake(Intake.Kind.PHOSPHATE_FOOD,
                    MolarMass.PHOSPHORUS.mgToMmol(d.mgPhosphorusPerMeal())));
            case Intervention.VitaminK k -> List.of(switch (k.form()) {
                case K1 -> new Intake(Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(k.microgramsPerDose()));
                case MK4 -> new Intake(Intake.Kind.VITAMIN_MK4, MolarMass.MENAQUINONE_4.ugToNmol(k.microgramsPerDose()));
                case MK7 -> new Intake(Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(k.microgramsPerDose()));
            });
            case Intervention.Warfarin w -> List.of(new Intake(Intake.Kind.WARFARIN, w.mgPerDose()));
            case Intervention.PhosphateBinder b -> binder(b, p);
            case Intervention.Statin s -> List.of();
        };
    }

    private static Intake.Kind supplementKind(Intervention.CalciumSupplement s) {
        return switch (s.salt()) {
            case CARBONATE -> s.withFood() ? Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD : Intake.Kind.CALCIUM_CARBONATE_FASTING;
            case CITRATE -> s.withFood() ? Intake.Kind.CALCIUM_CITRATE_WITH_FOOD : Intake.Kind.CALCIUM_CITRATE_FASTING;
        };
    }

    /**
     * Calcium-free binders bind with their capacity; calcium-based ones deliver their calcium with the
     * meal. With the gut calcium binding phosphate ({@code calciumPhosphateBindingOn} 1; MineralBlock,
     * docs/model/mineral.md "Calcium binds gut phosphate") that calcium is their binding, so they carry
     * no capacity of their own; with it off (the default) they keep their catalog capacities.
     */
    private static List<Intake> binder(Intervention.PhosphateBinder b, ParameterCatalog p) {
        double grams = b.mgPerDose() / 1000.0;
        return switch (b.kind()) {
            case SEVELAMER -> List.of(new Intake(Intake.Kind.PHOSPHATE_BINDER, grams * p.value("binderCapacitySevelamer")));
            case LANTHANUM -> List.of(new Intake(Intake.Kind.PHOSPHATE_BINDER, grams * p.value("binderCapacityLanthanum")));
            // Calcium acetate is freely soluble: its calcium follows the citrate-with-food kinetics.
            case CALCIUM_ACETATE -> calciumBinder(p, grams * p.value("binderCapacityCalciumAcetate"),
                    new Intake(Intake.Kind.CALCIUM_CITRATE_WITH_FOOD,
                            MolarMass.CALCIUM.mgToMmol(b.mgPerDose() * p.value("calciumMassFractionAcetate"))));
            case CALCIUM_CARBONATE -> calciumBinder(p, grams * p.value("binderCapacityCalciumCarbonate"),
                    new Intake(Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD,
                            MolarMass.CALCIUM.mgToMmol(b.mgPerDose() * p.value("calciumMassFractionCarbonate"))));
        };
    }

    private static List<Intake> calciumBinder(ParameterCatalog p, double capacity, Intake calcium) {
        return p.value("calciumPhosphateBindingOn") != 0 ? List.of(calcium) : List.of(new Intake(Intake.Kind.PHOSPHATE_BINDER, capacity), calcium);
    }

    int size() {
        return firstIndex[pieces.length];
    }

    /** Whether any intake of the run is of {@code kind}. */
    boolean has(Intake.Kind kind) {
        for (Piece p : pieces) {
            for (Intake in : p.intake()) {
                if (in.kind() == kind) {
                    return true;
                }
            }
        }
        return false;
    }

    double time(int i) {
        int k = pieceOf(i);
        return pieces[k].timeOf(i - firstIndex[k]);
    }

    Intake intake(int i) {
        int k = pieceOf(i);
        return pieces[k].intakeOf(i - firstIndex[k]);
    }

    /** The piece holding intake {@code i} (0 &le; i &lt; size()). */
    private int pieceOf(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("intake " + i + " of " + size());
        }
        int lo = 0;
        int hi = pieces.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstIndex[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Index of the first intake at or after {@code t} (size() if none). */
    int firstAtOrAfter(double t) {
        int k = 0;
        while (k < pieces.length && !(t < pieces[k].to())) {
            k++;
        }
        if (k == pieces.length) {
            return size();
        }
        Piece p = pieces[k];
        return firstIndex[k] + (int) (t <= p.from() ? 0 : p.countBefore(t));
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

    /** The last regimen boundary at or before {@code t} (0 where none: the run's start). */
    double boundaryAtOrBefore(double t) {
        double last = 0;
        for (double b : boundaries) {
            if (b <= t + 1e-9) {
                last = b;
            }
        }
        return last;
    }

    /**
     * Whether a dosed schedule (one with intakes) starts or stops at {@code t}, or at the run's start
     * ({@code t} = 0) is active from it: where the intakes differ from those just before (the run
     * starts from a state stabilised on the habitual meals alone).
     */
    boolean dosingChangesAt(double t) {
        for (Schedule s : schedules) {
            double start = Time.days(s.startDay());
            double stop = Time.days(s.stopDay());
            if (Math.abs(start - t) <= 1e-9 || Math.abs(stop - t) <= 1e-9 || (t <= 1e-9 && start <= t && stop > t)) {
                return true;
            }
        }
        return false;
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
