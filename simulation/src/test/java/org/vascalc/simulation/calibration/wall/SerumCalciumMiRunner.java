package org.vascalc.simulation.calibration.wall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Derives the direct serum-calcium term of the MI hazard on request ({@code -Dvascalc.fit=calciummi},
 * optional {@code -Dvascalc.fit.size=N}, default 300): the model's indirect hazard ratio for a
 * lifelong +0.5 mg/dL, the remainder of the MR total (SerumCalciumMi) and, with the derived β and
 * Ca_ref, the total hazard ratio as a check; writes {@code target/serum-calcium-mi.md}. The values
 * are then copied into wall-parameters.csv and the record into docs/model/wall.md. Not part of the
 * normal test run (four cohorts).
 */
class SerumCalciumMiRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.fit", matches = "calciummi")
    void derive() throws Exception {
        long t0 = System.nanoTime();
        List<String> lines = new ArrayList<>();
        Consumer<String> report = line -> {
            System.out.println(line);
            lines.add(line);
        };
        int size = Integer.getInteger("vascalc.fit.size", 300);
        int threads = Runtime.getRuntime().availableProcessors();
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        var factory = new EngineSimulatorFactory();
        SerumCalciumMi.Result r = SerumCalciumMi.derive(factory, catalog, size, threads, report);
        ParameterCatalog withDirect = catalog.with(Map.of("miCalciumLogHrPerMmolL", r.directLogHr(),
                "miCalciumRefMmolL", r.calciumMean()));
        double total = SerumCalciumMi.totalHr(factory, withDirect, size, threads);
        report.accept(String.format(Locale.ROOT, "with beta %.4f and Ca_ref %.4f: total HR %.4f for the shift "
                + "(MR %.2f per 0.5 mg/dL, i.e. %.4f for the achieved shift)", r.directLogHr(), r.calciumMean(), total,
                SerumCalciumMi.MR_ODDS_RATIO_MI, Math.pow(SerumCalciumMi.MR_ODDS_RATIO_MI,
                        r.calciumShift() / SerumCalciumMi.HALF_MG_PER_DL)));
        lines.add(String.format(Locale.ROOT, "wall time %.0f s", (System.nanoTime() - t0) / 1e9));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/serum-calcium-mi.md"), lines);
    }
}
