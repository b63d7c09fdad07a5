package org.vascalc.simulation;

/**
 * Runs scenarios. Thread-confined: one simulator per thread (patients run in parallel, each on its
 * own instance); deterministic: the same scenario and parameters give the same result.
 */
public interface Simulator {
    SimulationResult run(Scenario scenario, Mode mode, ProgressListener progress);
}
