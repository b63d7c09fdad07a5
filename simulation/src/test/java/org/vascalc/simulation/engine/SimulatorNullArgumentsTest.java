package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * leftovers12 (review11's Left): {@code run} given a null mode threw a bare NullPointerException, and only after
 * the whole run-in; a library user now reads which argument was null, at once.
 */
class SimulatorNullArgumentsTest {

    private static final EngineSimulatorFactory FACTORY = new EngineSimulatorFactory();

    @Test
    void aNullModeIsNamed() {
        Scenario scenario = new Scenario("s", "", Patient.referenceAdult(), List.of(), List.of(), 1,
                new Recording(List.of("pthPgMl"), 24, 24, 0, 0));
        assertThatThrownBy(() -> FACTORY.create(FACTORY.defaultParameters()).run(scenario, null, ProgressListener.NONE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mode is null; give Mode.FAST or Mode.REFERENCE");
    }

    @Test
    void aNullScenarioIsNamed() {
        assertThatThrownBy(() -> FACTORY.create(FACTORY.defaultParameters()).run(null, Mode.FAST, ProgressListener.NONE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("scenario is null; give the Scenario to run");
    }
}
