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
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): fast against reference mode in
 * advanced CKD where the agreement tests did not look — a year of calcium carbonate (with MK-7) in
 * CKD G4 and G5, the calcium-acetate binder years, and the 2-year CKD G4 wall story — printing for
 * every SLOW output (and the story's PTH and serum phosphate) the worst relative level difference
 * over the rows and the relative difference of the change from the first to the last row (the
 * bone-mineral change is a small difference of large fluxes). Reference runs are cached like
 * {@code AgreementRunner}'s ({@code -Dvascalc.scratch.refs}); {@code -Dvascalc.scratch.only=NAME}
 * picks scenarios by name.
 */
class CkdAgreementRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        // Fast-mode settings to try (the run-in keeps the default settings, so both start alike).
        FastSettings d = FastSettings.DEFAULT;
        FastSettings tried = new FastSettings(Integer.getInteger("vascalc.scratch.maxStepPeriods", d.maxStepPeriods()),
                d.samples(), d.maxOrbitPeriods(), number("closure", d.orbitTolerance()), number("drift", d.driftTolerance()),
                number("maxAge", d.maxOrbitAgeHours()), number("rtol", d.integrationRelativeTolerance()),
                number("flux", d.fluxTolerance()), d.stageQuadrature(), d.exactLinearPart());
        EngineSimulator fastSim = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), tried, d, true);
        Path dir = Path.of(System.getProperty("vascalc.scratch.refs", "target/reference-cache"));
        Files.createDirectories(dir);
        String only = System.getProperty("vascalc.scratch.only", "");
        List<Scenario> scenarios = new ArrayList<>();
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G4, Condition.CkdStage.G5)) {
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonate(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithBinder(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage));
        }
        Scenario story = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/wall").resolve("ckd-stage4.yaml"))
                .scenario();
        List<String> storyIds = new ArrayList<>(FastVersusReferenceTest.slowChannels());
        storyIds.addAll(List.of("pthPgMl", "serumPhosphate"));
        scenarios.add(new Scenario(story.name(), story.description(), story.patient(), story.conditions(),
                story.interventions(), story.durationDays(), new Recording(storyIds, 730.5, 730.5, 0, 0)));
        for (Scenario s : scenarios) {
            if (!only.isEmpty() && !only.contains(s.name())) {
                continue;
            }
            double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
            SimulationResult fast = fastSim.run(s, Mode.FAST, ProgressListener.NONE);
            double[][] f = fast.trajectory().values();
            List<String> ids = s.recording().outputs();
            double worst = 0;
            String worstId = "";
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < ids.size(); c++) {
                double level = 0;
                for (int i = 0; i < ref.length; i++) {
                    level = Math.max(level, Math.abs(f[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6));
                }
                int last = ref.length - 1;
                double refChange = ref[last][c] - ref[0][c];
                double change = refChange == 0 ? 0 : Math.abs((f[last][c] - f[0][c]) - refChange) / Math.abs(refChange);
                if (level > 3e-3 || change > 3e-3) {
                    line.append(String.format(Locale.ROOT, "%n   %-26s level %.2e change %.2e (ref %.4g -> %.4g)", ids.get(c),
                            level, change, ref[0][c], ref[last][c]));
                }
                if (level > worst) {
                    worst = level;
                    worstId = ids.get(c);
                }
            }
            int shown = ids.indexOf(System.getProperty("vascalc.scratch.channel", ""));
            for (int i = 0; shown >= 0 && i < ref.length; i++) {
                System.out.printf(Locale.ROOT, "  %s row %d ref %.6g fast %.6g rel %.2e%n", ids.get(shown), i, ref[i][shown],
                        f[i][shown], (f[i][shown] - ref[i][shown]) / Math.max(Math.abs(ref[i][shown]), 1e-6));
            }
            System.out.printf(Locale.ROOT, "CKDAGREE %s worst level %.3e (%s)%s%n  counters %s%n", s.name(), worst, worstId,
                    line, fast.counters());
        }
    }

    /**
     * The SLOW states' excursion within a day in reference mode (day 200 of the G5 carbonate-binder
     * year, hourly): a SLOW state that moves appreciably within a day breaks the averaging's premise.
     */
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch.intraday", matches = "true")
    void intraday() {
        List<String> ids = FastVersusReferenceTest.slowChannels();
        Scenario base = AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
        Scenario s = new Scenario(base.name(), "", base.patient(), base.conditions(), base.interventions(), 202,
                new Recording(ids, 24, 1, 200, 201));
        var tr = new EngineSimulator(ModelAssembly.defaultParameters()).run(s, Mode.REFERENCE, ProgressListener.NONE)
                .trajectory();
        double[] hours = tr.timesHours();
        List<double[]> day = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            if (hours[i] >= 200 * 24 - 1e-6 && hours[i] <= 201 * 24 + 1e-6) {
                day.add(tr.row(i));
            }
        }
        double[][] v = day.toArray(new double[0][]);
        for (int c = 0; c < ids.size(); c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : v) {
                if (row.length > c) {
                    lo = Math.min(lo, row[c]);
                    hi = Math.max(hi, row[c]);
                }
            }
            System.out.printf(Locale.ROOT, "INTRADAY %-28s rows %d min %.6g max %.6g%n", ids.get(c), v.length, lo, hi);
        }
    }

    private static double number(String name, double fallback) {
        return Double.parseDouble(System.getProperty("vascalc.scratch." + name, Double.toString(fallback)));
    }
}
