package org.vascalc.simulation.engine;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;

/**
 * Run-in cost (derivative calls, simulated hours) and a short fast run's counters for the reference
 * adult and CKD G3b, G4 and G5 patients without labs; developer aid, on request only
 * ({@code -Dvascalc.scratch=true}).
 */
class RunInCostRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        for (Condition.CkdStage stage : new Condition.CkdStage[] {null, Condition.CkdStage.G3B, Condition.CkdStage.G4,
                Condition.CkdStage.G5}) {
            List<Condition> conditions = stage == null ? List.of() : List.of(Condition.KidneyFunctionCourse.stage(stage));
            var sc = Scenarios.of("run-in", 30, Recording.every(24), conditions);
            var r = new EngineSimulator(ModelAssembly.defaultParameters()).run(sc, Mode.FAST, ProgressListener.NONE);
            System.out.println("RUNIN " + (stage == null ? "reference" : stage) + " "
                    + r.counters().get("stabilisationDerivativeEvaluations") + " calls, "
                    + r.counters().get("stabilisationHours") + " h; run " + r.counters());
        }
    }
}
