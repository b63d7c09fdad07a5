package org.vascalc.simulation.output;

import java.util.Objects;

/**
 * What a reader needs to re-run an output: which tool built it, from which commit, on which
 * scenario (SHA-256 of the scenario file's bytes) and parameter set (SHA-256 of the catalog's CSV).
 */
public record Provenance(String toolVersion, String commit, String scenarioFile, String scenarioSha256,
                         String parameterSetSha256, String mode) {
    public Provenance {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(scenarioFile, "scenarioFile");
        Objects.requireNonNull(scenarioSha256, "scenarioSha256");
        Objects.requireNonNull(parameterSetSha256, "parameterSetSha256");
        Objects.requireNonNull(mode, "mode");
    }
}
