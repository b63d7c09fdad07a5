package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.flagship.FlagshipReport;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.flagship.FlagshipComparison;

/** /compare over real HTTP on the real model (the fake of {@link WebAppTest} records no coronary layers). */
class ComparePageTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new EngineSimulatorFactory());

    /**
     * review9: the page gives each layer's growth and how much faster than on food, the flagship report's
     * sentence for the same person (the form's defaults are the reference adult).
     */
    @Test
    void thePageSaysHowMuchFasterEachLayerGrewAsTheFlagshipReportDoes() throws Exception {
        HttpResponse<String> r = SERVER.send(HttpRequest.newBuilder(
                SERVER.uri("/compare?years=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String growth = new FlagshipReport(new FlagshipComparison(Patient.referenceAdult().withId("web"), 1)
                .run(new EngineSimulatorFactory(), ProgressListener.NONE)).growth().strip();
        assertThat(growth).startsWith("Growth over the 1 year (food / supplement / supplement + MK-7): plaque calcium ")
                .contains("With the supplement, medial calcium grows ");
        assertThat(r.body()).contains("<p>" + Html.esc(growth) + "</p>");
        assertThat(SERVER.log()).as("no internal error logged").isEmpty();
    }
}
