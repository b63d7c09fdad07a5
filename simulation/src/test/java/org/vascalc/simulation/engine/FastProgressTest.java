package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;

/**
 * A fast run tells its {@link org.vascalc.simulation.ProgressListener} how far it has got, as the
 * listener's contract says: fractions of simulated time in [0, 1], never falling, reported while the
 * run goes on (not only at its end: the CLI's progress bar and the web pages' progress lines read them)
 * and reaching 1 at the end, also where the run ends part of a day after its last whole period (the
 * piece finished on the cached orbit, {@code FastRun.partialPeriod}). No test read the fast mode's
 * reports before (PIT on FastRun, docs/testing.md, forty-second session: removing the SLOW step's
 * report survived).
 */
class FastProgressTest {

    @ParameterizedTest
    @ValueSource(doubles = {120, 120.5})
    void aFastRunReportsRisingFractionsOfItsSimulatedTimeUpToOne(double days) {
        var sc = Scenarios.of("progress-" + days, days, Recording.every(24 * 30),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        List<Double> fractions = new ArrayList<>();
        EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(sc, Mode.FAST, fractions::add);

        assertThat(fractions).isNotEmpty();
        for (int k = 0; k < fractions.size(); k++) {
            assertThat(fractions.get(k)).as("report %d", k).isBetween(0.0, 1.0);
            if (k > 0) {
                assertThat(fractions.get(k)).as("report %d", k).isGreaterThanOrEqualTo(fractions.get(k - 1));
            }
        }
        // Reported along the way: the regimen's first orbit and its SLOW steps come well before the end.
        assertThat(fractions.get(0)).isLessThan(0.5);
        assertThat(fractions.get(fractions.size() - 1)).isCloseTo(1.0, within(1e-9));
    }
}
