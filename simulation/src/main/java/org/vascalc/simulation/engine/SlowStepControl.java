package org.vascalc.simulation.engine;

import org.vascalc.physiology.numeric.DoubleOrder;

/**
 * The fast mode's SLOW step-size control ({@link FastRun}): the error tolerance of the SLOW step and
 * the controller that sets the next step, in whole periods, from the last step's error estimate
 * (of order h^3 for the third-order step ETD3RK, h^2 for the run-in's second-order one). Stateless.
 */
final class SlowStepControl {

    private SlowStepControl() {
    }

    /**
     * Relative size of the SLOW step's error estimate above which it is rejected. 1e-2 let a fraction
     * near 1 (carboxylated MGP under 10 mg/day MK-7) overshoot by 0.003, i.e. 40 % of 1 - c, the
     * quantity dp-ucMGP reports. The estimate was the ETD2RK step's second-stage correction (the
     * first-order step's local error, order h^2) and is now the difference between the ETD3RK
     * solution and its embedded second-order one (the second-order solution's local error, order
     * h^3; {@link Etd3Stages#error}): in both the kept solution is one order better than the estimate.
     */
    static final double STEP_TOLERANCE = 1e-3;
    /** Safety factor of the SLOW step-size controller. */
    static final double STEP_SAFETY = 0.9;
    /** Largest growth of the SLOW step from one accepted step to the next. */
    static final double MAX_STEP_GROWTH = 2;
    /** Smallest fraction of a rejected SLOW step tried next. */
    static final double MIN_STEP_SHRINK = 0.2;

    /**
     * Periods of the retry after a rejected SLOW step of {@code periods} (error {@code stepError}, relative to its tolerance): the step-size controller's
     * {@code h (tolerance / error)^(1/3)} with its safety factor (the estimate is the second-order
     * solution's local error, of order h^3), at most half the step and at least {@link #MIN_STEP_SHRINK}
     * of it, and at least one period.
     */
    static double rejectedStepPeriods(double periods, double stepError, boolean thirdOrder) {
        double factor = DoubleOrder.max(MIN_STEP_SHRINK,
                DoubleOrder.min(0.5, STEP_SAFETY / errorRoot(stepError, thirdOrder)));
        return Math.max(1, Math.floor(periods * factor));
    }

    /**
     * Periods of the next SLOW step after an accepted one of {@code taken} periods, {@code planned}
     * periods having been asked for (more where the step was cut short at the segment's end or where
     * the next orbit is due): the controller's step from this step's error, growing at most
     * {@link #MAX_STEP_GROWTH}-fold over the larger of the two; blind doubling, before, ran each
     * step up to the largest until it was rejected (69 of 251 SLOW steps of the benchmark decade,
     * each rejection a diagonal refresh, docs/performance-log.md, "SLOW step control").
     */
    static double nextStepPeriods(double taken, double planned, int maxPeriods, double stepError, boolean thirdOrder) {
        double optimal = stepError > 0 ? taken * STEP_SAFETY / errorRoot(stepError, thirdOrder) : Double.POSITIVE_INFINITY;
        double cap = taken < planned - 1e-9 ? Math.max(planned, MAX_STEP_GROWTH * taken) : MAX_STEP_GROWTH * taken;
        return Math.max(1, Math.min(maxPeriods, Math.floor(Math.min(optimal, cap) + 1e-9)));
    }

    /** The step's error to the power 1 / (order of the error estimate): cube root (third-order step) or square root. */
    static double errorRoot(double stepError, boolean thirdOrder) {
        return thirdOrder ? Math.cbrt(stepError) : Math.sqrt(stepError);
    }
}
