package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Puts a CKD patient's slowly relaxing mineral states on their quasi-steady state under the daily
 * orbit at the start of the run-in: a Newton solve of the orbit-averaged SLOW rates = 0.
 *
 * <p>Why: a CKD G3–G4 patient without labs starts from the reference-GFR derivation, and the plain
 * run-in follows its relaxation chunk by chunk for one to three years (CKD G4: 26 chunks, ~15 900
 * derivative calls) until every lab changes by less than the criterion over a chunk. What relaxes
 * there is a handful of coupled SLOW modes with time constants of 100–270 days: intracellular
 * phosphate (with serum phosphate, FGF23's load and the gut's phosphate capacity), the gland
 * capacity, and the bone cells with PTH (docs/performance-log.md, "CKD run-in by a steady-state
 * solve"). Their end is the zero of the averaged SLOW rates, which the orbit gives cheaply: the
 * averaged rates at nearby SLOW states are the quadrature the SLOW steps use (orbit samples moved by
 * the orbit's first-order response, {@link FastRun#averagedSlowRates}), so a Jacobian costs one
 * quadrature per solved state, and each Newton iterate is checked on a fresh orbit.
 *
 * <p>The deep bone calcium ({@code mineral.caBone}) is held: it relaxes over about ten years and
 * never settles within the run-in (the plain run-in stops with it still drifting by ~2e-4 a chunk);
 * solving it too would move the patient to the bone's equilibrium decades ahead, a modelling choice
 * the run-in does not make (see {@link Stabiliser}). The cumulative counters and the wall (put back on
 * its own baseline after the run-in) are not solved either. After the solve the run-in goes on as
 * before and stops by the same criterion, so the solve only decides where its chunks start.
 *
 * <p>Not for patients at or above {@code ckdEgfrThreshold} ({@link BoneCellSettling} serves them),
 * nor for CKD G5 (eGFR below {@link #MIN_EGFR}) and haemodialysis: their run-ins follow a path driven
 * by the deep bone's depletion to the five-year limit and never meet the criterion, so a
 * quasi-steady start at the initial deep bone would not be where that path ends.
 */
final class SlowSteadyState {

    /** Below this eGFR (mL/min/1.73 m², the KDIGO G5 boundary) the run-in runs to its limit: not solved. */
    static final double MIN_EGFR = 15;
    /** The mineral states solved (SLOW, relaxing within a year; not the deep bone, not the counters). */
    static final List<String> SOLVED = List.of("mineral.glandPool", "mineral.glandCapacity", "mineral.po4Icf",
            "mineral.caBoneExch", "mineral.osteoclasts", "mineral.osteoblasts", "mineral.po4AbsorptionCapacity",
            "mineral.po4AbsorbedLoad");
    /**
     * Converged when every solved state would move by less than this fraction of itself over a
     * run-in chunk at its averaged rate: a tenth of the run-in's criterion on the labs.
     */
    static final double CHUNK_CHANGE = 1e-5;
    static final int MAX_ITERATIONS = 6;
    /** No state moves by more than this fraction of itself in one Newton step (the step is scaled). */
    static final double MAX_STEP = 0.3;

    private final int[] states;
    private final double[] scale;
    private int iterations;
    private long calls;

    private SlowSteadyState(int[] states, double[] scale) {
        this.states = states;
        this.scale = scale;
    }

    /** The solve for this model's patient, or {@code null} where it does not apply (see the class comment). */
    static SlowSteadyState forPatient(AssembledModel model, ParameterCatalog parameters) {
        if (Boolean.getBoolean("vascalc.debug.nosolve")) {
            return null;
        }
        double egfr = model.course().egfrAtStart();
        if (egfr >= parameters.value("ckdEgfrThreshold") || egfr < MIN_EGFR || model.driversAt(0).haemodialysis()) {
            return null;
        }
        int[] states = new int[SOLVED.size()];
        double[] scale = new double[SOLVED.size()];
        for (int k = 0; k < states.length; k++) {
            if (!model.layout().has(SOLVED.get(k))) {
                return null;
            }
            states[k] = model.layout().index(SOLVED.get(k));
            scale[k] = 100 * model.layout().variable(states[k]).absoluteTolerance();
        }
        return new SlowSteadyState(states, scale);
    }

    /** Newton iterations of the last {@link #solve} (developer runners). */
    int iterations() {
        return iterations;
    }

    /**
     * Solves from {@code y}, on whose SLOW states {@code run} has just computed an orbit
     * ({@link FastRun#restartOnOrbit}), and leaves {@code y} on a fresh orbit at the solution. If
     * the iterates do not bring the rates below their start, {@code y} goes back to where it was
     * (on a fresh orbit there) and the run-in goes on as without the solve.
     */
    void solve(FastRun run, AssembledModel model, double chunkHours, double[] y) {
        long start = model.evaluations();
        if (System.getProperty("vascalc.debug.caBone") != null) {
            y[model.layout().index("mineral.caBone")] = Double.parseDouble(System.getProperty("vascalc.debug.caBone"));
            run.restartOnOrbit(y);
        }
        int[] slow = run.slowStates();
        int[] pos = new int[states.length];
        for (int k = 0; k < states.length; k++) {
            pos[k] = indexOf(slow, states[k]);
        }
        int m = states.length;
        double[] rates = new double[slow.length];
        double[] probe = new double[slow.length];
        double[] w = y.clone();
        double[] saved = y.clone();
        double[][] jac = new double[m][m];
        double[] step = new double[m];
        run.averagedSlowRates(y, rates);
        double first = residual(y, rates, pos, chunkHours);
        double now = first;
        iterations = 0;
        while (now > CHUNK_CHANGE && iterations < MAX_ITERATIONS) {
            // Jacobian of the solved rates by forward differences on the moved orbit samples.
            for (int c = 0; c < m; c++) {
                int i = states[c];
                double h = 1e-6 * Math.max(Math.abs(y[i]), scale[c]);
                w[i] = y[i] + h;
                run.averagedSlowRates(w, probe);
                w[i] = y[i];
                for (int r = 0; r < m; r++) {
                    jac[r][c] = (probe[pos[r]] - rates[pos[r]]) / h;
                }
            }
            for (int r = 0; r < m; r++) {
                step[r] = -rates[pos[r]];
            }
            if (!solveLinear(jac, step)) {
                break;
            }
            double shrink = 1;
            for (int k = 0; k < m; k++) {
                double limit = MAX_STEP * Math.max(Math.abs(y[states[k]]), scale[k]);
                shrink = Math.min(shrink, limit / Math.max(Math.abs(step[k]), Double.MIN_NORMAL));
            }
            for (int k = 0; k < m; k++) {
                y[states[k]] += shrink * step[k];
                w[states[k]] = y[states[k]];
            }
            run.restartOnOrbit(y);
            System.arraycopy(y, 0, w, 0, y.length);
            run.averagedSlowRates(y, rates);
            now = residual(y, rates, pos, chunkHours);
            iterations++;
        }
        if (!(now < first)) {
            System.arraycopy(saved, 0, y, 0, y.length);
            run.restartOnOrbit(y);
        }
        calls = model.evaluations() - start;
    }

    /** Derivative calls of the last {@link #solve} (developer runners). */
    long calls() {
        return calls;
    }

    /** The largest change of a solved state over a chunk at its averaged rate, relative to the state. */
    private double residual(double[] y, double[] rates, int[] pos, double chunkHours) {
        double worst = 0;
        for (int k = 0; k < states.length; k++) {
            double s = Math.max(Math.abs(y[states[k]]), scale[k]);
            worst = Math.max(worst, Math.abs(rates[pos[k]]) * chunkHours / s);
        }
        return worst;
    }

    private static int indexOf(int[] a, int v) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] == v) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a SLOW state: " + v);
    }

    /** Solves {@code a x = b} in place into {@code b} (partial pivoting); false if singular. */
    private static boolean solveLinear(double[][] a, double[] b) {
        int m = b.length;
        double[][] lu = new double[m][];
        for (int r = 0; r < m; r++) {
            lu[r] = a[r].clone();
        }
        for (int c = 0; c < m; c++) {
            int p = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(lu[r][c]) > Math.abs(lu[p][c])) {
                    p = r;
                }
            }
            if (!(Math.abs(lu[p][c]) > 0)) {
                return false;
            }
            double[] t = lu[p];
            lu[p] = lu[c];
            lu[c] = t;
            double tb = b[p];
            b[p] = b[c];
            b[c] = tb;
            for (int r = c + 1; r < m; r++) {
                double f = lu[r][c] / lu[c][c];
                for (int k = c; k < m; k++) {
                    lu[r][k] -= f * lu[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        for (int r = m - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < m; k++) {
                s -= lu[r][k] * b[k];
            }
            b[r] = s / lu[r][r];
        }
        return true;
    }
}
