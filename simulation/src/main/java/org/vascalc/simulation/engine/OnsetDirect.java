package org.vascalc.simulation.engine;

/**
 * Averaged fast mode's gated direct onset ({@link FastSettings#onsetDirect}; onsetgate, sixty-third session, the
 * default since onsetadopt, sixty-fourth session; docs/performance.md, "The gated direct onset"). At a regimen's
 * onset outside the run-in (where a dosed schedule starts or stops) fast mode computes the new orbit and the size of its initial layer's
 * kick on the SLOW states ({@link InitialLayer#size}: the largest SLOW state's {@code -B J^-1 e0}, {@code B} at the
 * orbit's mean, every FAST state's layer but the closed vitamin K block's, in units of the orbit reuse control's
 * tolerance for that state; no kick is applied). Below {@link #gateReuseTolerances} the run goes on with that orbit
 * (the bits of fast mode before onsetadopt, two SLOW-row calls more); at or above it the orbit is thrown away, the
 * regimen's first {@link #directHours} are integrated directly (the full model with the orbit's integrator at its
 * nominal tolerance, the machinery of {@link FastSettings#onsetHours}) and the orbit after them gets a first reuse
 * interval of at most {@link #firstIntervalHours}, so that the onset's remaining transient is handed to the error
 * control at once. Why: the averaged orbit at a strong onset misses the FAST states' transient, which the SLOW states
 * integrate (biasmap's onset misses, fifty-ninth session); onsetcause (sixtieth) mended them with a direct day but cost
 * the benchmark decade 74 % more calls on onsets that need no mending, which the kick's size separates.
 *
 * <p>Evidence (docs/performance-log.md, sixty-fourth session, onsetyears and onsetrows): against reference mode, the 7
 * known 1 % misses of biasmap's years 6 of 7 under 1 % (1.351 → 0.481 % etc.); the 72 years none over 1 % (worst
 * 9.15e-3); 24 new held-out years (mid-year starts, stops and dose changes) 5 misses → 3, none new;
 * {@code FastVersusReferenceIT}'s worst 8.63e-3 → 6.10e-3; daily rows on days 1-30 after 18 onsets (10 new) no
 * output's window worst above fast mode's before (the osteoclasts' 3.2-7.1 % → 1.9-4.9 % after strong onsets). Cost:
 * the benchmark decade 4 077 → 4 079 calls (its onset is weak, 5.26); a strong onset's year 1.28-1.48 times the calls.
 *
 * @param gateReuseTolerances the gate's threshold on the kick's size, in reuse tolerances (dimensionless; plausible
 *                            5.3-10.5, see {@link #GATE_REUSE_TOLERANCES}; at least 0, finite)
 * @param directHours         hours (h) of a strong onset integrated directly (0 to {@link FastSettings#MAX_ONSET_HOURS};
 *                            0: no direct onset, {@link #OFF})
 * @param firstIntervalHours  the first reuse interval (h) of the orbit after a direct onset, at most (at least 0,
 *                            finite; 0: no cap, the restart's 60 days)
 */
record OnsetDirect(double gateReuseTolerances, double directHours, double firstIntervalHours) {

    /**
     * The gate's threshold (kick size in reuse tolerances): layercost's 7.5 (sixty-second session), chosen before any
     * gated run between the benchmark decade's onset (5.26, an onset that needs no mending) and the smallest of
     * biasmap's 13 missing or near-missing years' onsets (10.5). Plausible between those two; the benchmark regimen at
     * eGFR 65 (7.58) is just above it.
     */
    static final double GATE_REUSE_TOLERANCES = 7.5;
    /**
     * Hours (h) of a strong onset integrated directly: onsetcause's 24 h (sixtieth session, {@code h-onset24h-first2d},
     * picked after seeing its guards: in-sample), judged out of sample by onsetrows' ten new onsets (rule 5') and
     * onsetyears' 24 new years (rule 3b). Plausible 12-96 h: the gland pool and exchangeable bone calcium relax in
     * about 1.6-1.8 d ({@link FastSettings#ONSET_HOURS_WHEN_USED}); each direct day costs 280-400 calls.
     */
    static final double DIRECT_HOURS = 24;
    /**
     * The first reuse interval (h) after a direct onset: onsetcause's 2 days (in-sample there, out of sample in
     * onsetrows and onsetyears as {@link #DIRECT_HOURS}). Plausible 1-7 days: long enough for the orbit's error to be
     * measured over whole periods, short against the osteoclasts' 9-day transient that is left after the direct day.
     */
    static final double FIRST_INTERVAL_HOURS = 48;

    /** Fast mode's default: the gate at 7.5 reuse tolerances, a strong onset's first 24 h direct, then at most 48 h. */
    static final OnsetDirect DEFAULT = new OnsetDirect(GATE_REUSE_TOLERANCES, DIRECT_HOURS, FIRST_INTERVAL_HOURS);

    /**
     * No gate and no direct onset: every onset takes its orbit at once, fast mode before onsetadopt (the same bits;
     * the benchmark decade's 4 077 calls). For comparisons, regression tests and the probes' onset experiments.
     */
    static final OnsetDirect OFF = new OnsetDirect(0, 0, 0);

    OnsetDirect {
        if (!(Double.isFinite(gateReuseTolerances) && gateReuseTolerances >= 0)) {
            throw new IllegalArgumentException("direct-onset gate " + gateReuseTolerances
                    + " reuse tolerances must be finite and at least 0");
        }
        if (!(directHours >= 0 && directHours <= FastSettings.MAX_ONSET_HOURS)) {
            throw new IllegalArgumentException("direct-onset hours " + directHours + " h must be within 0-"
                    + FastSettings.MAX_ONSET_HOURS + " h (0: off)");
        }
        if (!(Double.isFinite(firstIntervalHours) && firstIntervalHours >= 0)) {
            throw new IllegalArgumentException("direct-onset first interval " + firstIntervalHours
                    + " h must be finite and at least 0 h (0: no cap)");
        }
    }

    /** The default's hours and first interval with the gate at {@code threshold} reuse tolerances. */
    static OnsetDirect gated(double threshold) {
        return new OnsetDirect(threshold, DIRECT_HOURS, FIRST_INTERVAL_HOURS);
    }

    /** Whether onsets are gated (and strong ones integrated directly). */
    boolean on() {
        return directHours > 0;
    }
}
