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
 * table into docs/model/mineral-fit.md. Not part of the normal test run (minutes of CPU). With
 * {@code -Dvascalc.fit.hold=name=value,...} it fits the others with those held (a profile); with
 * {@code -Dvascalc.fit.checks=E12,E14} it also prints those check rows at the result (reported,
 * never in the objective).
 */
class MineralFitRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.fit", matches = "true")
    void fit() throws Exception {
        // Optional profile: -Dvascalc.fit.hold=name=value,... holds those calibrated parameters there.
        java.util.Map<String, Double> held = new java.util.LinkedHashMap<>();
        for (String kv : System.getProperty("vascalc.fit.hold", "").split(",")) {
            if (kv.contains("=")) {
                String[] a = kv.split("=");
                held.put(a[0].trim(), Double.parseDouble(a[1]));
            }
        }
        ParameterCatalog start = ModelAssembly.defaultParameters().with(held);
        MineralFit.Result r = MineralFit.fit(start, Integer.getInteger("vascalc.fit.evals", 300), held.keySet());
        String md = MineralFit.markdown(r, start);
        System.out.println(md);
        String checks = System.getProperty("vascalc.fit.checks", "");
        if (!checks.isBlank()) {
            var sim = new org.vascalc.simulation.engine.EngineSimulator(start.with(r.values()));
            for (String id : checks.split(",")) {
                System.out.printf(java.util.Locale.ROOT, "CHECK %s %s = %.5g%n", held, id.trim(),
                        EngineChecks.byId(id.trim()).modelValue(sim));
            }
        }
        Files.writeString(Path.of("target/mineral-fit.md"), md);
    }
}
