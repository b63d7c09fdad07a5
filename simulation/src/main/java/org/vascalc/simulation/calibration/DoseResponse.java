package org.vascalc.simulation.calibration;

import java.util.function.DoubleUnaryOperator;

/**
 * Target E12's operational reading of "absorption plateaus": doses of 125, 250, ... 3000 mg, and the
 * first dose at which the extra calcium absorbed per extra 125 mg falls below half its value for the
 * first 125 mg. Shared by the programmatic check ({@code engine.EngineChecks}) and the one that runs
 * the target's scenario files ({@code checks.MineralTargetChecks}), which differ only in how they get
 * the amount absorbed at a dose.
 */
public final class DoseResponse {

    /** Dose step and first dose, mg. */
    public static final double STEP_MG = 125;
    /** Largest dose tried, mg. */
    public static final double MAX_DOSE_MG = 3000;

    private DoseResponse() {
    }

    /**
     * @param excessAbsorbedMg the extra calcium absorbed (mg) after a dose (mg), against no dose
     * @return the plateau dose in mg, or +infinity if the slope never halves up to {@link #MAX_DOSE_MG}
     */
    public static double plateauDoseMg(DoubleUnaryOperator excessAbsorbedMg) {
        double previous = 0;
        double firstSlope = Double.NaN;
        for (double dose = STEP_MG; dose <= MAX_DOSE_MG; dose += STEP_MG) {
            double absorbed = excessAbsorbedMg.applyAsDouble(dose);
            double slope = (absorbed - previous) / STEP_MG;
            if (Double.isNaN(firstSlope)) {
                firstSlope = slope;
            } else if (slope < 0.5 * firstSlope) {
                return dose;
            }
            previous = absorbed;
        }
        return Double.POSITIVE_INFINITY;
    }
}
