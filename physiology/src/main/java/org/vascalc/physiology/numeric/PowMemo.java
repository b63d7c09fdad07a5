package org.vascalc.physiology.numeric;

/**
 * {@code Math.pow(x, exponent)} for one fixed exponent that remembers its last input and result.
 * Most inputs of a block's power laws repeat between derivative calls: drivers (eGFR, age) are the
 * same for every call at one time, and the integrator's finite-difference Jacobian moves only a few
 * states per call. The result is bit-identical to {@code Math.pow} (the input is compared by its
 * bits, so even -0.0 and NaN are told apart). Mutable and allocation-free: one per block instance,
 * and a block belongs to one simulation on one thread.
 */
public final class PowMemo {

    private final double exponent;
    private long lastBits = Double.doubleToRawLongBits(Double.NaN);
    private double last;

    public PowMemo(double exponent) {
        this.exponent = exponent;
        this.last = Math.pow(Double.NaN, exponent);
    }

    /** {@code Math.pow(x, exponent)}. */
    public double of(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if (bits != lastBits) {
            lastBits = bits;
            // Math.pow(x, 1.0) is x by its specification; skipping it is exact.
            last = exponent == 1 ? x : Math.pow(x, exponent);
        }
        return last;
    }
}
