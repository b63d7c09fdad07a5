package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Recording;

/**
 * Which phases fast mode keeps orbit states at for recorded rows between its samples
 * ({@link RowPhaseSamples}): those of the rows still to come in the segment that are off the
 * sample grid, each once, none for rows on the grid, none once the segment's last such row is past.
 */
class RowPhaseSamplesTest {

    private static RecordingPlan plan(Recording recording, double hours) {
        var sc = Scenarios.of("phases", hours / 24, recording);
        var parameters = ModelAssembly.defaultParameters();
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters), new DriverCourse(sc, parameters));
        return new RecordingPlan(recording, hours, model);
    }

    @Test
    void hourlyRowsKeepTheOddHoursOnce() {
        // Rows every hour on days 8 and 9 of ten; the daily regimen's samples every 2 h (12 a day).
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 8, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 0, 24, 240, 12);
        assertThat(rows.count()).isEqualTo(12);
        rows.beginPeriod();
        for (int k = 0; k < 12; k++) {
            assertThat(rows.nextPhase()).isEqualTo(2 * k + 1);
            rows.takeNext()[0] = 2 * k + 1;
        }
        assertThat(rows.nextBefore(0, 1e9)).isFalse();
        // A row at 213 h (21:00 of day 8) reads the state kept at phase 21 h, within the slack.
        assertThat(rows.at(RowPhaseSamples.phaseOf(213 - 192, 24))[0]).isEqualTo(21);
        assertThat(rows.at(21 + 0.5e-9)[0]).isEqualTo(21);
        // A phase on the grid, or one no row has, is not kept: asking for it is a fault.
        assertThatThrownBy(() -> rows.at(4)).isInstanceOf(IllegalStateException.class).hasMessageContaining("phase 4.0");
        assertThatThrownBy(() -> rows.at(21.5)).isInstanceOf(IllegalStateException.class);
        // An orbit after the segment's last off-grid row (239 h) keeps none.
        rows.prepare(plan, 240, 24, 240, 12);
        assertThat(rows.count()).isZero();
    }

    @Test
    void rowsOnTheSampleGridKeepNone() {
        RecordingPlan daily = plan(new Recording(List.of("pth"), 24, 2, 8, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(daily, 0, 24, 240, 12);
        assertThat(rows.count()).isZero();
        // The same rows are off the grid of a weekly regimen's 14-hour samples (168 h / 12): 00:00
        // of day 1 is 24 h into the week.
        rows.prepare(daily, 0, 168, 240, 12);
        assertThat(rows.count()).isPositive();
        assertThat(rows.at(24)).isNotNull();
    }

    @Test
    void theGridTestHasTheSlackOfTheOtherTimeComparisons() {
        assertThat(RowPhaseSamples.onGrid(4, 2)).isTrue();
        assertThat(RowPhaseSamples.onGrid(4 + 0.9e-9, 2)).isTrue();
        assertThat(RowPhaseSamples.onGrid(4 - 0.9e-9, 2)).isTrue();
        assertThat(RowPhaseSamples.onGrid(4 + 2e-9, 2)).isFalse();
        assertThat(RowPhaseSamples.onGrid(3, 2)).isFalse();
        assertThat(RowPhaseSamples.onGrid(24 - 1e-12, 2)).isTrue();
        assertThat(RowPhaseSamples.phaseOf(213, 24)).isEqualTo(21);
    }

    @Test
    void aNewSegmentFindsItsOwnRows() {
        // Hourly rows all ten days; a schedule change at 120 h splits them into two segments. The
        // first segment's orbits keep the odd hours up to its last row off the grid (119 h); an
        // orbit of the second segment, same plan, period and samples, keeps its own odd hours
        // (rows up to 239 h), not none because the first segment's rows are past.
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 0, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 96, 24, 120, 12);
        assertThat(rows.count()).isEqualTo(12);
        rows.prepare(plan, 120, 24, 240, 12);
        assertThat(rows.count()).isEqualTo(12);
        assertThat(rows.at(23)).isNotNull();
    }

    @Test
    void anotherSampleCountFindsTheRowsAgain() {
        // Hourly rows are off a 2-hour sample grid at the odd hours and all on a 1-hour grid
        // (24 samples a day): same plan, period and segment, other samples, other phases.
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 8, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 0, 24, 240, 12);
        assertThat(rows.count()).isEqualTo(12);
        rows.prepare(plan, 0, 24, 240, 24);
        assertThat(rows.count()).isZero();
        // And back: the odd hours again.
        rows.prepare(plan, 0, 24, 240, 12);
        assertThat(rows.count()).isEqualTo(12);
    }

    @Test
    void movingTheKeptStatesShiftsTheFastOnesAndKeepsAmountsNonNegative() {
        // Hourly rows over a 4-hour run: 1 h and 3 h are off the 2-hour sample grid.
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 0, 1), 4);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 0, 24, 4, 12);
        assertThat(rows.count()).isEqualTo(2);
        rows.beginPeriod();
        double[] first = rows.takeNext();
        double[] second = rows.takeNext();
        System.arraycopy(new double[] {5, 7, 1}, 0, first, 0, 3);
        System.arraycopy(new double[] {-3, 7, 0}, 0, second, 0, 3);
        // FAST states 0 and 2 moved by -dev (dev 0.5 and 2); state 1 is SLOW and stays.
        rows.move(new int[] {0, 2}, new double[] {0.5, 2});
        // 5 - 0.5; a negative state (a deviation, not an amount) may go further below zero; an
        // amount (1, or exactly 0) moved below zero stays at zero.
        assertThat(first).containsExactly(4.5, 7, 0);
        assertThat(second).containsExactly(-3.5, 7, 0);
        assertThat(rows.at(1)).isSameAs(first);
        assertThat(rows.at(3)).isSameAs(second);
    }

    @Test
    void aRowAtTheSegmentsEndIsItsLast() {
        // The segment ends at 119 h (an odd hour): its row there is the segment's, phase 23 h.
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 0, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 96, 24, 119, 12);
        assertThat(rows.count()).isEqualTo(12);
        assertThat(rows.at(23)).isNotNull();
    }

    @Test
    void phasesCountFromTheOrbitsStart() {
        // A weekly orbit starting at 36 h (not a multiple of the week): daily rows at 48, 72, 96
        // and 120 h are 12, 36, 60 and 84 h into it; 84 h is a sample (168 h / 12 = 14 h apart).
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 24, 0, 0), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 36, 168, 120, 12);
        assertThat(rows.count()).isEqualTo(3);
        rows.beginPeriod();
        assertThat(rows.nextPhase()).isEqualTo(12);
        rows.takeNext();
        assertThat(rows.nextPhase()).isEqualTo(36);
        rows.takeNext();
        assertThat(rows.nextPhase()).isEqualTo(60);
    }

    @Test
    void sixteenRowsOffTheGridFillTheFirstBuffer() {
        // Hourly rows over 32 h: 1, 3, ..., 31 h, sixteen off the grid (the search's first buffer
        // holds sixteen); one day's phases, the odd hours, twelve.
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 0, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 0, 24, 32, 12);
        assertThat(rows.count()).isEqualTo(12);
    }

    @Test
    void aPhaseAtTheStopIsTakenThere() {
        // At a stop exactly at a row's phase (1 h), or within the slack before it, the row's state
        // is taken there (before an intake at that time); 0.01 h before, not yet.
        RecordingPlan plan = plan(new Recording(List.of("pth"), 24, 1, 0, 10), 240);
        RowPhaseSamples rows = new RowPhaseSamples(3);
        rows.prepare(plan, 0, 24, 240, 12);
        rows.beginPeriod();
        assertThat(rows.nextAtOrBefore(0, 0.99)).isFalse();
        assertThat(rows.nextAtOrBefore(0, 1 - 0.5e-9)).isTrue();
        assertThat(rows.nextAtOrBefore(0, 1)).isTrue();
        assertThat(rows.nextAtOrBefore(24, 1)).isFalse();
    }
}
