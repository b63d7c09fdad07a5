package org.vascalc.physiology.wall;

import java.util.List;
import java.util.SplittableRandom;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.vitamink.VitaminKBlock;

/**
 * A wall block with the real blocks of its milieu (mineral on its default parameters, vitamin K)
 * bound to one layout, and the three blocks' initial state {@code y0} for a patient: the set-up of
 * the tests that check the wall's rates at states around a patient's baseline.
 */
record WithRealMilieu(StateLayout layout, double[] y0) {

    static WithRealMilieu of(WallBlock wall, Patient patient) {
        List<Block> blocks = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock(), wall);
        StateLayout layout = new StateLayout(blocks);
        blocks.forEach(b -> b.bind(layout));
        double[] y0 = new double[layout.size()];
        blocks.forEach(b -> b.initialise(patient, y0));
        return new WithRealMilieu(layout, y0);
    }

    /**
     * A randomly grown wall: each of the wall's states at its baseline value times 1 ± up to 30 % plus
     * up to 5, the other blocks' states at their baseline.
     */
    double[] grownWall(SplittableRandom random) {
        double[] y = y0.clone();
        for (int i = layout.offset(WallBlock.ID); i < y.length; i++) {
            y[i] = y0[i] * (1 + random.nextDouble(-0.3, 0.3)) + random.nextDouble(0, 5);
        }
        return y;
    }

    /** Random drivers of the wall: eGFR 10-110, dialysis in one draw of six, diabetes, statin none, moderate or high. */
    static void drawDrivers(Drivers drivers, SplittableRandom random) {
        drivers.setEgfrMlPerMin(random.nextDouble(10, 110));
        drivers.setHaemodialysis(random.nextInt(6) == 0);
        drivers.setDiabetes(random.nextBoolean());
        drivers.setStatinIntensity(random.nextInt(3) / 2.0);
    }
}
