package org.vascalc.simulation.engine;

import java.util.HashMap;
import java.util.Map;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Rodas4Options;
import org.vascalc.simulation.integrate.RosenbrockMethod;

/**
 * The integrators the engine uses (integrators keep work arrays): the standard one per simulator, the
 * orbit integrator per thread ({@link #lendOrbit}).
 */
final class Integrators {

    private Integrators() {
    }

    static Rodas4Integrator standard() {
        // Steps up to a day: the derivative reads drivers (eGFR course) by time, so a step must not
        // skip over their changes; a day is far below their time scale.
        return new Rodas4Integrator(Rodas4Options.DEFAULTS.withMaxStep(24.0).withMaxSteps(2_000_000));
    }

    /**
     * The integrator of fast mode's orbits (the FAST subsystem over one period): a W-method, so one
     * Jacobian serves many steps and the periods of an orbit iteration.
     */
    static Rodas4Integrator orbit() {
        return new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2).withMaxStep(24.0)
                .withMaxSteps(2_000_000));
    }

    /**
     * This thread's idle orbit integrators, by the dimension of the model they last served. A cohort
     * makes a simulator for every member (their individual parameters), and each new simulator made
     * its own orbit integrator, as did each run-in: every new patient allocated some twenty LU objects
     * of the orbit's dimension and chose their pivot orders again (about 4 MB and 10-15 % of a new
     * engine patient's CPU time, JFR of {@code NewPatientBenchmark}). A run restarts the integrator it
     * is lent ({@link Rodas4Integrator#restart}), which gives the results and counters of a new one
     * (RepeatedRunTest, NewPatientIntegratorTest), so what another run left in it changes nothing.
     */
    private static final ThreadLocal<Map<Integer, Rodas4Integrator>> IDLE_ORBIT_INTEGRATORS =
            ThreadLocal.withInitial(HashMap::new);

    /**
     * An orbit integrator ({@link #orbit}) for one run on this thread, for a model of {@code dimension}
     * states: this thread's idle one, or a new one if it has none (or lent it to a run still going).
     * Give it back with {@link #giveBackOrbit} when the run ends; it serves one run at a time.
     */
    static Rodas4Integrator lendOrbit(int dimension) {
        Rodas4Integrator kept = IDLE_ORBIT_INTEGRATORS.get().remove(dimension);
        return kept != null ? kept : orbit();
    }

    /** Ends the loan of {@link #lendOrbit}: the integrator is kept for this thread's next run. */
    static void giveBackOrbit(int dimension, Rodas4Integrator integrator) {
        IDLE_ORBIT_INTEGRATORS.get().put(dimension, integrator);
    }
}
