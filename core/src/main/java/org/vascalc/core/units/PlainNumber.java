package org.vascalc.core.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A computed number for a reader, to a given number of significant digits and never in E-notation: Java's
 * {@code %.4g} writes a value under 10<sup>-4</sup> as {@code -1.752e-05}, which /cohort's paired table and
 * {@code cohort}'s console printed for a small difference in an event rate (review20); here it is
 * {@code -0.00001752}, in the decimals the rest of the table uses. Values from 10<sup>-4</sup> up print as
 * {@code %.Ng} prints them (trailing zeros kept: the digits are significant), so tables whose numbers were
 * never tiny read as before; a value of more whole digits than that prints whole ({@code 123457}).
 */
public final class PlainNumber {

    private PlainNumber() {
    }

    /**
     * {@code v} to {@code digits} significant digits as {@code %.<digits>g} writes it, but in plain decimals
     * where that would use an exponent; {@code "NaN"}, {@code "Infinity"} as Java writes those.
     *
     * @param digits significant digits, 1 to 17
     */
    public static String of(double v, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits = " + digits + " is outside 1 to 17");
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String g = String.format(Locale.ROOT, "%." + digits + "g", v);
        if (g.indexOf('e') < 0) {
            return g;
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP)).toPlainString();
    }

    /** As {@link #of(double, int)} with a sign always written ({@code +0.0008086}, {@code -0.00001752}). */
    public static String signed(double v, int digits) {
        String s = of(v, digits);
        return s.startsWith("-") || Double.isNaN(v) ? s : "+" + s;
    }
}
