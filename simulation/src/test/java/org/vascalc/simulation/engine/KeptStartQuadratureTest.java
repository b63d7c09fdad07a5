package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The SLOW step right after an orbit starts from the orbit's own quadrature ({@code quad0}, taken at
 * the same time and SLOW state) instead of evaluating it again: every orbit's first step counts as a
 * kept start. (That the kept start gives the same bits as evaluating it was checked on the benchmark
 * decade's 17-digit rows, {@code PercallOutputsRunner}, docs/performance-log.md, branch {@code fsal}.)
 */
class KeptStartQuadratureTest {

    @Test
    void everyOrbitsFirstSlowStepKeepsTheOrbitsQuadrature() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of("kept-start", 30, Recording.every(24), List.of());
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        double hours = 6 * Stabiliser.CHUNK_DAYS * 24;
        FastRun run = new FastRun(model, Integrators.standard(), tol,
                IntakeTimeline.habitualOnly(p, 6 * Stabiliser.CHUNK_DAYS), FastSettings.DEFAULT);
        FastRun.Stats stats = run.run(new RecordingPlan(new Recording(List.of("pth"), hours, hours, 0, 0), hours, model),
                y, hours, ProgressListener.NONE);
        assertThat(stats.orbits()).isPositive();
        assertThat(run.keptStarts()).isGreaterThanOrEqualTo(stats.orbits());
    }
}
