package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Block;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/** Assembled models at their blocks' initial state, for the run-in tests. */
final class InitialisedModels {

    private InitialisedModels() {
    }

    /**
     * The reference adult's 30-day scenario (daily records) with {@code conditions}, assembled with
     * {@code p}; {@code y[0]} receives the blocks' initial state.
     */
    static AssembledModel stable(ParameterCatalog p, List<Condition> conditions, double[][] y) {
        return stable(p, Patient.referenceAdult(), conditions, y);
    }

    /** As {@link #stable(ParameterCatalog, List, double[][])} for {@code patient}. */
    static AssembledModel stable(ParameterCatalog p, Patient patient, List<Condition> conditions, double[][] y) {
        Scenario sc = new Scenario("stable", "", patient, conditions, List.of(), 30, Recording.every(24));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
        y[0] = new double[model.dimension()];
        for (Block b : model.blocks()) {
            b.initialise(sc.patient(), y[0]);
        }
        return model;
    }
}
