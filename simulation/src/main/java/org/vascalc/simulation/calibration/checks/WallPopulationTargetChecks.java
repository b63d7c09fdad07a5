package org.vascalc.simulation.calibration.checks;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.calibration.TargetCheck;
import org.vascalc.simulation.calibration.TargetCheckProvider;
import org.vascalc.simulation.calibration.wall.WallPopulationChecks;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.PopulationEstimate;
import org.vascalc.simulation.cohort.PopulationRows;
import org.vascalc.simulation.cohort.PopulationSample;
import org.vascalc.simulation.cohort.PopulationStudy;
import org.vascalc.simulation.engine.EngineSimulator;

/**
 * Registers the wall's population rows (W04–W16, W18, W20) as checks: the standard virtual sample
 * of {@link WallPopulationChecks} through the whole engine, on all cores. One population run
 * serves every row of the same parameter set (the last set is remembered), so {@code ./vascalc
 * validate --scope wall} and {@code ./vascalc calibrate --scope wall} pay for one cohort per
 * parameter set (minutes, not seconds). The tests that read the same sample ({@code WallPopulationIT},
 * {@code ValidationPageIT}) share it through {@link #sample} instead of running it twice.
 */
public final class WallPopulationTargetChecks implements TargetCheckProvider {

    private static final Object LOCK = new Object();
    private static String lastSha;
    private static PopulationSample lastSample;
    private static List<PopulationEstimate> lastEstimates;

    @Override
    public List<TargetCheck> checks() {
        return PopulationRows.all().stream().map(r -> (TargetCheck) new Row(r.id())).toList();
    }

    private record Row(String targetId) implements TargetCheck {
        @Override
        public double modelValue(Simulator simulator) {
            ParameterCatalog p = simulator instanceof EngineSimulator e ? e.parameters()
                    : SimulatorFactory.load().defaultParameters();
            return modelValue(simulator, p);
        }

        @Override
        public double modelValue(Simulator simulator, ParameterCatalog parameters) {
            return estimates(parameters).stream().filter(e -> e.targetId().equals(targetId)).findFirst()
                    .map(PopulationEstimate::value).orElse(Double.NaN);
        }
    }

    static List<PopulationEstimate> estimates(ParameterCatalog parameters) {
        synchronized (LOCK) {
            run(parameters);
            return lastEstimates;
        }
    }

    /** The standard sample ({@link WallPopulationChecks#standardStudy}) at {@code parameters}, run once per set. */
    public static PopulationSample sample(ParameterCatalog parameters) {
        synchronized (LOCK) {
            run(parameters);
            return lastSample;
        }
    }

    /**
     * As {@link #sample(ParameterCatalog)}, telling {@code progress} the member-runs done if the sample
     * has to be run: {@code validate} runs it so before its first population row, which was silent a minute.
     */
    public static PopulationSample sample(ParameterCatalog parameters, CohortProgress progress) {
        synchronized (LOCK) {
            run(parameters, progress);
            return lastSample;
        }
    }

    /** Whether row {@code targetId} reads the standard sample. */
    public static boolean readsTheSample(String targetId) {
        return PopulationRows.all().stream().anyMatch(r -> r.id().equals(targetId));
    }

    private static void run(ParameterCatalog parameters) {
        run(parameters, CohortProgress.NONE);
    }

    private static void run(ParameterCatalog parameters, CohortProgress progress) {
        String sha = parameters.sha256();
        if (!sha.equals(lastSha)) {
            PopulationStudy study = WallPopulationChecks.standardStudy();
            lastSample = study.simulate(SimulatorFactory.load(), parameters, Runtime.getRuntime().availableProcessors(),
                    progress);
            lastEstimates = study.estimates(lastSample);
            lastSha = sha;
        }
    }
}
