package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

class CtVersusGroundTruthTest {

    private static Trajectory of(List<String> ids, double[] times, double[][] values) {
        return new Trajectory(ids.stream().map(id -> new OutputChannel(id, "u-" + id, "d-" + id)).toList(), times, values);
    }

    @Test
    void theScoreAndTheLayersRecordedAreListedInTheirOrderWithStartAndEnd() {
        // recorded in another order, cacMass not recorded
        Trajectory t = of(List.of("cacMicroMass", "cacMedialMass", "pwv", "cacIntimalMass", "cacAgatston"),
                new double[] {0, 5, 10}, new double[][] {{1, 2, 9, 3, 4}, {0, 0, 0, 0, 0}, {5, 6, 9, 7, 8}});
        CtVersusGroundTruth ct = CtVersusGroundTruth.of(t).orElseThrow();
        assertThat(ct.rows()).containsExactly(
                new CtVersusGroundTruth.Row("cacAgatston", "u-cacAgatston", "d-cacAgatston", 4, 8),
                new CtVersusGroundTruth.Row("cacIntimalMass", "u-cacIntimalMass", "d-cacIntimalMass", 3, 7),
                new CtVersusGroundTruth.Row("cacMedialMass", "u-cacMedialMass", "d-cacMedialMass", 2, 6),
                new CtVersusGroundTruth.Row("cacMicroMass", "u-cacMicroMass", "d-cacMicroMass", 1, 5));
        assertThat(CtVersusGroundTruth.has(t, "pwv")).isTrue();
        assertThat(CtVersusGroundTruth.has(t, "cacMass")).isFalse();
    }

    @Test
    void withoutEveryRequiredChannelOrWithoutRowsThereIsNone() {
        for (String missing : CtVersusGroundTruth.REQUIRED) {
            List<String> ids = CtVersusGroundTruth.REQUIRED.stream().filter(id -> !id.equals(missing)).toList();
            assertThat(CtVersusGroundTruth.of(of(ids, new double[] {0}, new double[][] {{1, 2}}))).as(missing).isEmpty();
        }
        assertThat(CtVersusGroundTruth.of(of(CtVersusGroundTruth.REQUIRED, new double[0], new double[0][]))).isEmpty();
    }
}
