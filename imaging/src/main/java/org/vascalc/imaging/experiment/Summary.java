package org.vascalc.imaging.experiment;

/** Mean, standard deviation, minimum and maximum over repeated noisy scans. */
public record Summary(double mean, double sd, double min, double max) {

    static Summary of(double[] v) {
        double m = 0;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double x : v) {
            m += x;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return new Summary(m, v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0, lo, hi);
    }
}
