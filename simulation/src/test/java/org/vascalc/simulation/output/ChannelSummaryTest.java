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

    /**
     * review9: food-calcium's dp-ucMGP was 409.84 pmol/L throughout, its highest value a last-bit one 8.85 years in.
     * Two ulps above 409.84 (about 1.1e-13, 3e-16 of it) is flat; one part in a million (409.84 to 409.8404) is a
     * real, if small, change and is not; zero throughout is flat.
     */
    @Test
    void anOutputWithinRoundingOfOneValueIsFlat() {
        double v = 409.84;
        double lastBits = Math.nextUp(Math.nextUp(v));
        Trajectory t = new Trajectory(List.of(new OutputChannel("dpUcMgp", "pmol/L", "dp-ucMGP"),
                new OutputChannel("small", "1", "a real change"), new OutputChannel("zero", "1", "zero")),
                new double[] {0, 24, 48}, new double[][] {{v, v, 0}, {lastBits, 409.8404, 0}, {v, v, 0}});
        List<ChannelSummary> rows = ChannelSummary.of(t);
        assertThat(rows.get(0).flat()).isTrue();
        assertThat(rows.get(0).maxAtHours()).as("the exact highest value's time is kept").isEqualTo(24);
        assertThat(rows.get(1).flat()).isFalse();
        assertThat(rows.get(2).flat()).isTrue();
    }

    /**
     * riskunit: simulate's console and the scenario page printed a risk as recorded, {@code riskMi 1 0.041514}, where
     * the charts, the sensitivity console and cohort give it in per cent. A probability is summarised in per cent
     * with unit "%", its time unchanged; a fraction that is no probability (unit 1) stays as recorded.
     */
    @Test
    void aProbabilityIsSummarisedInPerCentAndAPlainFractionAsRecorded() {
        Trajectory t = new Trajectory(List.of(new OutputChannel("riskMi", "1", "cumulative MI risk", true),
                new OutputChannel("hazardMi", "1", "cumulative MI hazard")), new double[] {0, 6, 12},
                new double[][] {{0, 0}, {0.041514, 0.0424}, {0.03, 0.05}});
        List<ChannelSummary> rows = ChannelSummary.of(t);
        assertThat(rows.get(0).unit()).isEqualTo("%");
        assertThat(rows.get(0).max()).isCloseTo(4.1514, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rows.get(0).end()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rows.get(0).maxAtHours()).isEqualTo(6);
        assertThat(rows.get(1)).isEqualTo(new ChannelSummary("hazardMi", "1", 0, 0, 0.05, 12, 0.05));
    }
}
