package org.vascalc.core.input;


/**
 * The validity envelope of one numeric input: outside {@code [hardLow, hardHigh]} is an error,
 * outside {@code [typicalLow, typicalHigh]} a warning. The message is built from this same object,
 * so what is checked and what is said cannot drift apart. Ranges read "60 to 260 mmHg", as the
 * command-line options' messages do, and every number in them follows {@link #fmt(double)}'s one rule
 * (a minute in hours reads 1/60, not 0.0166667).
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
        if (Double.isInfinite(value)) {
            // a number past a double's range (1e400 in a file) reads as Infinity: "duration = Infinity days" (review12)
            problems.error(path, field + " is " + (value < 0 ? "a negative number too large" : "too large a number")
                    + " to hold (past 1.8e308); the allowed range is " + allowed());
            return false;
        }
        if (!allows(value)) {
            problems.error(path, describe(value) + " is outside the allowed range " + allowed());
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

    /**
     * The allowed range as every message prints it, "1/60 to 8766 h" (the bounds by {@link #fmt(double)}, then
     * the unit): the file readers' "outside the allowed range ...", "missing; ... a number from ..." and the web
     * forms' hints all say it in these words.
     */
    public String allowed() {
        return interval(hardLow, hardHigh);
    }

    private String describe(double value) {
        return field + " = " + fmt(value) + (unit.isEmpty() || "1".equals(unit) ? "" : " " + unit);
    }

    private String interval(double lo, double hi) {
        return fmt(lo) + " to " + fmt(hi) + (unit.isEmpty() || "1".equals(unit) ? "" : " " + unit);
    }

    /**
     * A value or a range's bound for a message, by one rule: the shortest decimal of at most six significant
     * digits that reads back as the same number (5.4, 50000, 0.0005: as typed); a number no such decimal gives
     * but a fraction with a denominator up to 1000 does, as that fraction (a minute in hours, 1/60, is
     * "1/60" and not "0.0166667", which is not the bound: 0.0166667 h is allowed and 0.01666 h is not,
     * though both print alike to six digits); anything else to six significant digits.
     */
    public static String fmt(double v) {
        String decimal = fmt(v, 6);
        if (!Double.isFinite(v) || Double.parseDouble(decimal) == v) {
            return decimal;
        }
        for (int n = 2; n <= MAX_DENOMINATOR; n++) {
            double m = Math.rint(v * n);
            if (m != 0 && Math.abs(m) < 1e6 && m / n == v) {
                return Long.toString((long) m) + "/" + n;
            }
        }
        return decimal;
    }

    /** The largest denominator {@link #fmt(double)} writes a fraction with: 1/60 (a minute in hours), 1/24, 1/365. */
    private static final int MAX_DENOMINATOR = 1000;

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
        // never an exponent: "%.6g" wrote a bound of 0.00002 as "2e-05" (leftovers32), PlainNumber "0.0000200000"
        String s = org.vascalc.core.units.PlainNumber.of(v, significant);
        // only the decimals' trailing zeros: "%.6g" prints 119999.99999999 as "120000", which is no fraction
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
