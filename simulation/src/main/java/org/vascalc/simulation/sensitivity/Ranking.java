package org.vascalc.simulation.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The arithmetic of a one-at-a-time sensitivity analysis, as pure functions: the swing of an output
 * over a parameter's range, its local elasticity, and the ranking of parameters by swing. Nothing here
 * runs a model, so the rules can be tested on toy numbers.
 */
public final class Ranking {

    /**
     * A swing below this fraction of the baseline is reported as no effect. The adaptive step control
     * sees every state, so any number moves every output by solver round-off: in the flagship's
     * supplement arm an MI hazard (which cannot act on calcium) moves serum calcium by 3e-10 and PTH
     * by 3e-9 of their values; the floor is a hundred times above that.
     */
    public static final double NO_EFFECT = 1e-6;

    private Ranking() {
    }

    /**
     * Whether {@code e} moves its output by more than {@link #NO_EFFECT} of the baseline, or may: when
     * both ends failed nothing is known. (An end that failed while the other showed no effect is
     * reported with the failures, not as an effect.)
     */
    public static boolean hasEffect(Entry e, double baseline) {
        return Double.isNaN(e.swing()) || e.swing() > NO_EFFECT * Math.abs(baseline);
    }

    /**
     * How far the output moves over the parameter's range: the spread (largest minus smallest) of the
     * baseline and of the ends that ran, so a non-monotone response still counts, and an end that
     * failed (NaN) is left out. NaN if neither end ran.
     */
    public static double swing(double baseline, double atLow, double atHigh) {
        if (Double.isNaN(atLow) && Double.isNaN(atHigh)) {
            return Double.NaN;
        }
        double lo = baseline;
        double hi = baseline;
        for (double v : new double[] {atLow, atHigh}) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi - lo;
    }

    /**
     * Local elasticity (relative change of the output per relative change of the parameter): the
     * central difference {@code (yUp - yDown) / (ln(pUp / pDown) * y0)}. A one-sided difference is the
     * same formula with {@code pDown} (or {@code pUp}) at the baseline value and {@code yDown} (or
     * {@code yUp}) the baseline output. An output that does not move has elasticity 0 even if it is 0
     * itself; otherwise a zero baseline output, an undefined step or a failed run gives NaN.
     */
    public static double elasticity(double y0, double yDown, double yUp, double pDown, double pUp) {
        if (Double.isNaN(yDown) || Double.isNaN(yUp) || !(pDown > 0) || !(pUp > pDown)) {
            return Double.NaN;
        }
        if (yUp == yDown) {
            return 0;
        }
        if (y0 == 0) {
            return Double.NaN;
        }
        return (yUp - yDown) / (Math.log(pUp / pDown) * y0);
    }

    /** One parameter's effect on one output, ready to rank. */
    public record Entry(String parameter, double atLow, double atHigh, double swing, double elasticity,
                        String failure) {
        public Entry {
            failure = failure == null ? "" : failure;
        }

        /** Whether part of this parameter's runs failed (the message says which end). */
        public boolean failed() {
            return !failure.isEmpty();
        }
    }

    /** An entry whose swing is computed from the baseline and the ends. */
    public static Entry entry(String parameter, double baseline, double atLow, double atHigh, double elasticity,
                              String failure) {
        return new Entry(parameter, atLow, atHigh, swing(baseline, atLow, atHigh), elasticity, failure);
    }

    /**
     * The significant digits the pages print a swing (as a percent of the baseline) and an
     * elasticity to (the cli's sensitivity report formats both with them).
     */
    public static final int PRINTED_DIGITS = 3;

    /**
     * The significant digits at which the ranking compares swings and elasticities: far above the
     * printed three, so that a real difference the page does not show (two swings of 160 %, one
     * 0.18 % larger) still decides the order, and far below double precision, so that two
     * symmetric parameters whose swings differ only in their last bits (the LAD's and the RCA's
     * medial scale) tie and are ordered by name, whatever bits a regeneration brings. A pair
     * straddling a rounding boundary at this precision could still swap; at round-off differences of
     * about 1e-15 that needs a value within 1e-15 of such a boundary.
     */
    static final int RANKED_DIGITS = 9;

    /**
     * The entries by swing, largest first, compared at {@link #RANKED_DIGITS} significant digits of
     * the swing as a percent of {@code baseline} (of the swing itself where the baseline is 0); a
     * NaN swing (both ends failed) last; ties (zero swings above all, and swings equal at that
     * precision) by the absolute elasticity at the same precision, largest first (an undefined one
     * last), then by name. So the order depends neither on the order the runs finished in nor on
     * last-bit differences a regeneration may bring.
     */
    public static List<Entry> rank(List<Entry> entries, double baseline) {
        double scale = baseline == 0 ? 1 : 100 / Math.abs(baseline);
        List<Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingDouble(
                        (Entry e) -> Double.isNaN(e.swing()) ? Double.NEGATIVE_INFINITY : ranked(scale * e.swing()))
                .reversed()
                .thenComparing(Comparator.comparingDouble(
                        (Entry e) -> Double.isNaN(e.elasticity()) ? -1 : ranked(Math.abs(e.elasticity()))).reversed())
                .thenComparing(Entry::parameter));
        return List.copyOf(out);
    }

    /** {@code v} rounded to {@link #RANKED_DIGITS} significant digits. */
    static double ranked(double v) {
        return rounded(v, RANKED_DIGITS);
    }

    /** {@code v} rounded to {@code digits} significant digits as {@code %g} prints it. */
    static double rounded(double v, int digits) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "g", v));
    }
}
