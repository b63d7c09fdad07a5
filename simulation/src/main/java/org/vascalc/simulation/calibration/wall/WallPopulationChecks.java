package org.vascalc.simulation.calibration.wall;

import org.vascalc.simulation.cohort.PopulationStudy;

/**
 * The wall's population rows (W04–W16, W18, W20) through the whole engine: the MESA-like and
 * CRIC-like virtual cohorts of {@link org.vascalc.simulation.cohort.VirtualPopulation}, fast mode,
 * with bootstrap standard errors, run (once per parameter set) by
 * {@link org.vascalc.simulation.calibration.checks.WallPopulationTargetChecks}. The single-patient rows are
 * {@link WallChecks}.
 *
 * <p>Sizes are set by the build's time budget (about 0.1 s of one core per person for 3–4 years in
 * fast mode, 2024-era laptop core; see docs/performance.md); the standard error of each statistic
 * is reported with it so a pass or miss can be judged against the sampling noise.
 */
public final class WallPopulationChecks {

    /** Standard sample: persons in the MESA-like cohort. */
    public static final int MESA_SIZE = 2400;
    /** Standard sample: persons in the CRIC-like cohort. */
    public static final int CRIC_SIZE = 1200;
    /** Standard seed of the checks (the fit uses a different one). */
    public static final long SEED = 20261130L;

    private WallPopulationChecks() {
    }

    /** The standard study. */
    public static PopulationStudy standardStudy() {
        return new PopulationStudy(MESA_SIZE, CRIC_SIZE, SEED);
    }
}
