package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.simulation.Recording;

/**
 * A run that ends half a day after its last whole period (a run given in years) finishes that half
 * day on the cached orbit ({@code FastRun.partialPeriod}), not in reference mode from a cold start:
 * a few dozen derivative calls instead of thousands, rows inside it and the last row within the
 * fast mode's agreement with reference mode, and the calcium and phosphorus books as closed as over
 * whole days (the cumulative counters hold exactly the intakes before the end: the 08:00 doses, not
 * the 20:00 one). The same where the end is off the orbit's two-hourly sample grid (a follow-up in
 * years: 0.1 year ends at 12:36), with an intake between the last sample and the end (13:12, after the
 * 13:00 meal), before the first sample (00:54), or just before the 08:00 doses (07:12).
 *
 * <p>These are the year-long cases (a reference-mode year each, two minutes for the class); the
 * 40-day ones, the calls and the books, are in {@link PartialPeriodQuickTest} (a second each) so
 * that mutation runs can take them.
 */
class PartialPeriodTest {

    @Test
    void theLastHalfDayAgreesWithReferenceModeRowByRow() {
        // A year (past the first months' transient, where fast and reference modes differ by more:
        // tissue vitamin K 8 % at day 40), two-hourly rows through the last half day, the last at 365.5 days.
        Recording rec = new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 2, 365, 366);
        assertThat(FastVersusReferenceTest.worstRelativeDifference(PartialPeriodScenarios.tail(365.5, rec))).isLessThan(0.01);
    }

    @ParameterizedTest
    @ValueSource(doubles = {365.525, 365.55, 365.0375})
    void aLastPieceEndingOffTheSampleGridAgreesWithReferenceModeRowByRow(double days) {
        // As above, the end at 12:36, 13:12 (after the 13:00 meal, between two samples) and 00:54 (before the first sample).
        Recording rec = new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 2, 365, 366);
        assertThat(FastVersusReferenceTest.worstRelativeDifference(PartialPeriodScenarios.tail(days, rec))).isLessThan(0.01);
    }
}
