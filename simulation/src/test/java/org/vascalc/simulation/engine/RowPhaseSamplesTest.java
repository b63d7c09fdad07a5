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
}
