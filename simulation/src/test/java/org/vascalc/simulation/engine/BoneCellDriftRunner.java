package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Follows the reference adult on the habitual diet chunk by chunk after its run-in (or, with
 * {@code -Dvascalc.scratch.cold=true}, from its initial state without a run-in) for
 * {@code -Dvascalc.scratch.chunks} 30-day chunks, printing the bone cells, the orbit's mean osteoclast
 * drive, the deep bone calcium and PTH on a fresh orbit at each chunk's end: where the run-in stops on
 * the ~200-day bone-cell mode (docs/performance-log.md, "Bone cells settled in the run-in"). Developer
 * aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class BoneCellDriftRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of("stable", 30, Recording.every(24), List.of());
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        if (!Boolean.getBoolean("vascalc.scratch.cold")) {
            Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        }
        model.course().setStabilising(true);
        int n = Integer.getInteger("vascalc.scratch.chunks", 40);
        FastRun run = new FastRun(model, Integrators.standard(), tol, IntakeTimeline.habitualOnly(p, 30.0 * n),
                FastSettings.DEFAULT);
        double chunk = 720;
        List<String> ids = ModelAssembly.stabilisationOutputs();
        RecordingPlan plan = new RecordingPlan(new Recording(List.of(ids.get(0)), chunk, chunk, 0, 0), chunk, model);
        int oc = model.layout().index("mineral.osteoclasts");
        int ob = model.layout().index("mineral.osteoblasts");
        int cb = model.layout().index("mineral.caBone");
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                run.run(plan, y, chunk, ProgressListener.NONE);
            }
            run.restartOnOrbit(y);
            double drive = y[oc] + run.orbitMeanRate(oc) / p.value("osteoclastRate");
            System.out.printf(Locale.ROOT, "DRIFT %3d oc %.7f ob %.7f drive %.7f caBone %.4f pth %.7f%n", k, y[oc], y[ob],
                    drive, y[cb], RecordingPlan.value("mineral.pth", model, y, model.driversAt(0)));
        }
    }
}
