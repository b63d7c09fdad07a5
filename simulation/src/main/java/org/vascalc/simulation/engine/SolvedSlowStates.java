package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.TimeScale;

/**
 * A named set of SLOW states that the run-in moves by linearised steps ({@link SteadyStart}'s Newton
 * solve, {@link SlowPath}'s path), with each state's difference scale (100 absolute tolerances), and the
 * forward-difference Jacobian of their orbit-averaged rates that both take.
 */
final class SolvedSlowStates {

    private final int[] states;
    private final double[] scale;

    private SolvedSlowStates(int[] states, double[] scale) {
        this.states = states;
        this.scale = scale;
    }

    /**
     * States FAST in the default model that a model may have as SLOW: the mineral absorption capacity R
     * with {@code calcitriolRegulationOn} 1 (docs/model/mineral.md, "Calcitriol in fast mode"); solved
     * and stepped with the others where SLOW.
     */
    static final List<String> OPTIONAL = List.of("mineral.absorptionCapacity");

    /** {@code ids} and those of {@link #OPTIONAL} that {@code layout} has as SLOW states. */
    static List<String> withOptional(StateLayout layout, List<String> ids) {
        List<String> all = ids;
        for (String id : OPTIONAL) {
            if (layout.has(id) && layout.variable(layout.index(id)).timeScale() == TimeScale.SLOW) {
                if (all == ids) {
                    all = new ArrayList<>(ids);
                }
                all.add(id);
            }
        }
        return all;
    }

    /** The states named {@code ids} in {@code layout}, or {@code null} where one of them is not in this model. */
    static SolvedSlowStates of(StateLayout layout, List<String> ids) {
        int[] states = new int[ids.size()];
        double[] scale = new double[ids.size()];
        for (int k = 0; k < states.length; k++) {
            if (!layout.has(ids.get(k))) {
                return null;
            }
            states[k] = layout.index(ids.get(k));
            scale[k] = 100 * layout.variable(states[k]).absoluteTolerance();
        }
        return new SolvedSlowStates(states, scale);
    }

    int size() {
        return states.length;
    }

    /** The state index of the {@code k}-th solved state. */
    int state(int k) {
        return states[k];
    }

    /** The difference scale of the {@code k}-th solved state, in its unit. */
    double scale(int k) {
        return scale[k];
    }

    /** Where each solved state sits among the run's SLOW states {@code slow}. */
    int[] positionsIn(int[] slow) {
        int[] pos = new int[states.length];
        for (int k = 0; k < states.length; k++) {
            pos[k] = indexOf(slow, states[k]);
        }
        return pos;
    }

    /**
     * {@code out[r][c] = ∂rate_r/∂y_c · factor} by forward differences of {@code run}'s orbit-averaged
     * SLOW rates at {@code y} (whose rates are {@code rates}), step 1e-6 of the state or its scale;
     * {@code w} is a copy of {@code y} (left equal to it), {@code probe} scratch for the rates.
     */
    void jacobian(FastRun run, double[] y, double[] w, double[] rates, double[] probe, int[] pos, double factor,
                  double[][] out) {
        int m = states.length;
        for (int c = 0; c < m; c++) {
            int i = states[c];
            double h = 1e-6 * Math.max(Math.abs(y[i]), scale[c]);
            w[i] = y[i] + h;
            run.averagedSlowRates(w, probe);
            w[i] = y[i];
            for (int r = 0; r < m; r++) {
                out[r][c] = (probe[pos[r]] - rates[pos[r]]) / h * factor;
            }
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == v) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a SLOW state: " + v);
    }
}
