package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    /**
     * /cohort and /trials pass on reports from the workers' own threads: one of 23 of 40 can arrive after
     * 24 of 40. Two seconds after the last line, any report got a line, a smaller one too, so the
     * page's latest line (the only one shown) could go back from 60 % to 57 %.
     */
    @Test
    void aLateSmallerReportGetsNoLineSoTheShownProgressNeverGoesBack() {
        ProgressLines lines = new ProgressLines();
        int[] reports = {2, 4, 3, 8, 6, 24, 23, 30, 29, 40, 39};
        List<Double> shown = new ArrayList<>();
        for (int i = 0; i < reports.length; i++) {
            double fraction = reports[i] / 40.0;
            if (lines.shows(fraction, 3.0 * (i + 1))) { // three seconds apart: each would get a line on time alone
                shown.add(fraction);
            }
        }
        assertThat(shown).isSorted().doesNotHaveDuplicates().containsExactly(0.05, 0.1, 0.2, 0.6, 0.75);
    }

    @Test
    void smallStepsWithinTwoSecondsShareALine() {
        ProgressLines lines = new ProgressLines();
        assertThat(lines.shows(0.06, 0.5)).isTrue();
        assertThat(lines.shows(0.08, 1.0)).as("2 % more, half a second later").isFalse();
        assertThat(lines.shows(0.12, 1.2)).as("5 % beyond the last line").isTrue();
        assertThat(lines.shows(0.13, 3.3)).as("any progress two seconds on").isTrue();
        assertThat(lines.shows(1.0, 9)).as("the whole: the page's next line says it is done").isFalse();
    }

    /** The rule's edges: exactly 5 % beyond the last line, or exactly 2 s after it, gets a line; the same fraction again does not. */
    @Test
    void exactlyFivePercentOrTwoSecondsOnGetsALineAndARepeatedReportNone() {
        ProgressLines lines = new ProgressLines();
        assertThat(lines.shows(0.5, 1.0)).isTrue();
        assertThat(lines.shows(0.55, 1.0)).as("5 % beyond").isTrue();
        assertThat(lines.shows(0.56, 3.0)).as("two seconds on").isTrue();
        assertThat(lines.shows(0.56, 9.0)).as("no further than the furthest report").isFalse();
    }
}
