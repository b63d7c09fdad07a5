package org.vascalc.cli;

import java.util.Locale;
import org.vascalc.simulation.output.ChannelSummary;

/**
 * The unit of the console's "max at" column, chosen by the run's length: a ten-year run gave
 * "87648.00" hours, which no reader takes in. Hours up to a week (a peak at 12:00 of a one-day
 * run reads best as 12.00 h), days up to two years, then years of 365.25 days: the bounds of the
 * charts' time axis ({@code RunCharts}), so a table under charts in hours says hours too (review18:
 * a five-day run's charts ran 0-120 h while its table's "max at (d)" read 1.54 for the 37 h peak; the
 * hours ended at two days here). The files (summary JSON, trajectory CSV) keep hours. The web page's
 * table uses it too.
 */
public enum MaxAtUnit {
    HOURS("h", 1), DAYS("d", 24), YEARS("y", 24 * 365.25);

    private final String symbol;
    private final double hours;

    MaxAtUnit(String symbol, double hours) {
        this.symbol = symbol;
        this.hours = hours;
    }

    /** Runs up to this many days are told in hours, in the table and on the charts' time axis. */
    public static final double HOURS_UP_TO_DAYS = 7;

    /** Runs up to this many days (two years) are told in days; longer ones in years. */
    public static final double DAYS_UP_TO_DAYS = 2 * 365.25;

    public static MaxAtUnit forRunOf(double durationDays) {
        return durationDays <= HOURS_UP_TO_DAYS ? HOURS : durationDays <= DAYS_UP_TO_DAYS ? DAYS : YEARS;
    }

    public String header() {
        return "max at (" + symbol + ")";
    }

    /** {@code h} hours from the start in this unit. */
    public double of(double h) {
        return h / hours;
    }

    /**
     * The "max at" cell of one output: the time of its highest value in this unit, or "flat" when the output
     * stays within rounding of one value ({@link ChannelSummary#flat()}; its highest value is then a last-bit
     * one, and a time such as "8.85 y" would point at nothing).
     */
    public String cell(ChannelSummary r) {
        return r.flat() ? "flat" : String.format(Locale.ROOT, "%.2f", of(r.maxAtHours()));
    }
}
