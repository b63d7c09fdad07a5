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
     * <p>The scenario's values are not range-checked here: a scenario read by
     * {@link org.vascalc.simulation.scenario.ScenarioFiles} has been; one built in code should pass
     * {@link org.vascalc.simulation.scenario.ScenarioCheck#require} first.
     *
     * @param scenario who, what and how long
     * @param mode     {@link Mode#FAST} for months to decades, {@link Mode#REFERENCE} to resolve every meal and dose
     * @param progress told the fraction of simulated time done ({@link ProgressListener#NONE} for none)
     * @throws org.vascalc.core.input.InvalidInputException if the recording names an output the model does not have
     * @throws org.vascalc.simulation.integrate.IntegrationException if the integrator fails
     */
    SimulationResult run(Scenario scenario, Mode mode, ProgressListener progress);
}
