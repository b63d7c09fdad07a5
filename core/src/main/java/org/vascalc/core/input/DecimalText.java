package org.vascalc.core.input;

import java.util.regex.Pattern;

/**
 * A number as a person writes it: an optional sign, digits with at most one decimal point, an optional exponent
 * ({@code 5}, {@code -0.5}, {@code .5}, {@code 1e-3}). Java's {@link Double#parseDouble} takes more: {@code NaN},
 * {@code Infinity}, hexadecimal ({@code 0x1p3} is 8) and a trailing type letter ({@code 5d}, {@code 5f}), so
 * {@code cohort --years 5d} ran five years where five days may have been meant, with no word (fifty-ninth
 * session), while the web forms refused it. One rule for every number typed on the command line (options,
 * {@code --set}, {@code --scan}) and in a parameter catalog, as the forms already read them.
 */
public final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DecimalText() {
    }

    /** Whether {@code text} (not stripped) is a decimal number as written above. */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /**
     * The number {@code text} writes, leading and trailing blanks ignored; a decimal too large for a double
     * ({@code 1e400}) is infinite, for the caller's range check to name.
     *
     * @throws NumberFormatException if {@code text} is not a decimal number as written above
     */
    public static double parse(String text) {
        String t = text.strip();
        if (!isDecimal(t)) {
            throw new NumberFormatException("'" + text + "' is not a decimal number");
        }
        return Double.parseDouble(t);
    }
}
