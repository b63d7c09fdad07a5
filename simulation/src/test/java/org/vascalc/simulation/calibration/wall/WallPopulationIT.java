package org.vascalc.simulation.calibration.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.PopulationEstimate;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The wall's population rows through the whole engine on the standard virtual sample. Fit rows must
 * lie in their band (they were fitted, on a different seed, with {@code WallFit}) unless listed in
 * {@code known-misses.csv}, in which case they must still miss; check rows are
 * reported, never asserted, so a miss stays visible. Every statistic must come with a finite,
 * positive Monte-Carlo standard error. Table: {@code target/wall-population-targets.md}.
 */
class WallPopulationIT {

    private static final java.util.Map<String, String> KNOWN_MISSES =
            org.vascalc.simulation.calibration.KnownMisses.load();

    @Test
    void populationFitRowsHoldAndEveryRowIsReportedWithItsStandardError() throws IOException {
        long t0 = System.nanoTime();
        List<PopulationEstimate> estimates = WallPopulationChecks.run(new EngineSimulatorFactory(),
                ModelAssembly.defaultParameters(), Runtime.getRuntime().availableProcessors(), CohortProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        CalibrationTargets targets = CalibrationTargets.load();
        List<String> out = new ArrayList<>();
        out.add(String.format("MESA-like %d, CRIC-like %d, seed %d, %.0f s", WallPopulationChecks.MESA_SIZE,
                WallPopulationChecks.CRIC_SIZE, WallPopulationChecks.SEED, seconds));
        out.add("");
        out.add("| id | use | statistic | model | MC SE | n | target | low | high | result |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        for (PopulationEstimate e : estimates) {
            CalibrationTarget t = targets.get(e.targetId());
            out.add(String.format("| %s | %s | %s | %.4g | %.2g | %d | %s | %s | %s | %s |", e.targetId(),
                    t.use().name().toLowerCase(java.util.Locale.ROOT), e.note(), e.value(), e.standardError(), e.n(),
                    t.value(), t.low(), t.high(), t.accepts(e.value()) ? "pass" : "MISS"));
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/wall-population-targets.md"), out);
        out.forEach(System.out::println);
        for (PopulationEstimate e : estimates) {
            CalibrationTarget t = targets.get(e.targetId());
            assertThat(e.value()).as(e.targetId()).isFinite();
            assertThat(e.standardError()).as("%s standard error", e.targetId()).isFinite().isPositive();
            if (t.use() == CalibrationTarget.Use.FIT) {
                // a fit row listed as a known miss must still miss (so a fix is noticed), as in EngineTargetsIT
                boolean known = KNOWN_MISSES.containsKey(t.id());
                assertThat(t.accepts(e.value())).as("%s (fit row) = %s within [%s, %s]%s", t.id(), e.value(), t.low(),
                        t.high(), known ? " although listed in known-misses.csv: remove it" : "").isEqualTo(!known);
            }
        }
    }
}
