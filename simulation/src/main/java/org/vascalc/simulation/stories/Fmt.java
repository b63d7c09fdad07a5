package org.vascalc.simulation.stories;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** The page's number formats: fixed, locale-independent, so the generated page is the same everywhere. */
final class Fmt {

    private static final String MINUS = "\u2212";

    private Fmt() {
    }

    /** Three significant figures; whole numbers from 100 up (a score of 1035 AU, not 1040). */
    static String num(double v) {
        if (Math.abs(v) >= 100) {
            return minus(String.format(Locale.ROOT, "%.0f", v));
        }
        if (v == 0) {
            return "0";
        }
        return minus(new BigDecimal(v).round(new MathContext(3)).toPlainString());
    }

    /** Four significant figures, for slow outputs that move by a fraction of their value (SBP 139.2 mmHg). */
    static String num4(double v) {
        if (Math.abs(v) >= 1000) {
            return minus(String.format(Locale.ROOT, "%.0f", v));
        }
        if (v == 0) {
            return "0";
        }
        return minus(new BigDecimal(v).round(new MathContext(4)).toPlainString());
    }

    /** A model parameter as the catalog states it (0.93, not 0.930). */
    static String param(double v) {
        return minus(new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString());
    }

    /** A daily amount in mg, to the nearest 10 mg (3 meals of 333 mg are 1000 mg/day). */
    static String mgPerDay(double v) {
        return String.format(Locale.ROOT, "%.0f", Math.round(v / 10) * 10.0);
    }

    /** How a value stands to a reference in words: {@code 8.4 % above}, {@code 2.8 % below}. */
    static String relative(double value, double reference) {
        double pct = 100 * (value / reference - 1);
        return unsigned(Math.abs(pct)) + (pct >= 0 ? " % above" : " % below");
    }

    /** {@code start → end}, or one value when both print the same. */
    static String range(double start, double end) {
        return range(start, end, Fmt::num);
    }

    static String range(double start, double end, java.util.function.DoubleFunction<String> format) {
        String a = format.apply(start);
        String b = format.apply(end);
        return a.equals(b) ? a : a + " → " + b;
    }

    /** A signed change as a percentage of the reference ({@code +20 %}, {@code −0.4 %}). */
    static String change(double value, double reference) {
        return signed(100 * (value / reference - 1)) + " %";
    }

    /** A fraction as a percentage without sign, e.g. {@code 59 %}. */
    static String percent(double fraction) {
        return unsigned(100 * fraction) + " %";
    }

    /** A ratio, e.g. {@code 1.75×}. */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** A positive count of years, whole when it is (e.g. {@code 10}, {@code 5.5}). */
    static String years(double years) {
        double r = Math.round(years * 10) / 10.0;
        return r == Math.rint(r) ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.1f", r);
    }

    /** A signed mass or score difference, e.g. {@code +0.46}. */
    static String plus(double v) {
        return (v >= 0 ? "+" : MINUS) + num(Math.abs(v));
    }

    private static String signed(double pct) {
        return (pct >= 0 ? "+" : MINUS) + unsigned(Math.abs(pct));
    }

    private static String unsigned(double pct) {
        double a = Math.abs(pct);
        String s = a < 10 ? String.format(Locale.ROOT, "%.1f", a) : String.format(Locale.ROOT, "%.0f", a);
        return pct < 0 ? MINUS + s : s;
    }

    private static String minus(String s) {
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}
