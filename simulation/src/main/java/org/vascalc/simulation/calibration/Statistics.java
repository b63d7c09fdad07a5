package org.vascalc.simulation.calibration;

import org.vascalc.simulation.Trajectory;

/**
 * Statistics that calibration targets ask of a trajectory (times in hours from the start of the
 * run): value at a time (linear between recorded points), mean, maximum and area over a window,
 * and how long a channel stays above a level. Windows are closed intervals of recorded points.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Linear interpolation of a channel at time {@code tHours}. */
    public static double at(Trajectory t, String id, double tHours) {
        double[] x = t.timesHours();
        int k = t.channelIndex(id);
        if (tHours <= x[0]) {
            return t.value(0, k);
        }
        for (int i = 1; i < x.length; i++) {
            if (x[i] >= tHours) {
                double w = (tHours - x[i - 1]) / (x[i] - x[i - 1]);
                return (1 - w) * t.value(i - 1, k) + w * t.value(i, k);
            }
        }
        return t.value(x.length - 1, k);
    }

    /** Time-weighted mean over [from, to] (trapezoid rule on recorded points). */
    public static double mean(Trajectory t, String id, double from, double to) {
        return integral(t, id, from, to) / (to - from);
    }

    /** Trapezoid integral over [from, to] in (unit x h), interpolating at the ends. */
    public static double integral(Trajectory t, String id, double from, double to) {
        double[] x = t.timesHours();
        double sum = 0;
        double prevT = from;
        double prevV = at(t, id, from);
        int k = t.channelIndex(id);
        for (int i = 0; i < x.length; i++) {
            if (x[i] > from && x[i] < to) {
                double v = t.value(i, k);
                sum += 0.5 * (v + prevV) * (x[i] - prevT);
                prevT = x[i];
                prevV = v;
            }
        }
        sum += 0.5 * (at(t, id, to) + prevV) * (to - prevT);
        return sum;
    }

    /** Largest recorded value in [from, to]. */
    public static double max(Trajectory t, String id, double from, double to) {
        return t.value(argMax(t, id, from, to), t.channelIndex(id));
    }

    /** Time of the largest recorded value in [from, to]. */
    public static double timeOfMax(Trajectory t, String id, double from, double to) {
        return t.time(argMax(t, id, from, to));
    }

    /** Area above {@code level} over [from, to] (only the parts above count), unit x h. */
    public static double areaAbove(Trajectory t, String id, double level, double from, double to) {
        double[] x = t.timesHours();
        int k = t.channelIndex(id);
        double sum = 0;
        double prevT = from;
        double prevV = Math.max(0, at(t, id, from) - level);
        for (int i = 0; i < x.length; i++) {
            if (x[i] > from && x[i] < to) {
                double v = Math.max(0, t.value(i, k) - level);
                sum += 0.5 * (v + prevV) * (x[i] - prevT);
                prevT = x[i];
                prevV = v;
            }
        }
        return sum + 0.5 * (Math.max(0, at(t, id, to) - level) + prevV) * (to - prevT);
    }

    /**
     * Hours from {@code from} until the channel, having risen, is back at or below {@code level}
     * (linear between recorded points); {@code to - from} if it never comes back within the window.
     */
    public static double hoursAbove(Trajectory t, String id, double level, double from, double to) {
        double[] x = t.timesHours();
        int k = t.channelIndex(id);
        boolean rose = false;
        double prevT = from;
        double prevV = at(t, id, from);
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= from || x[i] > to) {
                continue;
            }
            double v = t.value(i, k);
            if (v > level) {
                rose = true;
            } else if (rose) {
                double w = (prevV - level) / (prevV - v);
                return prevT + w * (x[i] - prevT) - from;
            }
            prevT = x[i];
            prevV = v;
        }
        return rose ? to - from : 0;
    }

    private static int argMax(Trajectory t, String id, double from, double to) {
        int k = t.channelIndex(id);
        int best = -1;
        for (int i = 0; i < t.size(); i++) {
            double x = t.time(i);
            if (x >= from && x <= to && (best < 0 || t.value(i, k) > t.value(best, k))) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no recorded point of " + id + " in [" + from + ", " + to + "] h");
        }
        return best;
    }
}
