package org.vascalc.simulation.engine;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.SimulationResult;

/**
 * The coarse-mesh defect correction's go/no-go measurement (docs/performance-log.md, "coarsemesh"):
 * every orbit period of the benchmark decade and of the CKD G5 carbonate-binder year integrated also
 * on a fixed coarse mesh (every second step of its map's first fine period) from the same start;
 * also at a tight tolerance (1e-7); prints per period and kind of deliverable the largest |fine - coarse|,
 * the change of that difference D from the map's first orbit (|D - Dref|), and the fine and the corrected
 * coarse period's distances from the tight one (|f-x|, |c+Dref-x|), in orbit tolerance scales.
 * {@code -Dvascalc.coarse.every=N}: every N-th fine stop kept (2); {@code -Dvascalc.coarse.jacobians=true}:
 * a fresh Jacobian at every coarse step; {@code -Dvascalc.coarse.shared=true}: the run's own kept
 * Jacobian (default: one at the period's start). Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class CoarseMeshRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        var decade = Scenarios.of("supp", 3652.5, new Recording(List.of("pth"), 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        var g5 = AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
        FastRun.coarseProbe = true;
        FastRun.PROBE_EVERY = Integer.getInteger("vascalc.coarse.every", 2);
        FastRun.PROBE_JACOBIAN_EVERY_STEP = Boolean.getBoolean("vascalc.coarse.jacobians");
        FastRun.PROBE_SHARED_JACOBIAN = Boolean.getBoolean("vascalc.coarse.shared");
        System.out.println("coarse mesh: every " + FastRun.PROBE_EVERY + " fine stop(s), Jacobian "
                + (FastRun.PROBE_JACOBIAN_EVERY_STEP ? "at every step" : FastRun.PROBE_SHARED_JACOBIAN ? "the run's own (shared)"
                : "at the period's start"));
        try {
            for (var sc : List.of(decade, g5)) {
                FastRun.probeLines.clear();
                SimulationResult r = sim.run(sc, Mode.FAST, ProgressListener.NONE);
                System.out.println("== " + sc.name() + " " + r.counters());
                FastRun.probeLines.forEach(System.out::println);
            }
        } finally {
            FastRun.coarseProbe = false;
        }
    }
}
