package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * A simulator keeps its fast-mode orbit integrator between runs (its LU objects and pivot orders;
 * {@code Rodas4Integrator.restart}) and the monodromy seed of the first orbit at a stabilised state
 * ({@link SeedMemo}): a run repeated on one simulator, and the same run after a different one (whose
 * first orbit left its seed), gives exactly the results and counters of the run on a new simulator.
 */
class RepeatedRunTest {

    @Test
    void aRunRepeatedOnOneSimulatorIsBitIdenticalToOneOnANewSimulator() {
        var parameters = ModelAssembly.defaultParameters();
        Recording rec = new Recording(List.of("serumCalciumTotal", "pth", "bmd", "mineral.caUrineCum"), 30 * 24, 24, 0, 0);
        Scenario supplement = Scenarios.of("supp", 120, rec,
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        Scenario other = Scenarios.of("drink", 60, rec,
                Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 12));
        SimulationResult fresh = EngineSimulator.withoutWall(parameters).run(supplement, Mode.FAST, ProgressListener.NONE);
        EngineSimulator kept = EngineSimulator.withoutWall(parameters);
        SimulationResult first = kept.run(supplement, Mode.FAST, ProgressListener.NONE);
        kept.run(other, Mode.FAST, ProgressListener.NONE);
        SimulationResult again = kept.run(supplement, Mode.FAST, ProgressListener.NONE);
        for (SimulationResult r : List.of(first, again)) {
            assertThat(r.trajectory().timesHours()).containsExactly(fresh.trajectory().timesHours());
            for (int i = 0; i < fresh.trajectory().size(); i++) {
                assertThat(r.trajectory().row(i)).containsExactly(fresh.trajectory().row(i));
            }
            var counters = new java.util.HashMap<>(r.counters());
            var expected = new java.util.HashMap<>(fresh.counters());
            counters.remove("wallTimeMicros");
            expected.remove("wallTimeMicros");
            assertThat(counters).isEqualTo(expected);
        }
    }
}
