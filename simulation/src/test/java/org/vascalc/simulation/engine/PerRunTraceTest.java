package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * staticfree: the orbit trace is a run's own ({@link BiasProbe#trace}, {@link EngineSimulator#traced}), not the
 * static {@code OrbitReuse.trace} every run of the JVM saw. Two runs of one scenario on two threads at once, one
 * traced and one not: the traced one's trace is what it is run alone (no line of the other run in it), and both
 * keep the untraced run's results to the bit (the trace changes no arithmetic).
 */
class PerRunTraceTest {

    @Test
    void aTracedAndAnUntracedRunOnTwoThreadsKeepTheirOwnBehaviour() throws Exception {
        Scenario sc = Scenarios.of("trace-threads", 12, new Recording(List.of("bmd", "pth"), 24, 24, 0, 12),
                new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(4, Double.POSITIVE_INFINITY, List.of(8.0, 20.0), Schedule.EVERY_DAY)));
        List<String> alone = new ArrayList<>();
        SimulationResult aloneRun = new EngineSimulator(ModelAssembly.defaultParameters()).traced(alone::add)
                .run(sc, Mode.FAST, ProgressListener.NONE);
        assertThat(alone).isNotEmpty();

        List<String> traced = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SimulationResult> a = pool.submit(() -> new EngineSimulator(ModelAssembly.defaultParameters())
                    .traced(traced::add).run(sc, Mode.FAST, ProgressListener.NONE));
            Future<SimulationResult> b = pool.submit(() -> new EngineSimulator(ModelAssembly.defaultParameters())
                    .run(sc, Mode.FAST, ProgressListener.NONE));
            SimulationResult withTrace = a.get();
            SimulationResult without = b.get();
            assertThat(traced).containsExactlyElementsOf(alone);
            assertThat(withTrace.trajectory().values()).isDeepEqualTo(without.trajectory().values());
            assertThat(aloneRun.trajectory().values()).isDeepEqualTo(without.trajectory().values());
            for (String k : List.of("derivativeEvaluations", "orbits")) {
                assertThat(withTrace.counters().get(k)).as(k).isNotNull().isEqualTo(without.counters().get(k));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * leftovers23: a traced copy shares the run-in cache of the simulator it was made from (before, it began with an
     * empty cache of its own and stabilised the person again). A run-in either of them takes is the other's too, and
     * the traced run's results and counters are the plain run's to the bit, its trace the regimen's orbits. The cache
     * is read by reflection (the field the old code had too, so this test runs, red, against it): the run-in itself
     * leaves no orbit line to tell a stabilised person from a cached one (its moved orbits are not traced).
     */
    @Test
    void aTracedCopySharesThePlainSimulatorsRunInsAndGivesItsBits() throws Exception {
        Scenario sc = Scenarios.of("trace-cache", 12, new Recording(List.of("bmd", "pth"), 24, 24, 0, 12),
                new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(4, Double.POSITIVE_INFINITY, List.of(8.0, 20.0), Schedule.EVERY_DAY)));
        Scenario ckd = Scenarios.of("trace-cache-ckd", 12, new Recording(List.of("bmd", "pth"), 24, 24, 0, 12),
                List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)));
        EngineSimulator plain = new EngineSimulator(ModelAssembly.defaultParameters());
        SimulationResult first = plain.run(sc, Mode.FAST, ProgressListener.NONE);
        SimulationResult again = plain.run(sc, Mode.FAST, ProgressListener.NONE);
        List<String> regimen = new ArrayList<>();
        EngineSimulator traced = plain.traced(regimen::add);
        assertThat(runIns(traced)).as("the plain simulator's run-in is the traced copy's").hasSize(1);
        SimulationResult tracedRun = traced.run(sc, Mode.FAST, ProgressListener.NONE);

        assertThat(tracedRun.trajectory().values()).isDeepEqualTo(first.trajectory().values());
        for (String k : List.of("derivativeEvaluations", "orbits", "stabilisationDerivativeEvaluations")) {
            assertThat(tracedRun.counters().get(k)).as(k).isNotNull().isEqualTo(again.counters().get(k));
        }
        assertThat(regimen).as("the regimen's orbits are traced").isNotEmpty();

        traced.run(ckd, Mode.FAST, ProgressListener.NONE);
        assertThat(runIns(plain)).as("a run-in the traced copy took is the plain simulator's too").hasSize(2);
    }

    /** The run-ins a simulator keeps (its private cache, read by reflection). */
    private static java.util.Map<?, ?> runIns(EngineSimulator sim) throws ReflectiveOperationException {
        java.lang.reflect.Field f = EngineSimulator.class.getDeclaredField("stabilised");
        f.setAccessible(true);
        return (java.util.Map<?, ?>) f.get(sim);
    }
}
