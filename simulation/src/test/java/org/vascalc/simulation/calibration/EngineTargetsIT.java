package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code engine} row of calibration-targets.csv, read as data, run through its registered
 * check on the real model (the run of {@link ValidationRun}, which ValidationPageIT compares with
 * docs/validation.md) and compared with its published tolerance [low, high]. Rows without a
 * check yet are skipped with that reason (the validation table shows them as not run); rows
 * listed in {@code known-misses.csv} must miss (the table shows them red), so that a fix is noticed.
 */
class EngineTargetsIT {

    private static final Map<String, String> KNOWN_MISSES = KnownMisses.load();
    /** CheckRunner's note of a target without a check. */
    private static final String NO_CHECK = "no check registered";

    static Stream<CalibrationTarget> engineTargets() {
        return CalibrationTargets.load().scope("engine").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engineTargets")
    void theModelReproducesThePublishedValueWithinItsTolerance(CalibrationTarget target) {
        // the run validate makes, shared with ValidationPageIT (which compares it with docs/validation.md)
        CheckRow row = ValidationRun.row(target.id());
        assumeTrue(!NO_CHECK.equals(row.note()), target.id() + ": no check registered yet");
        assertThat(row.band()).as("%s: %s", target.id(), row.note()).isNotEqualTo(Band.NOT_RUN);
        double value = row.modelValue();
        String where = target.id() + " (" + target.phenomenon() + "): model " + value + " " + target.unit()
                + ", target " + target.value() + " in [" + target.low() + ", " + target.high() + "]";
        if (KNOWN_MISSES.containsKey(target.id())) {
            assertThat(target.accepts(value)).as(where + " is listed as a known miss (" + KNOWN_MISSES.get(target.id())
                    + ") but now passes: remove it from known-misses.csv").isFalse();
        } else {
            assertThat(target.accepts(value)).as(where).isTrue();
        }
    }
}
