package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * The report states the rules that made the numbers, warns only when a warning applies, and carries its
 * provenance. Mutation testing (docs/testing.md, imaging 2026-12-04) found the rule line, the absence of
 * notes on a plain 120-kV labelled scan and the JSON's tool line unchecked.
 */
class ScoreReportTest {

    private static CalciumScore score(ScoringOptions options, double kvp, boolean labelled) {
        Grids g = new Grids(16, 16, 1, 40).box(0, 3, 3, 4, 4, 450, 2);
        CtVolume ct = g.volume(0.5, 3, kvp);
        CalciumScorer scorer = new CalciumScorer(options);
        assertThat(scorer.options()).isSameAs(options);
        return labelled ? scorer.score(ct, new LabelVolume(16, 16, 1, g.labels, 0.5, 0.5, new double[] {0}, 3))
                : scorer.score(ct);
    }

    @Test
    void theRuleLineNamesTheConventionThresholdGateConnectivityNormalisationAndMassFactor() {
        assertThat(ScoreReport.describeRules(score(ScoringOptions.clinical(), 120, true))).isEqualTo(
                "Agatston 120-kV rule, candidate >= 130 HU, lesion >= 1.00 mm2, 2-D 8-connected, x increment/3 mm, "
                        + "c_HA 0.750 mg/(cm3*HU)");
        ScoringOptions other = ScoringOptions.clinical().withConvention(ThresholdConvention.KV_SPECIFIC)
                .withConnectivity(Connectivity.VOLUMETRIC_26).withNormaliseToThreeMm(false).withMassCalibration(0.6);
        // Graeni 2018 at 100 kV: candidate from 145 HU (reference note Table 1.2)
        assertThat(ScoreReport.describeRules(score(other, 100, true))).isEqualTo(
                "kV-specific thresholds, candidate >= 145 HU, lesion >= 1.50 mm3, 3-D 26-connected, "
                        + "no 3-mm normalisation, c_HA 0.600 mg/(cm3*HU)");
        assertThat(ScoreReport.describeRules(score(ScoringOptions.clinical().withConnectivity(Connectivity.PLANAR_4),
                120, true))).contains("2-D 4-connected");
    }

    @Test
    void aLabelled120KvScanWithTheClinicalRulesHasNoNotes() {
        CalciumScore s = score(ScoringOptions.clinical(), 120, true);
        assertThat(ScoreReport.notes(s)).isEmpty();
        assertThat(ScoreReport.text(s)).doesNotContain("Note:").contains("CAC-DRS A1/N1");
        assertThat(ScoreReport.json(s)).contains("\"notes\" : [ ]");
    }

    @Test
    void theJsonCarriesItsProvenanceLineFirstOnlyWhenGiven() {
        CalciumScore s = score(ScoringOptions.clinical(), 120, true);
        assertThat(ScoreReport.json(s, "vascalc 0.0 test")).startsWith("{\n  \"tool\" : \"vascalc 0.0 test\",");
        assertThat(ScoreReport.json(s)).doesNotContain("\"tool\"");
    }
    @Test
    void theLesionTableGivesA3dLesionsSliceRangeAndTheArteryTableSkipsAnEmptyUnlabelledRow() {
        Grids g = new Grids(16, 16, 4, 40).box(1, 3, 3, 2, 2, 450, 1).box(2, 3, 3, 2, 2, 450, 1);
        LabelVolume labels = new LabelVolume(16, 16, 4, g.labels, 0.5, 0.5, new double[] {0, 3, 6, 9}, 3);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withConnectivity(Connectivity.VOLUMETRIC_26))
                .score(g.volume(0.5, 3, 120), labels);
        String text = ScoreReport.text(s);
        assertThat(text).containsPattern("\\n +1 LM +1-2 ").doesNotContain("UNLABELLED").doesNotContain("(no lesions)");
        CalciumScore none = new CalciumScorer(ScoringOptions.clinical())
                .score(new Grids(8, 8, 1, 40).volume(0.5, 3, 120));
        assertThat(ScoreReport.text(none)).contains("  (no lesions)");
    }

    @Test
    void aStatedGantryTiltOnAStraightStackAndAShearedStackEachGetTheirOwnNote() {
        Grids g = new Grids(8, 8, 2, 40).box(0, 3, 3, 2, 2, 450, 1);
        LabelVolume labels = new LabelVolume(8, 8, 2, g.labels, 0.5, 0.5, new double[] {0, 3}, 3);
        CalciumScorer scorer = new CalciumScorer(ScoringOptions.clinical());
        CtVolume stated = new CtVolume(8, 8, 2, g.hu, 0.5, 0.5, new double[] {0, 3}, 3, 120, 0, 12);
        assertThat(ScoreReport.notes(scorer.score(stated, labels))).singleElement().asString()
                .startsWith("the series states a Gantry/Detector Tilt of 12.0 degrees, but its orientation");
        CtVolume sheared = new CtVolume(8, 8, 2, g.hu, 0.5, 0.5, new double[] {0, 3}, 3, 120, 12, 0);
        assertThat(ScoreReport.notes(scorer.score(sheared, labels))).singleElement().asString()
                .startsWith("the slices are not stacked straight: their origins drift sideways at 12.0 degrees")
                .doesNotContain("states a Gantry/Detector Tilt");
    }
}
