package org.vascalc.simulation.calibration.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The published incidences the event levels are set to, and the level arithmetic. */
class EventLevelsTest {

    @Test
    void detranoCountGivesTheRateAndExactPoissonIntervalOfEightyNineEvents() {
        // 89 events: exact (Garwood) 95 % interval 71.47-109.53 events (chi-square quantiles / 2)
        double py = 6722 * 3.8;
        assertThat(EventLevels.MI.perThousand()).isCloseTo(1000 * 89 / py, within(1e-12));
        double[] ci = EventLevels.MI.interval95();
        assertThat(ci[0] * py / 1000).isCloseTo(71.47, within(0.01));
        assertThat(ci[1] * py / 1000).isCloseTo(109.53, within(0.01));
    }

    @Test
    void bahramiRateIsTheStatedOneAndStrokeIsBudoffsCountOverItsFollowUp() {
        assertThat(EventLevels.HF.perThousand()).isCloseTo(3.1, within(1e-12));
        assertThat(EventLevels.STROKE.perThousand()).isCloseTo(1000 * 188 / (6814 * 11.1), within(1e-12));
        assertThat(EventLevels.STROKE.years()).isEqualTo(11.1);
    }

    @Test
    void aLevelScalesItsModelledRateOntoThePublishedOne() {
        // the hazard is proportional to its level: twice the modelled rate asks for half the level
        assertThat(EventLevels.level(0.003, 2 * EventLevels.MI.perThousand(), EventLevels.MI))
                .isCloseTo(0.0015, within(1e-15));
    }
}
