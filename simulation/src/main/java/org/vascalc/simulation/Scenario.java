package org.vascalc.simulation;

import java.util.List;
import java.util.Objects;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Patient;

/**
 * Everything one run needs: who (patient), chronic conditions applied before stabilisation, timed
 * interventions, how long, and what to record. A scenario file maps one-to-one onto this record.
 * The constructor checks only what makes the record meaningless (a missing patient, a duration
 * that is not positive); {@link org.vascalc.simulation.scenario.ScenarioCheck} checks every value
 * against the ranges a scenario file is held to.
 *
 * @param name          short name used in output file names
 * @param description   free text
 * @param patient       the person
 * @param conditions    chronic conditions (applied before stabilisation)
 * @param interventions timed interventions with their schedules
 * @param durationDays  simulated time after stabilisation, days
 * @param recording     which outputs to record and how often
 */
public record Scenario(String name, String description, Patient patient, List<Condition> conditions,
                       List<Intervention> interventions, double durationDays, Recording recording) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(patient, "patient");
        // named (review17): List.copyOf's own words were "Cannot invoke ... because \"coll\" is null"
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions is null; give List.of() for none"));
        interventions = List.copyOf(Objects.requireNonNull(interventions, "interventions is null; give List.of() for none"));
        Objects.requireNonNull(recording, "recording");
        if (!(durationDays > 0)) {
            throw new IllegalArgumentException("durationDays must be > 0 days, got " + durationDays);
        }
    }
}
