package org.vascalc.simulation.stories;

import org.vascalc.simulation.Trajectory;

/** One recorded channel of one run, with the few readings the page takes from it. */
record Curve(double[] years, double[] values) {

    private static final double HOURS_PER_YEAR = 8766;

    static Curve of(Trajectory t, String channel) {
        double[] h = t.timesHours();
        double[] y = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            y[i] = h[i] / HOURS_PER_YEAR;
        }
        return new Curve(y, t.series(channel));
    }

    double start() {
        return values[0];
    }

    double end() {
        return values[values.length - 1];
    }

    /** The last recorded value at or before {@code year} (a row at a dose time is the pre-dose value). */
    double at(double year) {
        int k = 0;
        for (int i = 0; i < years.length; i++) {
            if (years[i] <= year + 1e-9) {
                k = i;
            }
        }
        return values[k];
    }

    double growth() {
        return end() - start();
    }

    double growthFrom(double year) {
        return end() - at(year);
    }

    /** Whether any recorded value after {@code year} is below the one recorded before it. */
    boolean fallsAfter(double year) {
        for (int i = 1; i < values.length; i++) {
            if (years[i - 1] >= year - 1e-9 && values[i] < values[i - 1]) {
                return true;
            }
        }
        return false;
    }

    double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
