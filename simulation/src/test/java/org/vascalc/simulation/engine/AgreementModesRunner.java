package org.vascalc.simulation.engine;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/** Scratch: worst fast-vs-reference level of chosen agreement years under the acceptance trial modes. */
class AgreementModesRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        String[] names = System.getProperty("vascalc.scratch.years", "g4carb,g5carbbinder").split(",");
        String[] modes = System.getProperty("vascalc.scratch.modes", "0,5,5n").split(",");
        for (String name : names) {
            Scenario s = switch (name) {
                case "g4carb" -> AgreementScenarios.oneYearCkdWithCarbonate(Condition.CkdStage.G4);
                case "g5carb" -> AgreementScenarios.oneYearCkdWithCarbonate(Condition.CkdStage.G5);
                case "g4binder" -> AgreementScenarios.oneYearCkdWithBinder(Condition.CkdStage.G4);
                case "g5binder" -> AgreementScenarios.oneYearCkdWithBinder(Condition.CkdStage.G5);
                case "g4carbbinder" -> AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G4);
                case "g5carbbinder" -> AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
                default -> AgreementScenarios.fiveYearsWithMeals();
            };
            Trajectory ref = null;
            for (String m : modes) {
                FastRun.ACCEPT_MODE = Integer.parseInt(m.replace("n", "").replace("s", ""));
                FastRun.SHIFT_SAMPLES = m.contains("s");
                FastRun.ACCEPT_IN_RUNIN = !m.contains("n");
                EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
                var fr = sim.run(s, Mode.FAST, ProgressListener.NONE);
                if (ref == null || !m.contains("n")) {
                    ref = sim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
                }
                Trajectory fast = fr.trajectory();
                double worst = 0;
                String at = "";
                for (var c : ref.channels()) {
                    double[] r = ref.series(c.id());
                    double[] f = fast.series(c.id());
                    for (int i = 0; i < r.length; i++) {
                        double e = Math.abs(f[i] - r[i]) / Math.max(Math.abs(r[i]), 1e-6);
                        if (e > worst) {
                            worst = e;
                            at = c.id() + " @" + fast.timesHours()[i] / 24;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "AGREE %s mode %s: worst %.3e (%s) orbits %d periods %d calls %d%n", name, m, worst, at,
                        fr.counters().get("orbits"), fr.counters().get("orbitPeriods"), fr.counters().get("derivativeEvaluations"));
            }
        }
    }
}
