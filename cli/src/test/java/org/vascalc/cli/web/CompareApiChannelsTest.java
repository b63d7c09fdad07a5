package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vascalc.cli.FakeModel;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/**
 * leftovers27: {@code /api/compare} gave each arm's end-of-run values by channel id only, so a script had to know
 * that {@code riskMi} is a fraction 0 to 1 (the page shows it in per cent) and what unit the others are in. The answer
 * now names, per channel, its unit and the output's own probability mark, as simulate's summary JSON does.
 */
class CompareApiChannelsTest {

    /** The command tests' fake model with a second channel the output marks as a probability, as the wall's risks. */
    private static final class FakeModelWithARisk implements SimulatorFactory {
        private final FakeModel fake = new FakeModel();

        @Override
        public ParameterCatalog defaultParameters() {
            return fake.defaultParameters();
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            Simulator inner = fake.create(p);
            return (s, mode, progress) -> {
                SimulationResult r = inner.run(s, mode, progress);
                Trajectory t = r.trajectory();
                List<OutputChannel> channels = new ArrayList<>(t.channels());
                channels.add(new OutputChannel("riskMi", "1", "cumulative MI risk", true));
                double[][] values = new double[t.timesHours().length][];
                for (int i = 0; i < values.length; i++) {
                    values[i] = new double[] {t.values()[i][0], 0.0085};
                }
                return new SimulationResult(r.scenario(), r.mode(), new Trajectory(channels, t.timesHours(), values),
                        r.summary(), r.counters(), r.parameterSetSha256(), r.warnings(), r.startLabMisses());
            };
        }
    }

    @RegisterExtension
    static final TestServer SERVER = new TestServer(new FakeModelWithARisk());

    @Test
    void eachChannelOfTheEndOfRunValuesIsNamedWithItsUnitAndProbabilityMark() throws Exception {
        HttpResponse<String> api = SERVER.get("/api/compare?years=1");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(api.body());

        JsonNode channels = body.get("channels");
        assertThat(channels).as("one entry per channel of endOfRun").hasSize(2);
        assertThat(channels.get(0).get("id").asText()).isEqualTo("serumCalciumTotal");
        assertThat(channels.get(0).get("unit").asText()).isEqualTo("mmol/L");
        assertThat(channels.get(0).get("probability").isBoolean()).isTrue();
        assertThat(channels.get(0).get("probability").asBoolean()).isFalse();
        assertThat(channels.get(1).get("id").asText()).isEqualTo("riskMi");
        assertThat(channels.get(1).get("unit").asText()).isEqualTo("1");
        assertThat(channels.get(1).get("probability").asBoolean()).isTrue();
        assertThat(channels.get(1).get("description").asText()).isEqualTo("cumulative MI risk");

        JsonNode end = body.get("arms").get(0).get("endOfRun");
        assertThat(end.get("riskMi").asDouble()).as("the value itself stays the recorded fraction, under its old key")
                .isEqualTo(0.0085);
        List<String> keys = new ArrayList<>();
        end.fieldNames().forEachRemaining(keys::add);
        List<String> named = new ArrayList<>();
        channels.forEach(c -> named.add(c.get("id").asText()));
        assertThat(named).as("the same channels, in endOfRun's order").isEqualTo(keys);
    }
}
