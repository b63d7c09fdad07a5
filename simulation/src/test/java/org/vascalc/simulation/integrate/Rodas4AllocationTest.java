package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Repeated calls with the same dimension must not allocate per step. Measured with the HotSpot
 * per-thread allocation counter; skipped where the JVM does not offer it.
 */
class Rodas4AllocationTest {

    @Test
    void repeatedCallsAllocateNothingPerStep() {
        assertNoAllocationPerStep(new Rodas4Integrator());
    }

    @Test
    void theWMethodWithItsKeptJacobianAllocatesNothingPerStepEither() {
        assertNoAllocationPerStep(new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2)));
    }

    private static void assertNoAllocationPerStep(Rodas4Integrator integrator) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported());
        bean.setThreadAllocatedMemoryEnabled(true);

        OdeSystem hires = StiffProblems.hires();
        Tolerances tol = Tolerances.uniform(8, 1e-8, 1e-12);
        double[] y = new double[8];
        double[] times = new double[1];
        LastTime observer = new LastTime(times);
        // Warm-up: first call sizes the work arrays; a few more let the JIT settle.
        long steps = 0;
        for (int i = 0; i < 5; i++) {
            System.arraycopy(StiffProblems.hiresInitial(), 0, y, 0, 8);
            steps = integrator.integrate(hires, tol, 0, y, StiffProblems.HIRES_END, observer).acceptedSteps();
        }
        double[] start = StiffProblems.hiresInitial();
        long before = bean.getCurrentThreadAllocatedBytes();
        System.arraycopy(start, 0, y, 0, 8);
        integrator.integrate(hires, tol, 0, y, StiffProblems.HIRES_END, observer);
        long after = bean.getCurrentThreadAllocatedBytes();
        // One IntegrationStats record per call (~56 bytes) is allowed; 1 KiB is far below one byte per step
        // for the ~1000 steps of this run, so any per-step allocation fails the test.
        assertThat(steps).isGreaterThan(500);
        assertThat(after - before).isLessThan(1024);
        assertThat(times[0]).isEqualTo(StiffProblems.HIRES_END);
    }

    /** A non-capturing observer created once (a capturing lambda could allocate per call). */
    private record LastTime(double[] value) implements StiffIntegrator.StepObserver {
        @Override
        public void stepDone(double t, double[] y) {
            value[0] = t;
        }
    }
}
