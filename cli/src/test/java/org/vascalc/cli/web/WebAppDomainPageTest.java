package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.scenario.ProjectFiles;

/**
 * A model-domain refusal met while a page is still being built, before anything is streamed (cli/README.md:
 * inputs each in range that the model cannot run together are the reader's to change, not a bug): the
 * server's handler answers the page 400 "Invalid input" with the problems box, never "Internal error", and
 * logs nothing. Every model-running page streams, so the refusal is made here by a model whose parameter
 * catalog itself cannot be built, which the scenario page reads before it streams.
 */
class WebAppDomainPageTest {

    private static final String DETAIL = "no parameter set exists for this test model";

    /** A model that refuses in its catalog, the first thing the scenario page asks of it. */
    private static final class NoCatalog implements SimulatorFactory {
        @Override
        public ParameterCatalog defaultParameters() {
            throw new ModelDomainException(DETAIL);
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            throw new AssertionError("never run");
        }
    }

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new NoCatalog());

    @Test
    void aPageThatMeetsTheRefusalBeforeStreamingIs400WithTheProblemsBoxAndNoLog() throws Exception {
        String text = Files.readString(ProjectFiles.require("examples/scenarios/calcium-supplement-fasting.yaml"));
        HttpResponse<String> r = SERVER.post("/scenario", "text", text, "format", "yaml", "mode", "fast");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("<title>Invalid input")
                .contains("<div class=\"problems\" role=\"alert\"><b>The model cannot run with these inputs:</b> " + DETAIL)
                .doesNotContain("Internal error").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(SERVER.log()).isEmpty();
    }
}
