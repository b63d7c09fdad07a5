package org.vascalc.clinical.score;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vascalc.core.input.InputProblem;

/**
 * The result of one published risk equation: the estimate, what it estimates, the inputs as the
 * equation saw them (after unit conversion and transformation) and any warnings.
 *
 * @param score       short id, e.g. {@code "pce"}
 * @param name        human name, e.g. "Pooled Cohort Equations"
 * @param outcome     what is predicted, e.g. "hard ASCVD (non-fatal MI, CHD death, stroke)"
 * @param horizonYears prediction horizon, years
 * @param risk        probability of the outcome within the horizon, fraction 0..1
 * @param citation    key in docs/references.bib plus locator of the coefficients
 * @param inputsUsed  the inputs the equation used, by name with unit in the name
 * @param warnings    extrapolation warnings (never errors: errors throw)
 */
public record RiskEstimate(String score, String name, String outcome, int horizonYears, double risk,
                           String citation, Map<String, Double> inputsUsed, List<InputProblem> warnings) {

    public RiskEstimate {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(citation, "citation");
        inputsUsed = Collections.unmodifiableMap(new LinkedHashMap<>(inputsUsed));
        warnings = List.copyOf(warnings);
        if (!(risk >= 0 && risk <= 1)) {
            throw new IllegalStateException(score + " produced a risk outside [0, 1]: " + risk);
        }
    }

    public double riskPercent() {
        return 100 * risk;
    }
}
