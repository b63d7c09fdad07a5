package org.vascalc.simulation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * SCRATCH (onsetslow): fast mode's SLOW states set to the reference run's at day
 * {@code -Dvascalc.scratch.days} (e.g. {@code 0,12,42}; 0 = no oracle); the year's worst level at the agreement
 * tests' 73-day rows and at daily rows.
 */
class OnsetOracleRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        List<String> slow = FastVersusReferenceTest.slowChannels();
        Recording daily = new Recording(slow, 24, 24, 0, 0);
        List<Scenario> list = new ArrayList<>();
        Scenario cb = AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
        list.add(AgreementScenarios.withCkdLabs(cb, Condition.CkdStage.G5));
        for (Scenario w : ReuseSafetyRunner.wideFamily()) {
            list.add(w);
        }
        if (System.getProperty("vascalc.scratch.only", "").contains("care2-calcium-acetate,")) {
            TrialSpec spec = TrialFiles.load(ProjectFiles.require("examples/trials/care2.yaml"));
            VirtualPerson p = spec.baselineLabs().applyTo(
                    new VirtualPopulation(1, ModelAssembly.defaultParameters()).cric(0), 1);
            list.add(new Scenario("care2-calcium-acetate", "", p.patient(), spec.conditions(),
                    spec.arm("calcium-acetate").orElseThrow().interventions(), 365, daily));
        }
        String only = System.getProperty("vascalc.scratch.only", "");
        Path dir = Path.of("target/reference-cache-1d");
        Files.createDirectories(dir);
        try {
            for (Scenario s0 : list) {
                if (!only.contains(s0.name() + ",")) {
                    continue;
                }
                Scenario s = new Scenario(s0.name(), "", s0.patient(), s0.conditions(), s0.interventions(),
                        s0.durationDays(), daily);
                double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
                for (String d : System.getProperty("vascalc.scratch.days", "0,12,42").split(",")) {
                    int day = Integer.parseInt(d);
                    if (day > 0) {
                        Map<String, Double> m = new HashMap<>();
                        for (int c = 0; c < slow.size(); c++) {
                            m.put(slow.get(c), ref[day][c]);
                        }
                        FastRun.scratchOracleSlow = m;
                        FastRun.scratchOracleHour = day * 24.0;
                    } else {
                        FastRun.scratchOracleSlow = null;
                    }
                    var run = sim.run(s, Mode.FAST, ProgressListener.NONE);
                    Trajectory f = run.trajectory();
                    double w73 = 0;
                    double wAll = 0;
                    String at73 = "";
                    double wMin = 0;
                    double wLate = 0;
                    String atMin = "";
                    for (int c = 0; c < slow.size(); c++) {
                        double[] fs = f.series(slow.get(c));
                        for (int i = 0; i < fs.length; i++) {
                            double level = Math.abs(fs[i] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                            if (i >= day) {
                                wAll = Math.max(wAll, level);
                            }
                            if (i >= 42 && !slow.get(c).startsWith("wall.")) {
                                wLate = Math.max(wLate, level);
                            }
                            if (i % 73 == 0 && !slow.get(c).startsWith("wall.") && level > wMin) {
                                wMin = level;
                                atMin = slow.get(c) + " day " + i;
                            }
                            if (i % 73 == 0 && level > w73) {
                                w73 = level;
                                at73 = slow.get(c) + " day " + i;
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "ORACLE %s day %d worst73 %.3e (%s) worstDaily(from day) %.3e notWall73 %.3e (%s) dailyFrom42notWall %.3e calls %d orbits %d%n",
                            s.name(), day, w73, at73, wAll, wMin, atMin, wLate, run.counters().get("derivativeEvaluations"),
                            run.counters().get("orbits"));
                    for (String id : System.getProperty("vascalc.scratch.channels", "mineral.osteoclasts,mineral.osteoblasts").split(",")) {
                        double[] fs = f.series(id);
                        int c = slow.indexOf(id);
                        StringBuilder sb = new StringBuilder("ORACLE " + s.name() + " day " + day + " " + id + ":");
                        for (int i : new int[] {7, 12, 22, 42, 73, 126, 146, 219, 238, 292, 364}) {
                            sb.append(String.format(Locale.ROOT, " d%d %+.2e", i, (fs[i] - ref[i][c]) / ref[i][c]));
                        }
                        System.out.println(sb);
                    }
                }
            }
        } finally {
            FastRun.scratchOracleSlow = null;
        }
    }
}
