package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.flagship.FlagshipReport;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.flagship.FlagshipComparison;

/** /compare over real HTTP on the real model (the fake of {@link WebAppTest} records no coronary layers). */
class ComparePageTest {

    private static final StringWriter LOG = new StringWriter();
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = new WebApp(new EngineSimulatorFactory(), new PrintWriter(LOG, true)).create().start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /**
     * review9: the page gives each layer's growth and how much faster than on food, the flagship report's
     * sentence for the same person (the form's defaults are the reference adult).
     */
    @Test
    void thePageSaysHowMuchFasterEachLayerGrewAsTheFlagshipReportDoes() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/compare?years=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String growth = new FlagshipReport(new FlagshipComparison(Patient.referenceAdult().withId("web"), 1)
                .run(new EngineSimulatorFactory(), ProgressListener.NONE)).growth().strip();
        assertThat(growth).startsWith("Growth over the 1 year (food / supplement / supplement + MK-7): plaque calcium ")
                .contains("With the supplement, medial calcium grows ");
        assertThat(r.body()).contains("<p>" + Html.esc(growth) + "</p>");
        assertThat(LOG.toString()).as("no internal error logged").isEmpty();
    }
}
