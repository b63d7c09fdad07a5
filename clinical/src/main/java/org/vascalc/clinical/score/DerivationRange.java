package org.vascalc.clinical.score;

import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;

/**
 * The range of one input a published score was derived (and is valid) on. Outside it the score is
 * either not applicable ({@link Policy#REFUSE}: an error) or an extrapolation ({@link Policy#WARN}).
 * The message is built from the same {@link ValidRange} the check uses.
 *
 * @param score  the score's name, e.g. "MESA CHD risk"
 * @param range  the derivation range (its hard limits are the ones that matter here)
 * @param policy what going outside means
 */
public record DerivationRange(String score, ValidRange range, Policy policy) {

    public enum Policy { REFUSE, WARN }

    public static DerivationRange refuse(String score, String field, String unit, double low, double high) {
        return new DerivationRange(score, ValidRange.of(field, unit, low, high), Policy.REFUSE);
    }

    public static DerivationRange warn(String score, String field, String unit, double low, double high) {
        return new DerivationRange(score, ValidRange.of(field, unit, low, high), Policy.WARN);
    }

    public boolean allows(double value) {
        return range.allows(value);
    }

    /** Adds an error or a warning if {@code value} is outside; returns whether it is inside. */
    public boolean check(double value, String path, InputProblems problems) {
        if (range.allows(value)) {
            return true;
        }
        String unit = range.unit().isEmpty() || "1".equals(range.unit()) ? "" : " " + range.unit();
        // the value and the range by ValidRange's one rule, as every other range is printed (0.5, not 0.5000)
        String what = range.field() + " = " + ValidRange.fmt(value) + unit + " is outside the range " + score
                + " was derived on, " + range.allowed();
        if (policy == Policy.REFUSE) {
            problems.error(path, what + "; the score does not apply");
        } else {
            problems.warning(path, what + "; the estimate is an extrapolation");
        }
        return false;
    }
}
