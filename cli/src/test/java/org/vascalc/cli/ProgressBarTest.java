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
}
