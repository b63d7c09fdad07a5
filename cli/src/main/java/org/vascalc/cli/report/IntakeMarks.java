package org.vascalc.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.mineral.HabitualMeals;
import org.vascalc.simulation.HabitualMealPauses;

/**
 * When a chart's runs took their calcium: one row of markers along the time axis per kind of intake (a meal's calcium,
 * a tablet, a calcium drink), in the colour of the run it belongs to (charts: the supplement-versus-food chart did not
 * say which bump of serum calcium followed the tablet and which the meals). The times are the scenarios' own schedules
 * ({@link org.vascalc.core.intervention.Schedule#intakeHours}), never written into the chart.
 *
 * @param name   what the legend says: the intake ("tablet: 500 mg Ca carbonate with food"), and with several
 *               runs whose runs ("Food + supplement"; "both arms", "every arm")
 * @param kind   its marker's shape
 * @param series the index of the chart line whose colour the markers take (the first run that has them)
 * @param x      the marks' places on the chart's time axis, increasing
 * @param fill   how its markers are filled: the first row of a kind in a colour filled, each further row of the same
 *               kind in the same colour the next {@link Fill} (review18: a scenario's 321 mg meals and its day-3 333 mg
 *               meals were two rows of the same blue dot, in the legend too, so which row was which could be read only
 *               from their order; leftovers28: a third such row was hollow like the second)
 */
public record IntakeMarks(String name, Kind kind, int series, double[] x, Fill fill) {

    /** The marker of each kind of intake. */
    public enum Kind { MEAL, TABLET, DRINK }

    /**
     * How a row's markers are filled, in the order rows of one kind in one colour take them, with the characters that
     * stand for them in a text key (meal, tablet, drink).
     */
    public enum Fill {
        /** ● ▲ ■ */
        FILLED("\u25cf", "\u25b2", "\u25a0"),
        /** ○ △ □: the outline only. */
        HOLLOW("\u25cb", "\u25b3", "\u25a1"),
        /** ◐ ◭ ◧: the outline, its left half filled. */
        HALF("\u25d0", "\u25ed", "\u25e7"),
        /** ◉ ◬ ▣: the outline with a dot in its middle. */
        DOTTED("\u25c9", "\u25ec", "\u25a3");

        private final String meal;
        private final String tablet;
        private final String drink;

        Fill(String meal, String tablet, String drink) {
            this.meal = meal;
            this.tablet = tablet;
            this.drink = drink;
        }

        /**
         * The fill of a row that has {@code earlier} rows of its kind in its colour before it; after the last fill the
         * first comes again (five rows of one kind for one run do not occur in the examples).
         */
        public static Fill after(int earlier) {
            return values()[earlier % values().length];
        }

        /** The character that stands for a marker of this kind and fill in a text key. */
        public String symbol(Kind kind) {
            return switch (kind) {
                case MEAL -> meal;
                case TABLET -> tablet;
                case DRINK -> drink;
            };
        }
    }

    public IntakeMarks {
        x = x.clone();
        java.util.Objects.requireNonNull(fill, "fill");
    }

    /** A row drawn with filled markers. */
    public IntakeMarks(String name, Kind kind, int series, double[] x) {
        this(name, kind, series, x, Fill.FILLED);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /**
     * The marks of each run's calcium intakes from hour {@code fromHour} to {@code toHour} of its run (both ends
     * included), at {@code (hour - fromHour) / hoursPerUnit} on the chart's axis. Intakes of one kind and amount of
     * one run are one row; the same row in several runs (the same meals in both arms) is drawn once, in the first
     * run's colour, and named for the runs that have it. Rows without a mark in the span are left out.
     *
     * @param runNames      the chart's lines, one per run, in order
     * @param interventions each run's interventions (its scenario's)
     */
    public static List<IntakeMarks> of(List<String> runNames, List<List<Intervention>> interventions, double fromHour,
                                       double toHour, double hoursPerUnit) {
        return of(runNames, interventions, List.of(), fromHour, toHour, hoursPerUnit);
    }

    /**
     * The same, and each run's habitual meals where they are part of its schedule (charts2: a scenario that names no
     * meals of its own was eaten four times a day by the model, unmarked): the engine's own meals, the hours and daily
     * calcium of the run's catalog ({@link HabitualMeals#from}, {@code caHabitualIntake}, as {@code IntakeTimeline} takes
     * them), on every day, except while one of the run's {@code dietaryCalcium} schedules runs (from its start day to
     * its stop day, whatever its weekdays: the engine's rule, {@link HabitualMealPauses}, docs/scenario-format.md). A
     * catalog without the habitual meals' parameters (another model's) marks none.
     *
     * @param catalogs each run's parameter catalog, one per run, or none (no habitual meals marked)
     */
    public static List<IntakeMarks> of(List<String> runNames, List<List<Intervention>> interventions,
                                       List<ParameterCatalog> catalogs, double fromHour, double toHour, double hoursPerUnit) {
        if (runNames.size() != interventions.size()) {
            throw new IllegalArgumentException(runNames.size() + " runs but " + interventions.size() + " lists of interventions");
        }
        if (!catalogs.isEmpty() && catalogs.size() != runNames.size()) {
            throw new IllegalArgumentException(runNames.size() + " runs but " + catalogs.size() + " parameter catalogs");
        }
        // per run: each kind and amount's times (two schedules of the same intake in one run are one row)
        List<Map<String, Row>> perRun = new ArrayList<>();
        for (int run = 0; run < interventions.size(); run++) {
            List<Intervention> ivs = interventions.get(run);
            Map<String, Row> rows = new LinkedHashMap<>();
            if (!catalogs.isEmpty()) {
                habitual(catalogs.get(run), ivs, fromHour, toHour).ifPresent(r -> rows.put(r.label(), r));
            }
            for (Intervention iv : ivs) {
                Kind kind = kind(iv);
                if (kind == null) {
                    continue;
                }
                List<Double> hours = iv.schedule().intakeHours(fromHour, toHour);
                if (hours.isEmpty()) {
                    continue;
                }
                rows.computeIfAbsent(label(iv), l -> new Row(l, kind, new java.util.TreeSet<>())).hours().addAll(hours);
            }
            perRun.add(rows);
        }
        List<IntakeMarks> out = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int r = 0; r < perRun.size(); r++) {
            for (Row row : perRun.get(r).values()) {
                String key = row.label() + row.hours();
                if (done.contains(key)) {
                    continue;
                }
                done.add(key);
                List<String> whose = new ArrayList<>();
                for (int o = 0; o < perRun.size(); o++) {
                    Row same = perRun.get(o).get(row.label());
                    if (same != null && same.hours().equals(row.hours())) {
                        whose.add(runNames.get(o));
                    }
                }
                double[] x = row.hours().stream().mapToDouble(h -> (h - fromHour) / hoursPerUnit).toArray();
                int series = r;
                int lookAlikes = (int) out.stream().filter(m -> m.kind() == row.kind() && m.series() == series).count();
                out.add(new IntakeMarks(row.label() + runs(whose, runNames.size()), row.kind(), r, x,
                        Fill.after(lookAlikes)));
            }
        }
        return out;
    }

    private record Row(String label, Kind kind, java.util.TreeSet<Double> hours) {
    }

    /** The catalog's parameters the habitual meals are made of ({@link HabitualMeals#from}, and their calcium). */
    private static final List<String> HABITUAL = List.of("caHabitualIntake", "habitualBreakfastHour", "habitualLunchHour",
            "habitualSnackHour", "habitualDinnerHour", "habitualBreakfastCalciumShare", "habitualLunchCalciumShare",
            "habitualSnackCalciumShare", "habitualDinnerCalciumShare");

    /**
     * The run's habitual meals from {@code fromHour} to {@code toHour} (both included) as one row, "meal: habitual diet,
     * 964 mg Ca a day" (the meals' shares of it differ); empty when none falls there, the catalog has no habitual meals or
     * their calcium is 0.
     */
    private static java.util.Optional<Row> habitual(ParameterCatalog catalog, List<Intervention> interventions,
                                                    double fromHour, double toHour) {
        if (!HABITUAL.stream().allMatch(catalog::contains) || !(catalog.value("caHabitualIntake") > 0)) {
            return java.util.Optional.empty();
        }
        HabitualMeals meals = HabitualMeals.from(catalog);
        // the engine's own rule: the habitual meals pause while a dietaryCalcium schedule runs
        HabitualMealPauses pauses = HabitualMealPauses.of(interventions);
        java.util.TreeSet<Double> hours = new java.util.TreeSet<>();
        for (long day = (long) Math.floor(fromHour / 24); day * 24 <= toHour; day++) {
            for (double h : meals.hours()) {
                double t = day * 24 + h;
                if (t >= fromHour && t <= toHour && t >= 0 && !pauses.pausedAt(t)) {
                    hours.add(t);
                }
            }
        }
        if (hours.isEmpty()) {
            return java.util.Optional.empty();
        }
        double mgPerDay = MolarMass.CALCIUM.mmolToMg(catalog.value("caHabitualIntake"));
        return java.util.Optional.of(new Row(String.format(Locale.ROOT, "meal: habitual diet, %.0f mg Ca a day", mgPerDay),
                Kind.MEAL, hours));
    }

    /** "" for a chart of one run, else " (both arms)", " (every arm)" or " (Food + supplement)". */
    private static String runs(List<String> whose, int of) {
        if (of == 1) {
            return "";
        }
        if (whose.size() == of) {
            return of == 2 ? " (both arms)" : " (every arm)";
        }
        return " (" + String.join(", ", whose) + ")";
    }

    /** The marker of a calcium intake; null for an intervention that brings no calcium. */
    static Kind kind(Intervention iv) {
        return switch (iv) {
            case Intervention.DietaryCalcium d -> Kind.MEAL;
            case Intervention.CalciumSupplement s -> Kind.TABLET;
            case Intervention.CalciumDrink d -> Kind.DRINK;
            default -> null;
        };
    }

    /**
     * The intake in the legend's words, short enough for a legend under one chart: "meal: 333 mg Ca", "tablet: 1000 mg
     * Ca citrate, fasting", "tablet: 500 mg Ca carbonate with food", "drink: 250 mg Ca".
     */
    static String label(Intervention iv) {
        return switch (iv) {
            case Intervention.DietaryCalcium d -> "meal: " + mg(d.mgPerMeal()) + " Ca";
            case Intervention.CalciumSupplement s -> "tablet: " + mg(s.elementalMgPerDose()) + " Ca "
                    + s.salt().name().toLowerCase(Locale.ROOT) + (s.withFood() ? " with food" : ", fasting");
            case Intervention.CalciumDrink d -> "drink: " + mg(d.mgPerDrink()) + " Ca";
            default -> throw new IllegalArgumentException("not a calcium intake: " + iv);
        };
    }

    private static String mg(double v) {
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4g", v)) + " mg";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntakeMarks m && m.name.equals(name) && m.kind == kind && m.series == series
                && Arrays.equals(m.x, x) && m.fill == fill;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(x);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(x);
    }
}
