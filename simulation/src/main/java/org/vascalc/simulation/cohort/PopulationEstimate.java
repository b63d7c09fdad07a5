package org.vascalc.simulation.cohort;

/**
 * The model's value of one population row with its Monte-Carlo uncertainty.
 *
 * @param targetId      calibration target id
 * @param value         the statistic on the virtual sample
 * @param standardError bootstrap standard error over persons (the sampling error of the virtual
 *                      cohort; the model itself is deterministic)
 * @param n             persons the statistic uses
 * @param note          how it was computed
 */
public record PopulationEstimate(String targetId, double value, double standardError, int n, String note) {
}
