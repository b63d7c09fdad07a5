package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * Every {@code engine} row of calibration-targets.csv, read as data, run through its registered
 * check on the real model and compared with its published tolerance [low, high]. Rows without a
 * check yet are skipped with that reason (the validation table shows them as not run); rows
 * listed in {@code known-misses.csv} must miss (the table shows them red), so that a fix is noticed.
 */
class EngineTargetsIT {

    private static final Map<String, String> KNOWN_MISSES = KnownMisses.load();

    static Stream<CalibrationTarget> engineTargets() {
        return CalibrationTargets.load().scope("engine").stream();
    }

    private static Optional<SimulatorFactory> model() {
        // The real model only: the test doubles of this module are not factories.
        return ServiceLoader.load(SimulatorFactory.class).findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engineTargets")
    void theModelReproducesThePublishedValueWithinItsTolerance(CalibrationTarget target) {
        Optional<TargetCheck> check = TargetChecks.discover().forTarget(target.id());
        assumeTrue(check.isPresent(), target.id() + ": no check registered yet");
        Optional<SimulatorFactory> factory = model();
        // Block-level checks (vitamin K) do not need the simulator; the others are skipped without a model.
        Simulator sim = factory.isPresent() ? factory.get().create(factory.get().defaultParameters())
                : (s, m, p) -> {
                    throw new NoModel();
                };
        double value;
        try {
            value = factory.isPresent()
                    ? check.get().modelValue(sim, factory.get().defaultParameters()) : check.get().modelValue(sim);
        } catch (NoModel e) {
            assumeTrue(false, "no model (SimulatorFactory) on the class path");
            return;
        }
        String where = target.id() + " (" + target.phenomenon() + "): model " + value + " " + target.unit()
                + ", target " + target.value() + " in [" + target.low() + ", " + target.high() + "]";
        if (KNOWN_MISSES.containsKey(target.id())) {
            assertThat(target.accepts(value)).as(where + " is listed as a known miss (" + KNOWN_MISSES.get(target.id())
                    + ") but now passes: remove it from known-misses.csv").isFalse();
        } else {
            assertThat(target.accepts(value)).as(where).isTrue();
        }
    }

    private static final class NoModel extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
