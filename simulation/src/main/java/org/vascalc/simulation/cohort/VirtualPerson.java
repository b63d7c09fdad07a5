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
 * @param scanErrorBaseline     natural log of the multiplicative error of this person's baseline CT
 *                              calcium score (0 = the model's score exactly)
 * @param scanErrorEnd          the same for the follow-up scan
 */
public record VirtualPerson(long index, Patient patient, Map<String, Double> individualParameters,
                            Optional<StatinIntensity> statin, double scanErrorBaseline, double scanErrorEnd) {
    public VirtualPerson {
        Objects.requireNonNull(patient, "patient");
        individualParameters = Map.copyOf(individualParameters);
        Objects.requireNonNull(statin, "statin");
        if (!Double.isFinite(scanErrorBaseline) || !Double.isFinite(scanErrorEnd)) {
            throw new IllegalArgumentException("scan errors must be finite: " + scanErrorBaseline + ", " + scanErrorEnd);
        }
    }

    /** A member whose CT scores are read without measurement error. */
    public VirtualPerson(long index, Patient patient, Map<String, Double> individualParameters,
                         Optional<StatinIntensity> statin) {
        this(index, patient, individualParameters, statin, 0, 0);
    }
}
