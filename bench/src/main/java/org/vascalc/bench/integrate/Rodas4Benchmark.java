package org.vascalc.bench.integrate;

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
import org.vascalc.simulation.integrate.IntegrationStats;
import org.vascalc.simulation.integrate.OdeSystem;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Rodas4Options;
import org.vascalc.simulation.integrate.RosenbrockMethod;
import org.vascalc.simulation.integrate.StiffProblems;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Whole integrations of ROBER (0 to 1e11, analytic Jacobian) and HIRES (0 to 321.8122, difference
 * Jacobian) at rtol 1e-6. The score is integrations per second; the auxiliary counter {@code steps}
 * gives accepted steps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Rodas4Benchmark {

    @Param({"RODAS4", "RODASP", "ROS34PW2"})
    public RosenbrockMethod method;

    private Rodas4Integrator integrator;
    private final OdeSystem robertson = StiffProblems.robertson(true);
    private final OdeSystem hires = StiffProblems.hires();
    private final Tolerances robertsonTolerances = new Tolerances(1e-6, new double[] {1e-10, 1e-14, 1e-10});
    private final Tolerances hiresTolerances = Tolerances.uniform(8, 1e-6, 1e-10);
    private final double[] y3 = new double[3];
    private final double[] y8 = new double[8];
    private final double[] hiresInitial = StiffProblems.hiresInitial();

    /** Accepted steps, reported by JMH as a rate next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Steps {
        public long steps;

        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
        }
    }

    @Setup
    public void setUp() {
        integrator = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(method));
    }

    @Benchmark
    public double robertson(Steps counter) {
        y3[0] = 1;
        y3[1] = 0;
        y3[2] = 0;
        IntegrationStats stats = integrator.integrate(robertson, robertsonTolerances, 0, y3, StiffProblems.ROBER_END, null);
        counter.steps += stats.acceptedSteps();
        return y3[2];
    }

    @Benchmark
    public double hires(Steps counter) {
        System.arraycopy(hiresInitial, 0, y8, 0, 8);
        IntegrationStats stats = integrator.integrate(hires, hiresTolerances, 0, y8, StiffProblems.HIRES_END, null);
        counter.steps += stats.acceptedSteps();
        return y8[0];
    }
}
