package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.units.Time;

/**
 * The MI hazard of docs/model/wall.md ("Events") at one plaque, written out with the catalog's
 * numbers: h_MI = h₀·(V/V_ref)^κ·(1 + g_μ·μ/(μ + Mac + m₀))·(1 − p_M·Mac/(μ + Mac + m₀)), h₀
 * 0.0006299/y, κ 1.05766, g_μ 1, p_M 0.3, m₀ 0.5 mg. The population targets fit the hazard as a whole,
 * so a sign or a term of its composition factor could change with every other test green.
 */
class EventHazardsByHandTest {

    private final WallParameters p = new WallParameters(WallBlock.defaultCatalog());

    @Test
    void miHazardIsBurdenTimesTheCompositionFactor() {
        // μ = 1.5, Mac = 3 mg: μ + Mac + m₀ = 5, micro share 0.3, macro share 0.6
        double h0 = 0.0006299 / Time.HOURS_PER_YEAR;
        double expected = h0 * Math.pow(2, 1.05766) * (1 + 0.3) * (1 - 0.3 * 0.6);
        assertThat(EventHazards.myocardialInfarction(p, 2, 1.5, 3)).isCloseTo(expected, within(expected * 1e-13));
        assertThat(EventHazards.myocardialInfarctionGivenBurden(p, Math.pow(2, 1.05766), 1.5, 3))
                .isCloseTo(expected, within(expected * 1e-13));
        // and the factor the stroke hazard borrows is the same
        assertThat(EventHazards.vulnerability(p, 1.5, 3)).isCloseTo(1.3 * 0.82, within(1e-15));
    }

    @Test
    void microcalciumRaisesAndMacrocalciumLowersTheMiHazard() {
        double none = EventHazards.myocardialInfarction(p, 1, 0, 0);
        assertThat(none).isCloseTo(0.0006299 / Time.HOURS_PER_YEAR, within(1e-20));
        // all micro (μ = 9.5, m₀ 0.5): 1 + 0.95; all macro: 1 − 0.3·0.95
        assertThat(EventHazards.myocardialInfarction(p, 1, 9.5, 0) / none).isCloseTo(1.95, within(1e-13));
        assertThat(EventHazards.myocardialInfarction(p, 1, 0, 9.5) / none).isCloseTo(1 - 0.285, within(1e-13));
    }
}
