package org.vascalc.physiology.model;

/**
 * A quantity computed from the state for recording (e.g. serum total calcium in mmol/L from the
 * ECF calcium pool), in its user-facing unit. Evaluated only at recording times, so it may be
 * simple rather than fast, but it must not allocate per call either.
 */
public interface DerivedOutput {

    /** Column id, e.g. {@code serumCalciumTotal}. */
    String id();

    /** User-facing unit, e.g. {@code mmol/L}. */
    String unit();

    String description();

    double value(double tHours, double[] y, Drivers drivers);
}
