package org.vascalc.simulation.engine;

import org.vascalc.simulation.integrate.DormandPrinceAdapter;
import org.vascalc.simulation.integrate.StiffIntegrator;

/** The integrator the engine uses; one instance per simulator (integrators keep work arrays). */
final class Integrators {

    private Integrators() {
    }

    static StiffIntegrator standard() {
        // Temporary until the Rosenbrock integrator (Rodas4Integrator) lands on main.
        return new DormandPrinceAdapter(24.0);
    }
}
