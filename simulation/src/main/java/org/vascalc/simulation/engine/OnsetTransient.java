package org.vascalc.simulation.engine;

/**
 * The deviation of a row's FAST states from their moved orbit in a regimen's first days (fast mode's rows
 * only; {@link FastSettings#onsetRows}), linearised: with FAST states {@code x}, SLOW {@code s} and
 * {@code x' = f(x, s, t)}, a row's FAST states are the orbit {@code p} (computed with the drift {@code v}
 * subtracted, {@link OrbitDrift}) moved by its response to the SLOW states {@code S (s - s0)}
 * ({@link AdiabaticResponse#shift}); the true state is {@code x = p + S (s - s0) + e}, and to first order
 * in {@code e} and {@code s - s0}
 * <pre>  e' = J e + g(t),   g = v - S sdot</pre>
 * ({@code p' = f(p) - v}; {@code d/dt S (s - s0) = S sdot}). {@code J} is {@code J_ff} at the orbit's mean
 * state (the one {@link AdiabaticResponse} takes, the orbit average being what the SLOW rates see; the
 * within-day swing of {@code J} is left out), {@code sdot} the SLOW step's dense output's rate
 * ({@link Etd3Stages#rate}). By variation of constants, on a grid of {@link #STEP_HOURS} from the onset
 * {@code t0}, with the forcing linear over a step: {@code e(t + d) = E e(t) + F g(t) + H (g(t + d) - g(t)) / d},
 * {@code E = e^{J d}}, {@code F = ∫_0^d e^{J w} dw}, {@code H = ∫_0^d e^{J w} (d - w) dw} (the blocks
 * {@link LinearBlockPropagator#exponentialBlocks} takes from one exponential, Van Loan 1978): exact for
 * the homogeneous part however stiff {@code J} is, and second order in the forcing for every mode (the
 * exponential midpoint rule, {@code F g(t + d/2)}, was first order in the forcing's slope for the stiff
 * modes, whose integral weights the step's end: 4e-5 off a closed-form solution, OnsetTransientTest).
 * Two parts, each switchable for the measurements:
 * <ul>
 *   <li>the initial layer, {@code e(t0) = e0}: the state the run had reached (the row it would have
 *       recorded at {@code t0} under the last orbit) minus the new regimen's orbit start; it decays as
 *       {@code e^{J (t - t0)} e0}, over the FAST states' own times (the adapted PTH of the bone efflux,
 *       10 h) and the slower modes their coupling makes;</li>
 *   <li>the lag: the forced part, which for a forcing slow against {@code J} tends to the quasi-steady
 *       {@code J^-1 (S sdot - v)} ({@link OnsetLag}) but, where {@code J} has modes of a day and more, is
 *       the forcing's convolution with them.</li>
 * </ul>
 * A row adds {@code e} at its time; a row off the grid takes one partial step from the grid point
 * before it, so its bits do not depend on which other rows are recorded. The transient is integrated
 * only while a row is to come within {@link #WINDOW_HOURS} of the onset (so a run whose rows are yearly,
 * the benchmark's, pays nothing) and only through the SLOW steps of the regimen's segment; anything else
 * (a piece off the grid, the run-in) ends it. The closed vitamin K block is left out (its deviation is
 * exact, {@link LinearBlockPropagator}).
 * The SLOW path does not take the transient up: an oracle that set fast mode's SLOW states to reference mode's
 * at day 7 (the first week's error, which such an uptake would at best remove) worsened 26 of 34 CKD years, since
 * fast mode's own weeks-2-6 error, which the first week's partly cancels, then stands alone (docs/performance-log.md,
 * fifty-third session, {@code onsetslow}).
 */
final class OnsetTransient {

    /** The grid step: rows are hourly at the finest, the forcing moves over days. */
    static final double STEP_HOURS = 1;
    /** How long after an onset the transient is carried (the onset's transient is over in two to four weeks). */
    static final double WINDOW_HOURS = 40 * 24;

    /** The forcing {@code g = v - S sdot} (by FAST position) at a time in the current SLOW step. */
    interface Forcing {
        void at(double time, double[] out);
    }

    private final int nf;
    private final double[] e;
    private final double[] row;
    /** The forcing at the cursor (known once the cursor's step has been reached) and at the step's end. */
    private final double[] g0;
    private boolean g0Known;
    private final double[] g1;
    private final double[] scratch;
    private final double[] jacobian;
    /** E, F, H of the grid step (concatenated, row-major), taken when first needed; and of the last partial step. */
    private double[] step;
    private double partialKey = Double.NaN;
    private double[] partial;
    private boolean active;
    private double onset;
    private double cursor;

    /** Scratch of the run's: the transient's start, the last orbit's response at the onset, the SLOW rates. */
    final double[] start;
    final double[] shift;
    final double[] slowRates;

    /** For {@code nf} FAST and {@code ns} SLOW states; made by a run when first needed (rows in an onset's window). */
    OnsetTransient(int nf, int ns) {
        this.nf = nf;
        start = new double[nf];
        shift = new double[nf];
        slowRates = new double[ns];
        e = new double[nf];
        row = new double[nf];
        g0 = new double[nf];
        g1 = new double[nf];
        scratch = new double[nf];
        jacobian = new double[nf * nf];
    }

    /** Whether a transient is being carried. */
    boolean active() {
        return active;
    }

    /** The transient from {@code t0} with {@code e0} (by FAST position) under the Jacobian {@code jff} (row-major). */
    void begin(double t0, double[] e0, double[] jff) {
        System.arraycopy(e0, 0, e, 0, nf);
        onset = t0;
        cursor = t0;
        g0Known = false;
        active = true;
        jacobian(jff);
    }

    /**
     * A new orbit of the same regimen: its Jacobian from here on ({@code e} is continuous). The step's
     * matrices are taken when first needed: a run without rows in the window (the benchmark's yearly
     * rows) takes none (the exponential of the doubled matrix costs tens of microseconds).
     */
    void jacobian(double[] jff) {
        System.arraycopy(jff, 0, jacobian, 0, nf * nf);
        step = null;
        partialKey = Double.NaN;
    }

    /** Ends the transient (rows go back to the moved orbit). */
    void stop() {
        active = false;
    }

    /** The time the transient has been integrated to. */
    double cursor() {
        return cursor;
    }

    /** Whether a row at {@code tau} is within the transient's window. */
    boolean within(double tau) {
        return active && tau < onset + WINDOW_HOURS;
    }

    /** Integrates whole grid steps up to {@code to} (forcing from {@code forcing}, which must cover them). */
    void advanceTo(double to, Forcing forcing) {
        while (cursor + STEP_HOURS <= to + 1e-9) {
            if (step == null) {
                step = LinearBlockPropagator.exponentialBlocks(jacobian, nf, STEP_HOURS);
            }
            startForcing(forcing);
            forcing.at(cursor + STEP_HOURS, g1);
            apply(step, STEP_HOURS, scratch);
            System.arraycopy(scratch, 0, e, 0, nf);
            System.arraycopy(g1, 0, g0, 0, nf);
            cursor += STEP_HOURS;
        }
    }

    /** {@code e} at {@code tau} (at or after the cursor, before its next grid point's successor). */
    double[] at(double tau, Forcing forcing) {
        advanceTo(tau, forcing);
        double d = tau - cursor;
        if (d <= 1e-9) {
            System.arraycopy(e, 0, row, 0, nf);
            return row;
        }
        if (d != partialKey) {
            partial = LinearBlockPropagator.exponentialBlocks(jacobian, nf, d);
            partialKey = d;
        }
        startForcing(forcing);
        forcing.at(tau, g1);
        apply(partial, d, row);
        return row;
    }

    private void startForcing(Forcing forcing) {
        if (!g0Known) {
            forcing.at(cursor, g0);
            g0Known = true;
        }
    }

    /** {@code out = E e + F g0 + H (g1 - g0) / d} with {@code blocks} = E, F, H of the step {@code d}. */
    private void apply(double[] blocks, double d, double[] out) {
        int mm = nf * nf;
        for (int r = 0; r < nf; r++) {
            double sum = 0;
            int base = r * nf;
            for (int c = 0; c < nf; c++) {
                sum += blocks[base + c] * e[c] + blocks[mm + base + c] * g0[c]
                        + blocks[2 * mm + base + c] * ((g1[c] - g0[c]) / d);
            }
            out[r] = sum;
        }
    }
}
