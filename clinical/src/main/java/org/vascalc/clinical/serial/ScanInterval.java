package org.vascalc.clinical.serial;

import java.util.Objects;

/**
 * The change between two scans.
 *
 * @param from               earlier scan
 * @param to                 later scan
 * @param years              time between them, calendar years (whole years between anniversaries, then
 *                           the rest as a share of that year)
 * @param absoluteChange     later − earlier, Agatston units
 * @param annualisedChange   absolute change per year, AU/y
 * @param annualisedPercent  compound annual relative change, %/y; NaN when the earlier score is 0 or the
 *                           scans are less than a year apart (annualising would magnify the change)
 * @param sqrtChange         √later − √earlier, AU^0.5 (Hokanson 2004)
 * @param verdict            whether the change exceeds interscan variability, and which way
 * @param noChangeLow        lowest later score that interscan variability alone explains, AU
 * @param noChangeHigh       highest later score that interscan variability alone explains, AU
 * @param expectedLater      later score expected from the median progression for this profile, AU
 *                           (NaN when the earlier score is 0: no median was published for that case)
 */
public record ScanInterval(Scan from, Scan to, double years, double absoluteChange, double annualisedChange,
                           double annualisedPercent, double sqrtChange, Verdict verdict, double noChangeLow,
                           double noChangeHigh, double expectedLater) {

    /** Verdict of the square-root method. */
    public enum Verdict { SIGNIFICANT_PROGRESSION, WITHIN_INTERSCAN_VARIABILITY, FALL_BEYOND_VARIABILITY }

    public ScanInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(verdict, "verdict");
    }
}
