package org.vascalc.physiology.wall;

import java.util.List;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
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
}
