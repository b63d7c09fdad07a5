package org.vascalc.simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vascalc.core.input.InputProblem;

/**
 * The outcome of one run: the trajectory, end-of-run summary values (id to value in the channel's
 * unit), counters for provenance (derivative evaluations, steps, wall time), and the run's own
 * warnings (the model's, not the file loader's: e.g. a measured lab the run does not start at), each
 * naming the scenario field it concerns.
 *
 * @param warnings       the run's own warnings, as printed and listed in {@code summary.json}
 * @param startLabMisses the measured labs the run does not start at, as values; each one's
 *                       {@link StartLabMiss#warning()} is among {@code warnings} (so what counts them,
 *                       e.g. {@code cohort.StartWarnings}, reads these and not the English)
 */
public record SimulationResult(Scenario scenario, Mode mode, Trajectory trajectory,
                               Map<String, Double> summary, Map<String, Long> counters,
                               String parameterSetSha256, List<InputProblem> warnings,
                               List<StartLabMiss> startLabMisses) {
    public SimulationResult {
        summary = Map.copyOf(summary);
        counters = Map.copyOf(counters);
        warnings = List.copyOf(warnings);
        startLabMisses = List.copyOf(startLabMisses);
        for (StartLabMiss m : startLabMisses) {
            if (!warnings.contains(m.warning())) { // a miss the user was not told of would be counted unseen
                throw new IllegalArgumentException("the run's warnings do not say its " + m.lab().words()
                        + " miss: " + m.warning().message());
            }
        }
    }

    /** A run whose warnings carry no lab it does not start at ({@link #startLabMisses()} empty). */
    public SimulationResult(Scenario scenario, Mode mode, Trajectory trajectory, Map<String, Double> summary,
                            Map<String, Long> counters, String parameterSetSha256, List<InputProblem> warnings) {
        this(scenario, mode, trajectory, summary, counters, parameterSetSha256, warnings, List.of());
    }

    /** A run without warnings of its own. */
    public SimulationResult(Scenario scenario, Mode mode, Trajectory trajectory, Map<String, Double> summary,
                            Map<String, Long> counters, String parameterSetSha256) {
        this(scenario, mode, trajectory, summary, counters, parameterSetSha256, List.of());
    }

    /** A run whose only warnings are its labs' misses, each warned as {@link StartLabMiss#warning()}. */
    public static SimulationResult withMisses(Scenario scenario, Mode mode, Trajectory trajectory,
                                              Map<String, Double> summary, Map<String, Long> counters,
                                              String parameterSetSha256, List<StartLabMiss> misses) {
        return new SimulationResult(scenario, mode, trajectory, summary, counters, parameterSetSha256,
                misses.stream().map(StartLabMiss::warning).toList(), misses);
    }

    /**
     * In fast mode, which path the run took ({@link FastPath}: {@code DIRECT} when its counters hold {@link
     * FastPath#DIRECT_STEPS_COUNTER}, else {@code AVERAGED}); empty in reference mode.
     */
    public Optional<FastPath> fastPath() {
        if (mode != Mode.FAST) {
            return Optional.empty();
        }
        return Optional.of(counters.containsKey(FastPath.DIRECT_STEPS_COUNTER) ? FastPath.DIRECT : FastPath.AVERAGED);
    }

    /** The warnings that are not a lab's miss (in their order): what {@link #startLabMisses()} does not say. */
    public List<InputProblem> otherWarnings() {
        List<InputProblem> said = startLabMisses.stream().map(StartLabMiss::warning).toList();
        return warnings.stream().filter(w -> !said.contains(w)).toList();
    }
}
