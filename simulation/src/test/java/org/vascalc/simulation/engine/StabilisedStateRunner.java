package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Stabilises the reference adult (twice: the second JIT-warm), CKD G3a–G5 without labs and a
 * haemodialysis patient, prints the
 * run-in's cost (derivative calls, simulated hours, chunk by chunk) and writes each stabilised state
 * to {@code -Dvascalc.scratch.stateDir} (default {@code target/stabilised}); with
 * {@code -Dvascalc.scratch.baseline=DIR} it prints the worst relative difference from the states in
 * DIR per state group (block and time scale; relative to max(|baseline|, 100 × absolute tolerance)).
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class StabilisedStateRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Map<String, List<Condition>> patients = new LinkedHashMap<>();
        patients.put("reference", List.of());
        patients.put("reference-again", List.of());
        for (Condition.CkdStage s : new Condition.CkdStage[] {Condition.CkdStage.G3A, Condition.CkdStage.G3B,
                Condition.CkdStage.G4, Condition.CkdStage.G5}) {
            patients.put(s.name(), List.of(Condition.KidneyFunctionCourse.stage(s)));
        }
        patients.put("haemodialysis", List.of(new Condition.Haemodialysis()));
        String only = System.getProperty("vascalc.scratch.patients", "");
        Path dir = Path.of(System.getProperty("vascalc.scratch.stateDir", "target/stabilised"));
        Files.createDirectories(dir);
        String baseline = System.getProperty("vascalc.scratch.baseline", "");
        for (var e : patients.entrySet()) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(e.getKey())) {
                continue;
            }
            Scenario sc = Scenarios.of("stable", 30, Recording.every(24), e.getValue());
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
            double[] y = InitialisedModels.initialState(model, sc.patient());
            Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
            List<String> chunks = new ArrayList<>();
            List<String> trace = new ArrayList<>(ModelAssembly.stabilisationOutputs());
            for (StateVariable v : model.layout().variables()) {
                if (v.timeScale() == org.vascalc.physiology.model.TimeScale.SLOW && !v.id().endsWith("Cum")
                        && (v.id().startsWith("mineral.") || v.id().startsWith("vitk."))) {
                    trace.add(v.id());
                }
            }
            long[] last = {0};
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = threads.getCurrentThreadCpuTime();
            double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y,
                    Double.parseDouble(System.getProperty("vascalc.scratch.years", "5")) * 8766, (h, s) -> {
                        long ev = model.evaluations();
                        chunks.add(String.format(Locale.ROOT, "%.0fh:%d", h, ev - last[0]));
                        last[0] = ev;
                        if (Boolean.getBoolean("vascalc.scratch.trace")) {
                            StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "TRACE %s %6.0f", e.getKey(), h));
                            for (String id : trace) {
                                double v = id.contains(".") ? s[model.layout().index(id)]
                                        : RecordingPlan.value(id, model, s, model.driversAt(0));
                                t.append(String.format(Locale.ROOT, " %s=%.9g", id.substring(id.indexOf('.') + 1), v));
                            }
                            System.out.println(t);
                        }
                    }, Stabiliser.Pace.valueOf(System.getProperty("vascalc.scratch.pace", "MOVED")));
            System.out.printf(Locale.ROOT, "STAB %-14s %8d calls %8.0f h %6.0f ms cpu  chunks %s%n", e.getKey(),
                    model.evaluations(), hours, (threads.getCurrentThreadCpuTime() - t0) / 1e6,
                    chunks.size() > 12 ? chunks.subList(0, 12) + "..." : chunks);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < y.length; i++) {
                sb.append(model.layout().variable(i).id()).append(' ').append(Double.toString(y[i])).append('\n');
            }
            for (String id : ModelAssembly.stabilisationOutputs()) {
                sb.append("lab:").append(id).append(' ')
                        .append(Double.toString(RecordingPlan.value(id, model, y, model.driversAt(0)))).append('\n');
            }
            Files.writeString(dir.resolve(e.getKey() + ".txt"), sb.toString());
            if (!baseline.isEmpty()) {
                compare(model, Path.of(baseline, e.getKey() + ".txt"), sb.toString(), e.getKey());
            }
        }
    }

    private static void compare(AssembledModel model, Path base, String now, String patient) throws IOException {
        Map<String, Double> b = read(Files.readString(base));
        Map<String, Double> n = read(now);
        Map<String, double[]> worst = new LinkedHashMap<>();
        Map<String, String> worstId = new LinkedHashMap<>();
        for (var e : n.entrySet()) {
            String id = e.getKey();
            double scale;
            String group;
            if (id.startsWith("lab:")) {
                group = "labs";
                scale = Math.abs(b.get(id));
            } else {
                StateVariable v = model.layout().variable(model.layout().index(id));
                group = id.substring(0, Math.max(id.indexOf('.'), 0)) + " " + v.timeScale()
                        + (id.endsWith("Cum") ? " (cumulative)" : "");
                scale = Math.max(Math.abs(b.get(id)), 100 * v.absoluteTolerance());
            }
            double d = (e.getValue() - b.get(id)) / scale;
            double[] w = worst.computeIfAbsent(group, k -> new double[1]);
            if (Math.abs(d) > Math.abs(w[0]) || !worstId.containsKey(group)) {
                w[0] = d;
                worstId.put(group, id);
            }
        }
        for (var e : worst.entrySet()) {
            System.out.printf(Locale.ROOT, "DIFF %-14s %-28s %10.2e  %s%n", patient, e.getKey(), e.getValue()[0],
                    worstId.get(e.getKey()));
        }
    }

    /** The {@code id value} lines this runner writes per stabilised state, as a map in their order. */
    static Map<String, Double> read(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split(" ");
                m.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return m;
    }
}
