package org.vascalc.simulation.calibration.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Runs the mineral fit on request ({@code -Dvascalc.fit=true}) and writes the result next to the
 * build output; the fitted values are then copied into mineral-parameters.csv by hand and the
 * table into docs/model/mineral-fit.md. Not part of the normal test run (minutes of CPU).
 */
class MineralFitRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.fit", matches = "true")
    void fit() throws Exception {
        ParameterCatalog start = ModelAssembly.defaultParameters();
        MineralFit.Result r = MineralFit.fit(start, Integer.getInteger("vascalc.fit.evals", 300));
        String md = MineralFit.markdown(r, start);
        System.out.println(md);
        Files.writeString(Path.of("target/mineral-fit.md"), md);
    }
}
