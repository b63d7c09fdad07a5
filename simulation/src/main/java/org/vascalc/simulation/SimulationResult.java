package org.vascalc.simulation;

import java.util.Map;

/**
 * The outcome of one run: the trajectory, end-of-run summary values (id to value in the channel's
 * unit), and counters for provenance (derivative evaluations, steps, wall time).
 */
public record SimulationResult(Scenario scenario, Mode mode, Trajectory trajectory,
                               Map<String, Double> summary, Map<String, Long> counters,
                               String parameterSetSha256) {
    public SimulationResult {
        summary = Map.copyOf(summary);
        counters = Map.copyOf(counters);
    }
}
