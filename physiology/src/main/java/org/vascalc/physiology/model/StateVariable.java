package org.vascalc.physiology.model;

import java.util.Objects;

/**
 * One entry of the state vector.
 *
 * @param id                 qualified name {@code block.variable}, e.g. {@code mineral.caEcf}
 * @param unit               unit of the stored value, e.g. {@code mmol}
 * @param absoluteTolerance  error-control floor in {@code unit}
 * @param timeScale          FAST or SLOW, see {@link TimeScale}
 * @param description        one line for docs and output headers
 */
public record StateVariable(String id, String unit, double absoluteTolerance, TimeScale timeScale,
                            String description) {
    public StateVariable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(timeScale, "timeScale");
        if (!id.contains(".")) {
            throw new IllegalArgumentException("state variable id must be qualified as block.variable: " + id);
        }
        if (!(absoluteTolerance > 0)) {
            throw new IllegalArgumentException("absolute tolerance of " + id + " must be > 0");
        }
    }
}
