package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The FGF23 effects of docs/model/mineral.md ("FGF23") written out with the catalog's numbers:
 * phosphaturia {@code 1/(1 + e·max(r − 1, 0))} with e = {@code fgf23PhosphaturiaSlope} = 0.5, and the
 * hydroxylase factor {@code r^−γV} with γV = {@code fgf23HydroxylaseGamma} = 0.5, r = FGF23 / baseline.
 */
class Fgf23EffectsByHandTest {

    private static final Fgf23Parameters CATALOG = Fgf23Parameters.from(MineralBlock.defaultParameters());

    @Test
    void theCatalogRowsLandInTheirFields() {
        // fgf23NephronGamma 1, fgf23DietGamma 0.4, po4LoadRate 0.02 /h, slope 0.5, gamma 0.5, floor 0.05
        assertThat(CATALOG).isEqualTo(new Fgf23Parameters(1.0, 0.4, 0.02, 0.5, 0.5, 0.05));
    }

    @Test
    void phosphaturiaFallsHyperbolicallyAboveBaselineOnly() {
        // r = 3: 1/(1 + 0.5·2) = 1/2; r = 2: 1/(1 + 0.5) = 2/3; r = 0.2: no effect below baseline
        assertThat(CATALOG.phosphaturia(3)).isCloseTo(0.5, within(1e-15));
        assertThat(CATALOG.phosphaturia(2)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(CATALOG.phosphaturia(0.2)).isEqualTo(1.0);
    }

    @Test
    void hydroxylaseSynthesisFallsAsTheRatioToMinusGamma() {
        // 4^−0.5 = 1/2, 0.25^−0.5 = 2 (below baseline it rises), r floored at 1e-6: (1e-6)^−0.5 = 1000
        assertThat(CATALOG.hydroxylaseEffect(4)).isCloseTo(0.5, within(1e-15));
        assertThat(CATALOG.hydroxylaseEffect(0.25)).isCloseTo(2.0, within(1e-15));
        assertThat(CATALOG.hydroxylaseEffect(0)).isCloseTo(1000, within(1e-9));
    }

    @Test
    void aNegativeOrMissingSlopeIsRefused() {
        assertThat(new Fgf23Parameters(1, 0.4, 0.02, 0, 0.5, 0.05).phosphaturia(9)).isEqualTo(1.0);
        assertThatThrownBy(() -> new Fgf23Parameters(1, 0.4, 0.02, -0.1, 0.5, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fgf23PhosphaturiaSlope must be >= 0, got -0.1");
        assertThatThrownBy(() -> new Fgf23Parameters(1, 0.4, 0.02, Double.NaN, 0.5, 0.05))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
