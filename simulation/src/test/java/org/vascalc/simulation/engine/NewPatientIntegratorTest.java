package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * A thread's orbit integrator serves every simulator run on it ({@link Integrators#lendOrbit}): a new
 * patient's run, run-in included, gives the same bits and counters whether the thread is new or has
 * just run another patient (other parameters, another run-in, the model with and without the wall),
 * and a simulator run from inside another's run (a progress listener) gets an integrator of its own.
 */
class NewPatientIntegratorTest {

    private static final Recording REC = new Recording(
            List.of("serumCalciumTotal", "pth", "bmd", "mineral.caUrineCum"), 30 * 24, 24, 0, 0);

    private static Scenario scenario(List<Condition> conditions) {
        return Scenarios.of("new", 60, REC, conditions,
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19));
    }

    /** Runs on a thread of its own (so on a new orbit integrator unless {@code before} runs first). */
    private static SimulationResult onNewThread(Runnable before, EngineSimulator sim, Scenario sc) throws Exception {
        AtomicReference<SimulationResult> out = new AtomicReference<>();
        Thread t = new Thread(() -> {
            before.run();
            out.set(sim.run(sc, Mode.FAST, ProgressListener.NONE));
        });
        t.start();
        t.join();
        assertThat(out.get()).isNotNull();
        return out.get();
    }

    @Test
    void aNewPatientGivesTheSameBitsAfterOtherPatientsOnTheSameThread() throws Exception {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        ParameterCatalog other = base.with(Map.of("plaqueSusceptibility", 2.0));
        Scenario healthy = scenario(List.of());
        Scenario ckd = scenario(List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G3B)));

        SimulationResult alone = onNewThread(() -> { }, EngineSimulator.withoutWall(base), healthy);
        SimulationResult afterOthers = onNewThread(() -> {
            new EngineSimulator(other).run(ckd, Mode.FAST, ProgressListener.NONE);
            EngineSimulator.withoutWall(other).run(ckd, Mode.FAST, ProgressListener.NONE);
        }, EngineSimulator.withoutWall(base), healthy);
        assertSameRun(afterOthers, alone);

        SimulationResult ckdAlone = onNewThread(() -> { }, new EngineSimulator(other), ckd);
        SimulationResult ckdAfterOthers = onNewThread(() -> {
            EngineSimulator.withoutWall(base).run(healthy, Mode.FAST, ProgressListener.NONE);
            new EngineSimulator(base).run(healthy, Mode.FAST, ProgressListener.NONE);
        }, new EngineSimulator(other), ckd);
        assertSameRun(ckdAfterOthers, ckdAlone);
        assertThat(ckdAlone.counters().get("stabilisationDerivativeEvaluations"))
                .isNotEqualTo(alone.counters().get("stabilisationDerivativeEvaluations"));
    }

    @Test
    void aRunStartedInsideAnotherRunOnTheSameThreadDoesNotDisturbIt() throws Exception {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        Scenario healthy = scenario(List.of());
        SimulationResult alone = onNewThread(() -> { }, EngineSimulator.withoutWall(base), healthy);
        AtomicReference<SimulationResult> inner = new AtomicReference<>();
        AtomicReference<SimulationResult> outer = new AtomicReference<>();
        Thread t = new Thread(() -> outer.set(EngineSimulator.withoutWall(base).run(healthy, Mode.FAST, f -> {
            if (inner.get() == null && f > 0.5) {
                inner.set(EngineSimulator.withoutWall(base).run(healthy, Mode.FAST, ProgressListener.NONE));
            }
        })));
        t.start();
        t.join();
        assertThat(inner.get()).isNotNull();
        assertSameRun(inner.get(), alone);
        assertSameRun(outer.get(), alone);
    }

    private static void assertSameRun(SimulationResult r, SimulationResult expected) {
        assertThat(r.trajectory().timesHours()).containsExactly(expected.trajectory().timesHours());
        assertThat(r.trajectory().size()).isEqualTo(expected.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertThat(r.trajectory().row(i)).containsExactly(expected.trajectory().row(i));
        }
        Map<String, Long> counters = new HashMap<>(r.counters());
        Map<String, Long> wanted = new HashMap<>(expected.counters());
        counters.remove("wallTimeMicros");
        wanted.remove("wallTimeMicros");
        assertThat(counters).isEqualTo(wanted);
    }
}
