package org.vascalc.simulation.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.integrate.Rodas4Integrator;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): where a direct year's cost goes (directfast,
 * fifty-seventh session; docs/performance-log.md). For each setting ({@code -Dvascalc.scratch.settings}, as
 * {@link ClassDirectRunner}'s: W or R, the relative tolerance, then optionally {@code +t} and the hours between fresh
 * Jacobians, {@link DirectSettings#jacobianHours}) and each year of
 * {@code -Dvascalc.scratch.only} (MissMapRunner's column-load keys, comma-separated, e.g.
 * {@code hd-labs|cbind1.5,}) prints one {@code DIRECTCOST} line: the worst level against reference mode (the SLOW
 * outputs at the 73-day rows, as {@link ClassDirectRunner}), derivative calls, steps, rejected steps, Jacobians, LU
 * decompositions, thread CPU; with {@code -Dvascalc.scratch.trace=true} also the steps' breakdown by the time since
 * the last intake (the orbit integrator's {@link Rodas4Integrator.StepTrace}). Settings of a year run in the order
 * given and then in reverse (paired CPU, same JVM, both orders).
 */
class DirectCostRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        var params = ModelAssembly.defaultParameters();
        EngineSimulator refSim = new EngineSimulator(params);
        Path dir = Path.of("target/reference-cache-missmap");
        Files.createDirectories(dir);
        List<String> settings = List.of(System.getProperty("vascalc.scratch.settings", "W1e-4").split(","));
        boolean trace = Boolean.getBoolean("vascalc.scratch.trace");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<String> slow = FastVersusReferenceTest.slowChannels();
        Map<String, EngineSimulator> sims = new java.util.HashMap<>();
        for (String setting : settings) {
            sims.put(setting, new EngineSimulator(params, parse(setting)));
        }
        if (trace) {
            probe(params, cpu);
        }
        for (String key : System.getProperty("vascalc.scratch.only", "hd-labs|cbind1.5").split(",")) {
            if (key.isBlank()) {
                continue;
            }
            Scenario s;
            if (key.startsWith("care2-m")) { // care2's member m (seed 1, its baseline labs), calcium-acetate arm, a year
                var spec = org.vascalc.simulation.scenario.TrialFiles.load(
                        org.vascalc.simulation.scenario.ProjectFiles.require("examples/trials/care2.yaml"));
                int m = Integer.parseInt(key.substring("care2-m".length()));
                var p = spec.baselineLabs().applyTo(new org.vascalc.simulation.cohort.VirtualPopulation(1,
                        params).cric(m), 1);
                s = new Scenario("directcost-" + key, "", p.patient(), spec.conditions(),
                        spec.arm("calcium-acetate").orElseThrow().interventions(), 365,
                        new org.vascalc.simulation.Recording(slow, 73 * 24, 73 * 24, 0, 0));
            } else {
                String[] cl = key.split("\\|");
                s = MissMapRunner.cell(cl[0], MissMapRunner.columns().get(cl[0]), cl[1],
                        MissMapRunner.loads().get(cl[1]));
            }
            double[][] ref = AgreementRunner.cachedReference(dir, s, refSim);
            List<String> order = new ArrayList<>(settings);
            List<String> reversed = new ArrayList<>(settings);
            java.util.Collections.reverse(reversed);
            order.addAll(reversed);
            Map<String, double[]> cpuBySetting = new java.util.HashMap<>();
            for (String setting : order) {
                EngineSimulator sim = sims.get(setting);
                sim.run(s, Mode.FAST, ProgressListener.NONE); // the run-in (cached) and a warm-up
                List<double[]> steps = new ArrayList<>();
                Rodas4Integrator oi = Integrators.lendOrbit(ModelDimension.of(params));
                oi.traceSteps(trace ? (t, h, err, e, y, yEnd, rtol, atol, end, controlled)
                        -> steps.add(new double[] {t, h, err}) : null);
                Integrators.giveBackOrbit(ModelDimension.of(params), oi);
                long t0 = cpu.getCurrentThreadCpuTime();
                SimulationResult r;
                try {
                    r = sim.run(s, Mode.FAST, ProgressListener.NONE);
                } finally {
                    oi.traceSteps(null);
                }
                double sec = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
                double[] c = cpuBySetting.computeIfAbsent(setting, x -> new double[2]);
                c[c[0] == 0 ? 0 : 1] = sec;
                Map<String, Long> k = r.counters();
                System.out.println(String.format(Locale.ROOT,
                        "DIRECTCOST %s\t%s\t%s\t%d calls\t%d steps\t%d rejected\t%d jac\t%d lu (%d dense, %d analyses)\t%.2f s", s.name(),
                        setting, level(slow, ref, r), k.get("derivativeEvaluations"), k.get("directSteps"),
                        k.get("directRejectedSteps"), k.get("directJacobians"), k.get("directDecompositions"),
                        k.get("directDenseDecompositions"), k.get("directPatternAnalyses"), sec));
                if (trace && !steps.isEmpty()) {
                    breakdown(s, params, steps);
                }
            }
        }
    }

    /** CPU of a derivative call, of a Jacobian and of a decomposition and a solve of the full model (initial state). */
    private static void probe(org.vascalc.core.param.ParameterCatalog params, ThreadMXBean cpu) {
        Scenario s = MissMapRunner.cell("hd-labs", MissMapRunner.columns().get("hd-labs"), "cbind1.5",
                MissMapRunner.loads().get("cbind1.5"));
        AssembledModel m = new AssembledModel(ModelAssembly.standardBlocks(params, true), new DriverCourse(s, params));
        int n = m.dimension();
        double[] y = new double[n];
        m.initialise(y);
        double[] f = new double[n];
        double[] jac = new double[n * n];
        for (int warm = 0; warm < 2; warm++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int r = 0; r < 100_000; r++) {
                m.derivatives(r * 1e-3, y, f);
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (int r = 0; r < 2_000; r++) {
                m.jacobian(r * 1e-3, y, jac);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            double[] lu = org.vascalc.simulation.integrate.LuCostProbe.nanos(jac, n, n - m.quadratures(), 20_000);
            if (warm == 1) {
                System.out.println(String.format(Locale.ROOT,
                        "DIRECTCOST probe: n %d (%d quadratures); call %.2f us; Jacobian %.1f us; LU %.2f us; solve %.2f us",
                        n, m.quadratures(), (t1 - t0) / 1e5 / 1e3, (t2 - t1) / 2e3 / 1e3, lu[0] / 1e3, lu[1] / 1e3));
            }
        }
    }

    /** {@code W1e-4} (the W-method's own Jacobian refresh), {@code W3e-4+t168} (a fresh Jacobian every 168 h). */
    static DirectSettings parse(String setting) {
        String[] p = setting.split("\\+");
        double hours = Double.NaN;
        double pivot = Rodas4Integrator.DEFAULT_PIVOT_THRESHOLD;
        boolean unite = false;
        for (int i = 1; i < p.length; i++) {
            double v = Double.parseDouble(p[i].substring(1));
            switch (p[i].charAt(0)) {
                case 't' -> hours = v;
                case 'p' -> pivot = v;
                case 'u' -> unite = v != 0;
                default -> throw new IllegalArgumentException(setting);
            }
        }
        return new DirectSettings(p[0].charAt(0) == 'W', Double.parseDouble(p[0].substring(1)),
                DirectSettings.Scope.EVERY, hours, pivot, unite);
    }

    private static String level(List<String> slow, double[][] ref, SimulationResult r) {
        HeldOutGrid.Level worst = HeldOutGrid.Level.of(slow, ref, r.trajectory().values());
        return String.format(Locale.ROOT, "%.3e\t%s", worst.level(), worst.where());
    }

    /** Step attempts by the time since the last intake (0-0.5, 0.5-2, 2-6, 6+ h), accepted and rejected, mean h. */
    private static void breakdown(Scenario s, org.vascalc.core.param.ParameterCatalog params, List<double[]> steps) {
        IntakeTimeline tl = IntakeTimeline.of(s, params);
        double[] events = new double[tl.size()];
        for (int i = 0; i < events.length; i++) {
            events[i] = tl.time(i);
        }
        double[] edges = {0.5, 2, 6, Double.POSITIVE_INFINITY};
        long[] acc = new long[edges.length];
        long[] rej = new long[edges.length];
        double[] hSum = new double[edges.length];
        for (double[] st : steps) {
            int at = Arrays.binarySearch(events, st[0] + 1e-9);
            int before = at >= 0 ? at : -at - 2;
            double since = before >= 0 ? st[0] - events[before] : Double.POSITIVE_INFINITY;
            int b = 0;
            while (b < edges.length - 1 && since >= edges[b]) {
                b++;
            }
            if (st[2] <= 1) {
                acc[b]++;
                hSum[b] += st[1];
            } else {
                rej[b]++;
            }
        }
        long year = Math.max(1, events.length);
        System.out.println(String.format(Locale.ROOT, "DIRECTCOST   intakes %d (%.1f a day); attempts %d", events.length,
                events.length / s.durationDays(), steps.size()));
        String[] names = {"<0.5 h", "0.5-2 h", "2-6 h", ">=6 h"};
        for (int b = 0; b < edges.length; b++) {
            System.out.println(String.format(Locale.ROOT,
                    "DIRECTCOST   since intake %s: %d accepted (%.2f per intake), %d rejected, mean h %.4f h", names[b],
                    acc[b], acc[b] / (double) year, rej[b], acc[b] == 0 ? 0 : hSum[b] / acc[b]));
        }
    }

    /** The assembled model's dimension (the orbit integrator is lent by it). */
    private static final class ModelDimension {
        static int of(org.vascalc.core.param.ParameterCatalog params) {
            return new AssembledModel(ModelAssembly.standardBlocks(params, true),
                    new DriverCourse(MissMapRunner.cell("egfr95", MissMapRunner.columns().get("egfr95"), "cbind1.5",
                            MissMapRunner.loads().get("cbind1.5")), params)).dimension();
        }
    }
}
