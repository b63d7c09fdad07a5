package org.vascalc.simulation.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The states a derivative call is timed at by the call-cost runners ({@link CallCostRunner},
 * {@link CallBreakdownRunner}): the benchmark decade's ENGINE model (reference adult, 500 mg carbonate
 * at 08:00 and 20:00), 64 states near its initial state with every FAST state moved by up to 10 %
 * (seed 7), so the gut depots are loaded.
 */
record CallSample(AssembledModel model, int[] fast, double[][] states) {

    static CallSample benchmarkDecade() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        Schedule.daily(8, 20))), 3652.5, Recording.every(365.25 * 24));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters, false),
                new DriverCourse(sc, parameters));
        int[] fast = model.fastIndices();
        double[] base = InitialisedModels.initialState(model, sc.patient());
        SplittableRandom r = new SplittableRandom(7);
        double[][] ys = new double[64][];
        for (int s = 0; s < ys.length; s++) {
            ys[s] = base.clone();
            for (int k : fast) {
                ys[s][k] = (base[k] == 0 ? 1 : base[k]) * Math.exp(r.nextDouble(-0.1, 0.1));
            }
        }
        return new CallSample(model, fast, ys);
    }
}
