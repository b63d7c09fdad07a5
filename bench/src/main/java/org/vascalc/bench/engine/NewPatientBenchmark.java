package org.vascalc.bench.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;

/**
 * One <em>new</em> patient's decade in fast mode: each invocation takes the next member of a fixed,
 * seeded pool of 256 different patients ({@link NewPatients}), makes them a simulator of their own
 * (their individual parameters, as a cohort run does) and runs the budget scenario, so the figure
 * includes the run-in (stabilisation), the per-patient set-up (gut-day Vmax, wall histories) and the
 * decade. {@link EngineBenchmark#run} is the decade alone. The auxiliary counters give, per
 * invocation, the run-in's derivative calls and the decade's (they do not depend on machine load).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NewPatientBenchmark {

    /** COMMUNITY: MESA-like adults with eGFR at least 60 and measured labs; CKD_G4: without labs. */
    @Param({"COMMUNITY", "CKD_G4"})
    public String group;

    /** WHOLE: mineral + vitamin K + wall; ENGINE: without the wall. */
    @Param({"WHOLE", "ENGINE"})
    public String model;

    private SimulatorFactory factory;
    private List<NewPatients.Member> pool;
    private int next;

    /** Derivative calls per invocation, averaged by JMH over the iteration's invocations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Calls {
        public long runInCalls;
        public long decadeCalls;
        public long patients;

        @Setup(Level.Iteration)
        public void clear() {
            runInCalls = 0;
            decadeCalls = 0;
            patients = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        factory = SimulatorFactory.load();
        pool = NewPatients.pool(NewPatients.Group.valueOf(group), factory.defaultParameters(), 10, NewPatients.POOL);
        next = 0;
    }

    @Benchmark
    public SimulationResult newPatient(Calls calls) {
        NewPatients.Member m = pool.get(next);
        next = (next + 1) % pool.size();
        SimulationResult r = m.newSimulator(factory, model.equals("WHOLE"))
                .run(m.scenario(), org.vascalc.simulation.Mode.FAST, ProgressListener.NONE);
        calls.runInCalls += r.counters().get("stabilisationDerivativeEvaluations");
        calls.decadeCalls += r.counters().get("derivativeEvaluations");
        calls.patients++;
        return r;
    }
}
