package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Brings the patient to the homeostasis of their chronic conditions before t = 0 (Pulse's
 * stabilisation): conditions at their t = 0 values, the habitual diet as a continuous input, no
 * interventions. Runs 30-day chunks until every lab output in
 * {@link ModelAssembly#stabilisationOutputs()} changes by less than 0.01 % over a chunk, at most
 * {@link #MAX_YEARS} years. A patient whose labs define the baseline and who has no condition
 * starts at an exact steady state and converges in the first chunk.
 */
final class Stabiliser {

    static final double CHUNK_DAYS = 30;
    static final double MAX_YEARS = 5;
    static final double RELATIVE_CHANGE = 1e-4;

    private Stabiliser() {
    }

    /** Returns the simulated stabilisation time, hours. */
    static double stabilise(AssembledModel model, Rodas4Integrator integrator, Tolerances tol, double[] y) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double[] before = new double[ids.size()];
        model.course().setStabilising(true);
        try {
            double t = 0;
            while (t < Time.years(MAX_YEARS)) {
                for (int k = 0; k < before.length; k++) {
                    before[k] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(t));
                }
                integrator.integrate(model, tol, t, y, t + Time.days(CHUNK_DAYS), null);
                t += Time.days(CHUNK_DAYS);
                boolean done = true;
                for (int k = 0; k < before.length; k++) {
                    double now = RecordingPlan.value(ids.get(k), model, y, model.driversAt(t));
                    if (Math.abs(now - before[k]) > RELATIVE_CHANGE * Math.abs(before[k])) {
                        done = false;
                    }
                }
                if (done) {
                    return t;
                }
            }
            return t;
        } finally {
            model.course().setStabilising(false);
        }
    }
}
