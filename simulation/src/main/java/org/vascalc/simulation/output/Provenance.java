package org.vascalc.simulation.output;

import java.util.List;
import java.util.Objects;
import org.vascalc.simulation.ParameterOverrides;

/**
 * What a reader needs to re-run an output: which tool built it, from which commit, on which
 * scenario (SHA-256 of the scenario file's bytes) and parameter set (SHA-256 of the catalog's CSV),
 * and which values of that set were named one by one ({@code --set}; empty when none were).
 */
public record Provenance(String toolVersion, String commit, String scenarioFile, String scenarioSha256,
                         String parameterSetSha256, String mode, List<ParameterOverrides.Change> parameterOverrides) {
    public Provenance {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(scenarioFile, "scenarioFile");
        Objects.requireNonNull(scenarioSha256, "scenarioSha256");
        Objects.requireNonNull(parameterSetSha256, "parameterSetSha256");
        Objects.requireNonNull(mode, "mode");
        parameterOverrides = List.copyOf(parameterOverrides);
    }

    /** A run on a parameter set as given, no value named one by one. */
    public Provenance(String toolVersion, String commit, String scenarioFile, String scenarioSha256,
                      String parameterSetSha256, String mode) {
        this(toolVersion, commit, scenarioFile, scenarioSha256, parameterSetSha256, mode, List.of());
    }
}
