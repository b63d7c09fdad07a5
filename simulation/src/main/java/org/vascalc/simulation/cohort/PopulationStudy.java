package org.vascalc.simulation.cohort;

import java.util.List;
import java.util.stream.LongStream;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulatorFactory;

/**
 * Runs the MESA-like and CRIC-like virtual cohorts through the whole engine (fast mode) and
 * estimates every population row. Sizes and seed are the caller's: the calibration checks use
 * sizes that fit the build's time budget and report each statistic's Monte-Carlo standard error.
 *
 * @param mesaSize persons in the MESA-like cohort
 * @param cricSize persons in the CRIC-like cohort
 * @param seed     population seed (persons and bootstrap)
 */
public record PopulationStudy(int mesaSize, int cricSize, long seed) {

    public PopulationStudy {
        if (mesaSize < 0 || cricSize < 0) {
            throw new IllegalArgumentException("cohort sizes must be >= 0");
        }
    }

    /** Simulates both cohorts with {@code catalog} (its susceptibility SDs are the population's). */
    public PopulationSample simulate(SimulatorFactory factory, ParameterCatalog catalog, int threads,
                                     CohortProgress progress) {
        VirtualPopulation pop = new VirtualPopulation(seed, catalog);
        CohortRunner runner = new CohortRunner(factory, catalog, threads);
        List<VirtualPerson> mesa = LongStream.range(0, mesaSize).mapToObj(pop::mesa).toList();
        List<VirtualPerson> cric = LongStream.range(0, cricSize).mapToObj(pop::cric).toList();
        int total = mesaSize + cricSize;
        List<FollowUp> m = runner.run(mesa, p -> FollowUp.scenario(p, PopulationRows.MESA_YEARS), Mode.FAST,
                FollowUp::of, (d, n) -> progress.finished(d, total));
        List<FollowUp> c = runner.run(cric, p -> FollowUp.scenario(p, PopulationRows.CRIC_YEARS), Mode.FAST,
                FollowUp::of, (d, n) -> progress.finished(mesaSize + d, total));
        return new PopulationSample(m, c);
    }

    /** Every population row's estimate on {@code sample}. */
    public List<PopulationEstimate> estimates(PopulationSample sample) {
        return PopulationRows.all().stream().map(r -> PopulationRows.estimate(r, sample, seed)).toList();
    }
}
