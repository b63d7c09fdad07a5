package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Where the run-in's start-up classes begin, for their tests: the reference adult's model at its
 * initial state, a fast run on the habitual meals of one {@link Stabiliser#CHUNK_DAYS} chunk in
 * stabilising mode, and a fresh orbit at that state.
 */
record StabilisingStart(ParameterCatalog p, AssembledModel model, double[] y, FastRun run) {

    static StabilisingStart referenceAdult() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double[][] holder = new double[1][];
        AssembledModel model = InitialisedModels.stable(p, List.of(), holder);
        double[] y = holder[0];
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        model.course().setStabilising(true);
        FastRun run = new FastRun(model, Integrators.standard(), tol,
                IntakeTimeline.habitualOnly(p, Stabiliser.CHUNK_DAYS), FastSettings.DEFAULT);
        run.restartOnOrbit(y);
        return new StabilisingStart(p, model, y, run);
    }
}
