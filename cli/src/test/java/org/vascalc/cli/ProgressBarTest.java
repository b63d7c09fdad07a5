package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theCountingBarShowsTheCountTheRateAndTheTimeLeft() {
        String l = ProgressBar.line(250, 1000, 50, "cohort mesa", "member-runs");
        assertThat(l).startsWith("cohort mesa [##########..............................]  25.0 % 250/1000 member-runs, 5.0/s, ETA 2 min 30 s");
        assertThat(ProgressBar.line(1000, 1000, 7200, "c", "runs")).contains("100.0 %").contains("done in 2 h 00 min");
        assertThat(ProgressBar.line(0, 10, 0, "c", "runs")).contains("ETA -");
        assertThat(ProgressBar.duration(59.4)).isEqualTo("59 s");
        assertThat(ProgressBar.duration(3 * 86400 + 7 * 3600 + 65)).isEqualTo("79 h 01 min");
    }

    @Test
    void aLongJobLogsOneLinePerPercentWhenNotAtATerminal() {
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar.Counter c = new ProgressBar.Logged(new java.io.PrintWriter(text), "cohort mesa", "member-runs");
        for (int done = 1; done <= 1000; done++) {
            c.count(done, 1000);
        }
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(100);
        assertThat(lines[0]).startsWith("cohort mesa [").contains("1.0 % 10/1000 member-runs").contains("ETA");
        assertThat(lines[99]).contains("100.0 % 1000/1000").contains("done in");
    }
}
