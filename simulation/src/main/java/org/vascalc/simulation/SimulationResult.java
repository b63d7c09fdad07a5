package org.vascalc.simulation;

import java.util.List;
import java.util.Map;
import org.vascalc.core.input.InputProblem;

/**
 * The outcome of one run: the trajectory, end-of-run summary values (id to value in the channel's
 * unit), counters for provenance (derivative evaluations, steps, wall time), and the run's own
 * warnings (the model's, not the file loader's: e.g. a measured lab the run does not start at), each
 * naming the scenario field it concerns.
 */
public record SimulationResult(Scenario scenario, Mode mode, Trajectory trajectory,
                               Map<String, Double> summary, Map<String, Long> counters,
                               String parameterSetSha256, List<InputProblem> warnings) {
    public SimulationResult {
        summary = Map.copyOf(summary);
        counters = Map.copyOf(counters);
        warnings = List.copyOf(warnings);
    }

    /** A run without warnings of its own. */
    public SimulationResult(Scenario scenario, Mode mode, Trajectory trajectory, Map<String, Double> summary,
                            Map<String, Long> counters, String parameterSetSha256) {
        this(scenario, mode, trajectory, summary, counters, parameterSetSha256, List.of());
    }
}
