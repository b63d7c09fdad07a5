package org.vascalc.simulation;

/**
 * A recorded quantity: a state variable or a derived output, with its user-facing unit.
 *
 * @param id          column id, e.g. {@code serumCalciumTotal}
 * @param unit        user-facing unit, e.g. {@code mmol/L}
 * @param description one line
 */
public record OutputChannel(String id, String unit, String description) {
    /** CSV header text: {@code id(unit)} as in Pulse's data requests. */
    public String header() {
        return id + "(" + unit + ")";
    }
}
