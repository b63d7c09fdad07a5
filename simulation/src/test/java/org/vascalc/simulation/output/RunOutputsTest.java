package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;
import org.vascalc.simulation.testing.FakeSimulatorFactory;

class RunOutputsTest {

    private static SimulationResult run() {
        ScenarioFiles.Loaded l = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/calcium-supplement-fasting.yaml"));
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        return f.create(f.defaultParameters()).run(l.scenario(), Mode.REFERENCE, ProgressListener.NONE);
    }

    private static Provenance prov() {
        return new Provenance("0.1.0", "abc123", "x.yaml", "s".repeat(64), "p".repeat(64), "REFERENCE");
    }

    @Test
    void writesTheTrajectoryWithIdUnitHeadersAndASummaryWithProvenance(@TempDir Path dir) throws IOException {
        RunOutputs.Written w = RunOutputs.write(run(), prov(), List.of(), dir);
        List<String> lines = Files.readAllLines(w.trajectoryCsv());
        assertThat(lines.get(0)).isEqualTo("time(h),serumCalciumTotal(mmol/L),calciumAbsorbed(mg)");
        assertThat(lines.get(1)).startsWith("0,2.35,");
        JsonNode j = new ObjectMapper().readTree(w.summaryJson().toFile());
        assertThat(j.at("/provenance/commit").asText()).isEqualTo("abc123");
        assertThat(j.at("/provenance/scenarioSha256").asText()).hasSize(64);
        assertThat(j.at("/provenance/parameterSetSha256").asText()).hasSize(64);
        assertThat(j.at("/trajectory/sha256").asText())
                .isEqualTo(ScenarioFiles.sha256(Files.readAllBytes(w.trajectoryCsv())));
        // The fake's bump after the 10:00 dose on day 1 peaks 4 h later at 2.35 + 0.1 mmol/L.
        assertThat(j.at("/channels/0/max").asDouble()).isCloseTo(2.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(j.at("/channels/0/maxAtHours").asDouble()).isEqualTo(24 + 10 + 4);
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "calcium-supplement-fasting.summary.json", "calcium-supplement-fasting.trajectory.csv");
        }
    }

    @Test
    void aFailedWriteLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path blocker = dir.resolve("out");
        Files.writeString(blocker, "a file where the folder should be");
        assertThatThrownBy(() -> RunOutputs.write(run(), prov(), List.of(), blocker)).isInstanceOf(IOException.class);
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(blocker);
        }
    }
}
