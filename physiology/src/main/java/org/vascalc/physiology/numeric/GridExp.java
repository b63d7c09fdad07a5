package org.vascalc.physiology.numeric;

/**
 * {@code exp(rate·x)} for an argument that moves in small steps between derivative calls (the age
 * within an orbit, which changes with every call's time), at the cost of a short polynomial instead
 * of an exponential: exp(rate·x) = exp(rate·x₀)·(1 + (e^d − 1)), d = rate·(x − x₀), with x₀ the
 * nearest point of a fixed grid (spacing 2⁻¹³/|rate|, so |d| &le; 2⁻¹⁴) and e^d − 1 by its Taylor
 * series to d³/6 (remainder below d⁴/24 &lt; 6e-19). The exponential at the grid point is
 * remembered, so a new one is computed only when x crosses into another grid cell: for the wall's
 * age rates (0.019–0.15 per year) a cell spans 7 to 56 hours, so an orbit of one day computes one
 * or two.
 *
 * <p>Not bit-identical to {@code Math.exp(rate * x)}: both are within a few units in the last place
 * of the exact value, so they differ by a relative (3 + |rate·x|)·2⁻⁵² at most, the difference of
 * rounding rate·x (2.3e-15 at the wall's arguments, |rate·x| &lt; 7.5; GridExpTest). The result
 * depends on x only (the grid is fixed, not anchored at the first input), so a run does not depend
 * on what the block computed before. Mutable and allocation-free: one per block instance, on one
 * thread.
 */
public final class GridExp {

    /** Largest |d| of the series: 2⁻¹⁴. */
    private static final double HALF_CELL = 0x1p-14;

    private final double rate;
    /** Grid points per unit of x. */
    private final double cellsPerUnit;
    private double anchorIndex = Double.NaN;
    private double anchorX;
    private double anchorValue;

    public GridExp(double rate) {
        this.rate = rate;
        this.cellsPerUnit = Math.abs(rate) / (2 * HALF_CELL);
    }

    /** exp(rate·x); non-finite arguments and a zero rate take {@code Math.exp} itself. */
    public double of(double x) {
        if (!(cellsPerUnit > 0 && cellsPerUnit < Double.POSITIVE_INFINITY) || !Double.isFinite(x)) {
            return Math.exp(rate * x);
        }
        double index = Math.rint(x * cellsPerUnit);
        if (index != anchorIndex) {
            anchorIndex = index;
            anchorX = index / cellsPerUnit;
            anchorValue = Math.exp(rate * anchorX);
        }
        if (anchorValue == Double.POSITIVE_INFINITY) {
            return Math.exp(rate * x); // (∞ · a negative series would be NaN)
        }
        double d = rate * (x - anchorX);
        double expm1 = d * (1 + d * (0.5 + d * (1.0 / 6)));
        return anchorValue + anchorValue * expm1;
    }
}
