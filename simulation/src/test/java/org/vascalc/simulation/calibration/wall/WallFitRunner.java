package org.vascalc.simulation.calibration.wall;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Runs the wall fit on request ({@code -Dvascalc.fit=wall}); writes {@code target/wall-fit.md} and
 * the evaluation log {@code target/wall-fit.log}. {@code -Dvascalc.fit.free=a,b} frees only those
 * population parameters (the others keep the catalog's values). The fitted values are then copied into
 * wall-parameters.csv and the record into docs/model/wall-fit.md. Not part of the normal test run
 * (tens of minutes of CPU).
 */
class WallFitRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.fit", matches = "wall")
    void fit() throws Exception {
        ParameterCatalog start = ModelAssembly.defaultParameters();
        WallFit.Settings s = WallFit.Settings.standard(Runtime.getRuntime().availableProcessors());
        s = new WallFit.Settings(Integer.getInteger("vascalc.fit.mesa", s.mesaSize()),
                Integer.getInteger("vascalc.fit.ckd", s.ckdSize()), s.seed(),
                Integer.getInteger("vascalc.fit.popEvals", s.populationEvals()),
                Integer.getInteger("vascalc.fit.singleEvals", s.singleEvals()), s.threads());
        Files.createDirectories(Path.of("target"));
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of("target/wall-fit.log")), true)) {
            String free = System.getProperty("vascalc.fit.free", "");
            WallFit fit = free.isBlank() ? new WallFit(new EngineSimulatorFactory(), s)
                    : new WallFit(new EngineSimulatorFactory(), s, java.util.List.of(free.split(",")));
            WallFit.Result r = fit.fit(start, line -> {
                log.println(line);
                System.out.println(line);
            });
            String md = WallFit.markdown(r, start);
            System.out.println(md);
            Files.writeString(Path.of("target/wall-fit.md"), md);
        }
    }
}
