package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * Fast mode's closed vitamin K block where an MK-7 regimen starts and where it stops: the rows carry
 * the block's deviation from its orbit ({@link LinearBlockPropagator#deviating}), hourly plasma MK-7
 * against reference mode.
 *
 * <p>The bound 1e-3 for plasma MK-7: the block is affine and propagated in closed form (exact to
 * rounding), its doses enter as in reference mode, so what is left is the orbit's closure (a state
 * within 1e-4 of itself plus its absolute tolerance after a period, {@link FastSettings#orbitTolerance})
 * and reference mode's own tolerance (1e-7): 1e-3 is ten closures. Without the deviation the orbit,
 * the regimen's periodic steady state, was taken at once: MK-7 159 % high on days 2-4 after the onset
 * (it reaches that state with its three-day half-life) and 0 after the stop (100 % off). Tissue vitamin K
 * takes the deviation's uptake in the SLOW step ({@code FastRun.deviationRates}); its bound 1e-2 is fast
 * mode's agreement band for SLOW states (FastVersusReferenceIT), which the missing uptake exceeded
 * sixteenfold (16 % on days 2-4); what is left (measured 2.4e-3) is the pool's ripple within the day,
 * which a SLOW state, an orbit average, does not have.
 */
class FastVitaminKDeviationTest {

    private static final double DAY = 24;

    private static Trajectory run(Scenario sc, Mode mode) {
        return VitaminKOnsetRunner.run(sc, mode, FastSettings.DEFAULT);
    }

    @Test
    void plasmaMk7AndTissueVitaminKFollowReferenceModeInTheDaysAfterAnOnset() {
        Scenario sc = new Scenario("vk-onset-test", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))), 5,
                new Recording(List.of("plasmaMk7", "vitk.tissueVk"), 1, 1, 0, 0));
        Trajectory ref = run(sc, Mode.REFERENCE);
        Trajectory fast = run(sc, Mode.FAST);
        assertThat(VitaminKOnsetRunner.worst(ref, fast, "plasmaMk7", 2 * DAY, 4 * DAY)).isLessThan(1e-3);
        // the deviation's uptake into tissue vitamin K (off by default: FastSettings.VITAMIN_K_UPTAKE)
        Trajectory uptake = VitaminKOnsetRunner.run(sc, Mode.FAST, FastSettings.DEFAULT.withVitaminKUptake(true));
        assertThat(VitaminKOnsetRunner.worst(ref, uptake, "plasmaMk7", 2 * DAY, 4 * DAY)).isLessThan(1e-3);
        assertThat(VitaminKOnsetRunner.worst(ref, uptake, "vitk.tissueVk", 2 * DAY, 4 * DAY)).isLessThan(1e-2);
    }

    @Test
    void plasmaMk7WashesOutAfterTheRegimenStops() {
        Scenario sc = new Scenario("vk-stop-test", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180,
                        new Schedule(0, 10, List.of(8.0), Schedule.EVERY_DAY))), 14,
                new Recording(List.of("plasmaMk7"), 1, 1, 0, 0));
        Trajectory ref = run(sc, Mode.REFERENCE);
        Trajectory fast = run(sc, Mode.FAST);
        // Two to four days after the last dose's day: still about half the level on the regimen.
        double[] t = ref.timesHours();
        double[] r = ref.series("plasmaMk7");
        int atTwelve = java.util.Arrays.binarySearch(t, 12 * DAY);
        assertThat(r[atTwelve]).as("reference MK-7 still there").isGreaterThan(0.1 * r[java.util.Arrays.binarySearch(t, 10 * DAY)]);
        assertThat(VitaminKOnsetRunner.worst(ref, fast, "plasmaMk7", 12 * DAY, 14 * DAY)).isLessThan(1e-3);
    }
}
