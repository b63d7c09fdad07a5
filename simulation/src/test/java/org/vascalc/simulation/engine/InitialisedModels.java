package org.vascalc.simulation.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Block;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/** Assembled models at their blocks' initial state, for the run-in and probe tests. */
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
        y[0] = initialState(model, sc.patient());
        return model;
    }

    /** The standard blocks, with or without the wall, for {@code sc} under {@code p}. */
    static AssembledModel assembled(ParameterCatalog p, Scenario sc, boolean withWall) {
        return new AssembledModel(ModelAssembly.standardBlocks(p, withWall), new DriverCourse(sc, p));
    }

    /**
     * The blocks' initial state for {@code patient}: the engine's ({@link AssembledModel#initialise},
     * knowing the run-in's drivers) when it is the model's own patient.
     */
    static double[] initialState(AssembledModel model, Patient patient) {
        double[] y = new double[model.dimension()];
        if (patient.equals(model.course().patient())) {
            model.initialise(y);
            return y;
        }
        for (Block b : model.blocks()) {
            b.initialise(patient, y);
        }
        return y;
    }

    /**
     * Twelve FAST samples of an orbit for the probe tests: the SLOW part at {@code y}, every FAST
     * state scattered by a factor exp(±0.1) around {@code base} (drawn sample by sample, state by state).
     */
    static double[][] orbitSamples(double[] y, double[] base, int[] fast, SplittableRandom random) {
        double[][] samples = new double[12][];
        for (int s = 0; s < samples.length; s++) {
            samples[s] = y.clone();
            for (int k : fast) {
                samples[s][k] = base[k] * Math.exp(random.nextDouble(-0.1, 0.1));
            }
        }
        return samples;
    }
}
