package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Follows a CKD patient's run-in path with long exponential steps of the slowly relaxing mineral
 * states, linearised on a fresh orbit at each step's start, and finds the chunk where the labs meet
 * the run-in's criterion on the linearised path.
 *
 * <p>Why: a CKD G3–G4 patient without labs starts from the reference-GFR derivation, and the plain
 * run-in follows its relaxation for one to three years (CKD G4: 26 chunks, ~15 900 derivative calls,
 * ~160 SLOW steps and an orbit every second chunk) until every lab changes by less than the criterion
 * over a chunk. A steady-state solve cannot replace that path: the deep bone calcium
 * ({@code mineral.caBone}, ten-year mode) loses 0.4–0.7 % along it, PTH depends on it steeply, and
 * the plain run-in stops where the decaying transient and the deep bone's drift nearly cancel
 * (docs/performance-log.md, "CKD run-in"). So the path is followed, but in steps of up to
 * {@link #MAX_STEP_CHUNKS} chunks: on the slow subsystem linearised at the step's start,
 * {@code dx/dt = f(x0) + A (x - x0)} with {@code A} by forward differences of the orbit-averaged SLOW
 * rates ({@link FastRun#averagedSlowRates}: the quadrature the SLOW steps use, one per state, no
 * orbit), each chunk's end is {@code exp(chunk A)} applied to the last (exact for the linear part, so
 * the modes of 100–270 days are not resolved step by step), and the labs are read at every chunk's end
 * on the orbit moved by its first-order response ({@link FastRun#onMovedOrbit}). A full step ends on a
 * fresh orbit and gets the ETD2RK correction {@code H phi2(H A) N}, N the linearisation's remainder
 * there. Where the labs meet the criterion, the state moves there, gets a fresh orbit, and the run-in
 * ends: a further plain chunk as a check was dropped, because from a state a hair off the plain
 * path it misses the window where the two drifts cancel and runs on to the five-year limit (CKD G4).
 *
 * <p>Only the mineral states that move along the path are stepped ({@link #STATES}), on haemodialysis
 * with the vitamin K block's SLOW states ({@link #VITAMIN_K_STATES}); the others keep their values (the
 * wall is put back on its baseline after the run-in, the cumulative counters are read as differences
 * from t = 0, the vitamin K states do not move off dialysis without vitamin K in the diet). A step that
 * would leave a stepped state negative or not finite is not taken: the time-stepped run-in goes on
 * from the step's start.
 *
 * <p>For every patient whose start is not near their homeostasis ({@link RunInShortcut#PATH}): CKD G3a–G4
 * without labs and haemodialysis. CKD G5 and haemodialysis never meet the criterion and run to the
 * five-year limit; since 2026-12-02 ({@code ckdstart}) the path takes haemodialysis there too (it had diverged
 * on CKD G5 in a first trial on the model of 2026-12-01 morning; on the present model it follows G5
 * and haemodialysis to the limit in 12 600–13 400 calls instead of 32 000–33 600, the end's labs within
 * 8.6e-4 (PTH) of the time-stepped run-in's; haemodialysis members of the CRIC-like cohort with their
 * labs within 1.2e-3; docs/performance-log.md, "ckdstart"). CKD G5 without labs off dialysis is not
 * served ({@link RunInShortcut#PLAIN}, {@code ckdstart2}): the path's end, though within 8.6e-4 of the
 * time-stepped one in the labs, put a year of calcium carbonate as binder in G5 1.52e-2 apart fast
 * against reference (osteoclasts; limit 1e-2) once the hepatic menaquinone state was in the model.
 * Patients near their homeostasis take {@link SteadyStart}.
 */
final class SlowPath {

    static final List<String> STATES = List.of("mineral.glandPool", "mineral.glandCapacity", "mineral.po4Icf",
            "mineral.caBoneExch", "mineral.caBone", "mineral.osteoclasts", "mineral.osteoblasts",
            "mineral.po4AbsorptionCapacity", "mineral.po4AbsorbedLoad");
    /**
     * The vitamin K block's SLOW states, stepped with the mineral ones where the model has them: on
     * haemodialysis (uraemic inhibition of carboxylation, the dialysis diet) the carboxylated MGP fraction
     * relaxes over the run-in (the reference haemodialysis patient 0.475 → 0.262 over the five years), and
     * a path that held it ended 81 % off; elsewhere their rates are zero without vitamin K in the diet.
     */
    static final List<String> VITAMIN_K_STATES = List.of("vitk.tissueVk", "vitk.cMgpFraction");
    /**
     * Days time-stepped by the plain run before the path ({@link Stabiliser}): the first days after
     * the derivation are the least linear part (CKD G4, PTH against the plain run-in's end, first
     * step 4 chunks: 1 day 2.3e-3, 2 days 1.1e-3, 3 days 5.3e-4; adopted 2 days, first step 3
     * chunks: 6.3e-4; docs/performance-log.md, "CKD run-in by linearised steps").
     */
    static final double TIME_STEPPED_DAYS = 2;
    /** The first step, in chunks; each next step doubles, up to {@link #MAX_STEP_CHUNKS}. */
    static final int FIRST_STEP_CHUNKS = 3;
    /** The longest step, in chunks. */
    static final int MAX_STEP_CHUNKS = 24;
    private boolean met;
    private int steps;

    /** Whether the last {@link #follow} ended where the labs met the criterion. */
    boolean met() {
        return met;
    }

    /** Steps of the last {@link #follow}. */
    int steps() {
        return steps;
    }

    private final SolvedSlowStates solved;

    private SlowPath(SolvedSlowStates solved) {
        this.solved = solved;
    }

    /** The path for this model's patient, or {@code null} where it does not apply (see the class comment). */
    static SlowPath forPatient(AssembledModel model, ParameterCatalog parameters) {
        if (RunInShortcut.of(model, parameters) != RunInShortcut.PATH) {
            return null;
        }
        List<String> ids = STATES;
        if (model.driversAt(0).haemodialysis() && model.layout().has(VITAMIN_K_STATES.get(0))
                && model.layout().has(VITAMIN_K_STATES.get(1))) {
            ids = new java.util.ArrayList<>(STATES);
            ids.addAll(VITAMIN_K_STATES);
        }
        SolvedSlowStates solved = SolvedSlowStates.of(model.layout(), SolvedSlowStates.withOptional(model.layout(), ids));
        return solved == null ? null : new SlowPath(solved);
    }

    /** Reads the labs at a state (the stabiliser's lab outputs). */
    interface Labs {
        void read(double[] y, double[] out);
    }

    /** Whether every lab changed by less than the criterion. */
    interface Criterion {
        boolean met(double[] now, double[] before);
    }

    /**
     * Follows the path from {@code y}, on whose SLOW states {@code run} has just computed an orbit,
     * for at most {@code maxChunks} chunks of {@code chunkHours}; returns the chunks followed and
     * leaves {@code y} at the chunk where the labs (read on the moved orbit) met the criterion, or at
     * the last step's end, on a fresh orbit there; {@code labs} then holds the labs read on it.
     */
    int follow(FastRun run, double chunkHours, int maxChunks, double[] y, Labs reader, Criterion criterion,
               double[] labs) {
        int[] slow = run.slowStates();
        int m = solved.size();
        int[] pos = solved.positionsIn(slow);
        double[] rates = new double[slow.length];
        double[] probe = new double[slow.length];
        double[] w = y.clone();
        double[] moved = new double[y.length];
        double[] before = new double[labs.length];
        double[] now = new double[labs.length];
        double[][] aug = new double[m + 1][m + 1];
        double[] z = new double[m + 1];
        double[] next = new double[m + 1];
        reader.read(y, before);
        int chunks = 0;
        int step = FIRST_STEP_CHUNKS;
        met = false;
        steps = 0;
        while (chunks < maxChunks) {
            run.averagedSlowRates(y, rates);
            // Augmented generator [[A, f0], [0, 0]] on (x - x0, 1): its exponential over a chunk maps
            // one chunk's end to the next on the linearised path.
            solved.jacobian(run, y, w, rates, probe, pos, chunkHours, aug);
            for (int r = 0; r < m; r++) {
                aug[r][m] = rates[pos[r]] * chunkHours;
                aug[m][r] = 0;
            }
            aug[m][m] = 0;
            double[][] map = expm(aug);
            java.util.Arrays.fill(z, 0);
            z[m] = 1;
            int taken = 0;
            while (taken < step && chunks + taken < maxChunks) {
                for (int r = 0; r <= m; r++) {
                    double s = 0;
                    for (int c = 0; c <= m; c++) {
                        s += map[r][c] * z[c];
                    }
                    next[r] = s;
                }
                System.arraycopy(next, 0, z, 0, m + 1);
                taken++;
                for (int k = 0; k < m; k++) {
                    w[solved.state(k)] = y[solved.state(k)] + z[k];
                }
                run.onMovedOrbit(w, moved);
                reader.read(moved, now);
                if (criterion.met(now, before)) {
                    met = true;
                    break;
                }
                System.arraycopy(now, 0, before, 0, now.length);
            }
            if (!plausible(y, z)) {
                // A linearised step that leaves a state negative or not finite is not followed: the
                // time-stepped run-in goes on from the step's start (Stabiliser).
                run.restartOnOrbit(y);
                reader.read(y, labs);
                met = false;
                return chunks;
            }
            for (int k = 0; k < m; k++) {
                y[solved.state(k)] += z[k];
                w[solved.state(k)] = y[solved.state(k)];
            }
            chunks += taken;
            steps++;
            // Every step ends on a fresh orbit: with the orbit only moved by its response between
            // steps, CKD G4's PTH ended 2.4e-3 from the plain run-in's instead of 4.5e-4.
            run.restartOnOrbit(y);
            reader.read(y, labs);
            if (!met) {
                correct(run, y, rates, aug, z, taken * chunkHours, chunkHours, pos, probe);
                run.onMovedOrbit(y, moved);
                reader.read(moved, labs);
            }
            System.arraycopy(y, 0, w, 0, y.length);
            if (met) {
                return chunks;
            }
            System.arraycopy(labs, 0, before, 0, labs.length);
            step = Math.min(2 * step, MAX_STEP_CHUNKS);
        }
        return chunks;
    }

    /** Whether every stepped state of {@code y} moved by {@code z} stays finite and non-negative (all are amounts or fractions). */
    private boolean plausible(double[] y, double[] z) {
        for (int k = 0; k < solved.size(); k++) {
            double v = y[solved.state(k)] + z[k];
            if (!(v >= 0) || Double.isInfinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The second-order (ETD2RK) correction of a step's end {@code y}, on a fresh orbit there:
     * {@code y += H phi2(H A) N}, with {@code N = f(y) - f0 - A (y - y0)} the linearisation's remainder.
     */
    private void correct(FastRun run, double[] y, double[] f0, double[][] aug, double[] z, double span,
                         double chunkHours, int[] pos, double[] f1) {
        int m = solved.size();
        run.averagedSlowRates(y, f1);
        double[][] g = new double[m + 2][m + 2];
        for (int r = 0; r < m; r++) {
            double remainder = f1[pos[r]] - f0[pos[r]];
            for (int c = 0; c < m; c++) {
                double a = aug[r][c] / chunkHours;
                remainder -= a * z[c];
                g[r][c] = a * span;
            }
            g[r][m] = remainder * span;
        }
        g[m][m + 1] = 1;
        double[][] e = expm(g);
        for (int r = 0; r < m; r++) {
            y[solved.state(r)] += e[r][m + 1];
        }
    }

    /** exp(a) by scaling and squaring of a Taylor series (a small matrix). */
    static double[][] expm(double[][] a) {
        int n = a.length;
        double norm = 0;
        for (double[] row : a) {
            double s = 0;
            for (double v : row) {
                s += Math.abs(v);
            }
            norm = Math.max(norm, s);
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(Math.max(norm, 1e-300) / 0.25) / Math.log(2)));
        double f = Math.scalb(1.0, -squarings);
        double[][] x = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                x[r][c] = a[r][c] * f;
            }
        }
        double[][] sum = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= 14; k++) {
            term = multiply(term, x);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    term[r][c] /= k;
                    sum[r][c] += term[r][c];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = multiply(sum, sum);
        }
        return sum;
    }

    private static double[][] identity(int n) {
        double[][] e = new double[n][n];
        for (int k = 0; k < n; k++) {
            e[k][k] = 1;
        }
        return e;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                double v = a[r][k];
                if (v != 0) {
                    for (int j = 0; j < n; j++) {
                        c[r][j] += v * b[k][j];
                    }
                }
            }
        }
        return c;
    }
}
