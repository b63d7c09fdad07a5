package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.TimeScale;

/**
 * The wall's declared diagonal groups ({@link WallBlock#ownDiagonalGroups}): every SLOW state in
 * exactly one group, and moving a group's members together gives each member's own rate the bits of
 * moving it alone, at random grown walls, milieus and drivers (patients with and without CKD,
 * diabetes, smoking, dialysis, statins), with the increments fast mode's own step uses and with large
 * ones. A member whose rate read another member would show here.
 */
class WallDiagonalGroupsTest {

    @Test
    void groupMembersDoNotReadEachOther() {
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        int moved = 0;
        for (Patient patient : List.of(Patient.referenceAdult(), TestPatients.ckd3(66), TestPatients.diabeticSmoker(58),
                TestPatients.haemodialysis(71), TestPatients.woman(45))) {
            WallBlock wall = new WallBlock();
            WithRealMilieu set = WithRealMilieu.of(wall, patient);
            StateLayout layout = set.layout();
            double[] y0 = set.y0();
            int off = layout.offset(WallBlock.ID);
            int n = y0.length;
            int[][] groups = wall.ownDiagonalGroups();
            boolean[] seen = new boolean[wall.variables().size()];
            for (int[] g : groups) {
                for (int pos : g) {
                    assertThat(seen[pos]).as("position %d in two groups", pos).isFalse();
                    seen[pos] = true;
                }
            }
            for (int pos = 0; pos < seen.length; pos++) {
                assertThat(seen[pos] || wall.variables().get(pos).timeScale() != TimeScale.SLOW)
                        .as("SLOW state %s in a group", wall.variables().get(pos).id()).isTrue();
            }
            Drivers drivers = new Drivers();
            double[] m = new double[wall.milieuSize()];
            double[] alone = new double[n];
            double[] together = new double[n];
            double[] base = new double[n];
            for (int state = 0; state < 40; state++) {
                double[] y = set.grownWall(random);
                WithRealMilieu.drawDrivers(drivers, random);
                drivers.setAgeYears(patient.ageYears() + random.nextDouble(0, 25));
                for (int k = 0; k < m.length; k++) {
                    m[k] = random.nextDouble(0, 3);
                }
                double t = random.nextDouble(0, 1e5);
                java.util.Arrays.fill(base, 0);
                wall.addRatesGivenMilieu(t, y, drivers, m, 0, base);
                double scale = state % 2 == 0 ? 1e-6 : 0.2;
                for (int[] g : groups) {
                    double[] probe = y.clone();
                    for (int pos : g) {
                        int i = off + pos;
                        probe[i] = y[i] + (scale * Math.abs(y[i]) + 10 * wall.variables().get(pos).absoluteTolerance());
                    }
                    java.util.Arrays.fill(together, 0);
                    wall.addRatesGivenMilieu(t, probe, drivers, m, 0, together);
                    for (int pos : g) {
                        int i = off + pos;
                        double[] single = y.clone();
                        single[i] = probe[i];
                        java.util.Arrays.fill(alone, 0);
                        wall.addRatesGivenMilieu(t, single, drivers, m, 0, alone);
                        assertThat(Double.doubleToRawLongBits(together[i]))
                                .as("%s row %s", patient.id(), wall.variables().get(pos).id())
                                .isEqualTo(Double.doubleToRawLongBits(alone[i]));
                        compared++;
                        moved += alone[i] != base[i] ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(5 * 40 * 44);
        // most own rows move with their state (the hazards read none of theirs)
        assertThat(moved).isGreaterThan(compared / 2);
    }
}
