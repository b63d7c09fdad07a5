package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The spread session's record ({@link SpreadRunner}; docs/performance-log.md, `spread`): the committed TSV holds
 * every measured year of {@link LineCvRunner#years()} once, with its level and miss, and the spread and the rank
 * correlation it was scored with are the ones its Javadoc defines.
 */
class SpreadRunnerTest {

    @Test
    void theTableHoldsEveryLinecvYearOnceWithItsLevel() throws IOException {
        Map<String, Double> levels = new HashMap<>();
        for (LineCvRunner.Year y : LineCvRunner.years()) {
            levels.merge(y.grid() + "|" + y.key(), y.level(), (a, b) -> {
                throw new AssertionError("key twice: " + y.key());
            });
        }
        List<SpreadRunner.Row> rows = SpreadRunner.rows();
        assertThat(rows).hasSize(levels.size()).hasSize(235);
        for (SpreadRunner.Row r : rows) {
            Double level = levels.remove(r.grid() + "|" + r.key());
            assertThat(level).as(r.key()).isNotNull();
            if (Double.isInfinite(level)) {
                assertThat(r.level()).isInfinite();
            } else {
                assertThat(r.level()).as(r.key()).isCloseTo(level, within(5e-4 * level));
            }
            assertThat(r.miss()).as(r.key()).isEqualTo(level >= 1e-2);
            assertThat(r.spreads()).hasSize(3);
            assertThat(java.util.Arrays.stream(r.spreads()).min().orElseThrow()).isNotNegative();
        }
        assertThat(rows.stream().filter(SpreadRunner.Row::miss).count()).isEqualTo(68);
        assertThat(rows.stream().filter(r -> !r.inLine()).count()).isEqualTo(92);
    }

    @Test
    void theSpreadIsTheMembersRangeOverTheFirstMembersMagnitude() {
        double[][][] runs = {
            {{2.0, 1e-9}, {4.0, 1.0}},
            {{2.2, 2e-9}, {4.0, 1.0}},
            {{1.9, 1e-9}, {3.0, 1.0}},
        };
        // row 1, column 0: (4 - 3) / 4 = 0.25; row 0, column 1: 1e-9 over the floor 1e-6 = 1e-3
        assertThat(SpreadRunner.spread(runs, new int[] {0, 1, 2})).isCloseTo(0.25, within(1e-15));
        assertThat(SpreadRunner.spread(runs, new int[] {0, 1})).isCloseTo(0.1, within(1e-12));
        double[][][] failed = {runs[0], null, runs[2]};
        assertThat(SpreadRunner.spread(failed, new int[] {0, 1})).isInfinite();
        assertThat(SpreadRunner.spread(failed, new int[] {0, 2})).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void spearmanRanksWithTies() {
        assertThat(SpreadRunner.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 45})).isEqualTo(1.0);
        assertThat(SpreadRunner.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEqualTo(-1.0);
        // ranks x 1, 2.5, 2.5, 4 against y 1, 2, 3, 4: r = 4.5 / sqrt(4.5 * 5)
        assertThat(SpreadRunner.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}))
                .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
    }
}
