package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.simulation.engine.EngineSimulatorFactory;

/**
 * The scenario form on the real engine: a typo in {@code recording.outputs} is refused with the text's other
 * problems, under the text box, before a run is started (leftovers13: it was found only by the run).
 */
class ScenarioOutputTypoWebTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new EngineSimulatorFactory());

    @Test
    void anUnknownOutputIsListedWithTheTextsOtherProblems() throws Exception {
        String text = """
                name: typo
                patient: {age: 60}
                durationDays: 1
                recording: {outputs: [serumCalciumTotl], intervalHours: 1}
                """;
        var answer = SERVER.post("/scenario", "text", text, "format", "yaml", "mode", "fast");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(RefusedForms.items(answer.body(), "problems")).hasSize(2).last().asString()
                .contains("recording.outputs[0]: no output or state variable named 'serumCalciumTotl'")
                .contains("(did you mean 'serumCalciumTotal'?)");
    }
}
