package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;

/**
 * The biasmap record ({@link BiasMapRunner}'s table) and {@link BiasProbe}'s wiring: a switch changes a run, the
 * default probe gives today's bits, and a probe is the run's own (runs on parallel threads keep theirs).
 */
class BiasMapRunnerTest {

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
        List<String> keys = BiasMapRunner.yearKeys();
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
    void aProbeSwitchChangesTheRunAndTheDefaultProbeGivesTodaysBits() throws IOException {
        Scenario binder = year("egfr22-cbind575");
        double[][] today = fast(FastSettings.DEFAULT, binder);
        double[][] noLag = fast(FastSettings.DEFAULT.withProbe(BiasProbe.NONE.withLagScale(0)), binder);
        // the oracle: one SLOW state (the osteoclasts) set to 0.5 at day 7, its change reported back
        List<String> changed = new ArrayList<>();
        BiasProbe.Oracle osteoclasts = new BiasProbe.Oracle() {
            @Override
            public double value(String id, double hour) {
                return id.equals("mineral.osteoclasts") ? 0.5 : Double.NaN;
            }

            @Override
            public void changed(String id, double hour, double relative) {
                changed.add(id + "@" + hour + (Double.isFinite(relative) && relative != 0 ? "" : " " + relative));
            }
        };
        double[][] oracle = fast(FastSettings.DEFAULT.withProbe(BiasProbe.NONE.withOracle(osteoclasts, 7 * 24.0)), binder);
        assertThat(noLag).as("lag x 0").isNotEqualTo(today);
        assertThat(oracle).as("oracle").isNotEqualTo(today);
        assertThat(changed).as("the oracle's changes, reported back").containsExactly("mineral.osteoclasts@168.0");
        // every switch written out at today's value is the default probe, and gives today's bits
        BiasProbe todays = new BiasProbe(1, 0, null, Double.NaN, null);
        assertThat(todays).isEqualTo(BiasProbe.NONE);
        assertThat(FastSettings.DEFAULT.probe()).isEqualTo(BiasProbe.NONE);
        assertThat(fast(FastSettings.DEFAULT.withProbe(todays), binder)).as("the default probe").isEqualTo(today);
    }

    @Test
    void runsOnParallelThreadsKeepTheirOwnProbe() throws Exception {
        // one simulation per thread, as the cohorts run them: a run with the lag switched off beside one without
        Scenario binder = year("egfr22-cbind575");
        double[][] today = fast(FastSettings.DEFAULT, binder);
        double[][] noLag = fast(FastSettings.DEFAULT.withProbe(BiasProbe.NONE.withLagScale(0)), binder);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<double[][]> a = pool.submit(() -> fast(FastSettings.DEFAULT, binder));
            Future<double[][]> b = pool.submit(() -> fast(FastSettings.DEFAULT.withProbe(BiasProbe.NONE.withLagScale(0)),
                    binder));
            assertThat(a.get()).as("today's run beside a probe run").isEqualTo(today);
            assertThat(b.get()).as("the probe run beside today's").isEqualTo(noLag);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aProbeOutsideItsRangeIsRefusedNamingTheSwitch() {
        assertThatThrownBy(() -> BiasProbe.NONE.withLagScale(-1)).hasMessageContaining("lag scale -1");
        assertThatThrownBy(() -> BiasProbe.NONE.withGuardSpans(-1)).hasMessageContaining("guard spans -1");
        assertThatThrownBy(() -> BiasProbe.NONE.withOracle((id, h) -> 0, Double.NaN)).hasMessageContaining("oracle hour");
    }

    private static double[][] fast(FastSettings settings, Scenario scenario) {
        return new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), settings,
                FastSettings.DEFAULT, true).run(scenario, Mode.FAST, ProgressListener.NONE).trajectory().values();
    }

    private static Scenario year(String key) throws IOException {
        return LineCvRunner.years().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow().scenario();
    }
}
