package org.vascalc.simulation.calibration.wall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Derives the event hazards' levels on request ({@code -Dvascalc.fit=events}, optional
 * {@code -Dvascalc.fit.mesa=N}, {@code -Dvascalc.fit.mesaLong=N}); writes {@code target/event-levels.md}. The derived levels are then
 * copied into wall-parameters.csv and the record into docs/model/wall.md. Not part of the normal
 * test run (minutes of CPU).
 */
class EventLevelRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.fit", matches = "events")
    void derive() throws Exception {
        long t0 = System.nanoTime();
        List<String> lines = new java.util.ArrayList<>();
        java.util.function.Consumer<String> report = line -> {
            System.out.println(line);
            lines.add(line);
        };
        var levels = EventLevels.derive(new EngineSimulatorFactory(), ModelAssembly.defaultParameters(),
                Integer.getInteger("vascalc.fit.mesa", EventLevels.SIZE),
                Integer.getInteger("vascalc.fit.mesaLong", EventLevels.LONG_SIZE),
                Integer.getInteger("vascalc.fit.check", 60), Runtime.getRuntime().availableProcessors(), report);
        levels.forEach((k, v) -> report.accept(k + " = " + v));
        lines.add(String.format("wall time %.0f s", (System.nanoTime() - t0) / 1e9));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/event-levels.md"), lines);
    }
}
