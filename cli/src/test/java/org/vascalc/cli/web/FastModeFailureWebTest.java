package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.engine.FastModeIntegrationException;
import org.vascalc.simulation.integrate.IntegrationException;

/**
 * Fast mode that cannot integrate a regimen (an orbit's first period fails; fastcrash's Left) is a limit of
 * fast mode, not a bug in the page: the pages said "Internal error (a bug, please report it ...)" and the log
 * held a stack trace (review14). They now say what failed and to run reference mode; the log keeps one line.
 */
class FastModeFailureWebTest {

    /** A model whose fast mode fails on every regimen, as the one known case did before fastcrash. */
    private static final class FastModeFails implements SimulatorFactory {
        @Override
        public ParameterCatalog defaultParameters() {
            return new FakeModel().defaultParameters();
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            return (s, mode, progress) -> {
                throw new FastModeIntegrationException(0, new IntegrationException("more than 3 step attempts", 1.5, -1));
            };
        }
    }

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FastModeFails());

    @Test
    void aStreamedPageShowsWhatFailedAndToRunReferenceModeNotAnInternalError() throws Exception {
        HttpResponse<String> compare = SERVER.get("/compare?age=60");
        assertThat(compare.body()).contains("<div class=\"problems\" role=\"alert\"><b>Fast mode could not run this:</b> "
                + "fast mode could not integrate this regimen: its daily cycle (the orbit starting at day 0.00) did not "
                + "integrate (more than 3 step attempts)")
                .as("leftovers17: /compare has no reference mode to choose; it names the one reference run there is")
                .contains("This page compares the regimens in fast mode only (it has no reference mode): write the "
                        + "regimen as a scenario file and run it with ./vascalc simulate FILE --mode reference")
                .doesNotContain("Run the scenario in reference mode").doesNotContain("Internal error");
        assertThat(SERVER.log()).contains("vascalc serve: fast mode could not run /compare?age=60: fast mode could not "
                + "integrate this regimen").doesNotContain("internal error").doesNotContain("\tat ");
    }

    @Test
    void theApiAnswers500WithTheMessage() throws Exception {
        HttpResponse<String> api = SERVER.get("/api/compare");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(500);
        assertThat(new ObjectMapper().readTree(api.body()).get("error").asText())
                .startsWith("fast mode could not integrate this regimen: ").contains("./vascalc simulate FILE --mode reference")
                .doesNotContain("Run the scenario in reference mode");
        assertThat(api.body()).doesNotContain("Internal error");
    }

    /**
     * leftovers17: each page's box says what is true on it (review14: "Run the scenario in reference mode" on
     * /compare, /cohort and /trials, which have no mode): only /scenario has a Mode to choose.
     */
    @Test
    void eachPageNamesTheReferenceRunThatIsTrueThere() {
        assertThat(WebApp.fastModeRemedy("/scenario")).startsWith(". Choose Mode: reference on this page and run it again")
                .contains("up to 366 days here, longer with ./vascalc simulate FILE --mode reference");
        for (String page : new String[] {"/compare", "/api/compare", "/cohort", "/trials"}) {
            assertThat(WebApp.fastModeRemedy(page)).as(page).contains("fast mode only (it has no reference mode)")
                    .contains("as a scenario file").contains("./vascalc simulate FILE --mode reference")
                    .doesNotContain("Mode: reference").doesNotContain("Run the scenario in reference mode")
                    .endsWith("It is a limit of fast mode, not of your input; please report it with the address you opened.");
        }
        assertThat(WebApp.fastModeRemedy("/cohort")).contains("This page, as ./vascalc cohort, runs fast mode only");
        assertThat(WebApp.fastModeRemedy("/trials")).contains("This page, as ./vascalc trial, runs fast mode only");
    }
}
