package org.vascalc.simulation.engine;

import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Starts a patient near their homeostasis ({@link RunInShortcut#NEAR_STEADY}: eGFR at or above the CKD
 * threshold, or CKD with mineral labs) on the quasi-steady state of their slowly relaxing
 * mineral states under the habitual meals' daily orbit: a Newton solve of the orbit-averaged SLOW
 * rates = 0 at the start of the run-in, the deep bone calcium held.
 *
 * <p>Why: such a patient's initial state is derived from their own or the reference labs and is
 * already close to the homeostasis (the reference adult's SLOW states move by 3e-5 to 2.7e-3 over its
 * run-in), but the run-in reached it by time-stepping: a cold orbit, a 30-day chunk, a chunk read on
 * the moved orbit, the bone cells settled ({@link BoneCellSettling}) on a fresh orbit, a third chunk
 * and a fresh orbit to check it (3 124 derivative calls for the reference adult), and it stopped on
 * the bone cells' ~200-day mode at the criterion's edge, PTH ~7e-4 below the homeostasis
 * (docs/performance-log.md, "Bone cells settled in the run-in"). The averaged rates at nearby SLOW
 * states are the quadrature the SLOW steps use ({@link FastRun#averagedSlowRates}: orbit samples
 * moved by the orbit's first-order response), so a Jacobian costs one quadrature per solved state,
 * and each Newton iterate gets a fresh orbit (warm from the last). The run-in ends at the first
 * iterate whose labs, predicted one chunk ahead at those rates, meet its criterion
 * ({@link Stabiliser}); the reference adult and every MESA-like member measured need one Newton step
 * (1 706 calls in all when it came: the cold orbit 1 139, the Jacobian 96, the warm orbit ~470; 1 339 in all
 * on 2026-12-07, {@code RunInCostRunner}), and end with PTH
 * 6.5e-4 above the time-stepped run-in's end (which was below the homeostasis). Where no iterate
 * meets it (at most {@link #MAX_ITERATIONS}; the second step was seen to overshoot once the rates
 * are at the orbits' closure noise), the time-stepped run-in goes on from the last iterate.
 *
 * <p>The deep bone calcium ({@code mineral.caBone}) is held: it relaxes over about ten years
 * (solving it would move the patient to the bone's equilibrium decades ahead, a modelling choice the
 * run-in does not make, see {@link Stabiliser}); over the reference adult's plain run-in it moved by
 * 2.4e-5. The cumulative counters and the wall (put back on its own baseline after the run-in) are
 * not solved, and the vitamin K states do not move without vitamin K in the diet.
 *
 * <p>A CKD member with labs has a baseline derived at their own eGFR ({@code MineralBlock}), as near
 * its homeostasis as the reference adult's: 12 CRIC-like members measured (2026-12-02) need one Newton
 * step (1 706–1 730 calls then; 1 327 for a CKD G4 patient with labs at eGFR 22 on 2026-12-07), once the
 * iterate's chunk is predicted on the linearised path with the step's Jacobian ({@link #predictChunk}) rather
 * than along a straight line; with the straight line they took
 * two or three steps (2 244–2 734 calls), the second overshooting on the orbits' closure noise.
 *
 * <p>Not for the other patients (CKD G3a–G5 without labs, haemodialysis): their run-in is a
 * path from the reference-GFR derivation that stops where the deep bone's drift and the transient
 * cancel, or at the limit, and a solve of the same kind ended 0.5–3.6 % from it in PTH
 * (docs/performance-log.md, "CKD run-in by linearised steps"); {@link SlowPath} serves them.
 */
final class SteadyStart {

    /** The mineral states solved (SLOW, relaxing within a year; not the deep bone, not the counters). */
    static final List<String> SOLVED = List.of("mineral.glandPool", "mineral.glandCapacity", "mineral.po4Icf",
            "mineral.caBoneExch", "mineral.osteoclasts", "mineral.osteoblasts", "mineral.po4AbsorptionCapacity",
            "mineral.po4AbsorbedLoad");
    static final int MAX_ITERATIONS = 3;
    /** No state moves by more than this fraction of itself in one Newton step (the step is scaled). */
    static final double MAX_STEP = 0.3;

    private final SolvedSlowStates solved;
    private int iterations;
    private double residual;

    private SteadyStart(SolvedSlowStates solved) {
        this.solved = solved;
    }

    /** The solve for this model's patient, or {@code null} where it does not apply (see the class comment). */
    static SteadyStart forPatient(AssembledModel model, ParameterCatalog parameters) {
        if (RunInShortcut.of(model, parameters) != RunInShortcut.NEAR_STEADY) {
            return null;
        }
        SolvedSlowStates solved = SolvedSlowStates.of(model.layout(), SolvedSlowStates.withOptional(model.layout(), SOLVED));
        return solved == null ? null : new SteadyStart(solved);
    }

    /** Newton iterations of the last {@link #solve} (developer runners). */
    int iterations() {
        return iterations;
    }

    /**
     * Where the last {@link #solve} ended: the largest change of a solved state over a chunk at its
     * averaged rate, relative to the state (developer runners).
     */
    double residual() {
        return residual;
    }

    /**
     * Whether the run-in may end at a state, given the predicted change of its SLOW states over the
     * next chunk (in {@link FastRun#slowStates} order).
     */
    interface Settled {
        boolean at(double[] y, double[] chunkChange);
    }

    /**
     * Solves from {@code y}, on whose SLOW states {@code run} has just computed an orbit
     * ({@link FastRun#restartOnOrbit}), until {@code settled} accepts an iterate (each on a fresh orbit,
     * warm from the last), at most {@link #MAX_ITERATIONS} Newton steps; returns whether it did, with
     * {@code y} on a fresh orbit there. An iterate whose rates are not below the start's ends the
     * solve: {@code y} goes back to where it was (on a fresh orbit there). Otherwise {@code y} stays at
     * the last iterate, and the run-in goes on from there as without the solve.
     */
    boolean solve(FastRun run, double chunkHours, double[] y, Settled settled) {
        int[] slow = run.slowStates();
        int[] pos = solved.positionsIn(slow);
        int m = solved.size();
        double[] rates = new double[slow.length];
        double[] probe = new double[slow.length];
        double[] w = y.clone();
        double[] saved = y.clone();
        double[][] jac = new double[m][m];
        double[] step = new double[m];
        double[] change = new double[slow.length];
        run.averagedSlowRates(y, rates);
        double first = residual(y, rates, pos, chunkHours);
        residual = first;
        iterations = 0;
        // No Jacobian yet: the start's chunk predicted at its rates.
        for (int j = 0; j < slow.length; j++) {
            change[j] = chunkHours * rates[j];
        }
        if (settled.at(y, change)) {
            return true;
        }
        while (iterations < MAX_ITERATIONS) {
            // Jacobian of the solved rates by forward differences on the moved orbit samples.
            solved.jacobian(run, y, w, rates, probe, pos, 1, jac);
            for (int r = 0; r < m; r++) {
                step[r] = -rates[pos[r]];
            }
            if (!solveLinear(jac, step)) {
                return false;
            }
            double shrink = 1;
            for (int k = 0; k < m; k++) {
                double limit = MAX_STEP * Math.max(Math.abs(y[solved.state(k)]), solved.scale(k));
                shrink = Math.min(shrink, limit / Math.max(Math.abs(step[k]), Double.MIN_NORMAL));
            }
            for (int k = 0; k < m; k++) {
                y[solved.state(k)] += shrink * step[k];
            }
            run.restartOnOrbit(y);
            System.arraycopy(y, 0, w, 0, y.length);
            run.averagedSlowRates(y, rates);
            residual = residual(y, rates, pos, chunkHours);
            iterations++;
            if (!(residual < first)) {
                System.arraycopy(saved, 0, y, 0, y.length);
                run.restartOnOrbit(y);
                residual = first;
                return false;
            }
            predictChunk(jac, rates, pos, chunkHours, change);
            if (settled.at(y, change)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The change of the SLOW states over a chunk from an iterate with averaged rates {@code rates}:
     * for the solved states on the linearised path {@code dx/dt = f + J (x - x0)} with the last Newton
     * step's Jacobian {@code jac} (per hour; the exponential of the augmented generator
     * {@code [[J, f], [0, 0]]} over a chunk, as {@link SlowPath} steps its chunks), the others at their
     * rates. Why not {@code chunk × rate} for all: the gland pool relaxes within days toward a
     * quasi-equilibrium set by the other states, so after a Newton step a displacement of 4e-5 of
     * it shows a rate of 6e-4 per chunk, which a straight line carries 30 days while the pool moves by
     * the 4e-5 only; that over-prediction kept CKD members (whose PTH follows the pool more steeply)
     * from meeting the criterion at the first iterate (docs/performance-log.md, "ckdstart").
     */
    private void predictChunk(double[][] jac, double[] rates, int[] pos, double chunkHours, double[] change) {
        int m = solved.size();
        double[][] aug = new double[m + 1][m + 1];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                aug[r][c] = jac[r][c] * chunkHours;
            }
            aug[r][m] = rates[pos[r]] * chunkHours;
        }
        double[][] map = SlowPath.expm(aug);
        for (int j = 0; j < change.length; j++) {
            change[j] = chunkHours * rates[j];
        }
        for (int r = 0; r < m; r++) {
            change[pos[r]] = map[r][m];
        }
    }

    /** The largest change of a solved state over a chunk at its averaged rate, relative to the state. */
    private double residual(double[] y, double[] rates, int[] pos, double chunkHours) {
        double worst = 0;
        for (int k = 0; k < solved.size(); k++) {
            double s = Math.max(Math.abs(y[solved.state(k)]), solved.scale(k));
            worst = Math.max(worst, Math.abs(rates[pos[k]]) * chunkHours / s);
        }
        return worst;
    }

    /**
     * Solves {@code a x = b} into {@code b} by Hipparchus' LU decomposition with partial pivoting;
     * false if a pivot vanishes (below the smallest normal double: a solved state without slope). Once per Newton step of a
     * member's run-in, so the decomposition's allocation does not matter here.
     */
    private static boolean solveLinear(double[][] a, double[] b) {
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(a), Double.MIN_NORMAL).getSolver();
        if (!solver.isNonSingular()) {
            return false;
        }
        double[] x = solver.solve(new ArrayRealVector(b, false)).toArray();
        System.arraycopy(x, 0, b, 0, b.length);
        return true;
    }
}
