package org.vascalc.simulation.engine;

import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Rodas4Options;
import org.vascalc.simulation.integrate.RosenbrockMethod;

/** The integrator the engine uses; one instance per simulator (integrators keep work arrays). */
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
}
