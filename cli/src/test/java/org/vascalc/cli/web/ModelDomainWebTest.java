package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * Inputs each in range that the model cannot run together are the reader's to change, not a bug:
 * the pages answered "Internal error (a bug, please report it ...)", the API 500.
 */
class ModelDomainWebTest {

    /** A model that has no steady state for any input: every page that runs it meets the refusal. */
    private static final class NoSteadyState implements SimulatorFactory {
        @Override
        public ParameterCatalog defaultParameters() {
            return new FakeModel().defaultParameters();
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            return (s, mode, progress) -> {
                throw new ModelDomainException("fake baseline cannot be a steady state for patient " + s.patient().id());
            };
        }
    }

    @RegisterExtension
    static final TestServer REFUSING = new TestServer(new NoSteadyState());

    @RegisterExtension
    static final TestServer ENGINE = new TestServer(new EngineSimulatorFactory());

    /**
     * The real model with a value it cannot run with anyone (60 mmol/d of habitual calcium, as the
     * CLI tests use): /compare has no --set, so its runs meet the refusal only through the model.
     */
    private static final class HighHabitualCalcium implements SimulatorFactory {
        private final EngineSimulatorFactory engine = new EngineSimulatorFactory();

        @Override
        public ParameterCatalog defaultParameters() {
            return engine.defaultParameters().with(Map.of("caHabitualIntake", 60.0));
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            return engine.create(p);
        }
    }

    @RegisterExtension
    static final TestServer HIGH_CALCIUM = new TestServer(new HighHabitualCalcium());

    @Test
    void apiAnswers400WithTheMessage() throws Exception {
        HttpResponse<String> api = REFUSING.get("/api/compare");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(api.body()).get("error").asText())
                .startsWith("the model cannot run with these inputs: fake baseline cannot be a steady state for patient ");
        assertThat(api.body()).doesNotContain("Internal error");
        assertThat(REFUSING.log()).doesNotContain("internal error");
    }

    @Test
    void streamedPageShowsAProblemsBoxNotAnInternalError() throws Exception {
        HttpResponse<String> compare = REFUSING.get("/compare?age=60");
        assertThat(compare.body()).contains("<div class=\"problems\" role=\"alert\"><b>The model cannot run with these "
                + "inputs:</b> fake baseline cannot be a steady state").doesNotContain("Internal error");
        // streamed (its 200 is sent before the run starts): the box is where the results would be
        assertThat(compare.body()).contains("Running ");
        assertThat(REFUSING.log()).doesNotContain("internal error");
    }

    /** The real model with the CLI's case: the streamed page names the value to move back. */
    @Test
    void scenarioPageNamesTheSetValueToMoveBack() throws Exception {
        String text = Files.readString(ProjectFiles.require("examples/scenarios/calcium-supplement-fasting.yaml"));
        HttpResponse<String> r = ENGINE.post("/scenario", "text", text, "format", "yaml", "mode", "fast",
                "set", "caHabitualIntake=60");
        assertThat(r.body()).contains("<b>The model cannot run with these inputs:</b> mineral baseline cannot be a steady "
                + "state for patient older-woman").contains("move the value(s) changed from their defaults back towards "
                + "them: caHabitualIntake = 60 mmol/d (default 24.055)").doesNotContain("Internal error");
        assertThat(ENGINE.log()).doesNotContain("internal error");
    }

    /**
     * /compare streams (its 200 is sent before the runs): the real model's refusal ends the page in a
     * problems box that names the person's values the model could not balance, after the progress
     * lines and before the page's end, with what to change, and no chart or table half drawn.
     */
    @Test
    void comparePageWithTheRealModelEndsInAProblemsBoxNotAHalfDrawnPage() throws Exception {
        HttpResponse<String> r = HIGH_CALCIUM.get("/compare?age=60&sex=female&egfr=60");
        String body = r.body();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(body).contains("<div class=\"problems\" role=\"alert\"><b>The model cannot run with these inputs:</b> "
                + "mineral baseline cannot be a steady state for patient web (serum Ca ")
                .contains("of the habitual diet (paracellular alone absorbs ")
                .contains("; no parameter was changed from its default: check the values in the form for this person")
                .doesNotContain("Internal error").doesNotContain("<img").doesNotContain("<table");
        assertThat(body.indexOf("Running ")).isNotNegative().isLessThan(body.indexOf("The model cannot run"));
        assertThat(body.strip()).endsWith("</html>");
        assertThat(HIGH_CALCIUM.log()).doesNotContain("internal error");
    }
}
