package org.vascalc.simulation.calibration;

/**
 * One row of {@code calibration-targets.csv}: a published number the model is fitted to
 * ({@code use = fit}) or only compared with ({@code use = check}; never fitted).
 */
public record CalibrationTarget(String id, String scope, Use use, String phenomenon, String population,
                                String scenario, String output, String statistic, double value, double low,
                                double high, String unit, String source, String locator, String status) {

    public enum Use { FIT, CHECK }

    /** Whether a model value lies inside the target's tolerance band [low, high]. */
    public boolean accepts(double modelValue) {
        return modelValue >= low && modelValue <= high;
    }

    /** Signed percent error against the central value (Pulse's convention); NaN when the value is 0. */
    public double signedPercentError(double modelValue) {
        if (value == 0) {
            return Double.NaN;
        }
        return (modelValue - value) / Math.abs(value) * 100.0;
    }
}
