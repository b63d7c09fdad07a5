package org.vascalc.simulation.calibration;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.SimulatorFactory;

/**
 * Every target of calibration-targets.csv run once through its registered check, as {@code ./vascalc
 * validate --scope all} runs them ({@link CheckRunner} on the model's default parameters), shared by the
 * tests of one JVM: {@link EngineTargetsIT} asserts the engine rows' tolerances and {@link ValidationPageIT}
 * compares every row with docs/validation.md, and the targets (about a minute) are run for both once.
 */
final class ValidationRun {

    private static List<CheckRow> rows;

    private ValidationRun() {
    }

    static synchronized List<CheckRow> rows() {
        if (rows == null) {
            SimulatorFactory factory = SimulatorFactory.load();
            ParameterCatalog catalog = factory.defaultParameters();
            rows = new CheckRunner(TargetChecks.discover()).run(CalibrationTargets.load().all(), factory.create(catalog),
                    catalog, r -> { });
        }
        return rows;
    }

    static CheckRow row(String targetId) {
        return rows().stream().filter(r -> r.target().id().equals(targetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no target " + targetId + " in calibration-targets.csv"));
    }
}
