package org.vascalc.simulation.integrate;

/**
 * Integrates a (possibly stiff) system in place from {@code t0} to {@code t1}. Implementations
 * keep their work arrays between calls (one integrator per thread), so repeated calls on systems
 * of the same dimension allocate nothing.
 */
public interface StiffIntegrator {

    /**
     * Advances {@code y} from {@code t0} to {@code t1}. {@code observer} (may be null) is told the
     * state at each accepted step end, for dense recording or event checks.
     *
     * @return statistics of this call
     * @throws IntegrationException when the step size underflows or the state becomes non-finite
     */
    IntegrationStats integrate(OdeSystem system, Tolerances tolerances, double t0, double[] y, double t1,
                               StepObserver observer);

    /** Called after each accepted step with the new time and state (do not keep the array). */
    @FunctionalInterface
    interface StepObserver {
        void stepDone(double t, double[] y);
    }
}
