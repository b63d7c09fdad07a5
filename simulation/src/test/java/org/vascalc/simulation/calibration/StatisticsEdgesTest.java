package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/**
 * The trajectory statistics on piecewise-linear data whose answers are exact by hand: windows that
 * start or end between recorded points, on a recorded point, and times outside the record.
 */
class StatisticsEdgesTest {

    /** A second channel first, so the statistics must read the channel asked for. */
    private static final Trajectory T = new Trajectory(List.of(new OutputChannel("other", "u", ""),
            new OutputChannel("c", "u", "")), new double[] {0, 2, 4, 6, 8},
            new double[][] {{9, 1}, {9, 3}, {9, 3}, {9, 7}, {9, 1}});

    @Test
    void valuesBeforeAtAndAfterTheRecord() {
        assertThat(Statistics.at(T, "c", -1)).isEqualTo(1);
        assertThat(Statistics.at(T, "c", 0)).isEqualTo(1);
        assertThat(Statistics.at(T, "c", 2)).isEqualTo(3);
        assertThat(Statistics.at(T, "c", 5)).isCloseTo(5, within(1e-12));
        assertThat(Statistics.at(T, "c", 7.5)).isCloseTo(2.5, within(1e-12));
        assertThat(Statistics.at(T, "c", 9)).isEqualTo(1);
    }

    @Test
    void areasAndMeansOverWindowsThatEndBetweenOrOnRecordedPoints() {
        // 1 -> 3 over [0, 2]: 4; 3 over [2, 4]: 6; 3 -> 7 over [4, 6]: 10; 7 -> 1 over [6, 8]: 8
        assertThat(Statistics.integral(T, "c", 0, 8)).isCloseTo(28, within(1e-12));
        assertThat(Statistics.integral(T, "c", 2, 6)).isCloseTo(16, within(1e-12));
        // [1, 5]: 1 -> 2 -> 3 (2.5 over [1, 2]), 3 over [2, 4] (6), 3 -> 5 over [4, 5] (4)
        assertThat(Statistics.integral(T, "c", 1, 5)).isCloseTo(12.5, within(1e-12));
        assertThat(Statistics.mean(T, "c", 1, 5)).isCloseTo(12.5 / 4, within(1e-12));
        // above 3: nothing over [2, 4], 0 -> 4 over [4, 6]; from 3 to 5: 0 -> 2 over [4, 5]
        assertThat(Statistics.areaAbove(T, "c", 3, 2, 6)).isCloseTo(4, within(1e-12));
        assertThat(Statistics.areaAbove(T, "c", 3, 3, 5)).isCloseTo(1, within(1e-12));
        assertThat(Statistics.areaAbove(T, "c", 10, 0, 8)).isZero();
        // above 1 everywhere: the plain area less 8 (0.5 (0 + 2) 2 + 0.5 (2 + 2) 2 + 0.5 (2 + 6) 2 + 0.5 (6 + 0) 2)
        assertThat(Statistics.areaAbove(T, "c", 1, 0, 8)).isCloseTo(20, within(1e-12));
    }

    @Test
    void theMaximumAndItsTimeAreTakenInsideTheClosedWindowAtTheirFirstPoint() {
        assertThat(Statistics.max(T, "c", 0, 8)).isEqualTo(7);
        assertThat(Statistics.timeOfMax(T, "c", 0, 8)).isEqualTo(6);
        assertThat(Statistics.max(T, "c", 0, 4)).isEqualTo(3);
        assertThat(Statistics.timeOfMax(T, "c", 0, 4)).as("the first of two equal values").isEqualTo(2);
        assertThat(Statistics.max(T, "c", 8, 8)).as("a window of one point holds it").isEqualTo(1);
        assertThat(Statistics.max(T, "c", 6, 8)).isEqualTo(7);
        assertThat(Statistics.max(T, "c", 0, 1)).as("the first point alone").isEqualTo(1);
        assertThatThrownBy(() -> Statistics.max(T, "c", 2.5, 3.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no recorded point of c in [2.5, 3.5] h");
    }

    @Test
    void hoursAboveCountFromTheWindowStartToTheCrossingBackDown() {
        // rises above 5 after t = 4, back down to 5 at t = 6 + 2/3 (7 -> 1 over [6, 8])
        assertThat(Statistics.hoursAbove(T, "c", 5, 0, 8)).isCloseTo(6 + 2.0 / 3, within(1e-12));
        assertThat(Statistics.hoursAbove(T, "c", 5, 1, 8)).isCloseTo(5 + 2.0 / 3, within(1e-12));
        // still above at the window's end: the whole window
        assertThat(Statistics.hoursAbove(T, "c", 5, 0, 6)).isEqualTo(6);
        assertThat(Statistics.hoursAbove(T, "c", 5, 1, 6)).isEqualTo(5);
        // above 3 only around t = 6, back at 3 at 6 + 2 (7 - 3) / (7 - 1); touching the level is no rise
        assertThat(Statistics.hoursAbove(T, "c", 3, 0, 8)).isCloseTo(6 + 4.0 / 3, within(1e-12));
        assertThat(Statistics.hoursAbove(T, "c", 3, 0, 3)).isZero();
        // the window's start point itself is not a rise
        assertThat(Statistics.hoursAbove(T, "c", 6, 6, 8)).isZero();
    }
}
