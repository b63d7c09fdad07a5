package org.vascalc.simulation.calibration;

/**
 * One line of the validation table.
 *
 * @param target       the target
 * @param modelValue   the model's value in the target's unit (NaN when not run)
 * @param signedError  signed percent error against the central value (NaN when undefined)
 * @param band         GREEN / YELLOW / RED / NOT_RUN
 * @param withinTolerance whether the value lies in the target's [low, high]
 * @param note         why it was not run, or empty
 */
public record CheckRow(CalibrationTarget target, double modelValue, double signedError, Band band,
                       boolean withinTolerance, String note) {

    static CheckRow of(CalibrationTarget t, double value) {
        return new CheckRow(t, value, t.signedPercentError(value), Band.of(t, value), t.accepts(value), "");
    }

    static CheckRow notRun(CalibrationTarget t, String why) {
        return new CheckRow(t, Double.NaN, Double.NaN, Band.NOT_RUN, false, why);
    }
}
