package org.vascalc.simulation.output;

import java.util.List;
import java.util.Objects;
import org.vascalc.simulation.ParameterOverrides;

/**
 * What a reader needs to re-run an output: which tool built it, from which commit, on which
 * scenario (SHA-256 of the scenario file's bytes) and parameter set (SHA-256 of the catalog's CSV),
 * which values of that set were named one by one ({@code --set}, a scenario file's {@code parameters:}
 * map; empty when none were), and, for a run on a catalog read from a file ({@code --parameters}), that
 * file and its values that differ from the model's (review17: the hash alone did not say which number
 * a changed catalog moved).
 *
 * @param parameterCatalog the catalog file the run used instead of the model's ("" for the model's own)
 * @param catalogChanges   the values of {@code parameterCatalog} that differ from the model's, each
 *                         {@code defaultValue} the model's (empty for the model's own catalog)
 */
public record Provenance(String toolVersion, String commit, String scenarioFile, String scenarioSha256,
                         String parameterSetSha256, String mode, List<ParameterOverrides.Change> parameterOverrides,
                         String parameterCatalog, List<ParameterOverrides.Change> catalogChanges) {
    public Provenance {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(scenarioFile, "scenarioFile");
        Objects.requireNonNull(scenarioSha256, "scenarioSha256");
        Objects.requireNonNull(parameterSetSha256, "parameterSetSha256");
        Objects.requireNonNull(mode, "mode");
        parameterOverrides = List.copyOf(parameterOverrides);
        parameterCatalog = parameterCatalog == null ? "" : parameterCatalog;
        catalogChanges = List.copyOf(catalogChanges);
    }

    /** A run on the model's own catalog, with the values named one by one. */
    public Provenance(String toolVersion, String commit, String scenarioFile, String scenarioSha256,
                      String parameterSetSha256, String mode, List<ParameterOverrides.Change> parameterOverrides) {
        this(toolVersion, commit, scenarioFile, scenarioSha256, parameterSetSha256, mode, parameterOverrides, "",
                List.of());
    }

    /** A run on a parameter set as given, no value named one by one. */
    public Provenance(String toolVersion, String commit, String scenarioFile, String scenarioSha256,
                      String parameterSetSha256, String mode) {
        this(toolVersion, commit, scenarioFile, scenarioSha256, parameterSetSha256, mode, List.of());
    }
}
