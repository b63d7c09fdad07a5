package org.vascalc.core.param;

import java.util.Objects;
import org.vascalc.core.evidence.Evidence;

/**
 * One model number: its value in the unit named, the plausible range it may take (used by
 * calibration bounds and by the catalog's own check), and the evidence for it.
 *
 * @param name        identifier used by the model code, e.g. {@code gutCaVmaxMmolPerH}
 * @param value       value in {@code unit}
 * @param unit        unit text as printed in docs, e.g. {@code mmol/h}; {@code 1} for dimensionless
 * @param low         lowest plausible value (inclusive)
 * @param high        highest plausible value (inclusive)
 * @param evidence    where the value comes from
 * @param description one line saying what the number means
 */
public record Parameter(String name, double value, String unit, double low, double high,
                        Evidence evidence, String description) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(evidence, "evidence");
        description = description == null ? "" : description;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("parameter " + name + " has a non-finite value " + value);
        }
        if (!(low <= high)) {
            throw new IllegalArgumentException("parameter " + name + ": low " + low + " > high " + high);
        }
        if (value < low || value > high) {
            throw new IllegalArgumentException("parameter " + name + " = " + value + " " + unit
                    + " lies outside its plausible range [" + low + ", " + high + "] " + unit);
        }
    }

    /** Whether an optimiser may move this value (evidence is {@link Evidence.Calibrated}). */
    public boolean isCalibrated() {
        return evidence instanceof Evidence.Calibrated;
    }

    /** The same parameter with a new value (kept inside the plausible range by the constructor). */
    public Parameter withValue(double newValue) {
        return new Parameter(name, newValue, unit, low, high, evidence, description);
    }
}
