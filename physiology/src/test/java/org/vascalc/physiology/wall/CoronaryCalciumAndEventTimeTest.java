package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The small wall values: a coronary readout's layer shares (intimal / (intimal + medial), 0 for no
 * mineral), and the event time of the cumulative-hazard trick at its edges (a crossing exactly at a
 * recorded point, a flat stretch, a record that does not start at 0, mismatched arrays).
 */
class CoronaryCalciumAndEventTimeTest {

    @Test
    void layerSharesSplitTheMineralAndAreZeroWithoutMineral() {
        CoronaryCalcium c = new CoronaryCalcium(100, 80, 20, 30, 10, 5);
        assertThat(c.intimalShare()).isEqualTo(0.75);
        assertThat(c.medialShare()).isEqualTo(0.25);
        CoronaryCalcium none = new CoronaryCalcium(0, 0, 0, 0, 0, 0);
        assertThat(none.intimalShare()).isZero();
        assertThat(none.medialShare()).isZero();
    }

    @Test
    void theEventTimeCountsTheHazardFromTheRecordsStart() {
        double[] t = {0, 10, 20};
        // Λ relative to the start: 0, 0.2, 0.4; the threshold 0.2 is reached exactly at t = 10
        double[] h = {1.0, 1.2, 1.4};
        assertThat(EventDraw.firstTime(t, h, 0.2).getAsDouble()).isCloseTo(10, within(1e-12));
        assertThat(EventDraw.firstTime(t, h, 0.3).getAsDouble()).isCloseTo(15, within(1e-12));
        assertThat(EventDraw.firstTime(t, h, 0.41)).isEmpty();
    }

    @Test
    void aThresholdReachedExactlyAtTheLastRecordedPointCounts() {
        // "first reaches": Λ = 0.25 at t = 10 meets a threshold of 0.25 there, though no later point exists
        assertThat(EventDraw.firstTime(new double[] {0, 10}, new double[] {0, 0.25}, 0.25).getAsDouble()).isEqualTo(10);
    }

    @Test
    void aFlatHazardReachingAZeroThresholdGivesTheStartOfTheStep() {
        // Λ does not move between 0 and 10; a threshold of 0 is met at the first step's start, not NaN
        assertThat(EventDraw.firstTime(new double[] {0, 10}, new double[] {0.5, 0.5}, 0).getAsDouble()).isZero();
        assertThat(EventDraw.firstTime(new double[] {}, new double[] {}, 0)).isEmpty();
        assertThat(EventDraw.firstTime(new double[] {3}, new double[] {0}, 0)).isEmpty();
    }

    @Test
    void mismatchedRecordsAreRefused() {
        assertThatThrownBy(() -> EventDraw.firstTime(new double[] {0, 1}, new double[] {0}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("times and hazards differ in length: 2 vs 1");
    }
}
