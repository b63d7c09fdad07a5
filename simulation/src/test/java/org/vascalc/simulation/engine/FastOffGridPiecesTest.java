package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * The pieces fast mode runs in reference mode ({@code FastRun.offGrid}'s reference branch), against
 * reference mode: a regimen that starts in the middle of a day leaves the run off the period grid
 * from its start to the next period boundary; a regimen shorter than a period has no orbit of its
 * own, so the piece it spans is refused by {@code FastRun.partialPeriod} and runs in reference mode,
 * and so does the piece from its end back to the grid. The contract in such pieces is reference
 * mode's: every intake applied once, at its time, so the cumulative intake counters equal reference
 * mode's at every row (they are exact in fast mode as well: an orbit's integrals over whole
 * periods and the partial piece's nodes hold exactly the intakes before them, PartialPeriodQuickTest)
 * at every row of those pieces and at every whole day. Two-hourly rows, so that rows fall inside the
 * pieces.
 */
class FastOffGridPiecesTest {

    private static final List<String> COUNTERS = List.of("mineral.caIntakeCum", "mineral.po4IntakeCum");

    /**
     * 500 mg carbonate at 08:00 and 20:00 from day 1.5 (36 h): the run is on its orbit to 36 h (the
     * first day, then the half day to the regimen's start on the orbit of that segment), off the
     * period grid from 36 h to 48 h (in reference mode: the 20:00 dose at 44 h), on the new
     * regimen's orbits from 48 h.
     */
    @Test
    void aRegimenStartingAtMiddayRunsToTheNextDayInReferenceModeWithEveryIntake() {
        Scenario sc = Scenarios.of("midday-start", 6, new Recording(MassBalance.CHANNELS, 24, 2, 0, 6),
                new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(1.5, Double.POSITIVE_INFINITY, List.of(8.0, 20.0), Schedule.EVERY_DAY)));
        assertIntakesAsReferenceMode(sc, 36, 48);
    }

    /**
     * One 500 mg carbonate dose at 02:00 of day 1, the regimen lasting six hours (day 1 to 1.25):
     * no orbit exists for that segment, so the piece [24 h, 30 h) is refused on the orbit and runs
     * in reference mode (with the dose at 26 h), as does [30 h, 48 h) back to the period grid.
     */
    @Test
    void aRegimenShorterThanAPeriodRunsInReferenceModeWithItsDose() {
        Scenario sc = Scenarios.of("six-hours", 4, new Recording(MassBalance.CHANNELS, 24, 2, 0, 4),
                new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(1, 1.25, List.of(2.0), Schedule.EVERY_DAY)));
        assertIntakesAsReferenceMode(sc, 24, 48);
    }

    /**
     * The counters at every row of the pieces in reference mode, [{@code from}, {@code to}] hours, and
     * at every whole day (within a SLOW step fast mode's rows take the step's smooth dense output,
     * where the counters step at each intake in reference mode: equal only at the period grid).
     */
    private static void assertIntakesAsReferenceMode(Scenario sc, double from, double to) {
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        Trajectory fast = sim.run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        Trajectory ref = sim.run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        assertThat(fast.timesHours()).containsExactly(ref.timesHours());
        double caIn = MassBalance.delta(ref, "mineral.caIntakeCum");
        for (String counter : COUNTERS) {
            double[] f = fast.series(counter);
            double[] r = ref.series(counter);
            int compared = 0;
            for (int i = 0; i < r.length; i++) {
                double h = ref.time(i);
                if ((h >= from - 1e-9 && h <= to + 1e-9) || Math.abs(h - 24 * Math.rint(h / 24)) < 1e-9) {
                    assertThat(f[i]).as("%s at %.0f h", counter, h).isCloseTo(r[i], within(1e-9 * caIn));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThanOrEqualTo(10);
        }
    }
}
