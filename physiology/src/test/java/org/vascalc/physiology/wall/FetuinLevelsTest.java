package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Serum fetuin-A carries what was measured (until 2026-12-03 both levels were chosen below it: 0.6 and
 * 0.45 g/L), and moving the healthy level there leaves the person off dialysis as calibrated.
 */
class FetuinLevelsTest {

    private final WallParameters p = new WallParameters(WallBlock.defaultCatalog());

    @Test
    void theLevelsAreTheMeasuredOnes() {
        // healthy controls, Ketteler 2003 (abstract): 0.72 g/L (SD 0.19)
        assertThat(p.fetuinNormal).isEqualTo(0.72);
        // haemodialysis: Ketteler 2003 0.66 g/L (n 312) and Hermans 2007 (NECOSAD) 0.60 g/L (n 664), weighted by patients
        double pooled = (312 * 0.66 + 664 * 0.60) / (312 + 664);
        assertThat(p.fetuinDialysis).isCloseTo(pooled, within(0.005));
    }

    @Test
    void aHealthyPersonKeepsTheInhibitionTheWallWasCalibratedWith() {
        // K_f at half the healthy level (0.3 of 0.6 before): I_fetA = I_f · 2/3 off dialysis, as when the
        // wall's fit rows (none of which has a person on dialysis) were fitted
        double inhibition = 1 - MedialCalcification.uninhibitedGiven(p, 0, p.fetuinNormal);
        assertThat(inhibition).isCloseTo(p.fetuinInhibitionMax * 2 / 3, within(1e-12));
        assertThat(CalcificationPropensity.t50Minutes(p, p.caRef, p.pRef, p.fetuinNormal) / p.t50Residual)
                .isCloseTo(p.t50Ref, within(1e-9));
    }

    @Test
    void dialysisLowersFetuinAInhibitionAndT50OnlyByTheMeasuredGap() {
        double medialRatio = MedialCalcification.uninhibitedGiven(p, 0, p.fetuinDialysis)
                / MedialCalcification.uninhibitedGiven(p, 0, p.fetuinNormal);
        assertThat(medialRatio).isBetween(1.0, 1.04); // 1.05 with the chosen 0.45 g/L
        double t50Ratio = CalcificationPropensity.t50Minutes(p, p.caRef, p.pRef, p.fetuinDialysis)
                / CalcificationPropensity.t50Minutes(p, p.caRef, p.pRef, p.fetuinNormal);
        assertThat(t50Ratio).isBetween(0.9, 1.0); // 0.928 (0.866 with the chosen 0.45 of 0.6)
    }
}
