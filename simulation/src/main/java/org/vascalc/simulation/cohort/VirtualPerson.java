package org.vascalc.simulation.cohort;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vascalc.core.intervention.Intervention.StatinIntensity;
import org.vascalc.core.patient.Patient;

/**
 * One member of a virtual cohort: who they are, the individual values of the model's
 * between-person parameters (catalog names to values, e.g. {@code plaqueSusceptibility}), and the
 * statin they take throughout follow-up, if any.
 *
 * @param index                 position in the cohort (the seed stream is derived from it)
 * @param patient               the person
 * @param individualParameters  catalog overrides for this person only
 * @param statin                statin intensity taken during follow-up
 */
public record VirtualPerson(long index, Patient patient, Map<String, Double> individualParameters,
                            Optional<StatinIntensity> statin) {
    public VirtualPerson {
        Objects.requireNonNull(patient, "patient");
        individualParameters = Map.copyOf(individualParameters);
        Objects.requireNonNull(statin, "statin");
    }
}
