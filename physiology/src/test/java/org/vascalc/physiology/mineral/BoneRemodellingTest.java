package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Coupled remodelling (docs/model/mineral.md, "Coupled remodelling of mineralised bone"): formation is
 * the same saturating function of the osteoblast index as resorption is of the osteoclast index,
 * J(x) = J_max·x^γ/(x^γ + J50^γ), so coupled activity away from baseline still balances.
 */
class BoneRemodellingTest {

    @Test
    void formationIsResorptionsFunctionOfItsOwnCells() {
        BoneRemodelling r = new BoneRemodelling(0.8, 1.0, 1.7);
        double expected = 0.8 * Math.pow(2.5, 1.7) / (Math.pow(2.5, 1.7) + 1);
        assertThat(r.resorption(2.5)).isCloseTo(expected, within(1e-15));
        assertThat(r.formation(2.5)).isCloseTo(expected, within(1e-15));
        assertThat(r.formation(0.4)).isCloseTo(r.resorption(0.4), within(1e-15)).isLessThan(0.4);
        assertThat(r.formation(-1)).isZero();
    }
}
