package org.vascalc.physiology.mineral;

import org.hipparchus.analysis.solvers.IllinoisSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;

/**
 * The gut day derivation as it was before {@link MealDayGut} became fast (kept verbatim as the slow,
 * obviously correct reference): Hipparchus' classical Runge-Kutta at a fixed 0.02 h step runs whole
 * days until the day is periodic (up to 30), for every trial Vmax of an Illinois search. The fast
 * derivation must agree with it.
 */
final class SlowMealDayGut {

    /** Number of gut states: solid meal, chyme, then the small-intestinal compartments. */
    private static final int MEAL = 0, CHYME = 1, FIRST_SEGMENT = 2;
    private static final double STEP_HOURS = 0.02;
    private static final int MAX_DAYS = 30;

    private final int segments;
    private final double solidRate, segmentRate, paracellularRate, km, secretion;
    private final double[] mealHours, mealAmounts;
    private final int n;
    private final ClassicalRungeKuttaIntegrator rk4 = new ClassicalRungeKuttaIntegrator(STEP_HOURS);
    private final OrdinaryDifferentialEquation chain;
    /** Current trial Vmax (one instance per derivation, single thread). */
    private double vmax;

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
    SlowMealDayGut(int segments, double solidRate, double segmentRate, double paracellular, double km,
               double secretion, HabitualMeals meals, double dailyIntake) {
        this.segments = segments;
        this.solidRate = solidRate;
        this.segmentRate = segmentRate;
        this.paracellularRate = paracellular;
        this.km = km;
        this.secretion = secretion;
        this.mealHours = meals.hours();
        this.mealAmounts = meals.shares();
        for (int i = 0; i < mealAmounts.length; i++) {
            mealAmounts[i] *= dailyIntake;
        }
        this.n = FIRST_SEGMENT + segments + 1; // last: cumulative absorption
        this.chain = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return rates(y);
            }
        };
    }

    /**
     * The transcellular Vmax per compartment for which the daily mean absorption equals {@code target}
     * (mmol/h), with the periodic gut state at clock hour 0; null if no Vmax does (paracellular
     * absorption alone exceeds the target, or the target exceeds what any Vmax can absorb).
     */
    MealDayGut.Baseline derive(double target) {
        double[] state = new double[n];
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
        // Absorption is smooth and increasing in Vmax: a bracketing secant method (Illinois).
        double v = new IllinoisSolver(1e-13, 1e-15, 1e-15 * target)
                .solve(200, x -> meanAbsorption(x, state) - target, lo, hi);
        meanAbsorption(v, state);
        double[] lumen = new double[segments];
        System.arraycopy(state, FIRST_SEGMENT, lumen, 0, segments);
        return new MealDayGut.Baseline(v, state[MEAL], state[CHYME], lumen);
    }

    /**
     * Mean absorption over one periodic day, mmol/h, for a Vmax; {@code state} (start at clock hour 0)
     * is the first guess and is left at the periodic state.
     */
    double meanAbsorption(double vmax, double[] state) {
        this.vmax = vmax;
        double absorbed = 0;
        for (int day = 0; day < MAX_DAYS; day++) {
            double[] end = runDay(state);
            absorbed = end[n - 1] / 24;
            boolean periodic = true;
            for (int i = 0; i < n - 1; i++) {
                if (Math.abs(end[i] - state[i]) > 1e-13 + 1e-11 * Math.abs(end[i])) {
                    periodic = false;
                }
                state[i] = end[i];
            }
            if (periodic && day > 0) {
                break;
            }
        }
        state[n - 1] = 0;
        return absorbed;
    }

    /** One day from clock hour 0, meals as jumps of the solid-meal content; the last entry accumulates absorption. */
    private double[] runDay(double[] start) {
        double[] y = start.clone();
        y[n - 1] = 0;
        double t = 0;
        for (int m = 0; m <= mealHours.length; m++) {
            double end = m < mealHours.length ? mealHours[m] : 24;
            if (end > t) {
                y = rk4.integrate(chain, new ODEState(t, y), end).getPrimaryState();
            }
            t = end;
            if (m < mealHours.length) {
                y[MEAL] += mealAmounts[m];
            }
        }
        return y;
    }

    /** The same equations as {@link MineralBlock#addRates}' gut part, with R = 0.5 and constant secretion. */
    private double[] rates(double[] y) {
        double[] d = new double[n];
        double triturated = solidRate * y[MEAL];
        double emptied = solidRate * y[CHYME];
        d[MEAL] = -triturated;
        d[CHYME] = triturated - emptied;
        double inflow = emptied + secretion;
        double absorbed = 0;
        for (int s = 0; s < segments; s++) {
            double lumen = Math.max(0, y[FIRST_SEGMENT + s]);
            double taken = vmax * lumen / (lumen + km) + paracellularRate * lumen;
            double out = segmentRate * lumen;
            d[FIRST_SEGMENT + s] = inflow - taken - out;
            absorbed += taken;
            inflow = out;
        }
        d[n - 1] = absorbed;
        return d;
    }
}
