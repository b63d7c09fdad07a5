package org.vascalc.simulation.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): fast mode's direct integration of the full model
 * (classdirect, fifty-sixth session; docs/performance-log.md) against reference mode on {@link MissMapRunner}'s
 * years: the 28 of {@link DirectClass}, the map's 3 misses outside it and 3 agreeing years (the benchmark regimen at
 * eGFR 95 among them), one year each, plus a five-year run of the CKD G5 (eGFR 10) carbonate binder at 1.5 times.
 * For each setting ({@code -Dvascalc.scratch.settings=W2e-3,W1e-3,R2e-3,}: W the orbit's W-method, R Rodas4, then
 * the relative tolerance) prints one {@code CLASSDIRECT} line per year: the worst level at the 73-day rows of the
 * SLOW outputs (as {@code FastVersusReferenceIT}), the channel and row that set it, the run's derivative calls and
 * its CPU time (printed only, never asserted), and the same for the averaged fast run and reference mode. References
 * are cached in {@code target/reference-cache-missmap}, shared with {@code MissMapRunner}.
 */
class ClassDirectRunner {

    private static final List<String> OUTSIDE = List.of("egfr15|carb500x2", "hd-nolabs|carb500x2", "g5-labs|cbind1.0",
            "egfr95|carb500x2", "egfr45|cbind1.0", "egfr10|abind1");

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        var params = ModelAssembly.defaultParameters();
        EngineSimulator sim = new EngineSimulator(params);
        EngineSimulator averagedSim = new EngineSimulator(params, new DirectSettings(true, 0, DirectSettings.Scope.NONE));
        Path dir = Path.of("target/reference-cache-missmap");
        Files.createDirectories(dir);
        Path tsv = Path.of("target/classdirect.tsv");
        String only = System.getProperty("vascalc.scratch.only", "");
        List<String> settings = List.of(System.getProperty("vascalc.scratch.settings", "W2e-3,").split(","));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Scenario> years = new ArrayList<>();
        for (var c : MissMapRunner.columns().entrySet()) {
            for (var l : MissMapRunner.loads().entrySet()) {
                Scenario s = MissMapRunner.cell(c.getKey(), c.getValue(), l.getKey(), l.getValue());
                boolean in = DirectClass.inClass(s, params);
                if (in || OUTSIDE.contains(c.getKey() + "|" + l.getKey())) {
                    years.add(s);
                }
            }
        }
        // the columns where the averaging missed most first (dialysis, G5), so a cut-short run has measured them
        List<String> first = List.of("hd-labs", "hd-nolabs", "g5-labs", "egfr10", "egfr15", "egfr22", "g4-labs");
        years.sort(java.util.Comparator.comparingInt((Scenario s) -> {
            for (int k = 0; k < first.size(); k++) {
                if (s.name().startsWith("missmap-" + first.get(k) + "-")) {
                    return k;
                }
            }
            return first.size();
        }));
        if (Boolean.getBoolean("vascalc.scratch.five")) {
            var c = MissMapRunner.columns().get("egfr10");
            var l = MissMapRunner.loads().get("cbind1.5");
            Scenario s = MissMapRunner.cell("egfr10", c, "cbind1.5", l);
            years = List.of(new Scenario(s.name() + "-5y", "", s.patient(), s.conditions(),
                    new ArrayList<>(s.interventions()), 5 * 365,
                    new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0)));
        }
        List<String> slow = FastVersusReferenceTest.slowChannels();
        // a simulator per setting, kept from year to year: a column's years share its run-in
        Map<String, EngineSimulator> direct = new java.util.HashMap<>();
        for (String setting : settings) {
            if (!setting.isBlank()) {
                direct.put(setting, new EngineSimulator(params, new DirectSettings(setting.charAt(0) == 'W',
                        Double.parseDouble(setting.substring(1)), DirectSettings.Scope.EVERY)));
            }
        }
        java.util.Set<String> warmed = new java.util.HashSet<>();
        String done = Files.exists(tsv) ? Files.readString(tsv) : "";
        for (Scenario s : years) {
            if (!only.isEmpty() && !only.contains(s.name() + ",") || done.contains(s.name() + "\t")) {
                continue;
            }
            long t0 = cpu.getCurrentThreadCpuTime();
            double[][] ref;
            if (Boolean.getBoolean("vascalc.scratch.refCalls")) { // not cached: its calls printed
                sim.run(s, Mode.FAST, ProgressListener.NONE); // the run-in
                t0 = cpu.getCurrentThreadCpuTime();
                SimulationResult r = sim.run(s, Mode.REFERENCE, ProgressListener.NONE);
                ref = r.trajectory().values();
                System.out.println("CLASSDIRECT reference " + s.name() + " " + r.counters().get("derivativeEvaluations")
                        + " calls");
            } else {
                ref = AgreementRunner.cachedReference(dir, s, sim);
            }
            long refCpu = cpu.getCurrentThreadCpuTime() - t0;
            String averaged;
            try {
                t0 = cpu.getCurrentThreadCpuTime();
                SimulationResult fast = averagedSim.run(s, Mode.FAST, ProgressListener.NONE);
                averaged = describe(slow, ref, fast, cpu.getCurrentThreadCpuTime() - t0);
            } catch (RuntimeException e) {
                averaged = "FAILED";
            }
            for (String setting : settings) {
                if (setting.isBlank()) {
                    continue;
                }
                EngineSimulator sim1 = direct.get(setting);
                if (warmed.add(setting + s.patient() + s.conditions())) { // the run-in, so the CPU below is the year's
                    sim1.run(s, Mode.FAST, ProgressListener.NONE);
                }
                t0 = cpu.getCurrentThreadCpuTime();
                SimulationResult r = sim1.run(s, Mode.FAST, ProgressListener.NONE);
                String line = String.format(Locale.ROOT, "%s\t%s\t%s\tin=%s\taveraged %s\tref-cpu %.2f s", s.name(),
                        setting, describe(slow, ref, r, cpu.getCurrentThreadCpuTime() - t0),
                        DirectClass.inClass(s, params), averaged, refCpu / 1e9);
                System.out.println("CLASSDIRECT " + line);
                Files.writeString(tsv, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    private static String describe(List<String> slow, double[][] ref, SimulationResult r, long cpuNanos) {
        HeldOutGrid.Level worst = HeldOutGrid.Level.of(slow, ref, r.trajectory().values());
        Map<String, Long> c = r.counters();
        return String.format(Locale.ROOT, "%.3e\t%s\t%d calls\t%.2f s", worst.level(), worst.where(),
                c.get("derivativeEvaluations"), cpuNanos / 1e9);
    }
}
