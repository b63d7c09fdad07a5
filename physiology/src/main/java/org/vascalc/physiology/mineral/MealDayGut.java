package org.vascalc.physiology.mineral;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.analysis.solvers.IllinoisSolver;

/**
 * The gut calcium sub-chain of {@link MineralBlock} (solid meal, chyme, seven small-intestinal
 * compartments) over a day of habitual meals, at the baseline serum state (constant endogenous
 * secretion, absorption capacity R = 0.5). Used once per patient to derive the transcellular Vmax
 * for which the daily mean net absorption of the habitual diet equals baseline urinary calcium: with
 * meals the transporter works at high load after each meal and idles between them, so the Vmax that
 * closes the balance differs from the one a continuous input would need.
 *
 * <p>Every virtual patient pays this derivation, so it is built to be cheap (docs/performance-log.md,
 * "Per-patient set-up"). The discretisation is the one the block was calibrated with: the classical
 * Runge-Kutta method at a fixed 0.02 h step between meals (the chain is non-stiff, rates at most a
 * few per hour; at this step Vmax is within 1e-9 of the exact day). What changed is how often a
 * day is run. The day map forgets its start within a day (every compartment empties at 1.3/h or
 * faster, so a day contracts a start error by ~1e-12), and the daily absorption is smooth, increasing
 * and concave in Vmax. So Vmax is found by Newton's method on the periodic day, each iteration one day:
 * the day carries the sensitivity of the lumen to Vmax (the variational equation, integrated by the
 * same Runge-Kutta steps, so it is the exact derivative of the discrete day), which gives the Newton
 * slope and moves the next day's start to first order onto the new Vmax's orbit. The start is the
 * continuous-input steady state's Vmax (closed form per compartment, solved with Hipparchus'
 * bracketing Brent solver), which needs less transporter than meals (Jensen: absorption is concave in
 * the load), so Newton starts from below, 2-5 % short, and takes four steps. Five days in all (one
 * onto the first guess's orbit, four Newton steps), against ~35 for an Illinois
 * search whose every trial iterated days to periodicity. The first two of them (onto the first guess's
 * orbit, and the first Newton step) run at a 5 times coarser step: they only bring Vmax within ~2e-4
 * of the result, which the later days at the calibrated step decide (within 4e-15 of all five days at
 * that step when made, 2026-12-01; MealDayGutAgreementTest holds the result within 1e-12 of the slow
 * derivation at that step; ~0.37 instead of ~0.55 ms). The last Newton day is checked (it must end
 * where it began and absorb the target); should it fail, the bracketing search (Hipparchus' Illinois
 * solver over periodic days) decides instead.
 *
 * <p>Hand-written, and why: the fixed-step Runge-Kutta loop (Hipparchus' integrator allocates a
 * state, a derivative and an interpolator in every step: a day of the 10-state chain through it took
 * ~350 µs of CPU, this loop runs the 18-state day with the sensitivities in ~110 µs; the tableau is
 * the classical one) and the Newton iteration (it carries the day's end state and sensitivity into
 * the next trial's start, which a library solver's function interface cannot).
 */
final class MealDayGut {

    /** Gut states: solid meal, chyme, then the small-intestinal compartments. */
    private static final int MEAL = 0, CHYME = 1, FIRST_SEGMENT = 2;
    /** The Runge-Kutta step the block's baseline was calibrated with, h. */
    static final double STEP_HOURS = 0.02;
    /**
     * The step of the first two days (onto the first guess's orbit, and its Newton step), h. They
     * only bring Vmax within ~2e-4 of the result (the later days at {@link #STEP_HOURS} decide it),
     * and a coarser step moves them by far less than that, at a fraction of the cost.
     */
    static final double COARSE_STEP_HOURS = 0.1;
    private static final int MAX_DAYS = 30;
    private static final int MAX_NEWTON = 40;
    /**
     * Newton stops when a step moves Vmax by less than this, relative: the step after it would be
     * below 1e-14 (quadratic convergence; measured over the patients of MealDayGutAgreementTest).
     */
    private static final double NEWTON_TOLERANCE = 1e-10;
    /** The last Newton day must have absorbed the target to this, relative. */
    private static final double CHECK_TOLERANCE = 1e-9;

    private final int segments;
    private final double solidRate, segmentRate, paracellularRate, km, secretion, dailyIntake;
    private final double[] mealHours, mealAmounts;
    /**
     * Day state: meal, chyme, lumen of each compartment, d lumen / d Vmax of each, absorbed so far,
     * d absorbed / d Vmax. Meal and chyme do not depend on Vmax.
     */
    private final int sensitivity, absorbed, absorbedSensitivity, dimension;
    private final double[] k1, k2, k3, k4, stage;
    /** Current trial Vmax (one instance per derivation, single thread). */
    private double vmax;
    /** Runge-Kutta step of the next day, h. */
    private double step = STEP_HOURS;
    /** Days integrated so far (the derivation's cost, for tests and benchmarks). */
    private int days;

    /**
     * @param segments     small-intestinal compartments
     * @param solidRate    rate of each solid-meal emptying stage, 1/h
     * @param segmentRate  transit rate of each compartment, 1/h
     * @param paracellular paracellular absorption rate, 1/h
     * @param km           transcellular half-saturation, mmol per compartment
     * @param secretion    endogenous calcium secretion into the first compartment, mmol/h
     * @param meals        clock hours and shares of the day's calcium
     * @param dailyIntake  habitual calcium, mmol/d
     */
    MealDayGut(int segments, double solidRate, double segmentRate, double paracellular, double km,
               double secretion, HabitualMeals meals, double dailyIntake) {
        this.segments = segments;
        this.solidRate = solidRate;
        this.segmentRate = segmentRate;
        this.paracellularRate = paracellular;
        this.km = km;
        this.secretion = secretion;
        this.dailyIntake = dailyIntake;
        this.mealHours = meals.hours();
        this.mealAmounts = meals.shares();
        for (int i = 0; i < mealAmounts.length; i++) {
            mealAmounts[i] *= dailyIntake;
        }
        this.sensitivity = FIRST_SEGMENT + segments;
        this.absorbed = sensitivity + segments;
        this.absorbedSensitivity = absorbed + 1;
        this.dimension = absorbedSensitivity + 1;
        this.k1 = new double[dimension];
        this.k2 = new double[dimension];
        this.k3 = new double[dimension];
        this.k4 = new double[dimension];
        this.stage = new double[dimension];
    }

    /** The derivation's result: Vmax per compartment at R = 0.5 (mmol/h) and the gut state at midnight on the daily orbit. */
    record Baseline(double vmax, double meal, double chyme, double[] lumen) {
    }

    /**
     * The inputs of one derivation: it is a pure function of them (fixed steps, a deterministic
     * Newton iteration), so the same inputs give the same bits.
     */
    private record Inputs(int segments, double solidRate, double segmentRate, double paracellularRate, double km,
                          double secretion, double dailyIntake, double[] mealHours, double[] mealAmounts,
                          double target) {

        /**
         * The meals compared by content (the arrays are copies, never changed): the equality and hash
         * the boxed lists gave ({@code Double.equals}/{@code hashCode} and {@code Arrays.equals}/
         * {@code hashCode} both go by {@code doubleToLongBits}), without boxing them at every set-up.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Inputs i && segments == i.segments
                    && Double.compare(solidRate, i.solidRate) == 0 && Double.compare(segmentRate, i.segmentRate) == 0
                    && Double.compare(paracellularRate, i.paracellularRate) == 0 && Double.compare(km, i.km) == 0
                    && Double.compare(secretion, i.secretion) == 0 && Double.compare(dailyIntake, i.dailyIntake) == 0
                    && Arrays.equals(mealHours, i.mealHours) && Arrays.equals(mealAmounts, i.mealAmounts)
                    && Double.compare(target, i.target) == 0;
        }

        @Override
        public int hashCode() {
            int h = segments;
            h = 31 * h + Double.hashCode(solidRate);
            h = 31 * h + Double.hashCode(segmentRate);
            h = 31 * h + Double.hashCode(paracellularRate);
            h = 31 * h + Double.hashCode(km);
            h = 31 * h + Double.hashCode(secretion);
            h = 31 * h + Double.hashCode(dailyIntake);
            h = 31 * h + Arrays.hashCode(mealHours);
            h = 31 * h + Arrays.hashCode(mealAmounts);
            return 31 * h + Double.hashCode(target);
        }

        @Override
        public String toString() {
            return "Inputs[segments=" + segments + ", target=" + target + "]";
        }
    }

    /** How many recent derivations are remembered (a cohort thread runs patients one after another). */
    private static final int REMEMBERED = 64;

    /**
     * The most recent derivations, shared by every simulation (results are the same bits whichever
     * thread computed them; access is synchronized, once per patient set-up).
     */
    private static final Map<Inputs, Baseline> RECENT = new LinkedHashMap<>(2 * REMEMBERED, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Inputs, Baseline> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * {@link #derive}, remembered for the last {@value #REMEMBERED} inputs: a simulator that runs the
     * same person again (a benchmark, a scenario comparison, a sensitivity sweep over interventions)
     * sets the patient up without deriving the gut day again (~0.5 ms, 7 % of an engine decade). A new
     * person still pays the derivation.
     */
    Baseline deriveRemembered(double target) {
        Inputs key = new Inputs(segments, solidRate, segmentRate, paracellularRate, km, secretion, dailyIntake,
                mealHours.clone(), mealAmounts.clone(), target);
        Baseline known;
        synchronized (RECENT) {
            known = RECENT.get(key);
        }
        if (known == null) {
            known = derive(target);
            if (known == null) {
                return null;
            }
            synchronized (RECENT) {
                RECENT.put(key, known);
            }
        }
        return new Baseline(known.vmax(), known.meal(), known.chyme(), known.lumen().clone());
    }

    /**
     * The transcellular Vmax per compartment for which the daily mean absorption equals {@code target}
     * (mmol/h), with the periodic gut state at clock hour 0; null if no Vmax does (paracellular
     * absorption alone exceeds the target, or the target is at least what enters the intestine).
     */
    Baseline derive(double target) {
        if (paracellularAbsorption() > target || !(target < meanInflow())) {
            return null;
        }
        double v = continuousInputVmax(target);
        double[] y = new double[dimension];
        double[] start = new double[FIRST_SEGMENT + segments];
        vmax = v;
        step = COARSE_STEP_HOURS;
        runDay(y); // onto the orbit of the first guess (the day forgets its zero start)
        for (int i = 0; i < MAX_NEWTON; i++) {
            step = i == 0 ? COARSE_STEP_HOURS : STEP_HOURS;
            System.arraycopy(y, 0, start, 0, start.length);
            y[absorbed] = 0;
            y[absorbedSensitivity] = 0;
            vmax = v;
            runDay(y);
            double miss = y[absorbed] / 24 - target;
            double next = v - miss / (y[absorbedSensitivity] / 24);
            if (!(next > 0) || Double.isInfinite(next)) {
                break; // not reached for a concave absorption; the bracketing search decides
            }
            if (Math.abs(next - v) <= NEWTON_TOLERANCE * next && step == STEP_HOURS) {
                // Converged: this day started on the orbit (moved there to second order in the
                // last step) if it ended where it began and absorbed the target.
                if (!periodic(start, y) || !(Math.abs(miss) <= CHECK_TOLERANCE * target)) {
                    break;
                }
                moveStart(y, next - v);
                return baseline(next, y);
            }
            moveStart(y, next - v);
            v = next;
        }
        return deriveByBracketing(target);
    }

    /**
     * The same Vmax by a bracketing search (Hipparchus' Illinois solver) over periodic days, each
     * iterated to periodicity: robust and ~30 times slower; used if Newton's result fails its check.
     */
    Baseline deriveByBracketing(double target) {
        double[] state = new double[dimension];
        if (meanAbsorption(0, state) > target) {
            return null;
        }
        double lo = 0;
        double hi = Math.max(target, 1e-6);
        for (int i = 0; meanAbsorption(hi, state) < target; i++) {
            if (i > 60) {
                return null;
            }
            lo = hi;
            hi *= 2;
        }
        double v = new IllinoisSolver(1e-13, 1e-15, 1e-15 * target)
                .solve(200, x -> meanAbsorption(x, state) - target, lo, hi);
        meanAbsorption(v, state);
        return baseline(v, state);
    }

    /** Days integrated by this instance so far. */
    int daysRun() {
        return days;
    }

    private Baseline baseline(double v, double[] y) {
        double[] lumen = new double[segments];
        System.arraycopy(y, FIRST_SEGMENT, lumen, 0, segments);
        return new Baseline(v, y[MEAL], y[CHYME], lumen);
    }

    /**
     * Mean absorption over one periodic day, mmol/h, for a Vmax; {@code state} (start at clock hour 0;
     * at least meal, chyme and the compartments) is the first guess and is left at the periodic state.
     */
    double meanAbsorption(double vmax, double[] state) {
        this.vmax = vmax;
        this.step = STEP_HOURS;
        double[] y = new double[dimension];
        System.arraycopy(state, 0, y, 0, FIRST_SEGMENT + segments);
        double mean = 0;
        for (int day = 0; day < MAX_DAYS; day++) {
            double[] start = y.clone();
            y[absorbed] = 0;
            runDay(y);
            mean = y[absorbed] / 24;
            if (periodic(start, y) && day > 0) {
                break;
            }
        }
        System.arraycopy(y, 0, state, 0, FIRST_SEGMENT + segments);
        for (int i = FIRST_SEGMENT + segments; i < state.length; i++) {
            state[i] = 0;
        }
        return mean;
    }

    private boolean periodic(double[] start, double[] end) {
        for (int i = 0; i < FIRST_SEGMENT + segments; i++) {
            if (Math.abs(end[i] - start[i]) > 1e-13 + 1e-11 * Math.abs(end[i])) {
                return false;
            }
        }
        return true;
    }

    /** The next day's start moved to first order onto the orbit of Vmax + dv (contents stay non-negative). */
    private void moveStart(double[] y, double dv) {
        for (int s = 0; s < segments; s++) {
            y[FIRST_SEGMENT + s] = Math.max(0, y[FIRST_SEGMENT + s] + y[sensitivity + s] * dv);
        }
    }

    /** Mean calcium entering the small intestine, mmol/h (over a periodic day the stomach passes on all it gets). */
    private double meanInflow() {
        return dailyIntake / 24 + secretion;
    }

    /**
     * Daily mean absorption without a transporter, mmol/h: the chain is then linear, and over a
     * periodic day each compartment's mean content is its mean inflow over (paracellular + transit).
     */
    private double paracellularAbsorption() {
        double inflow = meanInflow();
        double total = 0;
        for (int s = 0; s < segments; s++) {
            double content = inflow / (paracellularRate + segmentRate);
            total += paracellularRate * content;
            inflow = segmentRate * content;
        }
        return total;
    }

    /**
     * The Vmax that absorbs {@code target} if the day's calcium entered at a constant rate (each
     * compartment's steady content a root of a quadratic): Newton's first guess.
     */
    private double continuousInputVmax(double target) {
        double hi = Math.max(target, 1e-6);
        for (int i = 0; i < 200 && continuousAbsorption(hi) < target; i++) {
            hi *= 2;
        }
        return new BracketingNthOrderBrentSolver(1e-10, 1e-15, 1e-12 * target, 5)
                .solve(200, v -> continuousAbsorption(v) - target, 0, hi);
    }

    private double continuousAbsorption(double v) {
        double inflow = meanInflow();
        double total = inflow;
        double loss = paracellularRate + segmentRate;
        for (int s = 0; s < segments; s++) {
            // loss x^2 + (loss km + v - inflow) x - inflow km = 0, the positive root in its stable form
            double b = loss * km + v - inflow;
            double disc = Math.sqrt(b * b + 4 * loss * inflow * km);
            double content = b >= 0 ? 2 * inflow * km / (b + disc) : (disc - b) / (2 * loss);
            inflow = segmentRate * content;
        }
        return total - inflow;
    }

    /** One day from clock hour 0 in place, meals as jumps of the solid-meal content. */
    private void runDay(double[] y) {
        days++;
        double t = 0;
        for (int m = 0; m <= mealHours.length; m++) {
            double end = m < mealHours.length ? mealHours[m] : 24;
            if (end > t) {
                integrate(y, t, end);
            }
            t = end;
            if (m < mealHours.length) {
                y[MEAL] += mealAmounts[m];
            }
        }
    }

    /** Classical Runge-Kutta over [from, to] in equal steps of at most {@link #STEP_HOURS}. */
    private void integrate(double[] y, double from, double to) {
        int steps = Math.max(1, (int) Math.ceil((to - from) / step - 1e-9));
        double h = (to - from) / steps;
        for (int n = 0; n < steps; n++) {
            rates(y, k1);
            for (int i = 0; i < dimension; i++) {
                stage[i] = y[i] + 0.5 * h * k1[i];
            }
            rates(stage, k2);
            for (int i = 0; i < dimension; i++) {
                stage[i] = y[i] + 0.5 * h * k2[i];
            }
            rates(stage, k3);
            for (int i = 0; i < dimension; i++) {
                stage[i] = y[i] + h * k3[i];
            }
            rates(stage, k4);
            double sixth = h / 6;
            for (int i = 0; i < dimension; i++) {
                y[i] += sixth * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
            }
        }
    }

    /**
     * The same equations as {@link MineralBlock#addRates}' gut part, with R = 0.5 and constant
     * secretion, and their derivatives with respect to Vmax.
     */
    private void rates(double[] y, double[] d) {
        double triturated = solidRate * y[MEAL];
        double emptied = solidRate * y[CHYME];
        d[MEAL] = -triturated;
        d[CHYME] = triturated - emptied;
        double inflow = emptied + secretion;
        double inflowSensitivity = 0;
        double total = 0;
        double totalSensitivity = 0;
        for (int s = 0; s < segments; s++) {
            boolean filled = y[FIRST_SEGMENT + s] > 0;
            double lumen = filled ? y[FIRST_SEGMENT + s] : 0;
            double lumenSensitivity = filled ? y[sensitivity + s] : 0;
            double inverse = 1 / (lumen + km);
            double saturation = lumen * inverse;
            double taken = vmax * saturation + paracellularRate * lumen;
            double takenSensitivity = saturation
                    + (vmax * km * inverse * inverse + paracellularRate) * lumenSensitivity;
            double out = segmentRate * lumen;
            double outSensitivity = segmentRate * lumenSensitivity;
            d[FIRST_SEGMENT + s] = inflow - taken - out;
            d[sensitivity + s] = inflowSensitivity - takenSensitivity - outSensitivity;
            total += taken;
            totalSensitivity += takenSensitivity;
            inflow = out;
            inflowSensitivity = outSensitivity;
        }
        d[absorbed] = total;
        d[absorbedSensitivity] = totalSensitivity;
    }
}
