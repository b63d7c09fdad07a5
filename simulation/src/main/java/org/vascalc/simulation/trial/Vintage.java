package org.vascalc.simulation.trial;

import java.util.Locale;
import java.util.SplittableRandom;
import org.vascalc.core.random.SeedStreams;
import org.vascalc.core.units.Time;

/**
 * How long every member has already had the trial's conditions when randomised (for haemodialysis the
 * "dialysis vintage"), years: a trial of prevalent patients enrols people with years of the condition
 * behind them, while the model's members would otherwise start it at randomisation. Each member runs
 * the conditions, with their own statin and none of the arms' interventions, for their vintage; the
 * baseline is read there and follow-up starts there. A fixed vintage has {@code lowYears == highYears};
 * otherwise each member's is drawn uniformly in [low, high] from a stream of (trial seed, member index)
 * alone, so it is the same in every arm, on every thread count, and when a member is re-run alone.
 * Uniform, because no trial's vintage distribution was read (a range is all the trial files state).
 *
 * @param lowYears  shortest vintage, years (0 to {@link #MAX_YEARS})
 * @param highYears longest vintage, years (lowYears to {@link #MAX_YEARS})
 */
public record Vintage(double lowYears, double highYears) {

    /**
     * Longest vintage a trial may state, years: decades of dialysis occur but are rare, and a vintage
     * runs in full before every member's follow-up, so it also bounds the run time.
     */
    public static final double MAX_YEARS = 30;

    /** No vintage: members start the conditions at randomisation (every trial before vintages). */
    public static final Vintage NONE = new Vintage(0, 0);

    /** A stream id of its own, so the vintage draw does not disturb any other of the member's draws. */
    private static final long STREAM = 0x56494E54L; // "VINT"

    public Vintage {
        if (!(lowYears >= 0 && lowYears <= MAX_YEARS) || !(highYears >= 0 && highYears <= MAX_YEARS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "vintage must be 0 to %s years, got low %s, high %s", fmt(MAX_YEARS), fmt(lowYears), fmt(highYears)));
        }
        if (lowYears > highYears) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "vintage low %s years is above high %s years", fmt(lowYears), fmt(highYears)));
        }
    }

    /** The same vintage for every member. */
    public static Vintage fixed(double years) {
        return new Vintage(years, years);
    }

    /**
     * The members' mean vintage, years: the middle of the range (each member's is drawn uniformly in it), the fixed
     * vintage, or 0. What a reference-mode check reruns before each member's follow-up, on average ({@link
     * AgreementCheck#memberYears}).
     */
    public double meanYears() {
        return (lowYears + highYears) / 2;
    }

    /** Whether members start the conditions at randomisation. */
    public boolean isNone() {
        return highYears == 0;
    }

    /** Whether every member has the same vintage. */
    public boolean isFixed() {
        return lowYears == highYears;
    }

    /**
     * Member {@code index}'s vintage in days, rounded to whole weeks so that the arms' clock hours and
     * days of the week fall on the same times after randomisation as without a vintage (at most 3.5 days
     * off, nothing against years).
     */
    public double days(long seed, long index) {
        if (isNone()) {
            return 0;
        }
        double years = isFixed() ? lowYears : lowYears + (highYears - lowYears) * stream(seed, index).nextDouble();
        return 7 * Math.rint(years * Time.DAYS_PER_YEAR / 7);
    }

    /** The vintage in words for reports ("4 years", "1-8 years (uniform per member)"). */
    public String describe() {
        return isFixed() ? fmt(lowYears) + (lowYears == 1 ? " year" : " years")
                : fmt(lowYears) + "-" + fmt(highYears) + " years (uniform per member)";
    }

    private static SplittableRandom stream(long seed, long index) {
        return SeedStreams.stream(seed ^ STREAM, index);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
