package org.vascalc.core.input;

import java.util.Locale;

/**
 * The validity envelope of one numeric input: outside {@code [hardLow, hardHigh]} is an error,
 * outside {@code [typicalLow, typicalHigh]} a warning. The message is built from this same object,
 * so what is checked and what is said cannot drift apart. Ranges read "60 to 260 mmHg", as the
 * command-line options' messages do.
 *
 * @param field       human name used in messages, e.g. {@code "systolic blood pressure"}
 * @param unit        unit of the value, e.g. {@code "mmHg"}
 */
public record ValidRange(String field, String unit, double hardLow, double hardHigh,
                         double typicalLow, double typicalHigh) {

    public ValidRange {
        if (!(hardLow <= typicalLow && typicalLow <= typicalHigh && typicalHigh <= hardHigh)) {
            throw new IllegalArgumentException("range for " + field + " must satisfy hardLow <= typicalLow <= "
                    + "typicalHigh <= hardHigh");
        }
    }

    /** A range with no separate typical band. */
    public static ValidRange of(String field, String unit, double low, double high) {
        return new ValidRange(field, unit, low, high, low, high);
    }

    public boolean allows(double value) {
        return Double.isFinite(value) && value >= hardLow && value <= hardHigh;
    }

    public boolean isTypical(double value) {
        return Double.isFinite(value) && value >= typicalLow && value <= typicalHigh;
    }

    /** Adds an error or a warning to {@code problems} if {@code value} falls outside; returns whether allowed. */
    public boolean check(double value, String path, InputProblems problems) {
        if (!allows(value)) {
            problems.error(path, describe(value) + " is outside the allowed range " + interval(hardLow, hardHigh));
            return false;
        }
        if (!isTypical(value)) {
            problems.warning(path, describe(value) + " is outside the typical range "
                    + interval(typicalLow, typicalHigh) + "; results there are extrapolation");
        }
        return true;
    }

    /** Throws {@link InvalidInputException} if the value is not allowed; returns it otherwise. */
    public double require(double value, String path) {
        InputProblems p = new InputProblems();
        check(value, path, p);
        p.throwIfErrors("input");
        return value;
    }

    private String describe(double value) {
        return field + " = " + fmt(value) + (unit.isEmpty() || "1".equals(unit) ? "" : " " + unit);
    }

    private String interval(double lo, double hi) {
        return fmt(lo) + " to " + fmt(hi) + (unit.isEmpty() || "1".equals(unit) ? "" : " " + unit);
    }

    /** A number for a message: whole numbers as typed, others to six significant digits (1/60 as 0.0166667). */
    public static String fmt(double v) {
        return fmt(v, 6);
    }

    /**
     * A number for a message to {@code significant} digits: whole numbers as they are, numbers of more
     * digits than that to the nearest whole (a time of 144348 h, not 1.443e+05), the rest with trailing
     * zeros dropped. Computed numbers (a model's state, a time) use four digits, so a message reads
     * 0.2889 mmol/h rather than 0.2889448017865158 mmol/h; data files keep full precision.
     */
    public static String fmt(double v, int significant) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        // from 10^significant - 0.5 up, rounding reaches the whole number (9999.96 to four digits is 10000)
        if (Math.abs(v) < 1e15 && (v == Math.rint(v) || Math.abs(v) >= Math.pow(10, significant) - 0.5)) {
            return Long.toString(Math.round(v));
        }
        String s = String.format(Locale.ROOT, "%." + significant + "g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        // only the decimals' trailing zeros: "%.6g" prints 119999.99999999 as "120000", which is no fraction
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("\\.?0+$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }
}
