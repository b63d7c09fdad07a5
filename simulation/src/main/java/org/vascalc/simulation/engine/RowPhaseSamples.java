package org.vascalc.simulation.engine;

import java.util.Arrays;

/**
 * Fast mode's orbit states at the phases of recorded rows that fall between the orbit's samples
 * ({@link FastSettings#samples} per period: every two hours of a daily regimen). A row recorded
 * within a period takes its FAST states from the orbit at its phase ({@code FastRun.recordWithin},
 * {@code FastRun.atPartialPhase}); on the sample grid that is the sample, between samples it is the
 * state kept here, taken in every period of every orbit as the samples are: from the orbit solver's
 * continuous extension within the step that holds the phase (or the state at a stop there), before
 * an intake at that time. Before, such a row took the nearest sample: a three-hourly row an hour
 * after a calcium dose carried PTH 10 % off reference mode (docs/testing.md, forty-second session,
 * "pitfastrun").
 *
 * <p>The phases are those of the plan's rows still to come in the orbit's schedule segment, found
 * when an orbit is computed ({@link #prepare}) and kept while the plan, the period and the segment
 * stay the same; once an orbit starts after the segment's last row off the grid none are taken. A run
 * whose rows all lie on the grid (daily or yearly rows, the benchmark decade's) has none, and its
 * orbits do exactly what they did.
 */
final class RowPhaseSamples {

    /**
     * How far (hours) a row's phase may be from a sample's, or from a kept phase, to count as that
     * phase: the 1e-9 h slack of fast mode's other time comparisons. Row times are sums of the
     * recording interval, off the exact grid by rounding (0.1-hour steps over weeks: ~1e-10 h).
     */
    static final double PHASE_SLACK = 1e-9;

    private final int n;
    private double[] phases = new double[0];
    private double[][] states = new double[0][];
    private int count;
    /** The next phase to take in the period being integrated. */
    private int next;

    // What the phases were found for.
    private RecordingPlan plan;
    private double period = Double.NaN;
    private double segmentEnd = Double.NaN;
    private double samplesPerPeriod = Double.NaN;
    private int found;
    /** Time of the segment's last row off the grid (-infinity: none). */
    private double lastOffGrid = Double.NEGATIVE_INFINITY;

    RowPhaseSamples(int n) {
        this.n = n;
    }

    /**
     * The phases for an orbit computed at {@code t} (on the period grid) with {@code period} and
     * {@code samples} samples per period in the segment ending at {@code segmentEnd}: those of
     * {@code plan}'s rows from its next one up to the segment's end that are off the sample grid
     * (none where {@code plan} is null).
     */
    void prepare(RecordingPlan plan, double t, double period, double segmentEnd, int samples) {
        if (plan != this.plan || period != this.period || segmentEnd != this.segmentEnd || samples != samplesPerPeriod) {
            find(plan, t, period, segmentEnd, samples);
        }
        count = t > lastOffGrid + PHASE_SLACK ? 0 : found;
    }

    private void find(RecordingPlan plan, double t, double period, double segmentEnd, int samples) {
        this.plan = plan;
        this.period = period;
        this.segmentEnd = segmentEnd;
        this.samplesPerPeriod = samples;
        lastOffGrid = Double.NEGATIVE_INFINITY;
        double dt = period / samples;
        double[] raw = new double[16];
        int m = 0;
        if (plan != null) {
            for (int k = plan.nextIndex(); k < plan.size() && plan.time(k) <= segmentEnd + PHASE_SLACK; k++) {
                double phase = phaseOf(plan.time(k) - t, period);
                if (plan.time(k) < t - PHASE_SLACK || onGrid(phase, dt)) {
                    continue;
                }
                if (m == raw.length) {
                    raw = Arrays.copyOf(raw, 2 * m);
                }
                raw[m++] = phase;
                lastOffGrid = plan.time(k);
            }
        }
        Arrays.sort(raw, 0, m);
        int kept = 0;
        for (int k = 0; k < m; k++) {
            if (kept == 0 || raw[k] - raw[kept - 1] > PHASE_SLACK) {
                raw[kept++] = raw[k];
            }
        }
        phases = Arrays.copyOf(raw, kept);
        if (states.length < kept) {
            double[][] grown = Arrays.copyOf(states, kept);
            for (int r = states.length; r < kept; r++) {
                grown[r] = new double[n];
            }
            states = grown;
        }
        found = kept;
    }

    /** {@code hours} after a period's start, as a phase in [0, period). */
    static double phaseOf(double hours, double period) {
        return hours % period;
    }

    /** Whether {@code phase} is on the sample grid of spacing {@code dt} (within {@link #PHASE_SLACK}). */
    static boolean onGrid(double phase, double dt) {
        return Math.abs(phase - Math.rint(phase / dt) * dt) <= PHASE_SLACK;
    }

    /** Number of phases the current orbit keeps. */
    int count() {
        return count;
    }

    /** A new period: its first phase is next. */
    void beginPeriod() {
        next = 0;
    }

    /** Whether the next phase still to take in this period lies before {@code limit} hours from the period's start. */
    boolean nextBefore(double periodStart, double limit) {
        return next < count && periodStart + phases[next] < limit;
    }

    /** Whether the next phase is at or before {@code t} (within the slack), {@code periodStart} the period's start. */
    boolean nextAtOrBefore(double periodStart, double t) {
        return next < count && periodStart + phases[next] <= t + PHASE_SLACK;
    }

    /** The next phase's time from the period's start. */
    double nextPhase() {
        return phases[next];
    }

    /** The next phase's state array (to be filled by the caller), the phase after it then next. */
    double[] takeNext() {
        return states[next++];
    }

    /** Every kept state's FAST states moved by {@code -dev} (by position in {@code fast}); a non-negative amount stays so. */
    void move(int[] fast, double[] dev) {
        for (int r = 0; r < count; r++) {
            double[] s = states[r];
            for (int q = 0; q < fast.length; q++) {
                int i = fast[q];
                double v = s[i] - dev[q];
                s[i] = s[i] >= 0 ? org.vascalc.physiology.numeric.DoubleOrder.atLeast(v, 0) : v;
            }
        }
    }

    /**
     * The orbit's state at {@code phase} (off the sample grid). Every row of the segment was given
     * its phase when the orbit was computed ({@link #prepare}), so a phase not kept is a fault here.
     */
    double[] at(double phase) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            double p = phases[mid];
            if (Math.abs(p - phase) <= PHASE_SLACK) {
                return states[mid];
            }
            if (p < phase) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        throw new IllegalStateException("fast mode: no orbit state kept at phase " + phase + " h of the "
                + period + " h period (kept: " + Arrays.toString(Arrays.copyOf(phases, count)) + ")");
    }
}
