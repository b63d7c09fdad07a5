package org.vascalc.cli;

import java.io.PrintWriter;
import org.vascalc.simulation.ProgressListener;

/**
 * A one-line progress bar on stderr, shown only when the user is at a terminal (a redirected or
 * captured stderr gets nothing, so logs and pipes stay clean; a counting job's {@link Logged} lines
 * are the exception, and only for jobs longer than ten seconds).
 *
 * <p>Cohort, trial and sensitivity workers report from their own threads: a worker may take count
 * N−1, be descheduled, and report it after another worker reported N. Every bar here therefore
 * draws only progress beyond what it has drawn (a late, smaller report is dropped), so it never
 * goes backwards, and draws nothing once it has drawn the whole, so a late report cannot leave a
 * stray N−1 line under the finished bar.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final String label;
    private int lastPercent = -1;

    private ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar if stderr is a terminal, otherwise {@link ProgressListener#NONE}. */
    static ProgressListener forTerminal(PrintWriter err, String label) {
        return isTerminal() ? new ProgressBar(err, label) : ProgressListener.NONE;
    }

    /** Package-private for tests: a bar that draws whatever stderr is. */
    static ProgressListener drawingTo(PrintWriter err, String label) {
        return new ProgressBar(err, label);
    }

    @Override
    public synchronized void progress(double fraction) {
        int pct = (int) Math.round(100 * Math.max(0, Math.min(1, fraction)));
        if (pct <= lastPercent) { // the same, or a report that arrived late from another thread
            return;
        }
        lastPercent = pct;
        int filled = pct * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + pct + " %");
        if (pct == 100) {
            err.println();
        }
        err.flush();
        Terminal.drew(pct < 100);
    }

    /**
     * Ends the line of {@code bar} if it is a bar that drew and did not reach 100 % (a run that failed),
     * so the error printed next starts a line of its own, and stops its drawing (a late report from
     * another worker would redraw it under the error).
     */
    static void endLine(ProgressListener bar) {
        if (bar instanceof ProgressBar b) {
            b.endLine();
        }
    }

    private synchronized void endLine() {
        if (lastPercent >= 0 && lastPercent < 100) {
            err.println();
            err.flush();
            Terminal.drew(false);
        }
        lastPercent = 100;
    }

    /**
     * As {@link #endLine(ProgressListener)} for a counting bar: ends its line if it drew and did not
     * reach the whole, and stops its drawing.
     */
    static void endLine(Counter bar) {
        if (bar instanceof Counting c) {
            c.endLine();
        }
    }

    /** Counts of done work, for a bar that shows the rate and the time left. */
    interface Counter {
        Counter NONE = (done, total) -> { };

        /** Thread-safe. */
        void count(long done, long total);

        /**
         * As {@link #count(long, long)} with the share of the units under way counted ({@code done} not a whole
         * number): for units of a minute each (a reference run), which a whole count leaves standing still.
         * Without its own, the whole units done.
         */
        default void countWithin(double done, long total) {
            count((long) Math.floor(done), total);
        }
    }

    /**
     * A bar with the count, the rate and the estimated time left if stderr is a terminal (redrawn
     * at most four times a second); otherwise a {@link Logged} counter, which writes a line now and
     * then once the job has taken longer than {@link #LOG_INTERVAL_NANOS}, so a batch job's log shows
     * how far a long job is and a quick one leaves the log clean.
     */
    static Counter counting(PrintWriter err, String label, String unit) {
        return counting(err, label, unit, isTerminal());
    }

    /** As {@link #counting(PrintWriter, String, String)}, told whether stderr is a terminal (package-private for tests). */
    static Counter counting(PrintWriter err, String label, String unit, boolean terminal) {
        return terminal ? new Counting(err, label, unit) : new Logged(err, label, unit);
    }

    /**
     * The shortest time between two of {@link Logged}'s lines, and before its first: ten seconds.
     * The earlier rule (lines only for jobs of 100 000 units or more) left `validate`'s minute-long
     * wall cohort (3 600 member-runs) and any cohort of a few thousand members silent in a log.
     */
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    /**
     * Lines for a log: one when a whole percent more is done and at least {@link #LOG_INTERVAL_NANOS}
     * have passed since the start or the last line, and the last line (the whole, with the time it
     * took) if any line was written. A job quicker than the interval writes nothing.
     */
    static final class Logged implements Counter {
        private final PrintWriter err;
        private final String label;
        private final String unit;
        private final long t0;
        private long lastLine;
        private long lastPercent;
        private boolean wrote;
        private boolean finished;

        Logged(PrintWriter err, String label, String unit) {
            this(err, label, unit, System.nanoTime());
        }

        /** Package-private for tests: a counter started at {@code t0} nanoseconds. */
        Logged(PrintWriter err, String label, String unit, long t0) {
            this.err = err;
            this.label = label;
            this.unit = unit;
            this.t0 = t0;
            this.lastLine = t0;
        }

        @Override
        public void count(long done, long total) {
            count(done, total, System.nanoTime());
        }

        @Override
        public void countWithin(double done, long total) {
            count(done, total, System.nanoTime());
        }

        /** As {@link #count(long, long)} at {@code now} nanoseconds (package-private for tests). */
        synchronized void count(double done, long total, long now) {
            if (finished) {
                return;
            }
            long pct = total <= 0 ? 100 : (long) Math.floor(100 * done / total);
            if (pct <= lastPercent) {
                return;
            }
            lastPercent = pct;
            boolean whole = pct >= 100;
            finished = whole;
            if (now - lastLine < LOG_INTERVAL_NANOS && !(whole && wrote)) {
                return;
            }
            lastLine = now;
            wrote = true;
            err.println(line(done, total, (now - t0) / 1e9, label, unit).strip());
            err.flush();
        }
    }

    /**
     * The bar of {@link #counting}. Its rate and time left are those of the last {@link #WINDOW_NANOS}
     * (once that much has passed), not of the whole run: the first members pay the JIT's warm-up, and a
     * run-wide average then said "ETA 1 h 50 min" for a run that took a minute, and overstated the
     * time left by about three times a fifth of the way in (2026-12-02, a 1 030 member-run resume).
     */
    static final class Counting implements Counter {
        private final PrintWriter err;
        private final String label;
        private final String unit;
        private final long t0;
        private long lastDraw;
        /** (time, done) at each draw, oldest first; drawn at most four times a second, so 64 hold the window. */
        private final long[] sampleNanos = new long[64];
        private final double[] sampleDone = new double[64];
        private int first;
        private int samples;
        /** The largest count reported: a smaller one arriving later (another thread's, delayed) is dropped. */
        private double seen = -1;
        private boolean finished;
        private boolean drawn;

        Counting(PrintWriter err, String label, String unit) {
            this(err, label, unit, System.nanoTime());
        }

        /** Package-private for tests: a bar started at {@code t0} nanoseconds. */
        Counting(PrintWriter err, String label, String unit, long t0) {
            this.err = err;
            this.label = label;
            this.unit = unit;
            this.t0 = t0;
            this.lastDraw = t0 - 1_000_000_000L; // the first count is drawn at once
            add(t0, 0);
        }

        @Override
        public void count(long done, long total) {
            count(done, total, System.nanoTime());
        }

        /** Draws the share of the unit under way too: the bar, the percent, the rate and the time left move. */
        @Override
        public void countWithin(double done, long total) {
            count(done, total, System.nanoTime());
        }

        /**
         * As {@link #count(long, long)} at {@code now} nanoseconds, {@code done} counting the share of the units under
         * way (package-private for tests).
         */
        synchronized void count(double done, long total, long now) {
            if (finished || done <= seen) { // nothing beyond what is known: a late report, or a repeat
                return;
            }
            seen = done;
            if (done < total && now - lastDraw < 250_000_000L) {
                return;
            }
            finished = done >= total;
            lastDraw = now;
            drawn = true;
            while (samples > 1 && now - sampleNanos[(first + 1) % sampleNanos.length] >= WINDOW_NANOS) {
                first = (first + 1) % sampleNanos.length; // keep one sample at or just beyond the window's start
                samples--;
            }
            double recent = Double.NaN;
            long since = now - sampleNanos[first];
            if (now - t0 >= WINDOW_NANOS && since > 0) {
                recent = (done - sampleDone[first]) / (since / 1e9);
            }
            add(now, done);
            err.print("\r" + line(done, total, (now - t0) / 1e9, recent, label, unit));
            if (finished) {
                err.println();
            }
            err.flush();
            Terminal.drew(!finished);
        }

        private synchronized void endLine() {
            if (drawn && !finished) {
                err.println();
                err.flush();
                Terminal.drew(false);
            }
            finished = true;
        }

        private void add(long nanos, double done) {
            if (samples == sampleNanos.length) {
                first = (first + 1) % sampleNanos.length;
                samples--;
            }
            int at = (first + samples) % sampleNanos.length;
            sampleNanos[at] = nanos;
            sampleDone[at] = done;
            samples++;
        }
    }

    /** The span over which the counting bar measures its rate. */
    static final long WINDOW_NANOS = 10_000_000_000L;

    /** One state of the counting bar: label, bar, percent, count, rate and time left (public for tests). */
    static String line(double done, long total, double seconds, String label, String unit) {
        return line(done, total, seconds, Double.NaN, label, unit);
    }

    /**
     * As {@link #line(double, long, double, String, String)}, with the rate of the recent past
     * ({@code recentRate} per second; NaN: the whole run's average) for the rate shown and the time left. {@code done}
     * may count the share of the units under way: the bar, percent, rate and time left take it, the count the whole
     * units done.
     */
    static String line(double done, long total, double seconds, double recentRate, String label, String unit) {
        double f = total <= 0 ? 1 : Math.max(0, Math.min(1, done / (double) total));
        int filled = (int) (f * WIDTH);
        double rate = Double.isFinite(recentRate) && recentRate >= 0 ? recentRate : seconds > 0 ? done / seconds : 0;
        String eta = done >= total ? "done in " + duration(seconds)
                : rate > 0 ? "ETA " + duration((total - done) / rate) : "ETA -";
        return String.format(java.util.Locale.ROOT, "%s [%s%s] %5.1f %% %d/%d %s, %.1f/s, %s   ", label,
                "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * f, (long) Math.floor(done), total, unit, rate, eta);
    }

    /** A duration as 42 s, 3 min 05 s or 2 h 07 min. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Whether stderr is a terminal: {@link Terminal#stderr()}, the rule every display follows. */
    static boolean isTerminal() {
        return Terminal.stderr();
    }
}
