package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Rodas4Options;
import org.vascalc.simulation.integrate.RosenbrockMethod;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Fast mode with an orbit step cap that is not a binary fraction of an hour (0.4 h): the step ends,
 * accumulated by the integrator, drift off the orbit's sample times by rounding, so a sample that
 * falls on a step end (to within the engine's 1e-9 h) is taken from the next step's dense output
 * slightly before that step's start. It used to throw "t is outside the last accepted step" a
 * quarter of a day into the third month of the benchmark scenario (docs/performance-log.md, branch
 * daysteps); the default cap (24 h, steps on a binary grid) never met it.
 */
class OrbitStepCapTest {

    private static final List<String> OUTPUTS = List.of("serumCalciumTotal", "pth", "bmd", "mineral.osteoclasts",
            "mineral.caBone", "mineral.caUrineCum", "mineral.caFaecesCum", "vitk.cMgpFraction");

    @Test
    void aYearWithAnOrbitStepCapOfFourTenthsOfAnHourRunsAndAgreesWithTheDefaultCap() {
        Scenario sc = Scenarios.of("supp", 365.25, new Recording(OUTPUTS, 30 * 24, 30 * 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        var parameters = ModelAssembly.defaultParameters();
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters), new DriverCourse(sc, parameters));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        Stabiliser.stabilise(model, parameters, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        for (var b : model.blocks()) {
            b.afterStabilisation(y);
        }
        IntakeTimeline timeline = IntakeTimeline.of(sc, parameters);
        Trajectory byDefault = run(model, sc, timeline, tol, y.clone(), Integrators.orbit());
        Trajectory capped = run(model, sc, timeline, tol, y.clone(), new Rodas4Integrator(Rodas4Options.DEFAULTS
                .withMethod(RosenbrockMethod.ROS34PW2).withMaxStep(0.4).withMaxSteps(2_000_000)));
        double worst = 0;
        for (String id : OUTPUTS) {
            double[] a = byDefault.series(id);
            double[] b = capped.series(id);
            double change = 0;
            double diff = 0;
            for (int k = 0; k < a.length; k++) {
                change = Math.max(change, Math.abs(a[k] - a[0]));
                diff = Math.max(diff, Math.abs(b[k] - a[k]));
            }
            double level = diff / Math.max(change, 1e-12);
            System.out.printf(Locale.ROOT, "orbit step cap 0.4 h vs 24 h: %-22s level %.2e (change %.4g)%n", id, level, change);
            worst = Math.max(worst, level);
        }
        // Measured 2026-12-01: 4.7e-4 (bmd and bone calcium; the finer orbit steps resolve the FAST states
        // more finely); the bound leaves a margin of 10.
        assertThat(worst).isLessThan(5e-3);
    }

    private static Trajectory run(AssembledModel model, Scenario sc, IntakeTimeline timeline, Tolerances tol, double[] y,
                                  Rodas4Integrator orbit) {
        double end = sc.durationDays() * 24;
        RecordingPlan plan = new RecordingPlan(sc.recording(), end, model);
        new FastRun(model, Integrators.standard(), orbit, tol, timeline,
                FastSettings.DEFAULT).run(plan, y, end, ProgressListener.NONE);
        return plan.trajectory();
    }
}
