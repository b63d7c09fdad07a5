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
}
