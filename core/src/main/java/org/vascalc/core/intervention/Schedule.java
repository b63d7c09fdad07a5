package org.vascalc.core.intervention;

import java.util.List;

/**
 * When an intervention is taken: from {@code startDay} (inclusive) to {@code stopDay} (exclusive;
 * {@code Double.POSITIVE_INFINITY} = to the end of the run), at the clock hours given, on the days
 * of the week given (0 = the scenario's first day; {@code everyDay()} = all seven).
 *
 * @param startDay    first day, days from the scenario start
 * @param stopDay     day it stops, days from the scenario start
 * @param clockHours  times of day of each intake, hours in [0, 24), increasing
 * @param daysOfWeek  which days of each 7-day week (0–6, counted from the start), increasing
 */
public record Schedule(double startDay, double stopDay, List<Double> clockHours, List<Integer> daysOfWeek) {

    public static final List<Integer> EVERY_DAY = List.of(0, 1, 2, 3, 4, 5, 6);

    public Schedule {
        clockHours = List.copyOf(clockHours);
        daysOfWeek = List.copyOf(daysOfWeek);
        if (!(startDay >= 0) || !(stopDay > startDay)) {
            throw new IllegalArgumentException("schedule needs 0 <= startDay < stopDay (days from the scenario start), "
                    + "got startDay = " + startDay + ", stopDay = " + stopDay);
        }
        if (clockHours.isEmpty() || daysOfWeek.isEmpty()) {
            throw new IllegalArgumentException("schedule needs at least one clock hour and one day of week, got "
                    + "clockHours = " + clockHours + ", daysOfWeek = " + daysOfWeek);
        }
        for (int i = 0; i < clockHours.size(); i++) {
            double h = clockHours.get(i);
            if (!(h >= 0 && h < 24) || (i > 0 && !(h > clockHours.get(i - 1)))) {
                throw new IllegalArgumentException("clock hours must be increasing within [0, 24) h, got clockHours = "
                        + clockHours);
            }
        }
        for (int i = 0; i < daysOfWeek.size(); i++) {
            int d = daysOfWeek.get(i);
            if (d < 0 || d > 6 || (i > 0 && d <= daysOfWeek.get(i - 1))) {
                throw new IllegalArgumentException("days of week must be increasing within 0..6, got daysOfWeek = "
                        + daysOfWeek);
            }
        }
    }

    /** Every day from the start to the end of the run at the given clock hours. */
    public static Schedule daily(double... clockHours) {
        return new Schedule(0, Double.POSITIVE_INFINITY, boxed(clockHours), EVERY_DAY);
    }

    public Schedule between(double start, double stop) {
        return new Schedule(start, stop, clockHours, daysOfWeek);
    }

    public int intakesPerWeek() {
        return clockHours.size() * daysOfWeek.size();
    }

    /** Whether the schedule repeats with a one-day period (all seven days). */
    public boolean isDaily() {
        return daysOfWeek.size() == 7;
    }

    /**
     * The hours since the scenario start of every intake in [{@code fromHour}, {@code toHour}]: day {@code d}'s clock
     * hours, on the days with {@code d % 7} in {@link #daysOfWeek}, at {@code 24 d + clock hour} within [start, stop)
     * (the engine's intake times: IntakeTimeline); increasing. A chart marks its doses and meals at these times.
     */
    public List<Double> intakeHours(double fromHour, double toHour) {
        List<Double> out = new java.util.ArrayList<>();
        double start = 24 * startDay;
        double stop = 24 * stopDay;
        long first = (long) Math.floor(Math.max(fromHour, start) / 24);
        double last = Math.min(toHour, stop);
        for (long d = first; 24.0 * d <= last; d++) {
            if (!daysOfWeek.contains((int) (d % 7))) {
                continue;
            }
            for (double h : clockHours) {
                double t = 24.0 * d + h;
                if (t >= start && t < stop && t >= fromHour && t <= toHour) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static List<Double> boxed(double[] hs) {
        Double[] b = new Double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            b[i] = hs[i];
        }
        return List.of(b);
    }
}
