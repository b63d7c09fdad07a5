package org.vascalc.simulation.engine;

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
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}; docs/performance-log.md, fifty-third session,
 * `lagform`): at each renewal of {@link OrbitDrift}'s lag, the orbit's first-order response to the lag in force
 * ({@code J^-1 v}, lagging states only) beside the parts the first-order form leaves out: the forcing of the FAST
 * states relaxing faster than {@link OrbitDrift#MIN_LAG_HOURS} ({@code J^-1 v_all - J^-1 v}), the cap, and the
 * second-order term of {@code e' = J e - w} under a changing drift ({@code J^-2 w'}); each as the adapted PTH's
 * shift and as the shift of the bone efflux ratio {@code PTH / A}.
 */
class LagFormRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws Exception {
        String only = System.getProperty("vascalc.scratch.only", "labs,1y-ckd-G5-carbonate-binder-shift+2h,");
        Recording rec = new Recording(List.of("mineral.pthAdapted", "mineral.osteoclasts"), 1, 1, 0, 0);
        List<Scenario> list = new ArrayList<>();
        Scenario cb = AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
        Scenario labs = AgreementScenarios.withCkdLabs(cb, Condition.CkdStage.G5);
        list.add(new Scenario("labs", "", labs.patient(), labs.conditions(), labs.interventions(), 365, rec));
        for (Scenario w : ReuseSafetyRunner.wideFamily()) {
            list.add(new Scenario(w.name(), "", w.patient(), w.conditions(), w.interventions(), 365, rec));
        }
        var parameters = ModelAssembly.defaultParameters();
        EngineSimulator sim = new EngineSimulator(parameters);
        Path dir = Path.of("target/lagform-cache");
        Files.createDirectories(dir);
        for (Scenario s : list) {
            if (!only.contains(s.name() + ",")) {
                continue;
            }
            var names = new AssembledModel(ModelAssembly.standardBlocks(parameters), new DriverCourse(s, parameters))
                    .layout().variables();
            double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
            List<String> lines = new ArrayList<>();
            OrbitDrift.trace = lines::add;
            var run = sim.run(s, Mode.FAST, ProgressListener.NONE);
            OrbitDrift.trace = null;
            System.out.println("LF " + s.name() + " counters " + run.counters());
            // t -> (id -> fields)
            Map<String, Map<String, double[]>> byT = new LinkedHashMap<>();
            for (String l : lines) {
                String[] f = l.split(" ");
                String id = names.get(Integer.parseInt(f[3])).id();
                double[] v = new double[9];
                for (int i = 0; i < 9; i++) {
                    v[i] = Double.parseDouble(f[5 + 2 * i]);
                }
                byT.computeIfAbsent(f[1], x -> new LinkedHashMap<>()).put(id, v);
            }
            boolean first = true;
            double[][] fastV = run.trajectory().values();
            for (var e : byT.entrySet()) {
                double t = Double.parseDouble(e.getKey());
                Map<String, double[]> m = e.getValue();
                if (first) {
                    StringBuilder sb = new StringBuilder("LF states:");
                    m.forEach((id, v) -> sb.append(String.format(Locale.ROOT, " %s(tau %.3g)", id, v[0])));
                    System.out.println(sb);
                    first = false;
                }
                double[] a = m.get("mineral.pthAdapted");
                double[] p = m.get("mineral.pth");
                if (a == null || a[4] == 0) {
                    continue;
                }
                // fields: 0 tau, 1 mean, 2 v, 3 rate, 4 accel, 5 r1, 6 rUncapped, 7 rAll, 8 r2
                double ratio1 = p == null ? Double.NaN : p[5] / p[1] - a[5] / a[1];
                double ratioAll = p == null ? Double.NaN : p[7] / p[1] - a[7] / a[1];
                double ratio2 = p == null ? Double.NaN : p[8] / p[1] - a[8] / a[1];
                double ratioCap = p == null ? Double.NaN : p[6] / p[1] - a[6] / a[1];
                int h = (int) Math.min(t, fastV.length - 1);
                double oc = (fastV[h][1] - ref[h][1]) / ref[h][1];
                System.out.printf(Locale.ROOT,
                        "LF %s day %6.1f A: v %+.3e tau*v/A %+.2e r1/A %+.2e | (all-r1)/r1 %+.3f cap %+.3f r2/r1 %+.3f"
                        + " | ratio r1 %+.2e (all-r1)/r1 %+.3f r2/r1 %+.3f | vTrend/v %.3f ocErr %+.2e%n",
                        s.name(), t / 24, a[2], a[0] * a[3] / a[1], a[5] / a[1], (a[7] - a[5]) / a[5],
                        (a[6] - a[5]) / a[5], a[8] / a[5], ratio1, (ratioAll - ratio1) / ratio1, ratio2 / ratio1,
                        a[4] * a[0] / a[2], oc);
            }
        }
    }
}
