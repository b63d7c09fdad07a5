package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.DepositShape;
import org.vascalc.imaging.phantom.Layer;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.score.VesselScore;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * The synthetic scan's sentence that splits the score by layer (the CT page's point): a tiny phantom's
 * truth table (which artery holds which layer's deposits) and a per-artery score, both made by hand, so
 * every sum below is hand arithmetic. byLayer reads only the deposits' artery and layer and the scores.
 */
class CtPageByLayerTest {

    private static Deposit deposit(CoronaryArtery artery, Layer layer) {
        DepositShape shape = layer == Layer.MEDIAL ? DepositShape.LINEAR : DepositShape.FOCAL;
        return new Deposit(new LesionSpec(artery, layer, shape, 1, 400, 10, 0), null, 0, 1, 90, 5, 15, null, 0);
    }

    private static SyntheticScan scan(Deposit... deposits) {
        return new SyntheticScan(null, null, null, List.of(deposits), 1, 0, 0, null);
    }

    /** A score whose arteries have the Agatston points given (LM, LAD, LCX, RCA, UNLABELLED), its total their sum. */
    private static CalciumScore score(double lm, double lad, double lcx, double rca, double unlabelled) {
        double[] a = {lm, lad, lcx, rca, unlabelled};
        Map<Territory, VesselScore> per = new EnumMap<>(Territory.class);
        double total = 0;
        for (Territory t : Territory.values()) {
            per.put(t, new VesselScore(t, a[t.ordinal()], 0, 0, a[t.ordinal()] > 0 ? 1 : 0));
            total += a[t.ordinal()];
        }
        return new CalciumScore(total, 0, 0, per, List.of(), null, 130, null, null, true);
    }

    @Test
    void eachArteryCountsOnceUnderTheLayersItsDepositsAreIn() {
        // truth: LM plaque only; LAD plaque and media (both); RCA media twice (only medial); LCX none
        SyntheticScan scan = scan(deposit(CoronaryArtery.LM, Layer.INTIMAL), deposit(CoronaryArtery.LAD, Layer.INTIMAL),
                deposit(CoronaryArtery.LAD, Layer.MEDIAL), deposit(CoronaryArtery.RCA, Layer.MEDIAL),
                deposit(CoronaryArtery.RCA, Layer.MEDIAL));
        // LCX 4.0 + unlabelled 0.5 = 4.5 AU scored where no deposit was placed; total 10 + 25.5 + 4 + 100 + 0.5 = 140
        assertThat(CtPage.byLayer(scan, score(10, 25.5, 4, 100, 0.5))).isEqualTo(
                "<p class=\"layers\"><b>The score cannot tell the layers apart.</b> It adds up "
                        + "10.0 AU from arteries with only plaque (intimal) calcium (LM); "
                        + "100.0 AU from arteries with only medial calcium (RCA); "
                        + "25.5 AU from arteries with calcium in both layers (LAD); "
                        + "4.5 AU outside the arteries with deposits. "
                        + "A clinical report reads all 140.0 AU as coronary plaque.</p>\n");
    }

    @Test
    void arteriesOfOneKindAreSummedAndNothingElsewhereIsNotMentioned() {
        // plaque in LM, LCX and RCA: 2.0 + 3.5 + 0 = 5.5 AU; the RCA deposit scored nothing but is still named
        SyntheticScan scan = scan(deposit(CoronaryArtery.LCX, Layer.INTIMAL), deposit(CoronaryArtery.LM, Layer.INTIMAL),
                deposit(CoronaryArtery.RCA, Layer.INTIMAL));
        assertThat(CtPage.byLayer(scan, score(2, 0, 3.5, 0, 0))).isEqualTo(
                "<p class=\"layers\"><b>The score cannot tell the layers apart.</b> It adds up "
                        + "5.5 AU from arteries with only plaque (intimal) calcium (LM, LCX, RCA). "
                        + "A clinical report reads all 5.5 AU as coronary plaque.</p>\n");
    }

    @Test
    void onlyMedialDepositsAreNamedMedialAndAScanScoringZeroSaysSo() {
        SyntheticScan medial = scan(deposit(CoronaryArtery.LAD, Layer.MEDIAL));
        assertThat(CtPage.byLayer(medial, score(0, 12.2, 0, 0, 0))).contains(
                "It adds up 12.2 AU from arteries with only medial calcium (LAD). A clinical report reads all 12.2 AU");
        assertThat(CtPage.byLayer(medial, score(0, 0, 0, 0, 0))).isEqualTo(
                "<p>The scan scores zero: no deposit reached the 130 HU threshold over the minimum lesion area.</p>\n");
    }
}
