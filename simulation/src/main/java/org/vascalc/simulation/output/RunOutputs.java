package org.vascalc.simulation.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Writes one run's files into a folder: {@code <name>.trajectory.csv} and {@code <name>.summary.json}.
 * Each is written atomically; the summary, which names the trajectory's SHA-256, is written last,
 * so a summary on disk always describes a complete trajectory next to it.
 */
public final class RunOutputs {

    /** Where the files went. */
    public record Written(Path trajectoryCsv, Path summaryJson) {
    }

    private RunOutputs() {
    }

    /** Where {@link #write} puts the files of the scenario named {@code name}, so callers can check them before a run. */
    public static Written paths(String name, Path dir) {
        return new Written(dir.resolve(name + ".trajectory.csv"), dir.resolve(name + ".summary.json"));
    }

    public static Written write(SimulationResult result, Provenance provenance, List<InputProblem> warnings, Path dir)
            throws IOException {
        Written to = paths(result.scenario().name(), dir);
        Path csv = to.trajectoryCsv();
        Path json = to.summaryJson();
        byte[] csvBytes = TrajectoryCsv.format(result.trajectory()).getBytes(StandardCharsets.UTF_8);
        String summary = SummaryJson.format(result, provenance, warnings, csv.getFileName().toString(),
                ScenarioFiles.sha256(csvBytes));
        AtomicFiles.write(csv, csvBytes);
        AtomicFiles.writeString(json, summary);
        return new Written(csv, json);
    }
}
