package org.vascalc.physiology.numeric;

/**
 * {@code Math.max} and {@code Math.min} of doubles, bit for bit, written as comparisons. C2 compiles
 * {@code Math.max}/{@code Math.min} of doubles on x86 into a NaN- and signed-zero-safe blend sequence of
 * ~5 vector instructions (~12-15 cycles) that sits on the dependency chain of whatever it floors or
 * caps; a predictable branch costs nothing there (docs/performance-log.md, "perfasm" and "perfasm2").
 * Every method returns exactly what the {@code Math} method returns, including the NaN and signed-zero
 * cases, so a caller needs no argument about its operands (beyond {@link #atLeast}'s floor).
 */
public final class DoubleOrder {

    private DoubleOrder() {
    }

    /**
     * {@code Math.max(x, floor)} for a floor that is +0.0 or any other number but -0.0 and NaN (every
     * caller's floor is a constant of that kind): x when x is above the floor or NaN (the comparison is
     * then false), else the floor, so -0.0 against a floor of 0 gives +0.0, as {@code Math.max} does.
     * One comparison, where {@link #max} needs two.
     */
    public static double atLeast(double x, double floor) {
        return x <= floor ? floor : x;
    }

    /**
     * {@code Math.max(a, b)} for every a and b: the strictly larger one when they are ordered and
     * differ; otherwise (equal, which includes -0.0 against +0.0, or a NaN) {@code Math.max} itself,
     * a path a caller rarely takes.
     */
    public static double max(double a, double b) {
        if (a > b) {
            return a;
        }
        if (b > a) {
            return b;
        }
        return Math.max(a, b);
    }

    /**
     * {@code Math.min(a, b)} for every a and b: the strictly smaller one when they are ordered and
     * differ; otherwise (equal, which includes -0.0 against +0.0, or a NaN) {@code Math.min} itself.
     */
    public static double min(double a, double b) {
        if (a < b) {
            return a;
        }
        if (b < a) {
            return b;
        }
        return Math.min(a, b);
    }

    /** The bits of +Infinity plus one: every NaN's magnitude bits are at or above it. */
    private static final long NAN_FLOOR = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY) + 1;

    /**
     * {@code Math.max(Math.abs(a), Math.abs(b))} for every a and b, with integer compares instead of the
     * blend sequence and instead of a branch (which of two magnitudes is larger is a coin toss in an error
     * norm, so a branch mispredicts). A magnitude's bits (sign bit clear) order as longs as the values do,
     * equal values have equal bits (no -0.0 after abs), and every NaN's bits are at or above
     * {@link #NAN_FLOOR}: comparing the bits capped there picks |a| when |a| is NaN or not smaller, else |b|,
     * which is what {@code Math.max} returns (its first NaN operand when there is one).
     */
    public static double maxMagnitude(double a, double b) {
        long la = Double.doubleToRawLongBits(a) & Long.MAX_VALUE;
        long lb = Double.doubleToRawLongBits(b) & Long.MAX_VALUE;
        long pick = Math.min(la, NAN_FLOOR) >= Math.min(lb, NAN_FLOOR) ? la : lb;
        return Double.longBitsToDouble(pick);
    }
}
