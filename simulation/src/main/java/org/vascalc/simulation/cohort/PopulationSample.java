package org.vascalc.simulation.cohort;

import java.util.List;

/**
 * Follow-ups of the MESA-like and CRIC-like virtual cohorts.
 *
 * @param mesa community cohort, followed {@link PopulationRows#MESA_YEARS}
 * @param cric CKD 2–4 cohort, followed {@link PopulationRows#CRIC_YEARS}
 */
public record PopulationSample(List<FollowUp> mesa, List<FollowUp> cric) {
    public PopulationSample {
        mesa = List.copyOf(mesa);
        cric = List.copyOf(cric);
    }
}
