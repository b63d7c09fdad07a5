package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    /**
     * checkbars: a count with the share of a unit under way (a reference run of a minute) moves the bar, the percent,
     * the rate and the time left; the count says the whole units done. A log's lines take it too.
     */
    @Test
    void aCountWithinAUnitMovesTheBarAndTheCountStaysWhole() {
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar.Counting c = new ProgressBar.Counting(new java.io.PrintWriter(text), "agreement", "member-runs", 0);
        c.count(0.25, 2, 1_000_000_000L);
        assertThat(text.toString()).contains("  12.5 % 0/2 member-runs, 0.3/s, ETA 7 s");
        c.count(1.75, 2, 2_000_000_000L);
        assertThat(text.toString()).contains("  87.5 % 1/2 member-runs");
        c.count(1.5, 2, 3_000_000_000L); // a smaller report, late from another thread: not drawn
        assertThat(text.toString()).doesNotContain("75.0 %");
        assertThat(ProgressBar.line(2.5, 10, 5, "c", "runs")).contains("  25.0 % 2/10 runs, 0.5/s, ETA 15 s");
        java.io.StringWriter log = new java.io.StringWriter();
        ProgressBar.Logged l = new ProgressBar.Logged(new java.io.PrintWriter(log), "agreement", "member-runs", 0);
        l.count(0.5, 2, ProgressBar.LOG_INTERVAL_NANOS + 1);
        assertThat(log.toString()).contains("25.0 % 0/2 member-runs");
    }

    @Test
    void theCountingBarShowsTheCountTheRateAndTheTimeLeft() {
        String l = ProgressBar.line(250, 1000, 50, "cohort mesa", "member-runs");
        assertThat(l).startsWith("cohort mesa [##########..............................]  25.0 % 250/1000 member-runs, 5.0/s, ETA 2 min 30 s");
        assertThat(ProgressBar.line(1000, 1000, 7200, "c", "runs")).contains("100.0 %").contains("done in 2 h 00 min");
        assertThat(ProgressBar.line(0, 10, 0, "c", "runs")).contains("ETA -");
        assertThat(ProgressBar.duration(59.4)).isEqualTo("59 s");
        assertThat(ProgressBar.duration(3 * 86400 + 7 * 3600 + 65)).isEqualTo("79 h 01 min");
    }

    /**
     * A slow start (the JIT's warm-up, each thread's first member) must not set the time left for the
     * rest: the bar reads its rate over the last ten seconds. It used to divide by the whole run's
     * average, here 4/s, and say 3 min 40 s for what the present 10/s finishes in 1 min 28 s.
     */
    @Test
    void theTimeLeftFollowsTheRecentRateNotASlowStart() {
        java.io.StringWriter text = new java.io.StringWriter();
        long s = 1_000_000_000L;
        ProgressBar.Counting c = new ProgressBar.Counting(new java.io.PrintWriter(text), "cohort mesa", "member-runs", 0);
        long done = 0;
        for (long t = 1; t <= 20; t++) { // 1 member-run a second for 20 s
            done++;
            c.count(done, 1000, t * s);
        }
        for (long q = 1; q <= 40; q++) { // then 10 a second, drawn four times a second, for 10 s
            done = 20 + q * 10 / 4;
            c.count(done, 1000, 20 * s + q * s / 4);
        }
        String[] states = text.toString().split("\r");
        String last = states[states.length - 1];
        assertThat(last).contains("120/1000 member-runs, 10.0/s, ETA 1 min 28 s");
        assertThat(states[5]).as("before ten seconds have passed: the average so far")
                .contains("5/1000 member-runs, 1.0/s, ETA 16 min 35 s");
        assertThat(ProgressBar.line(120, 1000, 30, "cohort mesa", "member-runs")).as("the run-wide average it replaced")
                .contains("4.0/s, ETA 3 min 40 s");
    }

    /**
     * A log gets a line when a whole percent more is done and ten seconds have passed since the last:
     * 1 000 runs, one a second, give a line at 10, 20, ... 1 000 s (the 1 %, 2 %, ... lines a second
     * apart come too soon), so 100 lines, each run's percent a whole one at a ten-second mark.
     */
    @Test
    void aLongJobLogsALineAtMostEveryTenSecondsWhenNotAtATerminal() {
        java.io.StringWriter text = new java.io.StringWriter();
        long s = 1_000_000_000L;
        ProgressBar.Logged c = new ProgressBar.Logged(new java.io.PrintWriter(text), "cohort mesa", "member-runs", 0);
        for (int done = 1; done <= 1000; done++) {
            c.count(done, 1000, done * s);
        }
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(100);
        assertThat(lines[0]).startsWith("cohort mesa [").contains("1.0 % 10/1000 member-runs").contains("ETA");
        assertThat(lines[99]).contains("100.0 % 1000/1000").contains("done in 16 min 40 s");
    }

    /**
     * A job of 3 600 runs in 60 s (validate's wall cohort) got nothing in a log under the old rule
     * (lines only from 100 000 units): now a line at each whole percent ten seconds after the last,
     * i.e. at 10, 20, ... 60 s — six lines, the last the whole. A job done in 5 s writes nothing.
     */
    @Test
    void aMinuteLongJobGetsAFewLinesAndAQuickOneNone() {
        java.io.StringWriter text = new java.io.StringWriter();
        long ms = 1_000_000L;
        ProgressBar.Counter logged = ProgressBar.counting(new java.io.PrintWriter(text), "wall rows' cohort", "member-runs", false);
        assertThat(logged).isInstanceOf(ProgressBar.Logged.class);
        ProgressBar.Logged c = (ProgressBar.Logged) logged;
        long t0 = System.nanoTime(); // the counter made above started at about this time
        for (int done = 1; done <= 3600; done++) {
            c.count(done, 3600, t0 + 10 * ms + done * (60_000 * ms / 3600));
        }
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[5]).contains("100.0 % 3600/3600 member-runs").contains("done in 1 min 00 s");
        java.io.StringWriter quick = new java.io.StringWriter();
        ProgressBar.Logged q = new ProgressBar.Logged(new java.io.PrintWriter(quick), "c", "runs", 0);
        for (int done = 1; done <= 100; done++) {
            q.count(done, 100, done * 50 * ms);
        }
        assertThat(quick.toString()).as("a job of 5 s").isEmpty();
        assertThat(ProgressBar.counting(new java.io.PrintWriter(quick), "c", "runs", true)).isInstanceOf(ProgressBar.Counting.class);
    }

    /**
     * Workers report from their own threads, so a report of N−1 can arrive after N (TrialRunnerTest
     * saw 23 after 24). The bars drew it: the count went back, and a late report after the finished
     * bar drew a stray line under it, or the bar ended at N−1 of N.
     */
    @Test
    void theCountingBarNeverGoesBackAndEndsAtTheWhole() {
        java.io.StringWriter text = new java.io.StringWriter();
        long s = 1_000_000_000L;
        ProgressBar.Counting c = new ProgressBar.Counting(new java.io.PrintWriter(text), "cohort", "member-runs", 0);
        long[] reports = {1, 3, 2, 4, 6, 5, 8, 7, 10, 9}; // a second apart: each would be drawn on time alone
        for (int i = 0; i < reports.length; i++) {
            c.count(reports[i], 10, (i + 1) * s);
        }
        String all = text.toString();
        assertThat(all).endsWith("\n").as("one line, finished once").containsOnlyOnce("\n");
        java.util.List<Long> counts = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" (\\d+)/10 member-runs").matcher(all);
        while (m.find()) {
            counts.add(Long.parseLong(m.group(1)));
        }
        assertThat(counts).isSorted().doesNotHaveDuplicates().endsWith(10L).hasSize(6); // 1 3 4 6 8 10, the late ones dropped
    }

    @Test
    void thePercentBarNeverGoesBackAndEndsAtOneHundred() {
        java.io.StringWriter text = new java.io.StringWriter();
        org.vascalc.simulation.ProgressListener bar = ProgressBar.drawingTo(new java.io.PrintWriter(text), "trial");
        int[] reports = {1, 2, 4, 3, 5, 7, 6, 8, 9, 11, 10, 12, 11};
        for (int done : reports) {
            bar.progress(done / 12.0);
        }
        String all = text.toString();
        java.util.List<Integer> percents = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\] (\\d+) %").matcher(all);
        while (m.find()) {
            percents.add(Integer.parseInt(m.group(1)));
        }
        assertThat(percents).isSorted().doesNotHaveDuplicates().endsWith(100);
        assertThat(all).endsWith("100 %\n");
    }

    /**
     * A failed trial or sensitivity run: its error line must start a line of its own, not continue the
     * bar's (at a terminal it read "trial 1/1 ... [###.....] 12 %vascalc: the model cannot run ..."),
     * and a late report from another worker must not redraw the bar under it.
     */
    @Test
    void endingAnUnfinishedBarEndsItsLineOnceAndStopsItsDrawing() {
        java.io.StringWriter text = new java.io.StringWriter();
        org.vascalc.simulation.ProgressListener bar = ProgressBar.drawingTo(new java.io.PrintWriter(text), "trial");
        java.io.StringWriter none = new java.io.StringWriter();
        org.vascalc.simulation.ProgressListener undrawn = ProgressBar.drawingTo(new java.io.PrintWriter(none), "t");
        ProgressBar.endLine(undrawn);
        undrawn.progress(0.5);
        assertThat(none.toString()).as("nothing drawn, nothing to end, nothing drawn after").isEmpty();
        bar.progress(0.3);
        ProgressBar.endLine(bar);
        assertThat(text.toString()).endsWith("30 %\n");
        bar.progress(0.5);
        ProgressBar.endLine(bar);
        assertThat(text.toString()).endsWith("30 %\n");
        java.io.StringWriter done = new java.io.StringWriter();
        org.vascalc.simulation.ProgressListener finished = ProgressBar.drawingTo(new java.io.PrintWriter(done), "t");
        finished.progress(1);
        ProgressBar.endLine(finished);
        assertThat(done.toString()).as("a finished bar ended its own line").endsWith("100 %\n").doesNotEndWith("\n\n");
    }
    /** Half of the work: 50 % and half of the 40 marks filled, on a writer that buffers (as stderr's does). */
    @Test
    void thePercentBarDrawsItsShareOfFortyMarksAndFlushesEachDraw() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.vascalc.simulation.ProgressListener bar = ProgressBar.drawingTo(
                new java.io.PrintWriter(bytes, false, java.nio.charset.StandardCharsets.UTF_8), "trial");
        bar.progress(0.5);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).as("seen without closing the writer")
                .isEqualTo("\rtrial [" + "#".repeat(20) + ".".repeat(20) + "] 50 %");
        bar.progress(0.5);
        bar.progress(0.504);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).as("50 % again: not drawn again")
                .containsOnlyOnce("%");
        bar.progress(0.125);
        bar.progress(2.0);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).as("more than the whole is the whole")
                .endsWith("\rtrial [" + "#".repeat(40) + "] 100 %\n");
        java.io.ByteArrayOutputStream zero = new java.io.ByteArrayOutputStream();
        org.vascalc.simulation.ProgressListener started = ProgressBar.drawingTo(
                new java.io.PrintWriter(zero, false, java.nio.charset.StandardCharsets.UTF_8), "t");
        started.progress(0);
        ProgressBar.endLine(started);
        assertThat(zero.toString(java.nio.charset.StandardCharsets.UTF_8)).as("a bar drawn at 0 % is a line to end")
                .isEqualTo("\rt [" + ".".repeat(40) + "] 0 %\n");
    }

    @Test
    void aDurationTurnsToMinutesAtSixtySecondsAndToHoursAtAnHour() {
        assertThat(ProgressBar.duration(59.49)).isEqualTo("59 s");
        assertThat(ProgressBar.duration(60)).isEqualTo("1 min 00 s");
        assertThat(ProgressBar.duration(3599)).isEqualTo("59 min 59 s");
        assertThat(ProgressBar.duration(3600)).isEqualTo("1 h 00 min");
    }

    /** No work to do is all done; no time passed or a rate of zero gives no rate to divide the rest by. */
    @Test
    void theCountingLineOfNoWorkNoTimeOrNoRate() {
        assertThat(ProgressBar.line(0, 0, 3, "c", "runs")).contains("[" + "#".repeat(40) + "] 100.0 % 0/0 runs")
                .contains("done in 3 s");
        assertThat(ProgressBar.line(5, 10, 0, "c", "runs")).as("no time yet: no rate")
                .contains("]  50.0 % 5/10 runs, 0.0/s, ETA -"); // %5.1f: width 5
        assertThat(ProgressBar.line(5, 10, 5, 0.0, "c", "runs")).as("a recent rate of 0 is the rate")
                .contains("5/10 runs, 0.0/s, ETA -");
        assertThat(ProgressBar.line(5, 10, 5, -1, "c", "runs")).as("a negative rate is no rate: the average")
                .contains("5/10 runs, 1.0/s, ETA 5 s");
    }

    /**
     * A bar started at 100 s: the first report is drawn at once, the same count again is not, one just
     * a quarter of a second after a draw is, and the last is drawn at once whatever the time.
     */
    @Test
    void theCountingBarDrawsAtMostFourTimesASecondExceptTheEnd() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long s = 1_000_000_000L;
        ProgressBar.Counting c = new ProgressBar.Counting(
                new java.io.PrintWriter(bytes, false, java.nio.charset.StandardCharsets.UTF_8), "c", "runs", 100 * s);
        c.count(1, 10, 101 * s);
        c.count(1, 10, 102 * s);
        c.count(2, 10, 102 * s + 1);
        c.count(3, 10, 102 * s + 1 + s / 4);
        c.count(10, 10, 102 * s + 2 + s / 4);
        String all = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        String[] states = all.split("\r");
        assertThat(states).hasSize(5); // "" before the first \r
        assertThat(states[1]).contains(" 1/10 runs, 1.0/s, ETA 9 s");
        assertThat(states[2]).contains(" 2/10 runs");
        assertThat(states[3]).contains(" 3/10 runs");
        assertThat(states[4]).as("the time since the start, not since the clock's zero")
                .contains(" 10/10 runs").contains("done in 2 s").endsWith("\n");
    }

    /**
     * The rate of the last ten seconds counts from the report at or just before the window's start: at
     * 110.5 s after a start at 100 s, that is the start itself (0 done), so 21 done make 21 / 10.5 = 2.0/s,
     * and the 979 left take 489.5 s, 8 min 10 s.
     */
    @Test
    void theRecentRateCountsFromTheStartUntilAReportFallsOutOfTheWindow() {
        java.io.StringWriter text = new java.io.StringWriter();
        long s = 1_000_000_000L;
        ProgressBar.Counting c = new ProgressBar.Counting(new java.io.PrintWriter(text), "c", "runs", 100 * s);
        c.count(1, 1000, 101 * s);
        c.count(21, 1000, 110 * s + s / 2);
        String[] states = text.toString().split("\r");
        assertThat(states[states.length - 1]).contains("21/1000 runs, 2.0/s, ETA 8 min 10 s");
    }

    /** A job of nothing is done at once and writes nothing; a line once written is flushed. */
    @Test
    void aJobOfNothingWritesNothingAndALineIsFlushed() {
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar.Logged none = new ProgressBar.Logged(new java.io.PrintWriter(text), "c", "runs", 0);
        none.count(0, 0, 1);
        none.count(0, 0, 20_000_000_000L);
        assertThat(text.toString()).isEmpty();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ProgressBar.Logged logged = new ProgressBar.Logged(
                new java.io.PrintWriter(bytes, false, java.nio.charset.StandardCharsets.UTF_8), "c", "runs", 0);
        logged.count(1, 100, 11_000_000_000L);
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).as("flushed").contains(" 1/100 runs")
                .as("1 run in 11 s: 99 left take 1 089 s").contains("0.1/s, ETA 18 min 09 s").doesNotContain("\r");
    }

    /**
     * Sensitivity's bar at a terminal is the counting one (count, rate, time left; it drew only "12 %"):
     * 3 of 10 runs after 1.5 s is 2.0 runs a second, 7 left, 3.5 s, "ETA 4 s". Not at a terminal, the
     * log's counter.
     */
    @Test
    void sensitivitysBarShowsTheCountTheRateAndTheTimeLeft() {
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar.Counter bar = SensitivityCommand.bar(new java.io.PrintWriter(text), true);
        assertThat(bar).isInstanceOf(ProgressBar.Counting.class);
        assertThat(ProgressBar.line(3, 10, 1.5, "sensitivity", "runs")).contains("3/10 runs, 2.0/s, ETA 4 s");
        bar.count(10, 10);
        assertThat(text.toString()).startsWith("\rsensitivity [").contains("10/10 runs").contains("done in");
        assertThat(SensitivityCommand.bar(new java.io.PrintWriter(new java.io.StringWriter()), false))
                .isInstanceOf(ProgressBar.Logged.class);
    }

    /** A failed sensitivity run ends the counting bar's line once, and a late count draws nothing after. */
    @Test
    void endingAnUnfinishedCountingBarEndsItsLineOnceAndStopsItsDrawing() {
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar.Counting c = new ProgressBar.Counting(new java.io.PrintWriter(text), "sensitivity", "runs", 0);
        java.io.StringWriter none = new java.io.StringWriter();
        ProgressBar.Counting undrawn = new ProgressBar.Counting(new java.io.PrintWriter(none), "s", "runs", 0);
        ProgressBar.endLine(undrawn);
        undrawn.count(5, 10, 1_000_000_000L);
        assertThat(none.toString()).as("nothing drawn, nothing to end, nothing drawn after").isEmpty();
        c.count(3, 10, 1_000_000_000L);
        ProgressBar.endLine(c);
        assertThat(text.toString()).contains("3/10 runs").endsWith("\n");
        int ended = text.toString().length();
        c.count(10, 10, 2_000_000_000L);
        ProgressBar.endLine(c);
        assertThat(text.toString()).hasSize(ended);
    }
}
