package org.vascalc.simulation.calibration;

/**
 * Agreement of a model value with a target, in Pulse's validation colours: GREEN below 10 %
 * absolute signed error, YELLOW below 30 %, RED otherwise. Targets whose central value is 0 (or
 * a flag) have no percent error: GREEN inside their tolerance band, RED outside. NOT_RUN when no
 * check exists yet or the run failed.
 */
public enum Band {
    GREEN, YELLOW, RED, NOT_RUN;

    public static Band of(CalibrationTarget t, double modelValue) {
        if (Double.isNaN(modelValue)) {
            return NOT_RUN;
        }
        if (Double.isInfinite(modelValue)) {
            return RED;
        }
        double e = t.signedPercentError(modelValue);
        if (Double.isNaN(e)) {
            return t.accepts(modelValue) ? GREEN : RED;
        }
        double a = Math.abs(e);
        return a < 10 ? GREEN : a < 30 ? YELLOW : RED;
    }
}
