package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * Fast against reference mode in the first weeks after a regimen starts, hourly rows over days 0-40
 * ({@code -Dvascalc.scratch.days}): the largest relative difference per day (days 0-10) and per week
 * after, for FAST outputs (PTH, ionised calcium, calcitriol, plasma MK-7) and SLOW states (osteoclasts,
 * gland pool, exchangeable bone calcium, gland capacity), so that the error can be split into the SLOW
 * path's and the rows' FAST states'. Cases: (a) eGFR 25, 500 mg carbonate fasting at 08 and 20 h;
 * (b) eGFR 70, 500 mg carbonate with breakfast; (c) the benchmark regimen (reference adult, 500 mg
 * carbonate with meals at 08 and 19 h, 180 µg MK-7 at 08 h). Developer aid, on request only
 * ({@code -Dvascalc.scratch=true}; {@code -Dvascalc.scratch.cases=a,b,c}; the regimen's first
 * {@code -Dvascalc.scratch.onset} hours integrated directly, {@link FastSettings#onsetHours}, default 0).
 */
class OnsetRunner {

    private static final List<String> OUTPUTS = List.of("pth", "serumCalciumIonised", "calcitriol", "mineral.pthAdapted", "plasmaMk7",
            "mineral.osteoclasts", "mineral.glandPool", "mineral.caBoneExch", "mineral.glandCapacity");

    static Patient atEgfr(double egfr) {
        Patient ref = Patient.referenceAdult();
        return new Patient(ref.id() + "-egfr" + egfr, ref.ageYears(), ref.sex(), ref.weightKg(),
                ref.heightCm(), egfr, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
    }

    static Scenario onsetCase(String id, double days, Recording rec) {
        var carbonate = Intervention.CalciumSalt.CARBONATE;
        return switch (id) {
            case "a" -> new Scenario("onset-a", "", atEgfr(25), List.of(),
                    List.of(new Intervention.CalciumSupplement(500, carbonate, false, Schedule.daily(8, 20))), days, rec);
            case "b" -> new Scenario("onset-b", "", atEgfr(70), List.of(),
                    List.of(new Intervention.CalciumSupplement(500, carbonate, true, Schedule.daily(8))), days, rec);
            case "c" -> new Scenario("onset-c", "", Patient.referenceAdult(), List.of(),
                    List.of(new Intervention.CalciumSupplement(500, carbonate, true, Schedule.daily(8, 19)),
                            new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))), days, rec);
            // case a's regimen stopped after 30 days (the onset of the habitual meals alone)
            case "s" -> new Scenario("onset-stop", "", atEgfr(25), List.of(),
                    List.of(new Intervention.CalciumSupplement(500, carbonate, false,
                            new Schedule(0, 30, List.of(8.0, 20.0), Schedule.EVERY_DAY))), days, rec);
            default -> throw new IllegalArgumentException(id);
        };
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        double days = Double.parseDouble(System.getProperty("vascalc.scratch.days", "40"));
        for (String id : System.getProperty("vascalc.scratch.cases", "a,b,c").split(",")) {
            Scenario sc = onsetCase(id.trim(), days, new Recording(OUTPUTS, 1, 1, 0, 0));
            SimulationResult ref = EngineSimulator.withoutWall(ModelAssembly.defaultParameters())
                    .run(sc, Mode.REFERENCE, ProgressListener.NONE);
            FastSettings settings = FastSettings.DEFAULT.withOnsetHours(
                    Double.parseDouble(System.getProperty("vascalc.scratch.onset", "0")))
                    .withOnsetRows(Integer.getInteger("vascalc.scratch.rows", FastSettings.ONSET_ROWS));
            SimulationResult fast = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                    settings, FastSettings.DEFAULT, false).run(sc, Mode.FAST, ProgressListener.NONE);
            System.out.println("ONSET case " + id + " fast counters " + fast.counters());
            table(id, ref.trajectory(), fast.trajectory(), days);
        }
    }

    /** Bucket edges in days: each day up to 10, then weeks. */
    static double[] buckets(double days) {
        String from = System.getProperty("vascalc.scratch.from");
        if (from != null) {
            // the brief's buckets after day {@code from} (an onset or a stop): 0-1, 1-2, 2-4, 4-8, 8-14, 14-21, 21-40
            double f = Double.parseDouble(from);
            return java.util.Arrays.stream(new double[] {0, 1, 2, 4, 8, 14, 21, 40}).map(d -> Math.min(days, f + d))
                    .distinct().toArray();
        }
        var edges = new java.util.ArrayList<Double>();
        for (int d = 0; d <= 10; d++) {
            edges.add((double) d);
        }
        for (double d = 14; d < days; d += 7) {
            edges.add(d);
        }
        edges.add(days);
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static void table(String id, Trajectory ref, Trajectory fast, double days) {
        double[] edges = buckets(days);
        StringBuilder head = new StringBuilder("ONSET " + id + " days     ");
        for (String o : OUTPUTS) {
            head.append(String.format(Locale.ROOT, " %12s", o.replace("mineral.", "").replace("serumCalcium", "Ca")));
        }
        System.out.println(head);
        double[] t = ref.timesHours();
        for (int b = 0; b + 1 < edges.length; b++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "ONSET %s %5.0f-%-5.0f", id, edges[b], edges[b + 1]));
            for (String o : OUTPUTS) {
                double[] r = ref.series(o);
                double[] f = fast.series(o);
                double worst = 0;
                for (int i = 0; i < t.length; i++) {
                    if (t[i] > edges[b] * 24 && t[i] <= edges[b + 1] * 24 + 1e-9) {
                        worst = Math.max(worst, Math.abs(f[i] - r[i]) / Math.max(Math.abs(r[i]), 1e-300));
                    }
                }
                row.append(String.format(Locale.ROOT, " %12.2e", worst));
            }
            System.out.println(row);
        }
    }

    /**
     * Every state's largest relative fast-reference difference on days 1-4 of case
     * {@code -Dvascalc.scratch.split} (hourly rows), FAST and SLOW marked, largest first: whether the
     * SLOW path is already off or only the rows' FAST states.
     */
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch.split", matches = "[abc]")
    void split() {
        String id = System.getProperty("vascalc.scratch.split");
        Scenario probe = onsetCase(id, 5, new Recording(List.of("pth"), 1, 1, 0, 0));
        AssembledModel model = InitialisedModels.assembled(ModelAssembly.defaultParameters(), probe, false);
        var ids = new java.util.ArrayList<String>();
        var fastSet = new java.util.HashSet<Integer>();
        for (int i : model.fastIndices()) {
            fastSet.add(i);
        }
        for (int i = 0; i < model.dimension(); i++) {
            ids.add(model.layout().variable(i).id());
        }
        Scenario sc = onsetCase(id, 5, new Recording(ids, 1, 1, 0, 0));
        Trajectory ref = EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        Trajectory fast = EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        double[] t = ref.timesHours();
        var lines = new java.util.ArrayList<double[]>();
        for (int k = 0; k < ids.size(); k++) {
            double[] r = ref.series(ids.get(k));
            double[] f = fast.series(ids.get(k));
            double w1 = 0;
            double w3 = 0;
            double scale = 0;
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < t.length; i++) {
                double d = Math.abs(f[i] - r[i]) / Math.max(Math.abs(r[i]), 1e-3 * scale + 1e-300);
                if (t[i] > 24 && t[i] <= 48) {
                    w1 = Math.max(w1, d);
                }
                if (t[i] > 48 && t[i] <= 96) {
                    w3 = Math.max(w3, d);
                }
            }
            lines.add(new double[] {k, w1, w3});
        }
        lines.sort((x, y) -> Double.compare(y[2], x[2]));
        for (double[] l : lines) {
            int k = (int) l[0];
            System.out.printf(Locale.ROOT, "SPLIT %s %-5s %-40s day1-2 %.2e day2-4 %.2e%n", id, fastSet.contains(k) ? "FAST" : "SLOW", ids.get(k), l[1], l[2]);
        }
    }

    /**
     * One output of case {@code -Dvascalc.scratch.series} every {@code -Dvascalc.scratch.every} hours (default 6)
     * over days 0-{@code -Dvascalc.scratch.days}: reference, fast without and with the rows' lag
     * ({@link FastSettings#onsetRows}), for reading the onset's shape.
     */
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch.series", matches = "[abc]")
    void series() {
        String id = System.getProperty("vascalc.scratch.series");
        double days = Double.parseDouble(System.getProperty("vascalc.scratch.days", "10"));
        String out = System.getProperty("vascalc.scratch.output", "pth");
        int every = Integer.getInteger("vascalc.scratch.every", 6);
        Scenario sc = onsetCase(id, days, new Recording(List.of(out), 1, 1, 0, 0));
        Trajectory ref = EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        Trajectory[] fast = new Trajectory[FastSettings.ONSET_ROWS_MAX + 1];
        for (int m = 0; m < fast.length; m++) {
            fast[m] = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                    FastSettings.DEFAULT.withOnsetRows(m), FastSettings.DEFAULT, false).run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        }
        double[] t = ref.timesHours();
        for (int i = 0; i < t.length; i += every) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "SERIES %s %7.1f h ref %.5g", id, t[i], ref.series(out)[i]));
            for (int m = 0; m < fast.length; m++) {
                line.append(String.format(Locale.ROOT, "  rows%d %+.3e", m, fast[m].series(out)[i] / ref.series(out)[i] - 1));
            }
            System.out.println(line);
        }
    }
}
