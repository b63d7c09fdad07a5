package org.vascalc.simulation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}); runs no engine (linecv,
 * fifty-seventh session; docs/performance-log.md). Which scenario-level rule predicts where AVERAGED fast mode
 * misses its 1 % agreement with reference mode? Every measured year of the map and the five held-out grids, the
 * scenarios from the runners' own lists ({@link MissMapRunner}, {@link HeldOutRunner}, {@link HeldOut2Runner} to
 * {@link HeldOut5Runner}, in their run order), joined to the worst averaged level each run measured
 * ({@code src/test/resources/linecv/levels.tsv}, copied from the performance-log tables and heldout5's TSVs: map 88,
 * heldout 35, heldout2 29, heldout3 28, heldout4 24, heldout5 27 averaged (its 24 OUT runs as shipped, its 3 IN runs
 * from {@code in-averaged}) and its 4 controls, counted with heldout5's fold). A miss is a level ≥ 1e-2 or a failed
 * fast run.
 *
 * <p>{@code table} writes one row per year with features computed from the scenario: calcium a day (mg, the week's
 * mean) from supplements, from calcium-based binders, from food (the run's own meals where it states them, which
 * replace the habitual diet, else the habitual diet's {@code caHabitualIntake}, 964 mg), and their total; the lowest
 * and the starting eGFR (the course's, else the patient's; the dialysis patient's own 7); dialysis; own labs (PTH,
 * phosphate, calcium); the calcium salts and binder kinds; whether a calcium supplement is taken with food; body
 * weight; days; the current line ({@link DirectClass#inClass}).
 *
 * <p>{@code score}: the rules, written down and committed BEFORE any was scored (at most five). "Calcium" is binder +
 * supplement calcium a day as {@link DirectClass} counts it; eGFR the lowest as above; (a) a calcium-based binder on
 * haemodialysis.
 * <ol>
 *   <li>R1 the current line (a)/(b)/(c), no threshold to fit.</li>
 *   <li>R2 the current line with food calcium above the habitual diet's added to the calcium, no threshold to
 *   fit.</li>
 *   <li>R3 (a), or calcium / eGFR ≥ t (mg a day per mL/min).</li>
 *   <li>R4 (a), or (calcium + food calcium) / eGFR ≥ t.</li>
 *   <li>R5 the current line, or own labs with PTH ≥ t pg/mL and any calcium.</li>
 * </ol>
 * Leave-one-grid-out: for each of the six grids, t is chosen on the other five as the candidate (the midpoints of the
 * training values) with the least cost 2 × (misses sent averaged) + 1 × (non-misses sent direct), ties to the
 * larger t (fewer direct years), and scored on the held-out grid. Prints a {@code LINECV} line per rule and fold
 * (caught, missed, non-misses sent direct, of how many) and the in-sample fit on all six.
 */
class LineCvRunner {

    /** One measured year: its grid (fold), key, scenario and the worst averaged level (+inf if fast mode failed). */
    record Year(String grid, String key, Scenario scenario, double level) {
        boolean miss() {
            return level >= 1e-2;
        }

        String fold() {
            return grid.startsWith("heldout5") ? "heldout5" : grid;
        }
    }

    /** The features a rule may read, computed from the scenario alone. */
    record Features(double supplementMg, double binderMg, double foodMg, double lowestEgfr, double startEgfr,
            boolean dialysis, double pth, double phosphate, double serumCalcium, boolean calciumBinder,
            String forms, boolean supplementWithFood, double weightKg, double days, boolean currentLine) {

        double calciumMg() {
            return supplementMg + binderMg;
        }

        double totalMg() {
            return calciumMg() + foodMg;
        }

        boolean ruleA() {
            return calciumBinder && dialysis;
        }
    }

    static final String[] FOLDS = {"missmap", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"};

    /** Every measured year, in the runners' orders, with its level from the resource file. */
    static List<Year> years() throws IOException {
        Map<String, String> levels = new LinkedHashMap<>();
        try (InputStream in = LineCvRunner.class.getResourceAsStream("/linecv/levels.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                levels.put(f[0] + "|" + f[1], f[2]);
            }
        }
        List<Year> out = new ArrayList<>();
        for (var c : MissMapRunner.columns().entrySet()) {
            for (var l : MissMapRunner.loads().entrySet()) {
                String key = c.getKey() + "-" + l.getKey();
                out.add(year(levels, "missmap", key, key,
                        MissMapRunner.cell(c.getKey(), c.getValue(), l.getKey(), l.getValue())));
            }
        }
        List<HeldOutGrid.Run> h1 = new ArrayList<>(HeldOutRunner.oneYear());
        h1.addAll(HeldOutRunner.fiveYears());
        for (int i = 0; i < h1.size(); i++) {
            out.add(year(levels, "heldout", "#" + (i + 1), h1.get(i).key(), h1.get(i).scenario()));
        }
        List<HeldOutGrid.Run> h2 = HeldOut2Runner.grid();
        for (int i = 0; i < h2.size(); i++) {
            out.add(year(levels, "heldout2", "#" + (i + 1), h2.get(i).key(), h2.get(i).scenario()));
        }
        List<HeldOutGrid.Run> h3 = HeldOut3Runner.grid();
        for (int i = 0; i < h3.size(); i++) {
            out.add(year(levels, "heldout3", "#" + (i + 1), h3.get(i).key(), h3.get(i).scenario()));
        }
        List<HeldOutGrid.Run> h4 = HeldOut4Runner.grid();
        for (int i = 0; i < h4.size(); i++) {
            out.add(year(levels, "heldout4", "#" + (i + 1), h4.get(i).key(), h4.get(i).scenario()));
        }
        for (HeldOutGrid.Run r : HeldOut5Runner.grid()) {
            out.add(year(levels, "heldout5", r.key(), r.key(), r.scenario()));
        }
        for (HeldOutGrid.Run r : HeldOut5Runner.controls()) {
            out.add(year(levels, "heldout5-control", r.key(), r.key(), r.scenario()));
        }
        return out;
    }

    private static Year year(Map<String, String> levels, String grid, String levelKey, String key, Scenario s) {
        String v = levels.get(grid + "|" + levelKey);
        if (v == null) {
            throw new IllegalStateException("no level for " + grid + " " + levelKey + " (" + key + ")");
        }
        return new Year(grid, key, s, v.equals("failed") ? Double.POSITIVE_INFINITY : Double.parseDouble(v));
    }

    static Features features(Scenario s, ParameterCatalog p) {
        double supplement = 0;
        double binder = 0;
        double ownFood = 0;
        boolean ownMeals = false;
        boolean calciumBinder = false;
        boolean withFood = false;
        TreeSet<String> forms = new TreeSet<>();
        for (Intervention iv : s.interventions()) {
            switch (iv) {
                case Intervention.PhosphateBinder b -> {
                    forms.add("binder-" + b.kind().name().toLowerCase(Locale.ROOT));
                    String fraction = switch (b.kind()) {
                        case CALCIUM_CARBONATE -> "calciumMassFractionCarbonate";
                        case CALCIUM_ACETATE -> "calciumMassFractionAcetate";
                        case SEVELAMER, LANTHANUM -> null;
                    };
                    if (fraction != null) {
                        calciumBinder = true;
                        binder += b.mgPerDose() * p.value(fraction) * perDay(b.schedule());
                    }
                }
                case Intervention.CalciumSupplement c -> {
                    forms.add("supplement-" + c.salt().name().toLowerCase(Locale.ROOT));
                    supplement += c.elementalMgPerDose() * perDay(c.schedule());
                    withFood |= c.withFood();
                }
                case Intervention.DietaryCalcium d -> {
                    ownMeals = true;
                    ownFood += d.mgPerMeal() * perDay(d.schedule());
                }
                default -> { }
            }
        }
        double habitualMg = p.value("caHabitualIntake") * 40.078; // mmol/d to mg/d
        boolean dialysis = s.conditions().stream().anyMatch(c -> c instanceof Condition.Haemodialysis);
        double low = Double.POSITIVE_INFINITY;
        double start = s.patient().egfrMlPerMin();
        for (Condition c : s.conditions()) {
            if (c instanceof Condition.KidneyFunctionCourse k) {
                start = k.points().get(0).egfrMlPerMin();
                for (Condition.GfrPoint g : k.points()) {
                    low = Math.min(low, g.egfrMlPerMin());
                }
            }
        }
        if (low == Double.POSITIVE_INFINITY) {
            low = s.patient().egfrMlPerMin();
        }
        Patient pt = s.patient();
        return new Features(supplement, binder, ownMeals ? ownFood : habitualMg, low, start, dialysis,
                pt.pthPgMl().orElse(Double.NaN), pt.serumPhosphateMmolL().orElse(Double.NaN),
                pt.serumCalciumMmolL().orElse(Double.NaN), calciumBinder,
                forms.isEmpty() ? "-" : String.join("+", forms), withFood, pt.weightKg(), s.durationDays(), DirectClass.inClass(s, p));
    }

    private static double perDay(Schedule s) {
        return s.clockHours().size() * s.daysOfWeek().size() / 7.0;
    }

    // ---- the rules (committed before scoring) ----

    /** A rule: whether a year goes direct, given its features and the threshold t (ignored by R1, R2). */
    interface Rule {
        boolean direct(Features f, double t);

        /** The feature the threshold is compared with; null for a rule without a threshold. */
        default java.util.function.ToDoubleFunction<Features> scale() {
            return null;
        }
    }

    static final double HABITUAL_MG = 24.055 * 40.078;

    static Map<String, Rule> rules() {
        Map<String, Rule> out = new LinkedHashMap<>();
        out.put("R1 current line", (f, t) -> f.currentLine());
        out.put("R2 line + food above habitual", (f, t) -> {
            double ca = f.calciumMg() + Math.max(0, f.foodMg() - HABITUAL_MG);
            return f.ruleA() || ca >= DirectClass.HIGH_CALCIUM_MG_PER_DAY * (1 - 1e-9)
                    || ca >= DirectClass.LOW_KIDNEY_CALCIUM_MG_PER_DAY * (1 - 1e-9)
                    && (f.dialysis() || f.lowestEgfr() < DirectClass.LOW_EGFR);
        });
        out.put("R3 (a) or calcium/eGFR >= t", threshold(f -> f.calciumMg() / f.lowestEgfr(), Features::ruleA));
        out.put("R4 (a) or total/eGFR >= t", threshold(f -> f.totalMg() / f.lowestEgfr(), Features::ruleA));
        out.put("R5 line or PTH >= t with calcium", threshold(f -> f.calciumMg() > 0 ? f.pth() : Double.NaN,
                Features::currentLine));
        return out;
    }

    private static Rule threshold(java.util.function.ToDoubleFunction<Features> scale,
            java.util.function.Predicate<Features> always) {
        return new Rule() {
            @Override
            public boolean direct(Features f, double t) {
                double x = scale.applyAsDouble(f);
                return always.test(f) || !Double.isNaN(x) && x >= t;
            }

            @Override
            public java.util.function.ToDoubleFunction<Features> scale() {
                return scale;
            }
        };
    }

    /** Caught misses, missed misses, non-misses sent direct, non-misses: of {@code ys} under {@code rule} at t. */
    static int[] score(Rule rule, double t, List<Year> ys, Map<Year, Features> fs) {
        int[] c = new int[4];
        for (Year y : ys) {
            boolean d = rule.direct(fs.get(y), t);
            if (y.miss()) {
                c[d ? 0 : 1]++;
            } else {
                c[2] += d ? 1 : 0;
                c[3]++;
            }
        }
        return c;
    }

    /** The threshold with the least cost 2 × missed + 1 × wasted direct on {@code train}; ties to the larger t. */
    static double fit(Rule rule, List<Year> train, Map<Year, Features> fs) {
        if (rule.scale() == null) {
            return Double.NaN;
        }
        TreeSet<Double> xs = new TreeSet<>();
        for (Year y : train) {
            double x = rule.scale().applyAsDouble(fs.get(y));
            if (!Double.isNaN(x)) {
                xs.add(x);
            }
        }
        List<Double> cands = new ArrayList<>();
        Double prev = null;
        for (double x : xs) {
            cands.add(prev == null ? x : (prev + x) / 2);
            prev = x;
        }
        cands.add(prev == null ? Double.POSITIVE_INFINITY : prev * 2);
        double best = Double.NaN;
        int bestCost = Integer.MAX_VALUE;
        for (double t : cands) {
            int[] c = score(rule, t, train, fs);
            int cost = 2 * c[1] + c[2];
            if (cost <= bestCost) {
                bestCost = cost;
                best = t;
            }
        }
        return best;
    }

    static String table(List<Year> ys, ParameterCatalog p) {
        StringBuilder sb = new StringBuilder("grid\tkey\tlevel\tmiss\tsupplementMg\tbinderMg\tfoodMg\ttotalMg"
                + "\tlowestEgfr\tstartEgfr\tdialysis\tpth\tphosphate\tserumCa\tforms\tsupplementWithFood\tweightKg"
                + "\tdays\tcurrentLine\n");
        for (Year y : ys) {
            Features f = features(y.scenario(), p);
            sb.append(String.format(Locale.ROOT,
                    "%s\t%s\t%s\t%s\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%.0f\t%.0f\t%s%n",
                    y.grid(), y.key(), Double.isInfinite(y.level()) ? "failed" : String.format(Locale.ROOT, "%.3e",
                            y.level()), y.miss() ? "miss" : "within", f.supplementMg(), f.binderMg(), f.foodMg(),
                    f.totalMg(), f.lowestEgfr(), f.startEgfr(), f.dialysis() ? "hd" : "-", num(f.pth()),
                    num(f.phosphate()), num(f.serumCalcium()), f.forms(), f.supplementWithFood() ? "food" : "-",
                    f.weightKg(), f.days(), f.currentLine() ? "in" : "out"));
        }
        return sb.toString();
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4g", x);
    }

    static String crossValidate(List<Year> ys, ParameterCatalog p) {
        Map<Year, Features> fs = new LinkedHashMap<>();
        ys.forEach(y -> fs.put(y, features(y.scenario(), p)));
        StringBuilder sb = new StringBuilder();
        for (var r : rules().entrySet()) {
            int[] sum = new int[4];
            for (String fold : FOLDS) {
                List<Year> train = ys.stream().filter(y -> !y.fold().equals(fold)).toList();
                List<Year> test = ys.stream().filter(y -> y.fold().equals(fold)).toList();
                double t = fit(r.getValue(), train, fs);
                int[] c = score(r.getValue(), t, test, fs);
                for (int i = 0; i < 4; i++) {
                    sum[i] += c[i];
                }
                sb.append(line(r.getKey(), "out-of-sample " + fold, t, c));
            }
            sb.append(line(r.getKey(), "out-of-sample SUM", Double.NaN, sum));
            double t = fit(r.getValue(), ys, fs);
            sb.append(line(r.getKey(), "in-sample all six", t, score(r.getValue(), t, ys, fs)));
        }
        return sb.toString();
    }

    private static String line(String rule, String what, double t, int[] c) {
        return String.format(Locale.ROOT, "LINECV %s | %s | t=%s | misses caught %d of %d | non-misses direct %d of %d"
                + "%n", rule, what, Double.isNaN(t) ? "-" : String.format(Locale.ROOT, "%.4g", t), c[0], c[0] + c[1],
                c[2], c[3]);
    }

    static void runAll(String what) throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<Year> ys = years();
        if (what.equals("table")) {
            String t = table(ys, p);
            Path out = Path.of(System.getProperty("vascalc.scratch.out", "target/linecv-table.tsv"));
            Files.writeString(out, t);
            System.out.print(t);
        } else {
            System.out.print(crossValidate(ys, p));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        runAll(System.getProperty("vascalc.scratch.group", "table"));
    }

    /** {@code java -cp ... LineCvRunner table|score}. */
    public static void main(String[] args) throws IOException {
        runAll(args.length > 0 ? args[0] : "table");
    }
}
