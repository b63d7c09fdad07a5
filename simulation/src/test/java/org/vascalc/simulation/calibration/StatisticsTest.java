package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

class StatisticsTest {

    /** A triangle: 0 at t = 0, 2 at t = 2, 0 at t = 4, 0 afterwards (exact areas and crossings). */
    private static final Trajectory TRI = new Trajectory(List.of(new OutputChannel("c", "u", "")),
            new double[] {0, 1, 2, 3, 4, 5}, new double[][] {{0}, {1}, {2}, {1}, {0}, {0}});

    @Test
    void statisticsOfATriangleAreExact() {
        // Piecewise-linear data: the trapezoid rule and interpolation are exact, so 1e-12 is rounding only.
        assertThat(Statistics.at(TRI, "c", 1.5)).isCloseTo(1.5, within(1e-12));
        assertThat(Statistics.integral(TRI, "c", 0, 5)).isCloseTo(4, within(1e-12));
        assertThat(Statistics.integral(TRI, "c", 0.5, 1.5)).isCloseTo(1, within(1e-12));
        assertThat(Statistics.mean(TRI, "c", 0, 4)).isCloseTo(1, within(1e-12));
        assertThat(Statistics.max(TRI, "c", 0, 5)).isEqualTo(2);
        assertThat(Statistics.timeOfMax(TRI, "c", 0, 5)).isEqualTo(2);
        assertThat(Statistics.areaAbove(TRI, "c", 1, 0, 5)).isCloseTo(1, within(1e-12));
        assertThat(Statistics.hoursAbove(TRI, "c", 0.5, 0, 5)).isCloseTo(3.5, within(1e-12));
        assertThat(Statistics.hoursAbove(TRI, "c", 5, 0, 5)).isZero();
    }
}
