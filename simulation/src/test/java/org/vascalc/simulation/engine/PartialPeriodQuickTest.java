package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.SimulationResult;

/**
 * The piece of a run after its last whole period ({@code FastRun.partialPeriod}) on a 40-day run:
 * it costs a few dozen derivative calls, not the thousands of a cold reference-mode start, its
 * intake counters step with reference mode's (the 08:00 doses inside the piece, not the 20:00 one),
 * and the calcium and phosphorus books close as well as over whole days. Ends on and off the orbit's
 * two-hourly sample grid. Split from {@link PartialPeriodTest} (whose year-long cases take two
 * minutes) because each case here takes about a second, so mutation runs can include them.
 */
class PartialPeriodQuickTest {

    private static final double DAYS = 40;

    @Test
    void theLastHalfDayCostsFewCallsAndKeepsTheBooksClosed() {
        lastPieceCostsFewCallsAndKeepsTheBooksClosed(0.5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.525, 0.55, 0.0375, 0.3})
    void aLastPieceEndingOffTheSampleGridCostsFewCallsAndKeepsTheBooksClosed(double fraction) {
        // 12:36, 13:12 (the 13:00 meal between the last sample and the end), 00:54, 07:12 (before the 08:00 doses).
        lastPieceCostsFewCallsAndKeepsTheBooksClosed(fraction);
    }

    private static void lastPieceCostsFewCallsAndKeepsTheBooksClosed(double fraction) {
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        // Two-hourly rows through the last piece: the intake counters step at the 08:00 doses there.
        Recording rec = new Recording(MassBalance.CHANNELS, 10 * 24, 2, DAYS, DAYS + 1);
        SimulationResult whole = sim.run(PartialPeriodScenarios.tail(DAYS, rec), Mode.FAST, ProgressListener.NONE);
        SimulationResult half = sim.run(PartialPeriodScenarios.tail(DAYS + fraction, rec), Mode.FAST, ProgressListener.NONE);
        long extra = half.counters().get("derivativeEvaluations") - whole.counters().get("derivativeEvaluations");
        double caIn = MassBalance.delta(half.trajectory(), "mineral.caIntakeCum");
        double pIn = MassBalance.delta(half.trajectory(), "mineral.po4IntakeCum");
        double caWhole = MassBalance.calciumResidual(whole.trajectory(), 0) / MassBalance.delta(whole.trajectory(), "mineral.caIntakeCum");
        double caHalf = MassBalance.calciumResidual(half.trajectory(), 0) / caIn;
        double pWhole = MassBalance.phosphorusResidual(whole.trajectory(), 0, 0.464)
                / MassBalance.delta(whole.trajectory(), "mineral.po4IntakeCum");
        double pHalf = MassBalance.phosphorusResidual(half.trajectory(), 0, 0.464) / pIn;
        System.out.printf(Locale.ROOT, "last %.4f day: %d extra calls; Ca residual %.2e (whole days %.2e), P %.2e (%.2e) of intake%n",
                fraction, extra, caHalf, caWhole, pHalf, pWhole);
        // In reference mode from a cold start the half day took 5 141 calls (benchmark decade).
        assertThat(extra).isLessThan(500);
        SimulationResult reference = sim.run(PartialPeriodScenarios.tail(DAYS + fraction, rec), Mode.REFERENCE, ProgressListener.NONE);
        for (String counter : new String[] {"mineral.caIntakeCum", "mineral.po4IntakeCum"}) {
            double[] fast = half.trajectory().series(counter);
            double[] ref = reference.trajectory().series(counter);
            for (int i = 0; i < ref.length; i++) {
                assertThat(fast[i]).as("%s at %.0f h", counter, half.trajectory().time(i))
                        .isCloseTo(ref[i], org.assertj.core.api.Assertions.within(1e-9 * caIn));
            }
        }
        assertThat(Math.abs(caHalf)).isLessThan(Math.max(2 * Math.abs(caWhole), 1e-4));
        assertThat(Math.abs(pHalf)).isLessThan(Math.max(2 * Math.abs(pWhole), 1e-4));
    }
}
