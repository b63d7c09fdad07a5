package org.vascalc.simulation.calibration.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.calibration.checks.WallPopulationTargetChecks;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.PopulationEstimate;
import org.vascalc.simulation.cohort.PopulationSample;
import org.vascalc.simulation.cohort.PopulationStudy;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The wall's population rows through the whole engine on the standard virtual sample. Fit rows must
 * lie in their band (they were fitted, on a different seed, with {@code WallFit}) unless listed in
 * {@code known-misses.csv}, in which case they must still miss; check rows are
 * reported, never asserted, so a miss stays visible. Every statistic must come with a finite,
 * positive Monte-Carlo standard error. Table: {@code target/wall-population-targets.md}. The same
 * sample checks the event hazards' absolute level against MESA's counted incidence.
 */
class WallPopulationIT {

    private static PopulationStudy study;
    private static PopulationSample sample;
    private static double seconds;

    @BeforeAll
    static void simulate() {
        long t0 = System.nanoTime();
        study = WallPopulationChecks.standardStudy();
        // the sample validate's population rows read: ValidationPageIT in this JVM runs it once for both
        sample = WallPopulationTargetChecks.sample(ModelAssembly.defaultParameters());
        seconds = (System.nanoTime() - t0) / 1e9;
    }

    /**
     * A derived-level check, not a calibration target: miBasePerYear was set (EventLevels, seed 7,
     * 2000 persons) so that the MESA-like cohort's mean MI hazard equals Detrano 2008's 89 major
     * coronary events over 6722 x 3.8 person-years. On this sample (another seed, 2400 persons) the
     * mean must lie within that count's exact 95 % Poisson interval (2.80-4.29 per 1000 person-years);
     * it fails if the level, the plaque distribution or the hazard's structure moves the mean out.
     */
    @Test
    void mesaLikeMiRateLiesWithinMesasCountedIncidence() {
        double mi = 1000 * sample.mesa().stream().mapToDouble(FollowUp::miRate).average().orElseThrow();
        double[] ci = EventLevels.MI.interval95();
        System.out.printf("MESA-like MI hazard %.3f per 1000 person-years; Detrano 2008 %.3f (95 %% %.3f-%.3f)%n", mi,
                EventLevels.MI.perThousand(), ci[0], ci[1]);
        assertThat(mi).as("MESA-like mean MI hazard per 1000 person-years").isBetween(ci[0], ci[1]);
    }

    private static final java.util.Map<String, String> KNOWN_MISSES =
            org.vascalc.simulation.calibration.KnownMisses.load();

    @Test
    void populationFitRowsHoldAndEveryRowIsReportedWithItsStandardError() throws IOException {
        List<PopulationEstimate> estimates = study.estimates(sample);
        CalibrationTargets targets = CalibrationTargets.load();
        List<String> out = new ArrayList<>();
        out.add(String.format("MESA-like %d, CRIC-like %d, seed %d, %.0f s (0 when another test ran it first)",
                WallPopulationChecks.MESA_SIZE, WallPopulationChecks.CRIC_SIZE, WallPopulationChecks.SEED, seconds));
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
