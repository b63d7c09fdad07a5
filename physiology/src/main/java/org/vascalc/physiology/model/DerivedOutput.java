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

    /**
     * True for a probability recorded as a fraction 0 to 1 (unit "1"), e.g. the wall's cumulative risks: reports show
     * it in per cent. The output declares it, so a reworded description cannot change a chart's unit (leftovers25).
     */
    default boolean probability() {
        return false;
    }

    double value(double tHours, double[] y, Drivers drivers);

    /** How a derived output is computed from time, state and drivers. */
    @FunctionalInterface
    interface Formula {
        double value(double tHours, double[] y, Drivers drivers);
    }

    /** A derived output with the given id, unit and description, computed by {@code formula}. */
    static DerivedOutput of(String id, String unit, String description, Formula formula) {
        return new DerivedOutput() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String unit() {
                return unit;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public double value(double tHours, double[] y, Drivers drivers) {
                return formula.value(tHours, y, drivers);
            }
        };
    }
}
