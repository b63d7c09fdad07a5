package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * The 3-D lesion mode ({@link Connectivity#VOLUMETRIC_26}, as qurAI scores: 26-neighbourhood, a volume
 * gate of 1.5 mm&sup3;, each slice weighted by its own peak; clinical reference note, section 1.2) on
 * hand-built volumes whose answer follows from those rules. Mutation testing (docs/testing.md,
 * imaging 2026-12-04) found this mode's mass, slice range, centroid, labels, normalisation and
 * joining across slices unchecked: the 2-D tests could not see them.
 */
class VolumetricLesionsTest {

    private static final double EXACT = 1e-9;
    private static final ScoringOptions QURAI = ScoringOptions.clinical().withConnectivity(Connectivity.VOLUMETRIC_26);
    private static final CalciumScorer SCORER = new CalciumScorer(QURAI);

    /** TV-A1 (64x64 px of 0.5 mm, 3-mm slices, A 4x4 at 450 HU and B 2x3 at 250 HU on slices 1 and 2). */
    private static CtVolume tvA1(int slices, double increment, int... lesionSlices) {
        Grids g = new Grids(64, 64, slices, 40);
        for (int z : lesionSlices) {
            g.box(z, 10, 10, 4, 4, 450).box(z, 40, 40, 2, 3, 250);
        }
        return g.volume(0.5, increment, 120);
    }

    @Test
    void tvA1InThreeDimensionsIsTwoLesionsEachSpanningBothSlicesWithItsOwnVolumeMassAndCentroid() {
        CalciumScore s = SCORER.score(tvA1(4, 3.0, 1, 2));
        // voxel 0.5 x 0.5 x 3 mm = 0.75 mm3; mass per HU-voxel = 0.75 mg/(cm3*HU) / 1000 x 0.75 mm3
        assertThat(s.lesions()).hasSize(2);
        Lesion a = s.lesions().get(0);
        Lesion b = s.lesions().get(1);
        assertThat(a.id()).isEqualTo(1);
        assertThat(b.id()).isEqualTo(2);
        assertThat(a.firstSlice()).isEqualTo(1);
        assertThat(a.lastSlice()).isEqualTo(2);
        assertThat(a.voxelCount()).isEqualTo(32);
        assertThat(a.areaMm2()).isCloseTo(8.0, within(EXACT)); // 4 mm2 on each of two slices
        assertThat(a.weight()).isEqualTo(4);
        assertThat(a.agatston()).isCloseTo(2 * 4.0 * 4, within(EXACT));
        assertThat(a.volumeMm3()).isCloseTo(32 * 0.75, within(EXACT));
        assertThat(a.massMg()).isCloseTo(0.75e-3 * 0.75 * 32 * 450, within(EXACT));
        // centroid of columns/rows 10..13 is 11.5 px = 5.75 mm from the first pixel's centre
        assertThat(a.centroidXMm()).isCloseTo(5.75, within(EXACT));
        assertThat(a.centroidYMm()).isCloseTo(5.75, within(EXACT));
        assertThat(b.voxelCount()).isEqualTo(12);
        assertThat(b.areaMm2()).isCloseTo(3.0, within(EXACT));
        assertThat(b.weight()).isEqualTo(2);
        assertThat(b.agatston()).isCloseTo(2 * 1.5 * 2, within(EXACT));
        assertThat(b.massMg()).isCloseTo(0.75e-3 * 0.75 * 12 * 250, within(EXACT));
        assertThat(b.centroidXMm()).isCloseTo(40.5 * 0.5, within(EXACT)); // columns 40, 41
        assertThat(b.centroidYMm()).isCloseTo(41 * 0.5, within(EXACT)); // rows 40, 41, 42
        assertThat(s.massMg()).isCloseTo(9.7875, within(EXACT));
    }

    @Test
    void tvA2InThreeDimensionsNormalisesTheSummedSliceScoresByIncrementOverThreeMillimetres() {
        // four 1.5-mm slices: raw 4 x (4 mm2 x 4 + 1.5 mm2 x 2) = 76, x 1.5/3 = 38; the same physical mass
        CalciumScore s = SCORER.score(tvA1(8, 1.5, 2, 3, 4, 5));
        assertThat(s.lesions()).hasSize(2);
        assertThat(s.agatston()).isCloseTo(38.0, within(EXACT));
        assertThat(s.volumeMm3()).isCloseTo(33.0, within(EXACT));
        assertThat(s.massMg()).isCloseTo(9.7875, within(EXACT));
        assertThat(s.lesions().get(0).firstSlice()).isEqualTo(2);
        assertThat(s.lesions().get(0).lastSlice()).isEqualTo(5);
    }

    @ParameterizedTest(name = "peak {0} HU -> weight {1}")
    @CsvSource({"129,0", "130,1", "199,1", "200,2", "299,2", "300,3", "399,3", "400,4"})
    void tvA3WeightEdgesAndTheInclusive130HuThresholdHoldIn3dToo(int peak, int weight) {
        // 4x4 voxels of 0.5 x 0.5 x 3 mm: 12 mm3 passes the 1.5 mm3 gate; 4 mm2 x weight
        CalciumScore s = SCORER.score(new Grids(16, 16, 1, 40).box(0, 4, 4, 4, 4, peak).volume(0.5, 3.0, 120));
        assertThat(s.agatston()).isCloseTo(4.0 * weight, within(EXACT));
        assertThat(s.lesions()).hasSize(weight == 0 ? 0 : 1);
    }

    @Test
    void eachSliceOfA3dLesionIsWeightedByItsOwnPeak() {
        // 2x2 at 450 HU on slice 0 over 2x2 at 150 HU on slice 1: 1 mm2 x 4 + 1 mm2 x 1
        Grids g = new Grids(8, 8, 2, 40).box(0, 3, 3, 2, 2, 450).box(1, 3, 3, 2, 2, 150);
        CalciumScore s = SCORER.score(g.volume(0.5, 3.0, 120));
        assertThat(s.lesions()).singleElement().satisfies(l -> {
            assertThat(l.agatston()).isCloseTo(5.0, within(EXACT));
            assertThat(l.weight()).isEqualTo(4);
            assertThat(l.peakHu()).isEqualTo(450);
        });
    }

    @Test
    void aLesionJoinedOnlyThroughTheSliceAboveIsOneLesion() {
        // a U: two single voxels on slice 0 (columns 2 and 8) joined by a bar on slice 1 (columns 2..8)
        Grids g = new Grids(12, 6, 2, 40).box(0, 2, 2, 1, 1, 450).box(0, 8, 2, 1, 1, 450).box(1, 2, 2, 7, 1, 450);
        CalciumScore s = new CalciumScorer(QURAI.withMinimumLesionVolumeMm3(0)).score(g.volume(0.5, 3.0, 120));
        assertThat(s.lesions()).singleElement().satisfies(l -> {
            assertThat(l.voxelCount()).isEqualTo(9);
            assertThat(l.firstSlice()).isZero();
            assertThat(l.lastSlice()).isEqualTo(1);
        });
    }

    @Test
    void theVolumeGateKeepsALesionOfExactlyOnePointFiveCubicMillimetresAndDropsASmallerOne() {
        // 2 voxels of 0.75 mm3 = 1.5 mm3 (qurAI: >= 1.5 mm3); 1 voxel = 0.75 mm3
        Grids g = new Grids(16, 16, 1, 40).box(0, 2, 2, 2, 1, 450).box(0, 10, 10, 1, 1, 450);
        CalciumScore s = SCORER.score(g.volume(0.5, 3.0, 120));
        assertThat(s.lesions()).singleElement().satisfies(l -> {
            assertThat(l.voxelCount()).isEqualTo(2);
            assertThat(l.volumeMm3()).isEqualTo(1.5);
        });
    }

    @Test
    void aLesionOfMoreThanAThousandVoxelsIsScoredWhole() {
        // 12 x 12 x 8 = 1152 voxels of 450 HU: 36 mm2 x 4 per slice x 8 slices, 864 mm3
        Grids g = new Grids(16, 16, 8, 40);
        for (int z = 0; z < 8; z++) {
            g.box(z, 2, 2, 12, 12, 450);
        }
        CalciumScore s = SCORER.score(g.volume(0.5, 3.0, 120));
        assertThat(s.lesions()).singleElement().satisfies(l -> {
            assertThat(l.voxelCount()).isEqualTo(1152);
            assertThat(l.voxelIndexCount()).isEqualTo(1152);
        });
        assertThat(s.agatston()).isCloseTo(36.0 * 4 * 8, within(EXACT));
        assertThat(s.volumeMm3()).isCloseTo(1152 * 0.75, within(EXACT));
        assertThat(s.massMg()).isCloseTo(0.75e-3 * 0.75 * 1152 * 450, within(1e-9));
    }

    @Test
    void withALabelMapA3dLesionStaysInItsArteryAndVoxelsOutsideEveryArteryAreNotScored() {
        // the 2-D per-artery case of ScoringRulesTest: no box touches another across slices, so the
        // 3-D answer is the same: LM 4 mm2 x 4, LAD 4 mm2 x 2 (touching LM, split by label), LCX 2.25 x 3, RCA 2.25 x 1
        Grids g = new Grids(32, 32, 2, 40)
                .box(0, 2, 2, 4, 4, 450, 1).box(0, 6, 2, 4, 4, 250, 2)
                .box(1, 20, 20, 3, 3, 350, 3).box(1, 10, 20, 3, 3, 180, 4)
                .box(1, 2, 28, 4, 2, 600, 0);
        CtVolume ct = g.volume(0.5, 3, 120);
        LabelVolume labels = new LabelVolume(32, 32, 2, g.labels, 0.5, 0.5, new double[] {0, 3}, 3);
        CalciumScore s = SCORER.score(ct, labels);
        assertThat(s.vessel(Territory.LM).agatston()).isCloseTo(16, within(EXACT));
        assertThat(s.vessel(Territory.LAD).agatston()).isCloseTo(8, within(EXACT));
        assertThat(s.vessel(Territory.LCX).agatston()).isCloseTo(2.25 * 3, within(EXACT));
        assertThat(s.vessel(Territory.RCA).agatston()).isCloseTo(2.25 * 1, within(EXACT));
        assertThat(s.vessel(Territory.UNLABELLED).lesionCount()).isZero();
        assertThat(s.lesions()).extracting(Lesion::territory)
                .containsExactly(Territory.LM, Territory.LAD, Territory.RCA, Territory.LCX);
    }
}
