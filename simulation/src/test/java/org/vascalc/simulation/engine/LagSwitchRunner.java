package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Developer aid (lagswitch, scratch): fast mode only, no reference, for the years of the bone calcium's onset
 * measurement; run with {@code java -cp ... LagSwitchRunner NAME,...} and the scratch switches
 * ({@code -Dvascalc.scratch.lagsure=mixed -Dvascalc.scratch.lagsure.qs=manifold -Dvascalc.scratch.lagswitch.trace=true}).
 */
final class LagSwitchRunner {

    private LagSwitchRunner() {
    }

    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0] : "";
        List<Scenario> list = new ArrayList<>();
        for (Condition.CkdStage st : List.of(Condition.CkdStage.G5, Condition.CkdStage.G4)) {
            list.add(AgreementScenarios.oneYearCkdWithCarbonateBinder(st));
            list.add(AgreementScenarios.oneYearCkdWithBinder(st));
            list.add(AgreementScenarios.oneYearCkdWithCarbonate(st));
            list.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithCarbonateBinder(st), st));
            list.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithBinder(st), st));
        }
        list.add(AgreementScenarios.oneYearTwiceDailyWithMk7AtEgfr65());
        list.add(AgreementScenarios.fiveYearsWithMeals());
        Scenario f = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        list.add(new Scenario("hd-example", f.description(), f.patient(), f.conditions(), f.interventions(),
                f.durationDays(), new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0)));
        list.addAll(ReuseSafetyRunner.wideFamily());
        list.addAll(ReuseSafetyRunner.defaultFamily());
        java.util.Set<String> seen = new java.util.HashSet<>();
        list.removeIf(s -> !seen.add(s.name()));
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        boolean compare = Boolean.getBoolean("lagswitch.compare");
        java.nio.file.Path dir = java.nio.file.Path.of("target/reference-cache");
        java.nio.file.Files.createDirectories(dir);
        List<String> ids = FastVersusReferenceTest.slowChannels();
        for (Scenario s : list) {
            if (!only.isEmpty() && !("," + only + ",").contains("," + s.name() + ",")) {
                continue;
            }
            System.out.println("YEAR " + s.name());
            double[][] ref = compare ? AgreementRunner.cachedReference(dir, s, sim) : null;
            var fast = sim.run(s, Mode.FAST, ProgressListener.NONE);
            var k = fast.counters();
            String level = "";
            if (compare) {
                double[][] v = fast.trajectory().values();
                double worst = 0;
                String at = "";
                for (int c = 0; c < ids.size(); c++) {
                    for (int i = 0; i < ref.length; i++) {
                        double x = Math.abs(v[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                        if (x > worst) {
                            worst = x;
                            at = ids.get(c) + "@" + i;
                        }
                    }
                }
                level = String.format(java.util.Locale.ROOT, " worst %.3e %s", worst, at);
            }
            System.out.println("COUNTERS " + s.name() + level + " orbits " + k.get("orbits") + " calls " + k.get("derivativeEvaluations"));
        }
    }
}
