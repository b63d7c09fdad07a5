package org.vascalc.physiology.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.wall.WallBlock;

/**
 * {@link StateLayout#of} hands out the layout it made last only for blocks of the same ids and the
 * very same variable lists (a new set of the standard blocks), and a layout equal to a new one; other
 * blocks get a new layout.
 */
class StateLayoutOfTest {

    @Test
    void remembersTheLastLayoutOnlyForTheSameDeclarations() {
        List<Block> first = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock(), new WallBlock());
        List<Block> again = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock(), new WallBlock());
        StateLayout a = StateLayout.of(first);
        StateLayout b = StateLayout.of(again);
        assertThat(b).isSameAs(a);
        StateLayout fresh = new StateLayout(again);
        assertThat(b.variables()).isEqualTo(fresh.variables());
        for (StateVariable v : fresh.variables()) {
            assertThat(b.index(v.id())).isEqualTo(fresh.index(v.id()));
        }
        for (Block block : again) {
            assertThat(b.offset(block.id())).isEqualTo(fresh.offset(block.id()));
        }

        List<Block> withoutWall = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock());
        StateLayout c = StateLayout.of(withoutWall);
        assertThat(c).isNotSameAs(a);
        assertThat(c.size()).isEqualTo(a.size() - new WallBlock().variables().size());

        // a block whose declaration is a new list each time (equal content) gets a layout of its own
        Block own = new Block() {
            @Override
            public String id() {
                return "own";
            }

            @Override
            public List<StateVariable> variables() {
                return List.of(new StateVariable("own.x", "1", 1e-6, TimeScale.SLOW, "x"));
            }

            @Override
            public void bind(StateLayout layout) {
            }

            @Override
            public void initialise(Patient patient, double[] y) {
            }

            @Override
            public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
            }
        };
        StateLayout d = StateLayout.of(List.of(own));
        assertThat(StateLayout.of(List.of(own))).isNotSameAs(d);
        assertThat(StateLayout.of(List.of(own)).index("own.x")).isZero();
    }
}
