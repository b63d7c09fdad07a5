package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): where fast mode's miss of care2's
 * calcium-acetate years is born (hdonset, fifty-fourth session; docs/performance-log.md). care2's CRIC-like
 * candidates 0 (PTH 113 pg/mL) and 5 (PTH 1 010 pg/mL, the enlarged gland since hdhold) with the trial's labs, in
 * the calcium-acetate and the sevelamer arm, a year with daily rows at the day's start (hour 0 of each day, the same
 * phase in both modes). Prints per year ({@code DIALYSIS} lines) the worst level at the agreement tests' 73-day rows
 * (SLOW channels, as {@link DialysisTrialAgreementRunner}), calls and orbits; then fast / reference − 1 and the
 * reference's value of each channel of {@code -Dvascalc.scratch.channels} on the days of
 * {@code -Dvascalc.scratch.rowdays}. {@code -Dvascalc.scratch.trace=true} adds each orbit's day and reuse decision
 * ({@link BiasProbe#trace}); {@code -Dvascalc.scratch.onset=H} runs fast mode with the regimen's first H hours
 * integrated directly ({@link FastSettings#onsetHours}; 0, main's path, by default); {@code -Dvascalc.scratch.only}
 * picks years by name ({@code care2-calcium-acetate-m0,} ...). References are cached in
 * {@code target/reference-cache-hd} (delete it when the model changes).
 */
class DialysisOnsetRunner {

    /** One trial member's year on one arm of {@code spec}, daily rows at hour 0 of {@code channels}. */
    static Scenario armYear(String name, TrialSpec spec, VirtualPerson p, String arm, List<String> channels) {
        return new Scenario(name, "", p.patient(), spec.conditions(), spec.arm(arm).orElseThrow().interventions(), 365,
                new Recording(channels, 24, 24, 0, 0));
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        var params = ModelAssembly.defaultParameters();
        EngineSimulator reference = new EngineSimulator(params);
        EngineSimulator fast = new EngineSimulator(params, Integrators.standard(),
                FastSettings.DEFAULT.withOnsetHours(Double.parseDouble(System.getProperty("vascalc.scratch.onset", "0"))),
                FastSettings.DEFAULT, true);
        List<String> slowOnly = FastVersusReferenceTest.slowChannels();
        List<String> channels = new ArrayList<>(slowOnly);
        channels.addAll(List.of("mineral.pth", "mineral.pthAdapted", "mineral.caEcf"));
        String only = System.getProperty("vascalc.scratch.only", "");
        int[] days = Arrays.stream(System.getProperty("vascalc.scratch.rowdays", "1,2,3,4,5,7,10,14,22,28,42,56,73")
                .split(",")).mapToInt(Integer::parseInt).toArray();
        String[] shown = System.getProperty("vascalc.scratch.channels",
                "mineral.pth,mineral.pthAdapted,mineral.caEcf,mineral.caBoneExch,mineral.glandPool,mineral.osteoclasts")
                .split(",");
        Path dir = Path.of("target/reference-cache-hd");
        Files.createDirectories(dir);
        TrialSpec spec = TrialFiles.load(ProjectFiles.require("examples/trials/care2.yaml"));
        VirtualPopulation pop = new VirtualPopulation(1, params);
        {
            for (int member : new int[] {0, 5}) {
                VirtualPerson p = spec.baselineLabs().applyTo(pop.cric(member), 1);
                for (String arm : List.of("calcium-acetate", "sevelamer")) {
                    String name = "care2-" + arm + "-m" + member;
                    if (!only.isEmpty() && !only.contains(name + ",")) {
                        continue;
                    }
                    Scenario s = armYear(name, spec, p, arm, channels);
                    double[][] ref = AgreementRunner.cachedReference(dir, s, reference);
                    EngineSimulator traced = Boolean.getBoolean("vascalc.scratch.trace")
                            ? fast.traced(line -> System.out.println("  " + name + " " + line)) : fast;
                    SimulationResult run = traced.run(s, Mode.FAST, ProgressListener.NONE);
                    double[][] v = run.trajectory().values();
                    double worst = 0;
                    String where = "";
                    for (int c = 0; c < slowOnly.size(); c++) {
                        for (int i = 0; i < ref.length; i += 73) {
                            double level = Math.abs(v[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                            if (level > worst) {
                                worst = level;
                                where = slowOnly.get(c) + " day " + i;
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "DIALYSIS %-28s worst73 %.3e (%s) calls %s orbits %s%n", name, worst,
                            where, run.counters().get("derivativeEvaluations"), run.counters().get("orbits"));
                    for (String id : shown) {
                        int c = channels.indexOf(id);
                        StringBuilder ratio = new StringBuilder("DIALYSIS " + name + " fast/ref-1 " + id + ":");
                        StringBuilder value = new StringBuilder("DIALYSIS " + name + " reference " + id + ":");
                        for (int d : days) {
                            ratio.append(String.format(Locale.ROOT, " d%d %+.2e", d, v[d][c] / ref[d][c] - 1));
                            value.append(String.format(Locale.ROOT, " d%d %.4g", d, ref[d][c]));
                        }
                        System.out.println(ratio);
                        System.out.println(value);
                    }
                }
            }
        }
    }
}
