package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * What the server answers that no page decides: a streamed page's progress and timing lines
 * ({@link StreamedPage}, {@code WebApp.stream}'s Javadoc), a bug while answering (500 and the server's
 * log, or a problems box in a page whose 200 was already sent), and {@code /api/version} (cli/README.md).
 * Found by PIT (docs/testing.md, "the web server's remaining classes").
 */
class WebAppAnswersTest {

    /**
     * The fake model, each run telling its progress only at half way and at the end (the fake's own
     * reports are not passed on: a run with one recorded sample reports 0 / 0).
     */
    @RegisterExtension
    static final TestServer REPORTING = new TestServer(new Wrapped(sim -> (s, mode, progress) -> {
        progress.progress(0.5);
        var result = sim.run(s, mode, org.vascalc.simulation.ProgressListener.NONE);
        progress.progress(1);
        return result;
    }));

    /** A model whose every run fails like a bug. */
    @RegisterExtension
    static final TestServer BROKEN = new TestServer(new Wrapped(sim -> (s, mode, progress) -> {
        throw new IllegalStateException("simulated internal failure");
    }));

    private static final String BUG = "(a bug, please report it with the address you opened)";

    @Test
    void aStreamedPageSaysHowFarTheRunGotAndHowLongItTook() throws Exception {
        HttpResponse<String> r = REPORTING.get("/compare?age=60&years=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).as("a run's page is not kept by the browser").hasValue("no-store");
        String page = r.body();
        Matcher line = Pattern.compile("<p>Running three arms over 1 year: (\\d+) % done after (\\d+) s…</p>").matcher(page);
        List<Integer> percents = new ArrayList<>();
        while (line.find()) {
            percents.add(Integer.parseInt(line.group(1)));
            // the whole answer came within TestServer.ANSWER, so no line can name a longer time
            assertThat(Long.parseLong(line.group(2))).isLessThanOrEqualTo(TestServer.ANSWER.toSeconds());
        }
        // every run reported 0.5 and 1 of its way: the whole is between them, and 100 % gets no line (ProgressLines)
        assertThat(percents).as(page).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(5, 99)).isSorted();
        assertThat(page).doesNotContain("100 % done");
        for (String timed : List.of("<p>Computed three arms over 1 year in ([0-9.]+) s; drawing the charts…</p>",
                "<p>Done: three arms over 1 year in ([0-9.]+) s.</p>")) {
            Matcher m = Pattern.compile(timed).matcher(page);
            assertThat(m.find()).as(timed).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as(timed).isBetween(0.0, (double) TestServer.ANSWER.toSeconds());
        }
        assertThat(page.indexOf("% done after")).isGreaterThan(page.indexOf("Running three arms over 1 year…"))
                .isLessThan(page.indexOf("drawing the charts"));
    }

    @Test
    void aBugInAStreamedRunIsNamedInThePageAndLogged() throws Exception {
        HttpResponse<String> r = BROKEN.get("/compare?age=60&years=1");
        assertThat(r.statusCode()).as("sent before the run started").isEqualTo(200);
        assertThat(r.body()).contains("<div class=\"problems\"><b>Internal error</b> " + BUG + ": ")
                .doesNotContain("<h2>After").endsWith("</body></html>\n");
        assertThat(BROKEN.log()).contains("vascalc serve: internal error on /compare?age=60&years=1: ")
                .contains("simulated internal failure");
    }

    @Test
    void aBugBehindTheApiIs500WithJsonAndLogged() throws Exception {
        HttpResponse<String> r = BROKEN.get("/api/compare?age=61&years=1");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode error = new ObjectMapper().readTree(r.body()).get("error");
        assertThat(error.asText()).startsWith("Internal error " + BUG + ": ");
        assertThat(BROKEN.log()).contains("vascalc serve: internal error on /api/compare?age=61&years=1: ");
    }

    @Test
    void theVersionApiNamesTheVersionAndCommit() throws Exception {
        HttpResponse<String> r = REPORTING.get("/api/version");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode v = new ObjectMapper().readTree(r.body());
        assertThat(v.get("version").asText()).isEqualTo(org.vascalc.cli.BuildInfo.version());
        assertThat(v.get("commit").asText()).isEqualTo(org.vascalc.cli.BuildInfo.commit());
        // leftovers30: always version, then commit (a Map.of's order changed from one run of the JVM to the next)
        assertThat(v.fieldNames()).toIterable().containsExactly("version", "commit");
    }

    /** The fake model with each simulator changed by {@code change}. */
    private record Wrapped(java.util.function.UnaryOperator<Simulator> change) implements SimulatorFactory {
        private static final FakeModel FAKE = new FakeModel();

        @Override
        public ParameterCatalog defaultParameters() {
            return FAKE.defaultParameters();
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            return change.apply(FAKE.create(p));
        }
    }
}
