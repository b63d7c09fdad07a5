package org.vascalc.simulation;

/**
 * Runs scenarios. Thread-confined: one simulator per thread (patients run in parallel, each on its
 * own instance); deterministic: the same scenario and parameters give the same result.
 */
public interface Simulator {

    /**
     * Stabilises the patient under the scenario's conditions (the run-in), then simulates
     * {@code scenario.durationDays()} days of its interventions and records its outputs.
     *
     * <p>The model's implementation checks the scenario before integrating
     * ({@link org.vascalc.simulation.scenario.ScenarioCheck#requireForRun}: the patient, conditions,
     * interventions' hard limits and duration, with a scenario file's messages) and throws
     * {@link org.vascalc.core.input.InvalidInputException} at once; a caller that deliberately
     * doses beyond a file's limits wraps the run in
     * {@link org.vascalc.simulation.scenario.ScenarioCheck#beyondInterventionLimits}.
     *
     * @param scenario who, what and how long
     * @param mode     {@link Mode#FAST} for months to decades, {@link Mode#REFERENCE} to resolve every meal and dose
     * @param progress told the fraction of simulated time done ({@link ProgressListener#NONE} or null for none)
     * @throws NullPointerException if {@code scenario} or {@code mode} is null, with a message naming it
     * @throws org.vascalc.core.input.InvalidInputException if a value is outside a scenario file's hard
     *         limits, or the recording names an output the model does not have
     * @throws org.vascalc.simulation.integrate.IntegrationException if the integrator fails
     */
    SimulationResult run(Scenario scenario, Mode mode, ProgressListener progress);
}
