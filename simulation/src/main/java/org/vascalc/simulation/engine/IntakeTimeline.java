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
 * The scenario's interventions expanded into dated intakes in model units (mmol, nmol, mg through
 * {@link MolarMass}), sorted by time, plus the regimen boundaries (every schedule start and stop)
 * at which the run is split. The habitual diet's calcium is here too, as daily meals
 * ({@link HabitualMeals}), whenever the scenario gives no meal-by-meal calcium of its own.
 */
final class IntakeTimeline {

    private final double[] times;
    private final Intake[] intakes;
    private final double[] boundaries;
    private final List<Schedule> schedules;

    private IntakeTimeline(Intakes all, double[] boundaries, List<Schedule> schedules) {
        this.times = all.times();
        this.intakes = all.intakes();
        this.boundaries = boundaries;
        this.schedules = schedules;
    }

    static IntakeTimeline of(Scenario scenario, ParameterCatalog parameters) {
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
        // order, and merging them in that order, earlier source first on ties, gives the order by
        // time and then by source a sort of all intakes would (a decade has ~25 000 of them).
        Intakes all = habitualMeals(parameters, end, ownMeals);
        for (Intervention iv : scenario.interventions()) {
            List<Intake> each = intakesOf(iv, parameters);
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
            double from = Time.days(s.startDay());
            double to = Math.min(Time.days(s.stopDay()), end);
            Intakes doses = new Intakes(0);
            for (long day = (long) Math.floor(s.startDay()); day * Time.HOURS_PER_DAY < to; day++) {
                if (!s.daysOfWeek().contains((int) (day % 7))) {
                    continue;
                }
                for (double h : s.clockHours()) {
                    double t = day * Time.HOURS_PER_DAY + h;
                    if (t >= from && t < to) {
                        for (Intake in : each) {
                            doses.add(t, in);
                        }
                    }
                }
            }
            all = all.mergedWith(doses);
        }
        return new IntakeTimeline(all, bounds.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(dosing));
    }

    /** Only the habitual meals, over {@code days} (stabilisation). */
    static IntakeTimeline habitualOnly(ParameterCatalog parameters, double days) {
        double end = Time.days(days);
        return new IntakeTimeline(habitualMeals(parameters, end, List.of()), new double[] {0, end}, List.of());
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
        Intakes all = new Intakes((int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(end / Time.HOURS_PER_DAY) * meal.length));
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

        /** Both in time order; on equal times this one's intakes come first. */
        Intakes mergedWith(Intakes later) {
            Intakes out = new Intakes(size + later.size);
            int i = 0;
            int j = 0;
            while (i < size || j < later.size) {
                if (j == later.size || (i < size && times[i] <= later.times[j])) {
                    out.times[out.size] = times[i];
                    out.intakes[out.size++] = intakes[i++];
                } else {
                    out.times[out.size] = later.times[j];
                    out.intakes[out.size++] = later.intakes[j++];
                }
            }
            return out;
        }

        double[] times() {
            return java.util.Arrays.copyOf(times, size);
        }

        Intake[] intakes() {
            return java.util.Arrays.copyOf(intakes, size);
        }
    }

    private static boolean inside(double t, List<double[]> windows) {
        for (double[] w : windows) {
            if (t >= w[0] && t < w[1]) {
                return true;
            }
        }
        return false;
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

    /** Calcium-free binders only bind; calcium-based ones also deliver their calcium with the meal. */
    private static List<Intake> binder(Intervention.PhosphateBinder b, ParameterCatalog p) {
        double grams = b.mgPerDose() / 1000.0;
        return switch (b.kind()) {
            case SEVELAMER -> List.of(new Intake(Intake.Kind.PHOSPHATE_BINDER, grams * p.value("binderCapacitySevelamer")));
            case LANTHANUM -> List.of(new Intake(Intake.Kind.PHOSPHATE_BINDER, grams * p.value("binderCapacityLanthanum")));
            // Calcium acetate is freely soluble: its calcium follows the citrate-with-food kinetics.
            case CALCIUM_ACETATE -> List.of(
                    new Intake(Intake.Kind.PHOSPHATE_BINDER, grams * p.value("binderCapacityCalciumAcetate")),
                    new Intake(Intake.Kind.CALCIUM_CITRATE_WITH_FOOD,
                            MolarMass.CALCIUM.mgToMmol(b.mgPerDose() * p.value("calciumMassFractionAcetate"))));
            case CALCIUM_CARBONATE -> List.of(
                    new Intake(Intake.Kind.PHOSPHATE_BINDER, grams * p.value("binderCapacityCalciumCarbonate")),
                    new Intake(Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD,
                            MolarMass.CALCIUM.mgToMmol(b.mgPerDose() * p.value("calciumMassFractionCarbonate"))));
        };
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
