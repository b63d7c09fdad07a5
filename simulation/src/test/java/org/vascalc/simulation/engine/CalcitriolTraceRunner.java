package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): the CKD G4/G5 agreement years traced
 * every {@code vascalc.scratch.days} days (default 14) in fast and reference mode, SLOW states plus PTH
 * and calcitriol, printing each channel's relative difference per row (docs/performance-log.md,
 * "calcitriol2"). Reference runs are cached ({@code -Dvascalc.scratch.refs}); {@code -Dvascalc.scratch.only}
 * picks scenarios by name.
 */
class CalcitriolTraceRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        Path dir = Path.of(System.getProperty("vascalc.scratch.refs", "target/reference-cache-trace"));
        Files.createDirectories(dir);
        String only = System.getProperty("vascalc.scratch.only", "");
        double days = Double.parseDouble(System.getProperty("vascalc.scratch.days", "14"));
        List<String> ids = new ArrayList<>(FastVersusReferenceTest.slowChannels());
        ids.addAll(List.of("pthPgMl", "calcitriol", "serumCalciumTotal", "serumPhosphate"));
        List<Scenario> scenarios = new ArrayList<>();
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G4, Condition.CkdStage.G5)) {
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonate(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithBinder(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage));
        }
        for (Scenario s0 : scenarios) {
            if (!only.isEmpty() && !only.contains(s0.name() + ",")) {
                continue;
            }
            Scenario s = new Scenario(s0.name() + "-trace" + (int) days, s0.description(), s0.patient(), s0.conditions(),
                    s0.interventions(), s0.durationDays(), new Recording(ids, days * 24, days * 24, 0, 0));
            double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
            SimulationResult fast = sim.run(s, Mode.FAST, ProgressListener.NONE);
            double[][] f = fast.trajectory().values();
            System.out.println(s.name() + " counters " + fast.counters());
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%5s", "day"));
            for (String id : ids) {
                head.append(String.format(Locale.ROOT, " %10s", shortName(id)));
            }
            System.out.println(head);
            for (int i = 0; i < ref.length; i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5.0f", i * days));
                for (int c = 0; c < ids.size(); c++) {
                    double rel = (f[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                    line.append(String.format(Locale.ROOT, " %10.2e", rel));
                }
                System.out.println(line);
            }
            for (String shown : System.getProperty("vascalc.scratch.show", "").split(",")) {
                int c = ids.indexOf(shown);
                if (c < 0) {
                    continue;
                }
                for (int i = 0; i < ref.length; i++) {
                    System.out.printf(Locale.ROOT, "  %s day %.0f ref %.6g fast %.6g rel %.2e%n", shown, i * days,
                            ref[i][c], f[i][c], (f[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6));
                }
            }
            int slowCount = FastVersusReferenceTest.slowChannels().size();
            double worst = 0;
            String worstAt = "";
            for (int c = 0; c < slowCount; c++) {
                for (int i = 0; i < ref.length; i++) {
                    double rel = Math.abs(f[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                    if (rel > worst) {
                        worst = rel;
                        worstAt = ids.get(c) + " day " + (i * days);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "WORST %s %.3e %s orbits %s calls %s%n", s.name(), worst, worstAt,
                    fast.counters().get("orbits"), fast.counters().get("derivativeEvaluations"));
            StringBuilder refLine = new StringBuilder("ref first/last:");
            for (int c = 0; c < ids.size(); c++) {
                refLine.append(String.format(Locale.ROOT, " %s %.4g->%.4g", shortName(ids.get(c)), ref[0][c], ref[ref.length - 1][c]));
            }
            System.out.println(refLine);
        }
    }

    private static String shortName(String id) {
        String n = id.startsWith("mineral.") ? id.substring(8) : id;
        return n.length() > 10 ? n.substring(0, 10) : n;
    }
}
