package org.vascalc.core.units;

/**
 * The model's canonical time unit is the hour (as in Peterson &amp; Riggs 2010). One year is the
 * Julian year, 365.25 days = 8766 h; a study's "52 weeks" is converted where it is read.
 */
public final class Time {
    public static final double HOURS_PER_DAY = 24.0;
    public static final double DAYS_PER_YEAR = 365.25;
    public static final double HOURS_PER_YEAR = HOURS_PER_DAY * DAYS_PER_YEAR;

    private Time() {
    }

    public static double years(double years) {
        return years * HOURS_PER_YEAR;
    }

    public static double days(double days) {
        return days * HOURS_PER_DAY;
    }
}
