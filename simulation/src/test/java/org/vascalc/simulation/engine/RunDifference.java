package org.vascalc.simulation.engine;

import java.util.Locale;
import org.vascalc.simulation.SimulationResult;

/**
 * How far a fast run's recorded rows are from a finer run's, for the developer runners that tune
 * the fast mode (ClosureAccuracyRunner, FrameAccuracyRunner): for each output the worst relative
 * difference over the rows after the first, of the level, or for counters (cumulative outputs,
 * BMD, bone calcium) of the change since the first row.
 */
final class RunDifference {

    private RunDifference() {
    }

    /** The worst difference over {@code ids}; appends " id difference" for each to {@code out}. */
    static double worst(SimulationResult fine, SimulationResult run, java.util.List<String> ids, StringBuilder out) {
        double worst = 0;
        for (String id : ids) {
            double[] a = fine.trajectory().series(id);
            double[] q = run.trajectory().series(id);
            boolean counter = id.endsWith("Cum") || id.equals("bmd") || id.endsWith("caBone");
            double w = 0;
            for (int i = 1; i < a.length; i++) {
                double e = counter ? Math.abs((q[i] - q[0]) - (a[i] - a[0])) / Math.max(Math.abs(a[i] - a[0]), 1e-12)
                        : Math.abs(q[i] - a[i]) / Math.max(Math.abs(a[i]), 1e-12);
                w = Math.max(w, e);
            }
            worst = Math.max(worst, w);
            out.append(String.format(Locale.ROOT, " %s %.1e", id.replace("mineral.", "").replace("vitk.", ""), w));
        }
        return worst;
    }
}
