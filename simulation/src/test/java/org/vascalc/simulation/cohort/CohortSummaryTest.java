package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal lines of a cohort summary, also for small cohorts where a group is empty. */
class CohortSummaryTest {

    private static CohortSummary summary(double cacPositive, double median, double change, double incident) {
        return new CohortSummary(2, 1, 70, 0.5, 60, 120, 0, 0, cacPositive, median, change, incident, 9.5, 300,
                1, 6, 1, List.of(new CohortSummary.Category("0", 1, 0.5, 3, 0.4)));
    }

    @Test
    void theCtScoreLineNamesEveryGroupThatHasMembers() {
        assertThat(summary(0.5, 38, 14.3, 0.1).lines().get(1)).isEqualTo("CT score   above 0 in 50.0 % at baseline "
                + "(median 38 AU among them); mean change +14.3 AU/y among them; new calcium in 10.0 % per year of those at 0");
    }

    @Test
    void anEmptyGroupIsLeftOutRatherThanPrintedAsNaN() {
        // everybody above 0: no one at 0, so no rate of new calcium
        assertThat(summary(1, 38, 14.3, Double.NaN).lines().get(1)).isEqualTo(
                "CT score   above 0 in 100.0 % at baseline (median 38 AU among them); mean change +14.3 AU/y among them");
        // nobody above 0: no median and no change among them
        assertThat(summary(0, Double.NaN, Double.NaN, 0.2).lines().get(1)).isEqualTo(
                "CT score   0 in every member at baseline; new calcium in 20.0 % per year of those at 0");
        assertThat(String.join("\n", summary(1, 38, 14.3, Double.NaN).lines())).doesNotContain("NaN");
    }
}
