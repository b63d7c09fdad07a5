package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * leftovers28: the fast-agreement map drew the TSV's already-rounded 1.095e-02 as "1.10 %" (Java's {@code %.2f} rounds
 * the shortest decimal half up) while the log's tables, rounded by {@code %.2f} of the binary value, said 1.09.
 */
class MissMapPercentTest {

    @Test
    void aCellsLevelIsWrittenAsTheTablesRoundIt() {
        // the expected texts are Python's '%.2f' % (100 * v) (python3, 2026-12-07), not this code's
        assertThat(MissMapRunner.percent(1.095e-2)).as("the eGFR-15 benchmark-regimen cell").isEqualTo("1.09 %");
        assertThat(MissMapRunner.percent(1.115e-2)).isEqualTo("1.11 %");
        assertThat(MissMapRunner.percent(1.005e-2)).isEqualTo("1.00 %");
        assertThat(MissMapRunner.percent(2.345e-2)).isEqualTo("2.34 %");
        assertThat(MissMapRunner.percent(1.895e-2)).isEqualTo("1.90 %");
        assertThat(MissMapRunner.percent(9.405e-3)).isEqualTo("0.94 %");
    }
}
