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
}
