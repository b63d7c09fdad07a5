package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.IntegrationException;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Rodas4Options;
import org.vascalc.simulation.integrate.RosenbrockMethod;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * A period that fails in an orbit's first period has no fallback ({@code OrbitClosure#stepFailed} mends
 * only a later one): it reached the user as "internal error" with a stack trace (fastcrash's Left,
 * review14). It is now a {@link FastModeIntegrationException}: still an {@link IntegrationException}
 * (callers that catch that one keep catching it), saying fast mode could not integrate the regimen and
 * that reference mode may. No shipped regimen is known to fail there since fastcrash, so the failure is
 * provoked with an orbit integrator allowed three step attempts (the benchmark regimen's first period
 * takes dozens); the run's other integrators are the standard ones.
 */
class FastOrbitFirstPeriodFailureTest {

    @Test
    void aFailureInAnOrbitsFirstPeriodSaysFastModeCouldNotIntegrateTheRegimen() {
        Scenario sc = Scenarios.of("supp", 3, new Recording(List.of("pth"), 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        var parameters = ModelAssembly.defaultParameters();
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters), new DriverCourse(sc, parameters));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        Stabiliser.stabilise(model, parameters, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        for (var b : model.blocks()) {
            b.afterStabilisation(y);
        }
        double end = sc.durationDays() * 24;
        RecordingPlan plan = new RecordingPlan(sc.recording(), end, model);
        Rodas4Integrator starved = new Rodas4Integrator(Rodas4Options.DEFAULTS
                .withMethod(RosenbrockMethod.ROS34PW2).withMaxSteps(3));

        Throwable thrown = catchThrowable(() -> new FastRun(model, Integrators.standard(), starved, tol,
                IntakeTimeline.of(sc, parameters), FastSettings.DEFAULT).run(plan, y, end, ProgressListener.NONE));

        assertThat(thrown).isInstanceOf(FastModeIntegrationException.class).isInstanceOf(IntegrationException.class)
                .hasMessageStartingWith("fast mode could not integrate this regimen: its daily cycle (the orbit starting at day 0.00)")
                .hasMessageContaining("more than 3 step attempts")
                .hasMessageEndingWith("reference mode resolves every meal and dose and may run it")
                .hasCauseInstanceOf(IntegrationException.class);
        assertThat(FastModeIntegrationException.in(new RuntimeException("a worker's", thrown))).isSameAs(thrown);
    }
}
