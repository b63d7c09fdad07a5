package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Every block of a run's summary JSON read back against a hand-made trajectory (values chosen so that
 * each statistic is known by looking: a plateau for the time of the maximum, a dip for the minimum).
 */
class SummaryJsonTest {

    private static final Scenario SCENARIO = ScenarioFiles
            .load(ProjectFiles.require("examples/scenarios/calcium-supplement-fasting.yaml")).scenario();

    /** Hours 0, 6, 12, 18; CT score, intimal and medial mass, and a channel with a plateau and a dip. */
    private static Trajectory trajectory() {
        return new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "CT score"),
                new OutputChannel("cacIntimalMass", "mg", "intimal"), new OutputChannel("cacMedialMass", "mg", "medial"),
                new OutputChannel("x", "1", "plateau")),
                new double[] {0, 6, 12, 18},
                new double[][] {{10, 4, 1, 3}, {12, 5, 2, 5}, {11, 6, 3, 5}, {15, 7, 4, 2}});
    }

    private static JsonNode summary(Trajectory t, Provenance p, Map<String, Double> values, List<InputProblem> warnings)
            throws Exception {
        SimulationResult r = new SimulationResult(SCENARIO, Mode.REFERENCE, t, values, Map.of("steps", 7L, "rhs", 90L),
                "p".repeat(64));
        return new ObjectMapper().readTree(SummaryJson.format(r, p, warnings, "a.trajectory.csv", "f".repeat(64)));
    }

    private static Provenance provenance(List<ParameterOverrides.Change> changes) {
        return new Provenance("1.2.3", "abc", "a.yaml", "s".repeat(64), "p".repeat(64), "FAST", changes);
    }

    @Test
    void eachChannelHasItsFirstLowestHighestAndLastWithTheirTimes() throws Exception {
        JsonNode x = summary(trajectory(), provenance(List.of()), Map.of(), List.of()).at("/channels/3");
        assertThat(x.get("id").asText()).isEqualTo("x");
        assertThat(x.get("unit").asText()).isEqualTo("1");
        assertThat(x.get("first").asDouble()).isEqualTo(3);
        assertThat(x.get("min").asDouble()).isEqualTo(2);
        assertThat(x.get("minAtHours").asDouble()).isEqualTo(18);
        assertThat(x.get("max").asDouble()).isEqualTo(5);
        assertThat(x.get("maxAtHours").asDouble()).as("the first time the plateau is reached").isEqualTo(6);
        assertThat(x.get("last").asDouble()).isEqualTo(2);
        // a channel whose lowest value is its first: the minimum's time is the first time it is reached
        Trajectory flatStart = new Trajectory(List.of(new OutputChannel("y", "1", "")), new double[] {0, 1, 2},
                new double[][] {{1}, {1}, {3}});
        JsonNode y = summary(flatStart, provenance(List.of()), Map.of(), List.of()).at("/channels/0");
        assertThat(y.get("min").asDouble()).isEqualTo(1);
        assertThat(y.get("minAtHours").asDouble()).isEqualTo(0);
    }

    /**
     * leftovers26: each channel says whether it is a probability recorded as a fraction 0 to 1 (the wall's cumulative
     * risks, which charts show in per cent), beside its unit, so a script need not know the risks' ids.
     */
    @Test
    void eachChannelSaysWhetherItIsAProbability() throws Exception {
        Trajectory t = new Trajectory(List.of(new OutputChannel("riskMi", "1", "cumulative MI risk", true),
                new OutputChannel("x", "1", "a share")), new double[] {0, 1}, new double[][] {{0, 0.5}, {0.01, 0.5}});
        JsonNode channels = summary(t, provenance(List.of()), Map.of(), List.of()).get("channels");
        assertThat(channels.get(0).get("unit").asText()).isEqualTo("1");
        assertThat(channels.get(0).get("probability").isBoolean()).isTrue();
        assertThat(channels.get(0).get("probability").asBoolean()).isTrue();
        assertThat(channels.get(0).get("last").asDouble()).as("recorded as a fraction").isEqualTo(0.01);
        assertThat(channels.get(1).get("probability").isBoolean()).isTrue();
        assertThat(channels.get(1).get("probability").asBoolean()).isFalse();
    }

    @Test
    void theRunsOwnWarningsFollowTheFilesInTheWarningsList() throws Exception {
        SimulationResult r = new SimulationResult(SCENARIO, Mode.FAST, trajectory(), Map.of(), Map.of(), "p".repeat(64),
                List.of(InputProblem.warning("patient.serumPhosphateMmolL", "the run does not start at it")));
        JsonNode j = new ObjectMapper().readTree(SummaryJson.format(r, provenance(List.of()),
                List.of(InputProblem.warning("patient.age", "older than the studies")), "a.trajectory.csv", "f".repeat(64)));
        assertThat(j.at("/warnings").size()).isEqualTo(2);
        assertThat(j.at("/warnings/0").asText()).isEqualTo("patient.age: older than the studies");
        assertThat(j.at("/warnings/1").asText()).isEqualTo("patient.serumPhosphateMmolL: the run does not start at it");
    }

    @Test
    void summaryValuesCountersWarningsAndTheTrajectoryFileAreListedAndANonFiniteValueIsNull() throws Exception {
        JsonNode j = summary(trajectory(), provenance(List.of()), Map.of("b", 2.5, "a", Double.NaN,
                "c", Double.POSITIVE_INFINITY), List.of(InputProblem.warning("patient.age", "older than the studies")));
        assertThat(j.at("/summary/b").asDouble()).isEqualTo(2.5);
        assertThat(j.at("/summary/a").isNull()).as("NaN is written as null, JSON has no NaN").isTrue();
        assertThat(j.at("/summary/c").isNull()).isTrue();
        assertThat(j.at("/counters/steps").asLong()).isEqualTo(7);
        assertThat(j.at("/counters/rhs").asLong()).isEqualTo(90);
        assertThat(j.at("/warnings").size()).isEqualTo(1);
        assertThat(j.at("/warnings/0").asText()).isEqualTo("patient.age: older than the studies");
        assertThat(j.at("/trajectory/file").asText()).isEqualTo("a.trajectory.csv");
        assertThat(j.at("/trajectory/sha256").asText()).isEqualTo("f".repeat(64));
        assertThat(j.at("/trajectory/rows").asInt()).isEqualTo(4);
        assertThat(j.at("/provenance/toolVersion").asText()).isEqualTo("1.2.3");
        assertThat(j.at("/provenance/mode").asText()).isEqualTo("FAST");
        assertThat(j.at("/provenance/scenarioFile").asText()).isEqualTo("a.yaml");
        assertThat(j.at("/scenario/name").asText()).isEqualTo(SCENARIO.name());
        assertThat(j.at("/scenario/durationDays").asDouble()).isEqualTo(SCENARIO.durationDays());
    }

    @Test
    void theCtScoreStandsNextToItsTrueLayersStartAndEnd() throws Exception {
        JsonNode ct = summary(trajectory(), provenance(List.of()), Map.of(), List.of()).at("/ctVersusGroundTruth");
        assertThat(ct.at("/cacAgatston/start").asDouble()).isEqualTo(10);
        assertThat(ct.at("/cacAgatston/end").asDouble()).isEqualTo(15);
        assertThat(ct.at("/cacAgatston/unit").asText()).isEqualTo("AU");
        assertThat(ct.at("/cacIntimalMass/start").asDouble()).isEqualTo(4);
        assertThat(ct.at("/cacMedialMass/end").asDouble()).isEqualTo(4);
        Trajectory noLayers = new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "")), new double[] {0},
                new double[][] {{1}});
        assertThat(summary(noLayers, provenance(List.of()), Map.of(), List.of()).has("ctVersusGroundTruth")).isFalse();
    }

    @Test
    void parameterOverridesAreListedOnlyWhenThereAreAny() throws Exception {
        ParameterOverrides.Change c = new ParameterOverrides.Change("ecfVolumeL", 15, "L", 14, "the same as ecfVolume");
        ParameterOverrides.Change plain = new ParameterOverrides.Change("gain", 2, "1", 1, null);
        JsonNode with = summary(trajectory(), provenance(List.of(c, plain)), Map.of(), List.of());
        assertThat(with.at("/provenance/parameterOverrides/0/name").asText()).isEqualTo("ecfVolumeL");
        assertThat(with.at("/provenance/parameterOverrides/0/value").asDouble()).isEqualTo(15);
        assertThat(with.at("/provenance/parameterOverrides/0/unit").asText()).isEqualTo("L");
        assertThat(with.at("/provenance/parameterOverrides/0/default").asDouble()).isEqualTo(14);
        assertThat(with.at("/provenance/parameterOverrides/0/why").asText()).isEqualTo("the same as ecfVolume");
        assertThat(with.at("/provenance/parameterOverrides/1").has("why")).as("no empty reason").isFalse();
        assertThat(summary(trajectory(), provenance(List.of()), Map.of(), List.of()).at("/provenance")
                .has("parameterOverrides")).as("a run without --set has no such field").isFalse();
        assertThat(SummaryJson.overridesJson(List.of(plain)))
                .isEqualTo("[{\"name\":\"gain\",\"value\":2.0,\"unit\":\"1\",\"default\":1.0}]");
        assertThat(SummaryJson.overridesJson(List.of())).isEqualTo("[]");
    }

    /**
     * review17: a run on a catalog file (--parameters) named the file nowhere and its changed values only
     * through the hash; the provenance now holds the file and each value that differs from the model's.
     * The model's own catalog: no key, so those summaries stay as they were.
     */
    @Test
    void aCatalogFileAndTheValuesItChangedAreInTheProvenanceAndAbsentWithoutOne() throws Exception {
        ParameterOverrides.Change moved = new ParameterOverrides.Change("gutParacellularRate", 0.06, "1/h", 0.0389, "");
        Provenance withFile = new Provenance("1.2.3", "abc", "a.yaml", "s".repeat(64), "p".repeat(64), "FAST", List.of(),
                "my/changed.csv", List.of(moved));
        JsonNode catalog = summary(trajectory(), withFile, Map.of(), List.of()).at("/provenance/parameterCatalog");
        assertThat(catalog.get("file").asText()).isEqualTo("my/changed.csv");
        JsonNode row = catalog.at("/differsFromModel/0");
        assertThat(row.get("name").asText()).isEqualTo("gutParacellularRate");
        assertThat(row.get("value").asDouble()).isEqualTo(0.06);
        assertThat(row.get("unit").asText()).isEqualTo("1/h");
        assertThat(row.get("default").asDouble()).isEqualTo(0.0389);
        assertThat(summary(trajectory(), provenance(List.of()), Map.of(), List.of()).at("/provenance").has("parameterCatalog"))
                .isFalse();
    }
}
