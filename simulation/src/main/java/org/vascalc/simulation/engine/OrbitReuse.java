package org.vascalc.simulation.engine;

import java.util.Arrays;

/**
 * How long fast mode may keep using a cached orbit, decided like a step size: by the error of the
 * averaged SLOW derivatives it predicted, measured each time a new orbit is computed.
 *
 * <p>Between orbits the averaged SLOW derivatives are predicted from the cached orbit: its average,
 * plus the change of the SLOW derivatives over its samples when the SLOW states move (the quadrature
 * difference, the "direct" part), plus a prediction of the remaining ("indirect") change, the part
 * that comes from the FAST orbit itself moving with the SLOW states. Two predictors of the indirect
 * part are kept: a damped linear trend in time of the change seen at the last orbit, and (when a
 * {@link FluxSecant} is given) its sensitivity to the SLOW states, learnt by secant updates from
 * consecutive orbits. When the next orbit is computed, its average is compared with both
 * predictions at the same state; the one applied until then sets the next interval by its largest
 * error, scaled per SLOW state (grown at most twofold, or fourfold after two falls of the error, below;
 * shrunk at most fourfold; between one period and {@code maxHours}), and the secant is applied next if
 * it was the closer and within the tolerance, the trend otherwise. Sizing the interval by the error of
 * the predictor applied next instead (where the secant and the trend change places) was tried: the
 * freshly updated predictor is not the one measured, and the CKD G5 carbonate-binder year went to 2.78e-2
 * of reference (docs/performance-log.md, `orbitreuse`).
 *
 * <p>Two rules below ({@link FastSettings#reuseRules}, on since `reusesafe`): the first interval sets no
 * predictor, and the interval may grow fourfold after two falls of the error over intervals of at least a
 * week. Built in `orbitreuse` without the week, they took the CKD G5 carbonate-binder year to 1.34e-2 of
 * reference once merged with a round-off-level engine change. Why (`reusesafe`, docs/performance-log.md):
 * that year's agreement rests on the FAST states' lag ({@link OrbitDrift}; 6.4e-2 without it), which is
 * renewed from the slope of the orbit means over at least a week; each renewal moves the orbit's SLOW
 * averages by 6-36 tolerances, the control reads that as its own error, shrinks to one day and grows back
 * 1, 2, 4 days into the next renewal. Its errors over days 1-4 of such a cycle fell twice (0.09, 0.08,
 * 0.03) and the fourfold growth (4 to 16 days) locked the schedule into a one-week cycle: 121 orbits
 * instead of 43, each renewal's move booked. A fall over intervals shorter than the lag's renewal span is
 * no evidence of a decaying transient: {@link #DECAY_SPAN_HOURS}. With it the G5 binder year keeps main's
 * 43 orbits bit for bit; the benchmark decade takes 8 orbits instead of 9.
 *
 * <p>A restart's first interval (a regimen's cold orbit to the first measurement, 60 days) sets neither
 * a trend nor a secant: it spans the regimen's onset, a decelerating transient, and its indirect change
 * extrapolated overshoots, as the trend across a regimen's first week does ({@code minTrendHours}). On the
 * benchmark decade (500 mg carbonate twice daily + MK-7) the trend and the secant learnt over days 0-60
 * predicted day 95 twice as far off as no prediction (osteoclasts 0.36 and 0.35 tolerances against 0.17;
 * cumulative urinary calcium 0.87 and 0.85 against 0.45); in the CKD G4 year the trend's 1.30 became 0.81.
 * The second interval then runs without a predictor (first order), as the first did.
 *
 * <p>Why the growth may exceed twofold after two falls: the twofold cap guards against an error that
 * grows faster with the interval than the order the control assumes (in the CKD binder years' first
 * weeks 0.03 after one day, 0.11 after two, 4.3 after eight: docs/performance-log.md, "what the reuse
 * interval's error control can and cannot give"). Where the error measured at the end of an interval was
 * no larger than at the end of the shorter one before, and so again at the next orbit (a measured order of
 * at most zero, twice in a row), the error is that of a decaying transient, not of the interval's length,
 * and the interval may grow up to {@link #DECAY_GROWTH} times, as far as the error allows at the assumed
 * order. On the benchmark decade the errors that set the intervals were 0.41, 0.32, 0.11 and 0.004
 * tolerances after 70, 87, 124 and 305 days: the orbit at day 376 was followed by those at days 681
 * (2.5-fold) and 1 901 (fourfold; its interval then runs to the end, {@link #END_STRETCH}) instead of
 * 624, 1 120 and 2 112 (8 orbits instead of 9). After a single fall it took the CKD carbonate-binder
 * years from 7.0e-3 and 5.1e-3 to 9.6e-3 and 8.7e-3 of reference (after two: unchanged). It is no guard
 * against a transient that starts later: in the eGFR-65 decade the errors fell on days 10 and 22 of the
 * regimen, the 12-day interval grew fourfold, and the next intervals' errors were 0.93 and 3.9 tolerances
 * (the control then shrank the interval; the 1-year agreement at eGFR 65 improved, 8.0e-3 to 7.3e-3).
 * With falls counted only over intervals of a week or more ({@link #DECAY_SPAN_HOURS}) that case keeps
 * the twofold cap too (eGFR-65 decade 15 orbits, as without the rule).
 *
 * <p>The error of SLOW state {@code j} is scaled by {@code tol * (|average| + kappa |y|) + kappa * atol}
 * with {@code kappa = max(-J_jj, 1 / year)}: a flux error {@code e} moves a state that relaxes at rate
 * {@code -J_jj} by {@code e / -J_jj}, and an integrating state (cumulative counters, bone mineral) by
 * {@code e} per hour, so this bounds the relative state error at {@code tol} over a relaxation time
 * or a year, and the relative flux error at {@code tol}.
 *
 * <p>Why the trend is damped: for a state that relaxes within the interval (osteoclasts, the
 * gland pool) the "indirect" change contains its own feedback through the orbit (more osteoclasts,
 * more resorbed calcium, less PTH, less drive); extrapolating that in full is an explicit step on a
 * stiff loop, and with it those states oscillated and orbits came every 8 days instead of every 60
 * (docs/performance-log.md, "Fast mode, fourth pass"); all states get {@link #TREND_WEIGHT} of it.
 * A trend taken across the first week of a regimen (a decelerating transient) overshoots, as did
 * the orbit start extrapolated there, so intervals shorter than {@code minTrendHours} set none.
 *
 * <p>Why the secant, and why only when it was the closer: in the months after a regimen starts the
 * bone cells move the orbit by 0.2-0.7 % a day, decelerating; a trend in time is first order there
 * (or overshoots), while a sensitivity to the states follows the deceleration, so its error is
 * second order in the interval (the interval then grows with the square root of the error ratio).
 * But a secant is learnt from one move: after a change of direction (a weekly period pinned at
 * one period, a new regimen's first weeks) it can predict worse than the trend, and applied there it
 * moved the gland pool by 1.3 % in a weekly CKD course. Measuring both and applying the secant only
 * where it was the closer and within the tolerance keeps each where it is better; the error control
 * stays that of the predictor actually applied
 * (docs/performance-log.md, "Fast mode, sixth pass").
 *
 * <p>What a SLOW state carries of the error: the scale above bounds {@code e / kappa}, the state
 * error of a flux error {@code e} held for the state's relaxation time. But the measured {@code e} is
 * the error at the interval's end; it grows from zero at the orbit (as {@code (s/h)^p}, {@code p} the
 * predictor's order). A state relaxing within the interval carries it filtered by its relaxation,
 * {@code G(kappa h) <= 1} of it; one relaxing over many intervals (an integrator: the cumulative
 * counters) carries the sum of the intervals' errors, their mean, {@code 1 / (p + 1)}
 * of the end error ({@link #stateWeight}: the larger of the two). This weight is applied only to the
 * states that enter no FAST derivative: an error in a state that moves the orbit (bone cells, gland)
 * comes back as indirect change (a feedback the sawtooth argument ignores), and with the weight
 * applied to all states the CKD G5 carbonate-binder year drifted to 9.7e-2 from reference
 * (docs/performance-log.md, "the reuse interval by the error a SLOW state carries"). On the
 * benchmark decade the cumulative urinary calcium set the interval for the first half year (errors
 * 0.3-2.3 at the end of intervals of 20-60 days); weighted by its mean, 11 orbits became 9.
 *
 * <p>An interval that ended past the limit is kept (only the next one is shortened): correcting it
 * afterwards, its SLOW path re-integrated (linearised) with the measured mismatch blended in and no new
 * orbit, mended two of the wide family's misses but gave a new one in each variant and worsened the
 * G5-with-labs year, the corrected states moving the orbits' placement as much as a cap does
 * (docs/performance-log.md, `intervalfix`).
 */
final class OrbitReuse {

    /** One year in hours: the horizon over which an integrating state's error is bounded. */
    static final double HORIZON_HOURS = 8766;
    private static final double SAFETY = 0.8;
    /**
     * Weight of the trend (see the class comment). Without a trend the states that relax within the
     * interval lag their moving equilibrium by about half of its move per interval, always on the same
     * side (cumulative urinary phosphate −0.5 % per year); with the full trend they oscillate. One
     * weight for all states keeps the trends as mass-conserving as the orbit averages they come from
     * (the full trend for integrating states and 0.3 for relaxing ones gave the same agreement within
     * 0.001 and 3 % fewer calls, but no such guarantee). docs/performance-log.md, "Fast mode, fourth pass".
     */
    static final double TREND_WEIGHT = 0.3;
    /** Interval after a restart, until the first error measurement: the former fixed orbit age. */
    static final double FIRST_INTERVAL_HOURS = 60 * 24;
    /** Drift guard until the first error measurement: the former drift trigger. */
    static final double FIRST_DRIFT_TOLERANCE = 3e-2;
    private static final double MAX_GROWTH = 2;
    /**
     * Growth of the interval allowed where the error fell over each of the last two intervals although
     * each was longer than the one before (see the class comment); {@link #MAX_GROWTH} elsewhere.
     */
    static final double DECAY_GROWTH = 4;
    /**
     * Whether the two rules of the class comment (no predictor from a restart's first interval; growth
     * beyond twofold after two falls over intervals of at least {@link #DECAY_SPAN_HOURS}) are applied:
     * {@link FastSettings#reuseRules}, true by default; false gives the control of main before `reusesafe`
     * bit for bit ({@code ReuseSafetyRunner} compares both).
     */
    private final boolean rules;
    /**
     * Shortest interval over which a fall of the error counts for the growth beyond twofold: the span
     * over which {@link OrbitDrift} renews the FAST states' lag ({@link OrbitDrift#MIN_SPAN_HOURS}). A
     * renewed lag moves the orbit, and with it the SLOW averages, by up to tens of tolerances (the CKD
     * G5 carbonate-binder year: 6-36 at orbits a week apart); errors measured over shorter intervals
     * fall and rise with where the renewals happen to fall, not with a decaying transient.
     */
    static final double DECAY_SPAN_HOURS = OrbitDrift.MIN_SPAN_HOURS;
    private static final double MAX_SHRINK = 0.25;

    private final double tolerance;
    private final double minTrendHours;
    private final double maxHours;
    private final double[] predictedRaw;
    private final double[] predictedTrend;
    private final double[] trend;
    private double interval;
    private double lastError = Double.NaN;
    /** The indirect part's sensitivity to the SLOW states, or null for the trend alone. */
    private final FluxSecant secant;
    private final double[] predictedSecant;
    private final double[] missed;
    /**
     * The SLOW states that enter no FAST derivative (the secant's non-columns, e.g. the cumulative
     * counters): their interval error is weighted by what they carry ({@link #stateWeight}). All
     * false without a secant.
     */
    private final boolean[] passive;
    /** Whether the secant was closer than the trend, and within the tolerance, at the last orbit (so it is applied now). */
    private boolean secantCloser = true;
    /**
     * Whether {@link #measured} writes the per-state detail lines of {@link #describe} (a run traced by its
     * {@link BiasProbe#trace}; the trace itself is the run's, not this class's: staticfree). Changes no arithmetic.
     */
    private final boolean detailed;
    /** Of the last measurement, for {@link #describe}: the SLOW state whose error set the interval, and that error. */
    private int governing = -1;
    private double governingError = Double.NaN;
    private String limiter = "restart";
    private String applied = "none";
    /** Of the last measurement: its interval and the error that set the next one (for the growth rule). */
    private double lastAge = Double.NaN;
    private double lastGoverning = Double.NaN;
    /** Whether the error fell over a longer interval at the last measurement. */
    private boolean fellBefore;
    private final StringBuilder detail = new StringBuilder();
    /**
     * {@link #measureFirstBy}'s hours since the last restart (NaN: the rule is off, or the first measurement has
     * been made). Only a measurement at that age (not an earlier one by the drift guard) lifts the growth cap.
     */
    private double measureBy = Double.NaN;

    /**
     * Reuse with the damped trend alone.
     *
     * @param slowCount     number of SLOW states
     * @param tolerance     relative error of the averaged SLOW derivatives allowed at the next orbit
     * @param minTrendHours shortest interval between orbits whose indirect change is taken as a trend
     * @param maxHours      longest interval between orbits
     */
    OrbitReuse(int slowCount, double tolerance, double minTrendHours, double maxHours) {
        this(slowCount, null, tolerance, minTrendHours, maxHours);
    }

    /**
     * Reuse with the trend and, where it was the closer at the last orbit, the secant sensitivity.
     *
     * @param secant the sensitivity estimate (owned by this object from now on), or null
     */
    OrbitReuse(int slowCount, FluxSecant secant, double tolerance, double minTrendHours, double maxHours) {
        this(slowCount, secant, tolerance, minTrendHours, maxHours, true);
    }

    /**
     * As {@link #OrbitReuse(int, FluxSecant, double, double, double)}, with the two rules of the class
     * comment on or off ({@code rules}: {@link FastSettings#reuseRules}).
     */
    OrbitReuse(int slowCount, FluxSecant secant, double tolerance, double minTrendHours, double maxHours, boolean rules) {
        this(slowCount, secant, tolerance, minTrendHours, maxHours, rules, false);
    }

    /**
     * As {@link #OrbitReuse(int, FluxSecant, double, double, double, boolean)}, with {@link #describe}'s per-state
     * detail lines written where {@code detailed} (a traced run, {@link BiasProbe#trace}).
     */
    OrbitReuse(int slowCount, FluxSecant secant, double tolerance, double minTrendHours, double maxHours, boolean rules,
               boolean detailed) {
        this.detailed = detailed;
        this.rules = rules;
        this.tolerance = tolerance;
        this.minTrendHours = minTrendHours;
        this.maxHours = maxHours;
        predictedRaw = new double[slowCount];
        predictedTrend = new double[slowCount];
        predictedSecant = new double[slowCount];
        trend = new double[slowCount];
        missed = new double[slowCount];
        this.secant = secant;
        passive = new boolean[slowCount];
        for (int j = 0; secant != null && j < slowCount; j++) {
            passive[j] = !secant.entersOrbit(j);
        }
    }

    /** Time after the orbit at which the next one is due. */
    double interval() {
        return interval;
    }

    /** Scaled error measured at the last orbit (NaN after a fresh start); for diagnostics. */
    double lastError() {
        return lastError;
    }

    /** Trend term of the prediction {@code age} hours after the orbit. */
    double trend(int j, double age) {
        return age * trend[j];
    }

    /**
     * Whether the secant's prediction is applied: it has been learnt, and at the last orbit it was the
     * closer and within the tolerance.
     */
    boolean secantApplied() {
        return secant != null && secant.active() && secantCloser;
    }

    /**
     * Predicted indirect change of averaged SLOW derivative {@code j} at SLOW state {@code slowState},
     * {@code age} hours after the cached orbit: the secant's where applied, else the trend's.
     */
    double indirect(int j, double[] slowState, double age) {
        return secantApplied() ? secant.change(j, slowState) : trend(j, age);
    }

    /** {@link #indirect} of every SLOW derivative j into {@code out[j]} (each the same value). */
    void indirect(double[] slowState, double age, double[] out) {
        if (secantApplied()) {
            secant.changes(slowState, out);
            return;
        }
        for (int j = 0; j < trend.length; j++) {
            out[j] = trend(j, age);
        }
    }

    /**
     * Whether the SLOW states have moved beyond where the applied secant was checked: more than
     * {@link #MAX_GROWTH} times the move it was learnt on (as the interval grows at most that much
     * from one orbit to the next). The secant's indirect change enters every SLOW step explicitly,
     * as a feedback of the SLOW states on themselves; with orbits a year apart (the drift guard split,
     * docs/performance.md) a secant learnt on a move of 1e-5 at a steady state and applied for
     * months drove osteoclasts, exchangeable bone calcium and the gland pool into a growing
     * oscillation (20-day period) until the integration failed (plausible-424 of the invariant cohort).
     */
    boolean beyondSecant(double[] slowState) {
        return secantApplied() && secant.moveRatio(slowState) > MAX_GROWTH;
    }

    /** The SLOW state at the orbit just computed, from which the secant measures moves. */
    void orbitAt(double[] slowState) {
        if (secant != null) {
            secant.rebase(slowState);
        }
    }

    /**
     * A new regimen, period or run: no trend, no sensitivity and no error measured yet, so the next
     * orbit is due after {@link #FIRST_INTERVAL_HOURS} (or earlier, by the caller's drift guard at
     * {@link #FIRST_DRIFT_TOLERANCE}, as before this control existed). Starting with one period and
     * doubling instead cost five orbits per 30-day stabilisation chunk, twice the stabilisation calls
     * of a CKD G4 patient without labs.
     */
    void restart() {
        Arrays.fill(trend, 0.0);
        if (secant != null) {
            secant.reset();
        }
        secantCloser = true;
        interval = Math.min(FIRST_INTERVAL_HOURS, maxHours);
        lastError = Double.NaN;
        limiter = "restart";
        fellBefore = false;
        measureBy = Double.NaN;
    }

    /**
     * A developer switch ({@link BiasProbe#firstMeasureHours}, layercheck): after a {@link #restart} the orbit is
     * measured at the latest {@code hours} after it, where the caller's start drift guard has not made it due before.
     * A measurement at that age lets the next interval grow to the restart's own first interval
     * ({@link #FIRST_INTERVAL_HOURS}) where the measured error allows it, not at most {@link #MAX_GROWTH} times the
     * short interval: the early measurement only checks the onset's orbit, and the control should not restart its
     * growth from a short interval the error does not ask for. A measurement made earlier by the drift guard is
     * the control's as today.
     */
    void measureFirstBy(double hours) {
        if (hours < interval) {
            interval = hours;
            measureBy = hours;
            limiter = "first-measure rule";
        }
    }

    /**
     * Whether {@link #measureFirstBy}'s measurement is still to come (set, and no error measured since the restart).
     */
    boolean firstMeasurePending() {
        return !Double.isNaN(measureBy) && !controlled();
    }

    /**
     * {@link #measureFirstBy} withdrawn (layercost's drift gate, {@link BiasProbe#GATE_DRIFT}): the first interval
     * back to the restart's.
     */
    void cancelFirstMeasure() {
        interval = Math.min(FIRST_INTERVAL_HOURS, maxHours);
        measureBy = Double.NaN;
        limiter = "restart";
    }

    /**
     * The next interval at most {@code hours} (at least one period is the caller's): a developer switch
     * ({@link BiasProbe#firstIntervalHours}) that measures a new regimen's first orbit early instead of after
     * {@link #FIRST_INTERVAL_HOURS}.
     */
    void capInterval(double hours) {
        interval = Math.min(interval, hours);
        limiter = "first-interval cap";
    }

    /** Whether an error has been measured since the last restart (the interval is then controlled). */
    boolean controlled() {
        return !Double.isNaN(lastError);
    }

    /**
     * Remembers the cached orbit's prediction at the state where the next orbit is about to be
     * computed: {@code raw[j]} is the average plus the quadrature difference, {@code age} the time
     * since the cached orbit (for the trend alone).
     */
    void predicted(double[] raw, double age) {
        predicted(raw, null, age);
    }

    /**
     * As {@link #predicted(double[], double)}, with the SLOW state there (for the secant; null
     * without one). Both predictions are kept, applied or not: the measurement decides which is next.
     */
    void predicted(double[] raw, double[] slowState, double age) {
        for (int j = 0; j < raw.length; j++) {
            predictedRaw[j] = raw[j];
            predictedTrend[j] = raw[j] + age * trend[j];
            predictedSecant[j] = secant != null ? raw[j] + secant.change(j, slowState) : predictedTrend[j];
        }
    }

    /**
     * Compares the new orbit's averages with the predictions, sets the next interval, the new trends
     * and the secant update. {@code age}: hours since the previous orbit; {@code diag}: the new orbit's
     * diagonal of the averaged SLOW Jacobian; {@code slowState[j]}, {@code atol[j]}: SLOW state j and
     * its absolute tolerance.
     */
    void measured(double[] average, double[] diag, double[] slowState, double[] atol, double age, double period) {
        measured(average, diag, slowState, atol, age, period, Double.POSITIVE_INFINITY);
    }

    /**
     * Longest stretch beyond {@code maxHours}, as a fraction of it, that a run's last interval may take
     * where the error control's own interval reaches the run's end ({@link #measured(double[], double[],
     * double[], double[], double, double, double)}). The cap of four years is no error bound: the
     * intervals it cut had measured errors of 0.002-0.02 tolerances (docs/performance-log.md, "orbit
     * count"), and the benchmark decade's orbit at day 2 131 (error 0.009 after 1 016 days, so about
     * 0.02 after 1 521 by the second-order growth the control assumes) would otherwise be followed by
     * one 61 days before the run's end, an orbit (~7 % of the decade's calls) for those 61 days (`coldorbit2`).
     */
    static final double END_STRETCH = 0.25;

    /**
     * As {@link #measured(double[], double[], double[], double[], double, double)}, with the hours
     * from this orbit to the run's end, {@code remainingHours}: where the error control's interval
     * (growth at most twofold) reaches that end but the cap {@code maxHours} does not, and the end is
     * within {@link #END_STRETCH} of the cap beyond it, the interval runs to the end (whole periods).
     */
    void measured(double[] average, double[] diag, double[] slowState, double[] atol, double age, double period,
                  double remainingHours) {
        boolean secantWasApplied = secantApplied();
        boolean first = !controlled();
        applied = secantWasApplied ? "secant" : (trendSet() ? "trend" : "none");
        detail.setLength(0);
        int argTrend = -1;
        int argSecant = -1;
        double govTrend = 0;
        double worstTrend = 0;
        double worstSecant = 0;
        double squaredSecant = 0;
        double squaredNone = 0;
        double trendFactor = MAX_GROWTH;
        double minFactor = Double.POSITIVE_INFINITY;
        double carriedSecant = 0;
        for (int j = 0; j < average.length; j++) {
            double rate = -Math.min(diag[j], 0);
            double kappa = Math.max(rate, 1 / HORIZON_HOURS);
            double scale = atol[j] * kappa + tolerance * (Math.abs(average[j]) + kappa * Math.abs(slowState[j]));
            double eTrend = Math.abs(average[j] - predictedTrend[j]) / scale;
            double eSecant = Math.abs(average[j] - predictedSecant[j]) / scale;
            double eNone = Math.abs(average[j] - predictedRaw[j]) / scale;
            worstTrend = Math.max(worstTrend, eTrend);
            worstSecant = Math.max(worstSecant, eSecant);
            squaredSecant += eSecant * eSecant;
            squaredNone += eNone * eNone;
            // With a trend the error is second order in the interval, without it first order.
            int order = trend[j] != 0 ? 2 : 1;
            // The error the state carries (see the class comment): reduced only for a state that enters
            // no FAST derivative, whose error cannot move the orbit and come back as indirect change.
            double wTrend = passive[j] ? stateWeight(rate * age, order) : 1;
            double wSecant = passive[j] ? stateWeight(rate * age, 2) : 1;
            double fj = SAFETY * Math.pow(eTrend * wTrend, order == 2 ? -0.5 : -1.0);
            trendFactor = Math.min(trendFactor, fj);
            if (fj < minFactor) {
                minFactor = fj;
                argTrend = j;
                govTrend = eTrend * wTrend;
            }
            if (eSecant * wSecant > carriedSecant) {
                carriedSecant = eSecant * wSecant;
                argSecant = j;
            }
            if (detailed && Math.max(eTrend, Math.max(eSecant, eNone)) >= 0.05) {
                detail.append(String.format(java.util.Locale.ROOT, "%n      [%d]%s tau %.3g d: none %.3g trend %.3g secant %.3g (w %.2f/%.2f)",
                        j, passive[j] ? " passive" : "", rate > 0 ? 1 / rate / 24 : Double.POSITIVE_INFINITY, eNone, eTrend,
                        eSecant, wTrend, wSecant));
            }
            missed[j] = average[j] - predictedRaw[j];
            // One weight for all states: the trends then conserve mass as the orbit averages do. None
            // from a restart's first interval, which spans the regimen's onset (class comment).
            double weight = age < minTrendHours - 1e-9 || (rules && first) ? 0 : TREND_WEIGHT;
            trend[j] = weight * missed[j] / age;
        }
        double factor = trendFactor;
        lastError = worstTrend;
        governing = argTrend;
        governingError = govTrend;
        double rawFactor = minFactor;
        if (secant != null) {
            if (secantWasApplied) {
                // The secant's error is second order in the move once it has been learnt. (Sized by the
                // error of the predictor applied next instead, where that was the other one, the CKD G5
                // carbonate-binder year went to 2.78e-2 of reference: docs/performance-log.md, `orbitreuse`.)
                rawFactor = carriedSecant > 0 ? SAFETY * Math.pow(carriedSecant, -0.5) : Double.POSITIVE_INFINITY;
                factor = Math.min(MAX_GROWTH, rawFactor);
                lastError = worstSecant;
                governing = argSecant;
                governingError = carriedSecant;
            }
            // Applied next only if it was the closer and within the tolerance: in a regimen's first
            // days both miss by several tolerances, and the secant's misses there (a turn within
            // a day) were the larger ones (up to 24 tolerances against the trend's 5).
            secantCloser = worstSecant < worstTrend && worstSecant <= 1;
            // A sensitivity that predicted worse than none at all is forgotten before the update, so
            // that one bad estimate (a change of direction inside the interval) is not carried on.
            if (squaredSecant > squaredNone) {
                secant.reset();
            }
            if (rules && first) {
                // A restart's first interval spans the regimen's onset: no sensitivity from it (class comment).
                secant.reset();
                secant.rebase(slowState);
            } else {
                secant.update(missed, slowState);
            }
        }
        // Growth beyond twofold where the error fell over each of the last two intervals although each was
        // longer than the one before: a measured order of at most zero (see the class comment).
        double growth = MAX_GROWTH;
        // Over intervals of at least DECAY_SPAN_HOURS only: shorter ones see the FAST lag's renewals (see above).
        boolean fell = !first && age > lastAge * (1 + 1e-9) && governingError <= lastGoverning
                && lastAge >= DECAY_SPAN_HOURS - 1e-9;
        if (rules && fell && fellBefore) {
            growth = DECAY_GROWTH;
            factor = Math.min(DECAY_GROWTH, rawFactor);
        }
        if (first && !Double.isNaN(measureBy) && age >= measureBy - 1e-9) {
            // measureFirstBy's measurement (not the drift guard's): growth back to the restart's first interval
            growth = Math.max(MAX_GROWTH, Math.min(FIRST_INTERVAL_HOURS, maxHours) / age);
            factor = Math.min(growth, rawFactor);
        }
        measureBy = Double.NaN;
        fellBefore = fell;
        lastAge = age;
        lastGoverning = governingError;
        limiter = factor >= growth - 1e-12 ? "growth" + (growth > MAX_GROWTH ? "x" + growth : "")
                : factor <= MAX_SHRINK ? "shrink" : "error";
        factor = Math.max(MAX_SHRINK, factor);
        interval = Math.max(period, Math.min(maxHours, Math.floor(age * factor / period + 1e-9) * period));
        if (age * factor > maxHours) {
            limiter = "cap";
        }
        double controlled = age * factor;
        if (controlled > maxHours && remainingHours <= controlled && remainingHours <= (1 + END_STRETCH) * maxHours) {
            interval = Math.max(interval, Math.ceil(remainingHours / period - 1e-9) * period);
            limiter = "stretch";
        }
    }

    /** Whether a trend is set (some state's). */
    private boolean trendSet() {
        for (double v : trend) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last decision in words, for a run's trace ({@link BiasProbe#trace}): the predictor that was applied over the interval
     * just measured, the measured errors (end errors of trend and secant, in tolerances), the SLOW state
     * ({@code names[j]}) whose (weighted) error set the next interval, what limited it, and the predictor
     * applied next.
     */
    String describe(String[] names) {
        if (!controlled()) {
            return String.format(java.util.Locale.ROOT, "restart: next interval %.1f d", interval / 24);
        }
        return String.format(java.util.Locale.ROOT,
                "applied %s, error %.3g (worst end error), set by %s at %.3g weighted, limit %s, next %.1f d, next predictor %s",
                applied, lastError, governing < 0 ? "-" : names[governing], governingError, limiter, interval / 24,
                secantApplied() ? "secant" : "trend") + named(detail, names);
    }

    /** The trace's detail lines with each SLOW state's index followed by its name. */
    private static String named(CharSequence detail, String[] names) {
        var m = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int j = Integer.parseInt(m.group(1));
            m.appendReplacement(out, "[" + j + " " + (j < names.length ? names[j] : "?") + "]");
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * How much of a flux error that grows from zero at the orbit to {@code e} at the end of the interval
     * (as {@code (s/h)^order}) a SLOW state relaxing at rate {@code kappa} carries, relative to the
     * {@code e / kappa} the scale assumes, with {@code x = kappa h}: at the interval's end the state
     * carries the error filtered by its relaxation, {@code G(x) = x * int_0^1 exp(-x (1-u)) u^order du}
     * (1 for a state relaxing within the interval); a state relaxing over several intervals (an
     * integrator: x -> 0) carries the errors of many intervals, i.e. their mean, {@code 1 / (order + 1)}
     * of the end error. The larger of the two.
     */
    static double stateWeight(double x, int order) {
        double mean = 1.0 / (order + 1);
        if (x < 0.05) {
            // G(x) < x / (order + 1) there, below the mean; the closed form below cancels badly.
            return mean;
        }
        double ex = Math.exp(-x);
        double i0 = (1 - ex) / x;
        double i1 = (1 - ex * (1 + x)) / (x * x);
        double g;
        if (order == 1) {
            g = x * (i0 - i1);
        } else {
            double i2 = (2 - ex * (x * x + 2 * x + 2)) / (x * x * x);
            g = x * (i0 - 2 * i1 + i2);
        }
        return Math.max(mean, Math.min(1, g));
    }
}
