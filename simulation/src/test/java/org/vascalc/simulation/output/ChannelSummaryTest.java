package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

class ChannelSummaryTest {

    @Test
    void firstLowestHighestWhenAndLastPerChannel() {
        Trajectory t = new Trajectory(List.of(new OutputChannel("a", "mmol/L", "a"), new OutputChannel("b", "1", "b")),
                new double[] {0, 6, 12, 18}, new double[][] {{2.3, 5}, {2.5, 4}, {2.2, 7}, {2.4, 1}});
        List<ChannelSummary> rows = ChannelSummary.of(t);
        assertThat(rows).containsExactly(new ChannelSummary("a", "mmol/L", 2.3, 2.2, 2.5, 6, 2.4),
                new ChannelSummary("b", "1", 5, 1, 7, 12, 1));
        assertThat(ChannelSummary.of(new Trajectory(t.channels(), new double[0], new double[0][]))).isEmpty();
    }

    @Test
    void theHighestValueIsTimedWhereItIsFirstReached() {
        Trajectory t = new Trajectory(List.of(new OutputChannel("a", "1", "a")), new double[] {0, 6, 12, 18},
                new double[][] {{1}, {3}, {3}, {2}});
        assertThat(ChannelSummary.of(t)).containsExactly(new ChannelSummary("a", "1", 1, 1, 3, 6, 2));
    }
}
