package org.vascalc.simulation.cohort;

import java.util.Arrays;

/**
 * Accumulators for cohort summaries that take one member at a time and keep a fixed amount of
 * memory, so a summary of a million members costs what one of a thousand does (hand-written: the
 * project's Hipparchus modules are core, ode and optim; the streaming statistics live in
 * hipparchus-stat, which is not a dependency).
 */
public final class StreamingStats {

    private StreamingStats() {
    }

    /** A sum with Neumaier's compensation (the error does not grow with the count), and its mean. */
    public static final class Mean {
        private double sum;
        private double compensation;
        private long n;

        public void add(double x) {
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
            n++;
        }

        public long count() {
            return n;
        }

        public double sum() {
            return sum + compensation;
        }

        /** The mean, NaN if nothing was added. */
        public double mean() {
            return n == 0 ? Double.NaN : sum() / n;
        }
    }

    /** Mean and sample variance by Welford's update (stable in one pass). */
    public static final class Variance {
        private long n;
        private double mean;
        private double m2;

        public void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }

        public long count() {
            return n;
        }

        /** The mean, NaN if nothing was added. */
        public double mean() {
            return n == 0 ? Double.NaN : mean;
        }

        /** The sample variance (n - 1 in the denominator), NaN below two values. */
        public double variance() {
            return n < 2 ? Double.NaN : m2 / (n - 1);
        }
    }

    /**
     * The median of positive values: exact (all values kept and sorted) up to {@link #EXACT_LIMIT}
     * values, beyond that read from a histogram of fixed logarithmic bins, so memory stays bounded
     * whatever the count. Each bin spans a factor of {@code 1 + }{@link #BIN_RATIO_MINUS_ONE}, and the
     * value returned is the geometric middle of the bin holding the median rank, so it lies within
     * {@value #BIN_RATIO_MINUS_ONE}/2 (relative) of a value between the two middle order statistics
     * (values outside {@link #LOW}..{@link #HIGH} are clamped into the end bins). Deterministic
     * (no sampling) and independent of the order of the values, unlike P² or a random sketch.
     * Chosen over P² because P² has no error bound; a histogram is exact in rank and bounded in value.
     */
    public static final class PositiveMedian {
        /** Values kept exactly, 800 kB of doubles. */
        public static final int EXACT_LIMIT = 100_000;
        /** Relative width of a histogram bin. */
        public static final double BIN_RATIO_MINUS_ONE = 1e-3;
        /** Lower end of the histogram (smaller values count in the first bin). */
        public static final double LOW = 1e-6;
        /** Upper end (larger values count in the last bin). */
        public static final double HIGH = 1e7;

        private static final double LOG_RATIO = Math.log1p(BIN_RATIO_MINUS_ONE);
        private static final int BINS = (int) Math.ceil(Math.log(HIGH / LOW) / LOG_RATIO);

        private double[] exact = new double[1024];
        private long[] bins;
        private long n;

        private final int exactLimit;

        public PositiveMedian() {
            this(EXACT_LIMIT);
        }

        /** With another exact limit (tests). */
        PositiveMedian(int exactLimit) {
            this.exactLimit = exactLimit;
        }

        /** Adds {@code x > 0}. */
        public void add(double x) {
            if (!(x > 0)) {
                throw new IllegalArgumentException("a positive value is needed, got " + x);
            }
            if (exact != null && n < exactLimit) {
                if (n == exact.length) {
                    exact = Arrays.copyOf(exact, (int) Math.min(exactLimit, 2L * exact.length));
                }
                exact[(int) n++] = x;
                return;
            }
            if (exact != null) { // the limit is passed: the kept values go into the histogram
                bins = new long[BINS];
                for (int i = 0; i < n; i++) {
                    bins[bin(exact[i])]++;
                }
                exact = null;
            }
            bins[bin(x)]++;
            n++;
        }

        public long count() {
            return n;
        }

        /** Whether the median is exact (no more than the exact limit of values were added). */
        public boolean exact() {
            return exact != null;
        }

        /** The median (mean of the two middle values for an even count when exact), NaN if empty. */
        public double median() {
            if (n == 0) {
                return Double.NaN;
            }
            if (exact != null) {
                double[] v = Arrays.copyOf(exact, (int) n);
                Arrays.sort(v);
                int m = v.length;
                return m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
            }
            long lowRank = (n - 1) / 2; // 0-based ranks of the middle value(s)
            long highRank = n / 2;
            return Math.sqrt(valueAtRank(lowRank) * valueAtRank(highRank));
        }

        private double valueAtRank(long rank) {
            long seen = 0;
            for (int b = 0; b < BINS; b++) {
                seen += bins[b];
                if (seen > rank) {
                    return LOW * Math.exp((b + 0.5) * LOG_RATIO);
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + n);
        }

        private static int bin(double x) {
            int b = (int) Math.floor(Math.log(x / LOW) / LOG_RATIO);
            return Math.max(0, Math.min(BINS - 1, b));
        }
    }
}
