package org.vascalc.physiology.numeric;

/**
 * Powers x^a_1 .. x^a_k of one base with fixed exponents, from one logarithm: exp(a_i ln x). A
 * block whose power laws share a state as their base (ECF calcium in three laws of the parathyroid
 * gland, PTH in two) pays one {@code Math.log} and k {@code Math.exp} per new base instead of k
 * calls of {@code Math.pow}, each of which costs about a logarithm and an exponential. Like
 * {@link PowMemo} it remembers its last base, so a base that repeats costs nothing.
 *
 * <p>Not bit-identical to {@code Math.pow}: the rounding of a_i ln x gives a relative difference of
 * about |a_i ln x| units in the last place (below 1e-14 for the model's bases and exponents).
 * Bases that are not positive and finite take {@code Math.pow}, with its special cases. Mutable and
 * allocation-free after construction: one per block instance, on one thread.
 */
public final class PowersOf {

    private final double[] exponents;
    private final double[] values;
    private long lastBits = Double.doubleToRawLongBits(Double.NaN);

    public PowersOf(double... exponents) {
        this.exponents = exponents.clone();
        this.values = new double[exponents.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.pow(Double.NaN, exponents[i]);
        }
    }

    /** x raised to the {@code i}-th exponent. */
    public double of(double x, int i) {
        long bits = Double.doubleToRawLongBits(x);
        if (bits != lastBits) {
            lastBits = bits;
            if (x > 0 && x < Double.POSITIVE_INFINITY) {
                double ln = Math.log(x);
                for (int k = 0; k < values.length; k++) {
                    values[k] = exponents[k] == 1 ? x : Math.exp(exponents[k] * ln);
                }
            } else {
                for (int k = 0; k < values.length; k++) {
                    values[k] = Math.pow(x, exponents[k]);
                }
            }
        }
        return values[i];
    }
}
