package org.vascalc.simulation.engine;

/**
 * The fast mode's orbit closure ({@link FastRun}): whether a period of the FAST states closed
 * ({@link #closed}, each state within its closure scale), and the quasi-Newton step on the period map
 * ({@link PeriodMapNewton}) that sets the next period's start ({@link #step}), accepts an open period
 * by its predicted distance from the orbit, and gives the best estimate of the orbit's start
 * ({@link #estimate}). It reads the period's start and end from the run's arrays {@code before} and
 * {@code z} (shared, indexed like the model's state).
 */
final class OrbitClosure {

    /**
     * Largest predicted distance of an open period's start from the orbit (closure scales,
     * {@link PeriodMapNewton#startError}) at which it is accepted by the predicted distance of its end
     * ({@link PeriodMapNewton#endError}) rather than by closure. It was a bound of 3 on the defect,
     * which with the end within one scale let the start be up to 4 scales off; the bound is now on
     * that distance itself, which the defect only approximates (PTH, relaxing in minutes, has
     * {@code start ~ defect}; FGF23, contracting 0.8-0.95 per period, {@code start ~ defect / (1 - 0.9)}
     * with {@code end ~ start}, which the end bound already limits). Over the benchmark decade the
     * SLOW averages of such a first period differed from those of the verifying period by at most
     * 0.21 flux tolerances (0.09 and 0.15 for the starts 3.3 and 4.5 scales off), against the reuse
     * error the interval control allows, 1 (docs/performance-log.md, "orbit count").
     */
    static final double ACCEPT_START_ERROR = 4;
    /** Largest predicted distance of the period's end from the orbit (closure scales) for that acceptance. */
    static final double ACCEPT_END_ERROR = 1;
    /**
     * Largest predicted distance of an open period's start from the orbit (closure scales) at which
     * its quasi-Newton estimate is taken as the orbit's start ({@link #step(AdiabaticResponse, double)}).
     * Over the benchmark decade, its eGFR-65 and CKD G4 versions, the next period started from such
     * an estimate (starts 4-22 scales off, worst PTH) measured it 0.02-0.6 scales from the orbit
     * (docs/performance-log.md, "periods"); at 34-67 scales 0.7-1.1.
     */
    static final double ESTIMATE_START_CAP = 30;
    private final int n;
    private final int[] fast;
    /** The last period's start (the run's array, shared). */
    private final double[] before;
    /** The last period's end (the run's state array, shared). */
    private final double[] z;
    /** Relative closure of the orbit ({@link FastSettings#orbitTolerance}). */
    private final double orbitTolerance;
    /**
     * Absolute part of each FAST state's closure scale ({@link #closureScale}): its declared absolute
     * tolerance, times {@link FastRun#TRANSIT_TOLERANCE_SCALE} for the transit depots, as in the orbit
     * integration. With the declared one the closure asked a depot that empties towards zero each
     * night (`caMeal`, `caChyme`: 1e-7 mmol) to repeat 100 times closer than the integration
     * controls it: the run-in's cold orbit then chased that integration noise for two more periods
     * (defects 14.6, 6.3, 5.2 scales in `caMeal`, not shrinking at any contraction rate) and took 5
     * periods instead of 3 (docs/performance-log.md, "coldmono"). With the gut's linear part
     * propagated exactly ({@link FastSettings#exactLinearPart()}, off by default) the depots are not
     * integrated to that tolerance, and their closure keeps the declared one. Null until {@link #closureScalesFor}.
     */
    private double[] closureAtol;
    private final PeriodMapNewton newton;
    private final double[] newtonX;
    private final double[] newtonP;
    private final double[] newtonScale;
    private final double[] newtonNext;
    /** The last period's mean distance from the orbit by FAST position ({@link #meanDeviation}). */
    private final double[] meanDeviation;
    /** Whether the last accepted open period was accepted at its quasi-Newton estimate ({@link #step(AdiabaticResponse, double)}). */
    private boolean atEstimate;

    OrbitClosure(int n, int[] fast, double[] before, double[] z, double orbitTolerance) {
        this(n, fast, before, z, orbitTolerance, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    OrbitClosure(int n, int[] fast, double[] before, double[] z, double orbitTolerance, RunArena arena) {
        this.n = n;
        this.fast = fast;
        this.before = before;
        this.z = z;
        this.orbitTolerance = orbitTolerance;
        newton = new PeriodMapNewton(fast.length, arena);
        newtonX = arena.doubles(fast.length);
        newtonP = arena.doubles(fast.length);
        newtonScale = arena.doubles(fast.length);
        newtonNext = arena.doubles(fast.length);
        meanDeviation = arena.doubles(fast.length);
        seedFactors = new SkylineLu(fast.length, arena);
    }

    /** The closure scales' absolute parts ({@link #closureAtol}) for the orbit system {@code frozen}; once, at the first orbit. */
    void closureScalesFor(double[] atol, FrozenFastSystem frozen) {
        closureAtol = atol.clone();
        if (frozen.framed.length == 0) {
            for (int q : frozen.transitAll()) {
                closureAtol[fast[q]] *= FastRun.TRANSIT_TOLERANCE_SCALE;
            }
        }
    }

    /**
     * A new period map: its first estimate is exp(J T) with the FAST Jacobian {@code jacobian}
     * ({@link PeriodMapNewton#seed}), from {@code memo} where it holds that seed (may be null).
     */
    void seed(double[] jacobian, double period, SeedMemo memo) {
        newton.seed(jacobian, period, memo);
        System.arraycopy(jacobian, 0, seedFactors.matrix(), 0, fast.length * fast.length);
        // decomposed when first needed (a run's first orbit only: later ones have the response's J_ff)
        seedPending = true;
        seedFactored = false;
    }

    /** Whether the seed's Jacobian is decomposed, decomposing it if it was not yet ({@link #seedPending}). */
    private boolean seedDecomposed() {
        if (seedPending) {
            seedPending = false;
            seedFactored = seedFactors.decompose(SEED_SINGULAR_PIVOT);
        }
        return seedFactored;
    }

    /** Whether {@link #seedFactors} holds a seed's Jacobian not decomposed yet. */
    private boolean seedPending;

    /** Below this magnitude a pivot of the seed's Jacobian counts as zero (as {@link AdiabaticResponse}'s of {@code J_ff}). */
    private static final double SEED_SINGULAR_PIVOT = 1e-14;
    /**
     * The seed's FAST Jacobian, decomposed: the orbit's {@code J_ff} for {@link #meanDeviation} where
     * no orbit's is known yet (a run's first orbit, whose start guess is where it was taken).
     */
    private final SkylineLu seedFactors;
    private boolean seedFactored;

    /** {@link PeriodMapNewton#beginOrbit}. */
    void beginOrbit() {
        newton.beginOrbit();
    }

    /** The last step's predicted distance of the period's end from the orbit, closure scales ({@link PeriodMapNewton#endError}). */
    double endError() {
        return newton.endError();
    }

    /**
     * After a period started from the last quasi-Newton step failed to integrate (a non-finite state):
     * the next start is that step's period's end instead (plain iteration, a state the FAST system
     * reached), into the FAST states of {@code z}, and the learnt monodromy is forgotten, as a step
     * that made the defect larger forgets it ({@link PeriodMapNewton#reset}). Measured: at the onset of
     * 2 500 mg carbonate binder three times a day in CKD G5 the step from a period whose PTH fell from
     * 444 to 93 put PTH at 0 and calcium above the period's range; from there the frozen system
     * diverged within 16 h (docs/performance-log.md, "fastcrash").
     */
    void stepFailed() {
        for (int k = 0; k < fast.length; k++) {
            z[fast[k]] = newtonP[k];
        }
        newton.reset();
    }

    /** The last quasi-Newton step's next period start, by FAST position. */
    double[] next() {
        return newtonNext;
    }

    /**
     * The best estimate of the orbit's start after the last period (into {@code orbitEstimate}): its
     * quasi-Newton step from that period's start, or the period's end where no step could be taken.
     * {@code stepTaken}: {@link #step} has already computed that step.
     */
    void estimate(boolean stepTaken, double[] orbitEstimate) {
        System.arraycopy(z, 0, orbitEstimate, 0, n);
        if (!stepTaken) {
            fromPeriod();
        }
        if (Double.isFinite(newton.endError())) {
            for (int k = 0; k < fast.length; k++) {
                orbitEstimate[fast[k]] = newtonNext[k];
            }
        }
    }

    /** The quasi-Newton step on the period map from the last period (start {@code before}, end {@code z}) into {@code newtonNext}. */
    void fromPeriod() {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            newtonX[k] = before[i];
            newtonP[k] = z[i];
            newtonScale[k] = closureScale(i);
        }
        newton.next(newtonX, newtonP, newtonScale, newtonNext);
    }

    /**
     * The next period's start from the quasi-Newton step on the period map ({@link PeriodMapNewton}),
     * or true when the period is accepted. With the orbit's FAST Jacobian ({@code response}: the last
     * orbit's {@code J_ff}; null at a run's first orbit: the seed's Jacobian at its start guess), the
     * period's start is judged by what it costs the period's averages rather
     * than by its distance: a start {@code d} off the orbit puts the period's trajectory on average
     * {@code (1/T) int_0^T exp(J t) d dt = J^-1 (M - I) d / T = J^-1 (P(x) - x) / T} off it
     * ({@link #meanDeviation}, linear, with {@code J} the orbit mean's). For PTH, which relaxes in
     * minutes, that is a hundredth of its start distance; for FGF23 and calcitriol, which contract
     * 0.8-0.95 per period, about the start distance itself. Where that mean distance is within
     * {@link #ACCEPT_START_ERROR} closure scales and the start within {@link #ESTIMATE_START_CAP},
     * the period is accepted with the quasi-Newton estimate as the orbit's start (into the FAST
     * states of {@code z}; {@link #acceptedAtEstimate}); the caller moves the period's averages and
     * samples by the mean distance. Otherwise the period is accepted with its end kept when the step
     * says the end is within {@link #ACCEPT_END_ERROR} closure scales of the orbit and the mean
     * distance (where neither Jacobian is decomposed, the start's predicted distance) within
     * {@link #ACCEPT_START_ERROR}; if not, the step's next start goes into the FAST states of
     * {@code z} and the result is false. The period that verified such a start cost a whole period
     * (docs/performance-log.md, "periods").
     */
    boolean step(AdiabaticResponse response, double period) {
        fromPeriod();
        atEstimate = false;
        double mean = meanError(response, period);
        lastMean = mean;
        if (Double.isNaN(mean)) {
            return acceptOrStep(newton.startError());
        }
        if (mean <= ACCEPT_START_ERROR && newton.startError() <= ESTIMATE_START_CAP) {
            for (int k = 0; k < fast.length; k++) {
                z[fast[k]] = newtonNext[k];
            }
            atEstimate = true;
            return true;
        }
        return acceptOrStep(mean);
    }

    private boolean acceptOrStep(double startMeasure) {
        if (startMeasure <= ACCEPT_START_ERROR && newton.endError() <= ACCEPT_END_ERROR) {
            return true;
        }
        for (int k = 0; k < fast.length; k++) {
            z[fast[k]] = newtonNext[k];
        }
        return false;
    }

    /**
     * Largest predicted distance of a period's start from the orbit (closure scales) at which it may be
     * accepted at its quasi-Newton estimate by what the estimate changes in its SLOW averages
     * ({@link #estimateCandidate}; {@code FastRun}'s bound on that change): the largest start whose
     * estimate's landing was measured, 0.7-1.1 closure scales from the orbit at starts of 34-67
     * (docs/performance-log.md, "periods").
     */
    static final double ESTIMATE_START_MEASURED = 67;
    /** The last {@link #step(AdiabaticResponse, double)}'s largest mean distance (closure scales), NaN where unknown. */
    private double lastMean = Double.NaN;

    /**
     * Whether the period just refused by {@link #step(AdiabaticResponse, double)} could be accepted at
     * its quasi-Newton estimate (already the next start in {@code z}): its mean distance from the orbit
     * known ({@link #meanDeviation}), its start's predicted distance within
     * {@link #ESTIMATE_START_MEASURED}. The caller decides by the SLOW averages ({@link #acceptAtEstimate}).
     */
    boolean estimateCandidate() {
        return Double.isFinite(lastMean) && newton.startError() <= ESTIMATE_START_MEASURED
                && Double.isFinite(newton.endError());
    }

    /** Accepts the period refused by the last {@link #step(AdiabaticResponse, double)} at its quasi-Newton estimate (see {@link #estimateCandidate}). */
    void acceptAtEstimate() {
        atEstimate = true;
    }

    /** Whether the last period accepted by {@link #step(AdiabaticResponse, double)} was accepted at its quasi-Newton estimate. */
    boolean acceptedAtEstimate() {
        return atEstimate;
    }

    /**
     * The last period's trajectory minus the orbit, averaged over the period, by FAST position:
     * {@code J_ff^-1 (P(x) - x) / T} (see {@link #step(AdiabaticResponse, double)}).
     */
    double[] meanDeviation() {
        return meanDeviation;
    }

    /**
     * Largest {@link #meanDeviation} in closure scales, with the response's {@code J_ff} (the last
     * orbit's mean's) or, where {@code response} is null (a run's first orbit), the seed's Jacobian;
     * NaN where neither is decomposed.
     */
    private double meanError(AdiabaticResponse response, double period) {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            meanDeviation[k] = (z[i] - before[i]) / period;
        }
        if (response != null) {
            response.forcingResponse(meanDeviation, meanDeviation);
        } else if (seedDecomposed()) {
            seedFactors.solve(meanDeviation);
        } else {
            return Double.NaN;
        }
        double worst = 0;
        for (int k = 0; k < fast.length; k++) {
            double e = Math.abs(meanDeviation[k]) / closureScale(fast[k]);
            if (!(e <= worst)) {
                worst = e;
            }
        }
        return worst;
    }

    /**
     * Scale of the orbit closure test of FAST state {@code i} (also the quasi-Newton step's weight):
     * its absolute part is the one the orbit integration controls the state to
     * ({@link #closureAtol}).
     */
    private double closureScale(int i) {
        return closureAtol[i] + orbitTolerance * Math.abs(before[i]);
    }

    /** The period's end state equals its start within the closure tolerance. */
    boolean closed() {
        for (int i : fast) {
            if (Math.abs(z[i] - before[i]) > closureScale(i)) {
                return false;
            }
        }
        return true;
    }
}
