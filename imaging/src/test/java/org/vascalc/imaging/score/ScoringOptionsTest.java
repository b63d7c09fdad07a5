package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * The options and tables a score depends on: the kV-specific band edges at every tabulated tube voltage
 * (Gr&auml;ni 2018 as tabulated in the clinical reference note, section 1.2), the size gate, the refusal
 * of impossible options, and the per-artery sums. Mutation testing (docs/testing.md, imaging 2026-12-04)
 * found the 70-kV row, the 2 mm&sup2; gate, the option checks and the per-artery volume, mass and lesion
 * count unchecked.
 */
class ScoringOptionsTest {

    private static final double EXACT = 1e-9;
    private static final CalciumScorer KV = new CalciumScorer(
            ScoringOptions.clinical().withConvention(ThresholdConvention.KV_SPECIFIC));

    /** Agatston of one 4x4 box (4 mm&sup2; at 0.5 mm) of {@code hu} on one 3-mm slice at {@code kv}: 4 x weight. */
    private static double oneBox(int hu, int kv) {
        return KV.score(new Grids(16, 16, 1, 40).box(0, 4, 4, 4, 4, hu).volume(0.5, 3.0, kv)).agatston();
    }

    /** The reference note's table: weight 0 below the first edge, w from edge w-1 on. */
    @ParameterizedTest(name = "{0} kV: edges {1} {2} {3} {4}")
    @CsvSource({"70,207,318,477,636", "80,177,271,408,544", "100,145,222,334,446", "120,130,199,299,399",
        "135,119,183,274,364"})
    void kvSpecificBandsFollowTheTableAtEveryTabulatedTubeVoltage(int kv, int t, int w2, int w3, int w4) {
        assertThat(ThresholdConvention.KV_SPECIFIC.edges(kv)).containsExactly(t, w2, w3, w4);
        int[] edges = {t, w2, w3, w4};
        for (int w = 1; w <= 4; w++) {
            assertThat(oneBox(edges[w - 1] - 1, kv)).as("%d HU at %d kV", edges[w - 1] - 1, kv)
                    .isCloseTo(4.0 * (w - 1), within(EXACT));
            assertThat(oneBox(edges[w - 1], kv)).as("%d HU at %d kV", edges[w - 1], kv)
                    .isCloseTo(4.0 * w, within(EXACT));
        }
        assertThat(ThresholdConvention.KV_SPECIFIC.supports(kv)).isTrue();
    }

    @Test
    void theAgatstonRuleTakesAnyTubeVoltageAndTheKvSpecificOneOnlyTabulatedOnes() {
        assertThat(ThresholdConvention.AGATSTON_120.supports(110)).isTrue();
        assertThat(ThresholdConvention.AGATSTON_120.edges(110)).containsExactly(130, 200, 300, 400);
        assertThat(ThresholdConvention.KV_SPECIFIC.supports(110)).isFalse();
        assertThat(ThresholdConvention.KV_SPECIFIC.supports(60)).isFalse();
        assertThatThrownBy(() -> ThresholdConvention.KV_SPECIFIC.edges(60)).hasMessageContaining("60.0 kV");
    }

    @Test
    void aTwoSquareMillimetreGateDropsAOneSquareMillimetreLesionAndKeepsATwoSquareMillimetreOne() {
        // the > 2 mm2 reproducible definition (Radiology 1994, reference note 1.2), given as an option
        Grids g = new Grids(16, 16, 1, 40).box(0, 1, 1, 2, 2, 450).box(0, 8, 8, 4, 2, 450);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withMinimumLesionAreaMm2(2.0))
                .score(g.volume(0.5, 3.0, 120));
        assertThat(s.lesions()).singleElement().satisfies(l -> assertThat(l.areaMm2()).isEqualTo(2.0));
        assertThat(s.agatston()).isCloseTo(8.0, within(EXACT));
    }

    @Test
    void impossibleOptionsAreRefusedNamingTheValueAndItsUnit() {
        ScoringOptions c = ScoringOptions.clinical();
        assertThat(c.withMinimumLesionAreaMm2(0).minimumLesionAreaMm2()).isZero();
        assertThat(c.withMinimumLesionVolumeMm3(0).minimumLesionVolumeMm3()).isZero();
        assertThatThrownBy(() -> c.withMinimumLesionAreaMm2(-0.5))
                .hasMessage("minimum lesion area must be >= 0 mm2, got -0.5");
        assertThatThrownBy(() -> c.withMinimumLesionVolumeMm3(Double.NaN))
                .hasMessage("minimum lesion volume must be >= 0 mm3, got NaN");
        assertThatThrownBy(() -> c.withMassCalibration(0))
                .hasMessage("mass calibration factor must be > 0 mg/(cm3*HU), got 0.0");
        assertThatThrownBy(() -> c.withMassCalibration(Double.POSITIVE_INFINITY))
                .hasMessageContaining("mass calibration factor must be > 0");
    }

    @Test
    void eachArterySumsTheVolumeMassAndCountOfItsOwnLesions() {
        // two LAD lesions (2x2 at 450 HU, 2x3 at 250 HU) and one RCA lesion (2x2 at 300 HU), 0.75-mm3 voxels;
        // mass = c_HA 0.75 mg/(cm3*HU) / 1000 x 0.75 mm3 x sum of HU
        Grids g = new Grids(16, 16, 1, 40).box(0, 1, 1, 2, 2, 450, 2).box(0, 8, 1, 2, 3, 250, 2)
                .box(0, 1, 10, 2, 2, 300, 4);
        LabelVolume labels = new LabelVolume(16, 16, 1, g.labels, 0.5, 0.5, new double[] {0}, 3.0);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(g.volume(0.5, 3.0, 120), labels);
        VesselScore lad = s.vessel(Territory.LAD);
        assertThat(lad.lesionCount()).isEqualTo(2);
        assertThat(lad.volumeMm3()).isCloseTo(10 * 0.75, within(EXACT));
        assertThat(lad.massMg()).isCloseTo(0.75e-3 * 0.75 * (4 * 450 + 6 * 250), within(EXACT));
        assertThat(lad.agatston()).isCloseTo(1.0 * 4 + 1.5 * 2, within(EXACT));
        assertThat(s.vessel(Territory.RCA).lesionCount()).isEqualTo(1);
        assertThat(s.vessel(Territory.LM).lesionCount()).isZero();
        assertThat(s.category().label()).isEqualTo("A1/N2");
    }

    @Test
    void calciumScoredWithoutArteriesCountsNoArteryInTheCategory() {
        // the internal CAC-DRS counts coronary arteries only: an unlabelled total is "A1", not "A1/N1"
        InternalCacDrs c = InternalCacDrs.of(50, List.of(new VesselScore(Territory.UNLABELLED, 50, 10, 5, 1)));
        assertThat(c.label()).isEqualTo("A1");
        assertThat(c.vessels()).isZero();
    }

    @Test
    void lesionsCompareByTheirContentsIncludingTheirVoxels() {
        Grids g = new Grids(16, 16, 1, 40).box(0, 1, 1, 2, 2, 450).box(0, 8, 8, 2, 2, 450);
        CalciumScore a = new CalciumScorer(ScoringOptions.clinical()).score(g.volume(0.5, 3.0, 120));
        CalciumScore b = new CalciumScorer(ScoringOptions.clinical()).score(g.volume(0.5, 3.0, 120));
        assertThat(a.lesions()).isEqualTo(b.lesions());
        assertThat(a.lesions().get(0).hashCode()).isEqualTo(b.lesions().get(0).hashCode());
        assertThat(a.lesions().get(0)).isNotEqualTo(a.lesions().get(1));
        assertThat(a.lesions().get(0).toString()).isEqualTo(
                "Lesion[#1 UNLABELLED slices 0-0, 4 voxels, peak 450 HU, weight 4, Agatston 4.0]");
    }
}
