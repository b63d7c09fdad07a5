package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.physiology.wall.WallEvent;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * The piece after a run's last whole day ({@code FastRun.partialPeriod}) with the vascular wall in
 * the SLOW machinery ({@link FastSettings#affineOwnStep} off; the frozen milieu on, as by default).
 * There the wall's SLOW integrals over the orbit are not kept per sample while the orbit runs but
 * completed from the samples when a piece reads them ({@link DeferredOwnedIntegrals}: at the
 * samples up to the piece's end, and at its end-phase sample off the sample grid). The piece's
 * change of each wall state must then agree with reference mode's as well as a whole day's change
 * does (the day before, read off the same two runs): within twice that day's relative difference
 * and 1e-3 (measured: 0.9-1.0 times the day's, 5e-5 for the stroke and heart-failure hazards,
 * whose day agrees to 3e-6); and the day's change itself within a tenth of reference mode's
 * (measured at most 7.8e-3). Ends at 12:36 (between samples) and at 13:00 with a dose at that odd
 * hour (the end phase at a stop of the orbit's integration). With the defaults the wall is on its
 * own step ({@link WallStepper}) and no SLOW state of the machinery is the wall's, so the deferred
 * integrals are not read there; no other test runs a partial piece with them (PartialPeriodQuickTest
 * and PartialPeriodEndRowTest run without the wall).
 */
class FastPartialPieceWallTest {

    @ParameterizedTest
    @ValueSource(doubles = {12.6, 13})
    void thePiecesWallChangeAgreesWithReferenceModeAsADaysDoes(double endHour) {
        List<String> ids = new ArrayList<>();
        for (WallEvent e : WallEvent.values()) {
            ids.add(e.stateId());
        }
        for (String bed : List.of("aorta", "lad")) {
            for (String q : List.of("medialMineral", "microCalcium", "osteogenicFraction")) {
                ids.add("wall." + bed + "." + q);
            }
        }
        double days = 10 + endHour / 24;
        Scenario sc = Scenarios.of("wall-piece", days, new Recording(ids, 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 13, 20));
        FastSettings d = FastSettings.DEFAULT;
        Trajectory fast = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                d.withAffineOwnStep(false), d, true).run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        Trajectory ref = new EngineSimulator(ModelAssembly.defaultParameters())
                .run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        assertThat(fast.timesHours()).containsExactly(ref.timesHours());
        // Daily rows: the last three are days 9 and 10 and the run's end.
        int n = ref.timesHours().length;
        assertThat(ref.time(n - 3)).isEqualTo(9 * 24.0);
        assertThat(ref.time(n - 2)).isEqualTo(10 * 24.0);
        double worst = 0;
        for (String id : ids) {
            double[] f = fast.series(id);
            double[] r = ref.series(id);
            double dayRef = r[n - 2] - r[n - 3];
            double pieceRef = r[n - 1] - r[n - 2];
            double dayOff = Math.abs(f[n - 2] - f[n - 3] - dayRef) / Math.abs(dayRef);
            double pieceOff = Math.abs(f[n - 1] - f[n - 2] - pieceRef) / Math.abs(pieceRef);
            System.out.printf(Locale.ROOT, "%s: day 9 change %.4e (fast off %.2e), piece %.4e (fast off %.2e)%n",
                    id, dayRef, dayOff, pieceRef, pieceOff);
            // The yardstick itself: a whole day's change within a tenth of reference mode's (measured at most 7.8e-3).
            assertThat(dayOff).as("%s: day 9's change against reference mode's", id).isLessThanOrEqualTo(0.1);
            worst = Math.max(worst, pieceOff / (2 * dayOff + 1e-3));
        }
        assertThat(worst).as("the pieces' changes against reference mode's, in units of the bound").isLessThanOrEqualTo(1);
    }
}
