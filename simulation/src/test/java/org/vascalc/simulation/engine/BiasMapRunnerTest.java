package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;

/**
 * The biasmap record ({@link BiasMapRunner}'s table) and {@link BiasProbe}'s wiring: a switch changes a run, and its
 * reset gives today's bits back.
 */
class BiasMapRunnerTest {

    @AfterEach
    void reset() {
        BiasProbe.reset();
    }

    @Test
    void theTableHoldsEveryYearOnceBySwitchAndTheBaseReproducesTheLinecvLevel() throws IOException {
        Map<String, Double> linecv = new HashMap<>();
        Map<String, String> grid = new HashMap<>();
        for (LineCvRunner.Year y : LineCvRunner.years()) {
            linecv.putIfAbsent(y.key(), y.level());
            grid.putIfAbsent(y.key(), y.grid());
        }
        List<String> rows = new ArrayList<>();
        try (InputStream in = BiasMapRunnerTest.class.getResourceAsStream("/biasmap/table.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("key")) {
                    rows.add(line);
                }
            }
        }
        List<String> keys = new ArrayList<>(BiasMapRunner.MISSES);
        keys.addAll(BiasMapRunner.CONTROLS);
        List<String> switches = BiasMapRunner.switches().stream().map(BiasMapRunner.Switch::name).toList();
        assertThat(rows).hasSize(keys.size() * switches.size());
        Set<String> seen = new LinkedHashSet<>();
        for (String row : rows) {
            String[] f = row.split("\t");
            assertThat(seen.add(f[0] + "|" + f[3])).as("once: %s", row).isTrue();
            assertThat(keys).contains(f[0]);
            assertThat(switches).contains(f[3]);
            assertThat(f[1]).isEqualTo(BiasMapRunner.MISSES.contains(f[0]) ? "miss" : "control");
            if (f[3].equals("base")) {
                // the map's levels are 2-decimal %, the others 4 digits: within half a unit of their last digit
                double half = grid.get(f[0]).equals("missmap") ? 5e-5 : 5e-4 * linecv.get(f[0]);
                assertThat(Double.parseDouble(f[4])).as(f[0]).isCloseTo(linecv.get(f[0]),
                        org.assertj.core.data.Offset.offset(half));
            }
        }
    }

    @Test
    void aProbeSwitchChangesTheRunAndItsResetGivesTodaysBits() throws IOException {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastSettings.DEFAULT, FastSettings.DEFAULT, true);
        Scenario binder = year("egfr22-cbind575");
        double[][] today = sim.run(binder, Mode.FAST, ProgressListener.NONE).trajectory().values();
        BiasProbe.lagScale = 0;
        double[][] noLag = sim.run(binder, Mode.FAST, ProgressListener.NONE).trajectory().values();
        BiasProbe.reset();
        // the oracle: one SLOW state (the osteoclasts) set to 0.5 at day 7
        BiasProbe.oracleHour = 7 * 24.0;
        BiasProbe.oracle = (id, hour) -> id.equals("mineral.osteoclasts") ? 0.5 : Double.NaN;
        double[][] oracle = sim.run(binder, Mode.FAST, ProgressListener.NONE).trajectory().values();
        BiasProbe.reset();
        assertThat(noLag).as("lag x 0").isNotEqualTo(today);
        assertThat(oracle).as("oracle").isNotEqualTo(today);
        assertThat(sim.run(binder, Mode.FAST, ProgressListener.NONE).trajectory().values()).as("after the reset")
                .isEqualTo(today);
    }

    private static Scenario year(String key) throws IOException {
        return LineCvRunner.years().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow().scenario();
    }
}
