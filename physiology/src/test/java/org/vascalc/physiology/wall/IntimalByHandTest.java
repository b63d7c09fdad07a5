package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.units.Time;

/**
 * Plaque growth of docs/model/wall.md ("Intimal calcification") at one state, written out with the
 * catalog's numbers: dV/dt = g·s_b·G − r_s·statin·V (g 3 mm³/y, r_s 0.02/y), G =
 * e^{0.05(age − 60)}·(nonHDL·(1 − 0.5·statin)/145)^{1.5}·(SBP/125)^{1.5}·(CRP/1.5)^{0.2}·f_male 1.8·f_smoke 1.5·f_DM 1.5,
 * and the micro formation's maturity factor e^{0.019406(age − 60)}. The derivative call composes G from
 * its remembered factors, so the one-call forms are checked here against the equation.
 */
class IntimalByHandTest {

    private static final double PER_HOUR = 1 / Time.HOURS_PER_YEAR;

    private final WallParameters p = new WallParameters(WallBlock.defaultCatalog());

    @Test
    void aStatinRegressesPlaqueAgainstItsGrowth() {
        // s_b 2, G 1.5, statin 1, V 100 mm³: 3·2·1.5 − 0.02·100 = 7 mm³/y
        assertThat(IntimalCalcification.plaqueRate(p, 2, 1.5, 1, 100)).isCloseTo(7 * PER_HOUR, within(1e-15));
        assertThat(IntimalCalcification.plaqueRate(p, 2, 1.5, 0, 100)).isCloseTo(9 * PER_HOUR, within(1e-15));
    }

    @Test
    void growthIndexMultipliesItsRiskFactors() {
        // 70 y, non-HDL at the reference without statin, SBP 125, CRP 1.5: only age and the three flags
        assertThat(IntimalCalcification.growthIndex(p, 70, 145, 0, 125, true, true, true, 1.5))
                .isCloseTo(Math.exp(0.5) * 1.8 * 1.5 * 1.5, within(1e-13));
        // a full-intensity statin halves non-HDL: (0.5)^{1.5}; SBP 150: 1.2^{1.5}; CRP 3: 2^{0.2}
        assertThat(IntimalCalcification.growthIndex(p, 60, 145, 1, 150, false, false, false, 3))
                .isCloseTo(Math.pow(0.5, 1.5) * Math.pow(1.2, 1.5) * Math.pow(2, 0.2), within(1e-13));
    }

    @Test
    void maturityGrowsWithAgeAtItsOwnRate() {
        assertThat(IntimalCalcification.maturity(p, 70)).isCloseTo(Math.exp(0.19406), within(1e-14));
        assertThat(IntimalCalcification.maturity(p, 60)).isEqualTo(1.0);
    }
}
