package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The paired table as the command prints it (review20: small differences were printed as "-6.808e-05"). */
class ArmComparisonLinesTest {

    @Test
    void aSmallDifferenceAndItsIntervalArePlainDecimalsInTheirColumns() {
        ArmComparison c = new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(
                new ArmComparison.Outcome("CV death rate", "/1000 py", 0.6251, 0.6250, -6.808e-05, -1.268e-04, -9.334e-06),
                new ArmComparison.Outcome("CT score change", "AU/y", 8.151, 8.148, -0.002809, -0.006427, 0.0008086)));
        List<String> lines = c.lines();
        assertThat(String.join("\n", lines)).doesNotContainPattern("\\de[-+]\\d");
        assertThat(lines.get(2)).endsWith("0.6251       0.6250  -0.00006808  [-0.0001268, -0.000009334]");
        assertThat(lines.get(3)).as("values from 1e-4 up as before")
                .endsWith("8.151        8.148    -0.002809  [-0.006427, +0.0008086]");
    }
}
