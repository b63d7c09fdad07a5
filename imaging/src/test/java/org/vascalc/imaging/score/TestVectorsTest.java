package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test vectors TV-A1..TV-A5 of the clinical reference note, section 1.6, exactly as given there.
 * Tolerance 1e-9: the arithmetic is exact in binary up to summation order.
 */
class TestVectorsTest {

    private static final double EXACT = 1e-9;

    /** 64x64 px of 0.5 mm, 4 slices at 3.0 mm, background 40 HU; slices 2 and 3 hold A (4x4, 450) and B (2x3, 250). */
    private static Grids tvA1Grid(int slices, int... lesionSlices) {
        Grids g = new Grids(64, 64, slices, 40);
        for (int z : lesionSlices) {
            g.box(z, 10, 10, 4, 4, 450).box(z, 40, 40, 2, 3, 250);
        }
        return g;
    }

    @Test
    void tvA1SyntheticSeriesScores38Agatston33CubicMillimetresAnd9Point7875Milligrams() {
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withMassCalibration(0.75))
                .score(tvA1Grid(4, 1, 2).volume(0.5, 3.0, 120));
        assertThat(s.agatston()).isCloseTo(38.0, within(EXACT));
        assertThat(s.volumeMm3()).isCloseTo(33.0, within(EXACT));
        assertThat(s.massMg()).isCloseTo(9.7875, within(EXACT));
        assertThat(s.lesions()).hasSize(4);
    }

    @Test
    void tvA1WithAThreeDimensionalTenCubicMillimetreGateDropsLesionBLikeTheQuraiPeer() {
        ScoringOptions qurai = ScoringOptions.clinical().withConnectivity(Connectivity.VOLUMETRIC_26);
        CalciumScore small = new CalciumScorer(qurai.withMinimumLesionVolumeMm3(1.5))
                .score(tvA1Grid(4, 1, 2).volume(0.5, 3.0, 120));
        CalciumScore big = new CalciumScorer(qurai.withMinimumLesionVolumeMm3(10))
                .score(tvA1Grid(4, 1, 2).volume(0.5, 3.0, 120));
        assertThat(small.agatston()).isCloseTo(38.0, within(EXACT));
        assertThat(small.volumeMm3()).isCloseTo(33.0, within(EXACT));
        assertThat(big.agatston()).isCloseTo(32.0, within(EXACT));
        assertThat(big.volumeMm3()).isCloseTo(24.0, within(EXACT));
    }

    @Test
    void tvA2TheSameLesionsOnFourSlicesAtOnePointFiveMillimetresNormaliseTo38() {
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical())
                .score(tvA1Grid(8, 2, 3, 4, 5).volume(0.5, 1.5, 120));
        CalciumScore raw = new CalciumScorer(ScoringOptions.clinical().withNormaliseToThreeMm(false))
                .score(tvA1Grid(8, 2, 3, 4, 5).volume(0.5, 1.5, 120));
        assertThat(raw.agatston()).isCloseTo(76.0, within(EXACT));
        assertThat(s.agatston()).isCloseTo(38.0, within(EXACT));
    }

    @ParameterizedTest(name = "peak {0} HU -> weight {1}")
    @CsvSource({"129,0", "130,1", "199,1", "200,2", "299,2", "300,3", "399,3", "400,4"})
    void tvA3WeightEdgesAt120KvFollowAgatston(int peak, int weight) {
        // a 4x4 lesion of 0.5 mm pixels is 4 mm2; one 3-mm slice, so Agatston = 4 x weight
        Grids g = new Grids(16, 16, 1, 40).box(0, 4, 4, 4, 4, peak);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(g.volume(0.5, 3.0, 120));
        assertThat(s.agatston()).isCloseTo(4.0 * weight, within(EXACT));
        assertThat(s.lesions()).hasSize(weight == 0 ? 0 : 1);
    }

    @Test
    void tvA4MolloiLabBlockGives16Agatston2CubicMillimetresAndZeroPointSixMilligrams() {
        // 4x4x2 voxels of 0.5 mm, the first 2 columns 400 HU; that package does not normalise to 3 mm
        Grids g = new Grids(4, 4, 2, 0).box(0, 0, 0, 2, 4, 400).box(1, 0, 0, 2, 4, 400);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withNormaliseToThreeMm(false))
                .score(g.volume(0.5, 0.5, 120));
        assertThat(s.agatston()).isCloseTo(16.0, within(EXACT));
        assertThat(s.volumeMm3()).isCloseTo(2.0, within(EXACT));
        assertThat(s.massMg()).isCloseTo(0.6, within(EXACT));
    }

    @ParameterizedTest(name = "{0} HU at {1} kV -> 12")
    @CsvSource({"260,135", "280,120", "310,100", "400,80"})
    void tvA5KvSpecificThresholdsGiveWeightTwoAnd12Agatston(int hu, int kv) {
        Grids g = new Grids(4, 7, 2, 0).box(0, 0, 2, 4, 3, hu).box(1, 0, 2, 4, 3, hu);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withConvention(ThresholdConvention.KV_SPECIFIC)
                .withNormaliseToThreeMm(false)).score(g.volume(0.5, 0.5, kv));
        assertThat(s.agatston()).isCloseTo(12.0, within(EXACT));
        assertThat(s.lesions()).allMatch(l -> l.weight() == 2);
    }
}
