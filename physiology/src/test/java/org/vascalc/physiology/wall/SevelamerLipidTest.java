package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Sevelamer binds bile acids and lowers non-HDL cholesterol (BenHamidaSevelamerLipids, Qunibi2008Care2):
 * the wall's plaque growth sees the driver {@code nonHdlLowering} through the cholesterol factor, and
 * nothing else of the wall does (docs/model/wall-fit.md, 2026-12-02 record).
 */
class SevelamerLipidTest {

    @Test
    void loweringNonHdlSlowsPlaqueGrowthByTheCholesterolFactorAlone() {
        WallHarness h = WallHarness.of(TestPatients.woman(62)).build();
        double[] none = new double[h.y.length];
        h.drivers.setNonHdlLowering(0);
        h.wall.addRates(0, h.y, h.drivers, none);
        double[] lowered = new double[h.y.length];
        h.drivers.setNonHdlLowering(0.2);
        h.wall.addRates(0, h.y, h.drivers, lowered);
        double exponent = WallBlock.defaultCatalog().value("plaqueNonHdlExponent");
        for (Bed b : Bed.values()) {
            int plaque = h.layout.index(WallBlock.stateId(b, "plaqueVolume"));
            // no statin: the plaque rate is growth alone, so it scales with the cholesterol factor, 0.8^m
            assertThat(lowered[plaque] / none[plaque]).as(b.key()).isCloseTo(Math.pow(0.8, exponent), within(1e-12));
            int micro = h.layout.index(WallBlock.stateId(b, "microCalcium"));
            int medial = h.layout.index(WallBlock.stateId(b, "medialMineral"));
            assertThat(lowered[micro]).as(b.key() + " micro").isEqualTo(none[micro]);
            assertThat(lowered[medial]).as(b.key() + " medial").isEqualTo(none[medial]);
        }
    }

    @Test
    void noLoweringIsTheSameBitsAsBefore() {
        WallParameters p = new WallParameters(WallBlock.defaultCatalog());
        for (double statin : new double[] {0, 0.6, 1}) {
            for (double nonHdl : new double[] {90, 145, 211.5}) {
                assertThat(IntimalCalcification.cholesterolFactor(p, nonHdl, statin, 0))
                        .isEqualTo(IntimalCalcification.cholesterolFactor(p, nonHdl, statin));
            }
        }
    }
}
