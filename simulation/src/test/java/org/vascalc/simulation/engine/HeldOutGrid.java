package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * What the held-out developer runners share ({@link MissMapRunner}, {@link HeldOutRunner}, {@link HeldOut2Runner} to
 * {@link HeldOut5Runner}; sixtieth session, dupes): building a grid's years, the features their class lines read
 * (calcium a day, the lowest eGFR), the lines' common form, the measure of fast mode against reference mode and the
 * loop that prints and appends one TSV line per run. Each runner keeps its own grid, written before it ran; this
 * class holds no grid.
 */
final class HeldOutGrid {

    private HeldOutGrid() {
    }

    /** One run of a grid: its key, its scenario and the line's label as written before it ran (IN: may miss 1 %). */
    record Run(String key, Scenario scenario, boolean labelledIn) {
    }

    /** A kidney column: its key and the map's column record (patient, conditions). */
    record Kidney(String key, MissMapRunner.Column column) {
    }

    /** One line of a runner's output before it is measured: what it prints in front, and the year to measure. */
    record Row(String head, Scenario scenario) {
    }

    /** The measured fields of a year (a TSV tail); {@link MissMapRunner#measure} and {@link HeldOut5Runner#measure}. */
    @FunctionalInterface
    interface Measure {
        String of(Scenario s, EngineSimulator sim, Path dir, List<String> slow) throws IOException;
    }

    /** A kidney-function course of one point: a constant eGFR, mL/min/1.73 m² (no labs). */
    static List<Condition> constantEgfr(double egfr) {
        return List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, egfr))));
    }

    /** The reference adult at a constant eGFR, keyed {@code egfrNN}, labelled {@code eGFR NN}. */
    static Kidney constant(double egfr) {
        return new Kidney("egfr" + (int) egfr, new MissMapRunner.Column("eGFR " + (int) egfr,
                Patient.referenceAdult(), constantEgfr(egfr)));
    }

    /** The map's own column of that key ({@link MissMapRunner#columns}). */
    static Kidney mapColumn(String key) {
        return new Kidney(key, MissMapRunner.columns().get(key));
    }

    static Intervention binder(PhosphateBinderKind kind, double mgPerDose, Schedule schedule) {
        return new Intervention.PhosphateBinder(kind, mgPerDose, schedule);
    }

    /** A grid's year: the SLOW outputs recorded every 73 days, as {@code FastVersusReferenceIT} compares them. */
    static Scenario year(String name, Patient patient, List<Condition> conditions, List<Intervention> interventions,
            double days) {
        return new Scenario(name, "", patient, conditions, interventions, days,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0));
    }

    /** The run of a kidney column and a load: key {@code column-load}, scenario named {@code prefix-key}. */
    static Run run(String prefix, Kidney k, String loadKey, double days, boolean labelledIn,
            Intervention... interventions) {
        String key = k.key() + "-" + loadKey;
        return new Run(key, year(prefix + "-" + key, k.column().patient(), k.column().conditions(),
                List.of(interventions), days), labelledIn);
    }

    /**
     * The runs a JVM takes: {@code even} the even positions of the run order, {@code odd} the odd ones, {@code all}
     * and {@code labels} every run (two JVMs take alternate runs).
     */
    static List<Run> half(List<Run> all, String group) {
        boolean every = group.equals("all") || group.equals("labels");
        boolean even = group.equals("even");
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> every || even == (i % 2 == 0))
                .mapToObj(all::get).toList();
    }

    /** The runs {@code -Dvascalc.scratch.only} names by key ({@code key1,key2,}); all when it is not given. */
    static List<Run> only(List<Run> runs) {
        String only = System.getProperty("vascalc.scratch.only", "");
        return runs.stream().filter(r -> only.isEmpty() || only.contains(r.key() + ",")).toList();
    }

    static String inOut(boolean in) {
        return in ? "in" : "out";
    }

    /** Elemental calcium a day from calcium-based binders and calcium supplements, the mean over the week. */
    static double calciumMgPerDay(Scenario scenario, ParameterCatalog parameters) {
        double total = 0;
        for (Intervention iv : scenario.interventions()) {
            if (iv instanceof Intervention.PhosphateBinder b) {
                String fraction = switch (b.kind()) {
                    case CALCIUM_CARBONATE -> "calciumMassFractionCarbonate";
                    case CALCIUM_ACETATE -> "calciumMassFractionAcetate";
                    case SEVELAMER, LANTHANUM -> null;
                };
                if (fraction != null) {
                    total += b.mgPerDose() * parameters.value(fraction) * dosesPerDay(b.schedule());
                }
            } else if (iv instanceof Intervention.CalciumSupplement c) {
                total += c.elementalMgPerDose() * dosesPerDay(c.schedule());
            }
        }
        return total;
    }

    private static double dosesPerDay(Schedule s) {
        return s.clockHours().size() * s.daysOfWeek().size() / 7.0;
    }

    /** The lowest eGFR of the run's kidney-function course (the patient's when it states none); NaN on dialysis. */
    static double lowestEgfr(Scenario scenario) {
        if (scenario.conditions().stream().anyMatch(c -> c instanceof Condition.Haemodialysis)) {
            return Double.NaN;
        }
        double low = Double.POSITIVE_INFINITY;
        boolean course = false;
        for (Condition c : scenario.conditions()) {
            if (c instanceof Condition.KidneyFunctionCourse k) {
                course = true;
                for (Condition.GfrPoint p : k.points()) {
                    low = Math.min(low, p.egfrMlPerMin());
                }
            }
        }
        return course ? low : scenario.patient().egfrMlPerMin();
    }

    /** Calcium a day and the lowest eGFR as the runners print them: {@code 1501\t25}, {@code hd} on dialysis. */
    static String calciumAndEgfr(Scenario s, ParameterCatalog parameters) {
        double egfr = lowestEgfr(s);
        return String.format(Locale.ROOT, "%.0f", calciumMgPerDay(s, parameters)) + "\t"
                + (Double.isNaN(egfr) ? "hd" : String.format(Locale.ROOT, "%.0f", egfr));
    }

    /**
     * A class line of the held-out grids' form, IN if (a) a calcium-based binder on haemodialysis; or calcium a day
     * at or above {@code anyKidneyMg}; or at or above {@code lowKidneyMg} at eGFR below {@code lowEgfr} or on
     * dialysis; or at or above {@code lowestKidneyMg} at eGFR below {@code lowestEgfr} or on dialysis (infinite:
     * a line without that clause). A small tolerance on the dose thresholds.
     */
    record ClassLine(double anyKidneyMg, double lowKidneyMg, double lowEgfr, double lowestKidneyMg,
            double lowestEgfr) {

        boolean in(Scenario scenario, ParameterCatalog parameters) {
            double ca = calciumMgPerDay(scenario, parameters) * (1 + 1e-9);
            double egfr = HeldOutGrid.lowestEgfr(scenario);
            boolean dialysis = Double.isNaN(egfr);
            boolean calciumBinder = scenario.interventions().stream().anyMatch(iv -> iv
                    instanceof Intervention.PhosphateBinder b && (b.kind() == PhosphateBinderKind.CALCIUM_CARBONATE
                            || b.kind() == PhosphateBinderKind.CALCIUM_ACETATE));
            return (calciumBinder && dialysis) || ca >= anyKidneyMg
                    || (ca >= lowKidneyMg && (dialysis || egfr < lowEgfr))
                    || (ca >= lowestKidneyMg && (dialysis || egfr < lowestEgfr));
        }
    }

    /** The worst level {@code |fast - reference| / max(|reference|, 1e-6)} and the {@code channel@row} that set it. */
    record Level(double level, String where) {

        /** Over the channels in {@code slow}'s order, then the rows; the first of equal levels. */
        static Level of(List<String> slow, double[][] ref, double[][] values) {
            double worst = 0;
            String where = "-";
            for (int ch = 0; ch < slow.size(); ch++) {
                for (int i = 0; i < ref.length; i++) {
                    double level = Math.abs(values[i][ch] - ref[i][ch]) / Math.max(Math.abs(ref[i][ch]), 1e-6);
                    if (level > worst) {
                        worst = level;
                        where = slow.get(ch) + "@" + i;
                    }
                }
            }
            return new Level(worst, where);
        }
    }

    /**
     * One year's comparison as a TSV tail: the worst level over the SLOW outputs and recorded rows, the channel and
     * row that set it, fast mode's derivative calls and the reference osteoclasts' end-to-start ratio, with the fast
     * path that ran in front if {@code withPath}; {@code FAILED} and the message if a run throws. The reference is
     * cached in {@code dir}.
     */
    static String measure(Scenario s, EngineSimulator sim, Path dir, List<String> slow, boolean withPath)
            throws IOException {
        try {
            double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
            SimulationResult fast = sim.run(s, Mode.FAST, ProgressListener.NONE);
            Level worst = Level.of(slow, ref, fast.trajectory().values());
            int oc = slow.indexOf("mineral.osteoclasts");
            String fields = String.format(Locale.ROOT, "%.3e\t%s\t%s\t%.3f", worst.level(), worst.where(),
                    fast.counters().get("derivativeEvaluations"), ref[ref.length - 1][oc] / ref[0][oc]);
            return withPath ? fast.fastPath().map(FastPath::id).orElse("?") + "\t" + fields : fields;
        } catch (RuntimeException e) {
            return "FAILED\t" + String.valueOf(e.getMessage()).replace('\t', ' ') + "\t-\t-" + (withPath ? "\t-" : "");
        }
    }

    /**
     * The {@code measureAll} of a grid labelled against a class line and measured with the averaging alone
     * ({@link DirectSettings#AVERAGED}; {@link HeldOut2Runner} to {@link HeldOut4Runner}): the runs of {@code group}
     * ({@link #half}) that {@code -Dvascalc.scratch.only} keeps, each headed by its key, calcium a day, lowest eGFR,
     * the written label and {@code verdicts}; tag, cache and TSV named after {@code grid} ({@code heldout3}:
     * {@code HELDOUT3}, {@code target/heldout3-GROUP.tsv}); {@code labels} prints the heads and runs nothing.
     */
    static void measureLabelled(String grid, String group, List<Run> all,
            java.util.function.BiFunction<Scenario, ParameterCatalog, String> verdicts) throws IOException {
        ParameterCatalog params = ModelAssembly.defaultParameters();
        EngineSimulator sim = new EngineSimulator(params, DirectSettings.AVERAGED); // the averaging measured
        List<Row> rows = only(half(all, group)).stream().map(r -> new Row(r.key() + "\t"
                + calciumAndEgfr(r.scenario(), params) + "\t" + inOut(r.labelledIn()) + "\t"
                + verdicts.apply(r.scenario(), params), r.scenario())).toList();
        measureEach(grid.toUpperCase(Locale.ROOT), grid, grid + "-" + group, rows, group.equals("labels"), sim,
                MissMapRunner::measure);
    }

    /**
     * Measures each row in order: prints {@code TAG head<TAB>fields} and appends {@code head<TAB>fields} to
     * {@code target/TSV.tsv}, the references cached in {@code target/reference-cache-CACHE}; with {@code labelsOnly}
     * prints {@code LABEL head} and runs nothing.
     */
    static void measureEach(String tag, String cache, String tsvName, List<Row> rows, boolean labelsOnly,
            EngineSimulator sim, Measure measure) throws IOException {
        Path dir = Path.of("target/reference-cache-" + cache);
        Files.createDirectories(dir);
        Path tsv = Path.of("target/" + tsvName + ".tsv");
        List<String> slow = FastVersusReferenceTest.slowChannels();
        for (Row r : rows) {
            if (labelsOnly) {
                // the written labels against the computed line, without running anything
                System.out.println("LABEL " + r.head());
                continue;
            }
            String line = r.head() + "\t" + measure.of(r.scenario(), sim, dir, slow);
            System.out.println(tag + " " + line);
            Files.writeString(tsv, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
