package org.vascalc.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    private static final Trajectory T = new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "CT score"),
            new OutputChannel("pwv", "m/s", "aortic PWV")), new double[] {0, 24}, new double[][] {{1, 7}, {2, 8}});

    @Test
    void aChannelIsReadByItsId() {
        assertThat(T.series("pwv")).containsExactly(7, 8);
        assertThat(T.last("cacAgatston")).isEqualTo(2);
    }

    @Test
    void aChannelTheRunDidNotRecordIsNamedWithTheOnesItDid() {
        assertThatThrownBy(() -> T.series("cacMedialMass")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no output channel 'cacMedialMass'; this run recorded cacAgatston, pwv");
    }

    @Test
    void neitherTheCallersArraysNorTheHandedOutOnesReachInside() {
        double[] times = {0, 24};
        double[][] values = {{1, 7}, {2, 8}};
        Trajectory t = new Trajectory(T.channels(), times, values);
        times[1] = 99;
        values[1][1] = 99;
        t.timesHours()[0] = -1;
        t.values()[0][0] = -1;
        t.row(0)[1] = -1;
        assertThat(t.timesHours()).containsExactly(0, 24);
        assertThat(t.series("pwv")).containsExactly(7, 8);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.time(1)).isEqualTo(24);
        assertThat(t.value(0, 0)).isEqualTo(1);
    }

    @Test
    void twoTrajectoriesWithTheSameNumbersAreEqual() {
        Trajectory same = new Trajectory(T.channels(), new double[] {0, 24}, new double[][] {{1, 7}, {2, 8}});
        assertThat(same).isEqualTo(T).hasSameHashCodeAs(T);
        assertThat(new Trajectory(T.channels(), new double[] {0, 24}, new double[][] {{1, 7}, {2, 8.5}})).isNotEqualTo(T);
    }

    @Test
    void itsTextSaysHowManyChannelsAndTimesAndTheirSpan() {
        assertThat(T).hasToString("Trajectory[2 channels, 2 times from 0.0 to 24.0 h]");
        assertThat(new Trajectory(T.channels(), new double[0], new double[0][])).hasToString("Trajectory[2 channels, 0 times]");
    }
}
