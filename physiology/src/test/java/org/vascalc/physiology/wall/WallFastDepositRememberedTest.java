package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.vitamink.VitaminKBlock;

/**
 * The wall's FAST rows ({@link WallBlock#addFastRates}, its mineral sink) remember the last deposit
 * and its inputs: over a sequence of calls in which each call repeats the last one or moves exactly
 * one input (serum calcium or phosphate, carboxylated MGP, age, eGFR, dialysis, any deposit state of
 * any bed, or a state the deposit does not read), the remembering block gives the bits of a block
 * that computes each call afresh.
 */
class WallFastDepositRememberedTest {

    @Test
    void rememberedDepositIsTheFreshOne() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (Patient patient : List.of(Patient.referenceAdult(), TestPatients.ckd3(66), TestPatients.haemodialysis(71))) {
            WallBlock wall = new WallBlock();
            List<Block> blocks = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock(), wall);
            StateLayout layout = new StateLayout(blocks);
            blocks.forEach(b -> b.bind(layout));
            double[] y = new double[layout.size()];
            blocks.forEach(b -> b.initialise(patient, y));
            int n = y.length;
            int iCa = layout.index(WallBlock.CALCIUM_STATE);
            int iP = layout.index(WallBlock.PHOSPHATE_STATE);
            int wallFrom = layout.offset(WallBlock.ID);
            Drivers drivers = new Drivers();
            drivers.setEgfrMlPerMin(60);
            drivers.setAgeYears(patient.ageYears());
            double[] remembered = new double[n];
            double[] fresh = new double[n];
            int moved = 0;
            for (int call = 0; call < 600; call++) {
                switch (random.nextInt(8)) {
                    case 0 -> { } // the same inputs
                    case 1 -> y[iCa] *= 1 + random.nextDouble(-0.2, 0.3);
                    case 2 -> y[iP] *= 1 + random.nextDouble(-0.3, 0.6);
                    case 3 -> drivers.setAgeYears(drivers.ageYears() + random.nextDouble(0, 1));
                    case 4 -> drivers.setEgfrMlPerMin(random.nextDouble(8, 110));
                    case 5 -> drivers.setHaemodialysis(!drivers.haemodialysis());
                    case 6 -> {
                        int i = wallFrom + random.nextInt(n - wallFrom);
                        y[i] = y[i] * (1 + random.nextDouble(-0.2, 0.2)) + random.nextDouble(0, 0.5);
                    }
                    default -> {
                        int i = random.nextInt(wallFrom);
                        y[i] *= 1 + random.nextDouble(-0.2, 0.2);
                    }
                }
                java.util.Arrays.fill(remembered, 0);
                java.util.Arrays.fill(fresh, 0);
                wall.addFastRates(0, y, drivers, remembered);
                WallBlock afresh = new WallBlock();
                afresh.bind(layout);
                afresh.addFastRates(0, y, drivers, fresh);
                assertThat(remembered).as("call %d of %s", call, patient.id()).containsExactly(fresh);
                if (fresh[iCa] != 0) {
                    moved++;
                }
            }
            assertThat(moved).as("calls that withdraw mineral").isGreaterThan(100);
        }
    }
}
