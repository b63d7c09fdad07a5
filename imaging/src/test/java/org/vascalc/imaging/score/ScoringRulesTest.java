package org.vascalc.imaging.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

class ScoringRulesTest {

    private static final double EXACT = 1e-9;
    private static final CalciumScorer CLINICAL = new CalciumScorer(ScoringOptions.clinical());

    @Test
    void fourPixelsOfHalfAMillimetreMakeExactlyOneSquareMillimetreAndAreScored() {
        CalciumScore s = CLINICAL.score(new Grids(16, 16, 1, 40).box(0, 3, 3, 2, 2, 500).volume(0.5, 3, 120));
        assertThat(s.agatston()).isCloseTo(4.0, within(EXACT));
    }

    @Test
    void threePixelsOfHalfAMillimetreAreBelowOneSquareMillimetreAndDropped() {
        CalciumScore s = CLINICAL.score(new Grids(16, 16, 1, 40).box(0, 3, 3, 3, 1, 500).volume(0.5, 3, 120));
        assertThat(s.agatston()).isZero();
        assertThat(s.lesions()).isEmpty();
    }

    @Test
    void diagonalNeighboursJoinWithEightConnectivityButNotWithFour() {
        Grids g = new Grids(16, 16, 1, 40).box(0, 3, 3, 1, 1, 500).box(0, 4, 4, 1, 1, 500)
                .box(0, 5, 5, 1, 1, 500).box(0, 6, 6, 1, 1, 500);
        CtVolume v = g.volume(0.5, 3, 120);
        assertThat(CLINICAL.score(v).lesions()).hasSize(1);
        assertThat(new CalciumScorer(ScoringOptions.clinical().withConnectivity(Connectivity.PLANAR_4)).score(v)
                .lesions()).isEmpty();
    }

    @Test
    void weightComesFromEachLesionsOwnPeakNotFromTheSlice() {
        Grids g = new Grids(32, 32, 1, 40).box(0, 2, 2, 4, 4, 150).box(0, 20, 20, 4, 4, 450);
        CalciumScore s = CLINICAL.score(g.volume(0.5, 3, 120));
        assertThat(s.lesions()).extracting(Lesion::weight).containsExactly(1, 4);
        assertThat(s.agatston()).isCloseTo(4 * 1 + 4 * 4, within(EXACT));
    }

    @ParameterizedTest(name = "increment {0} mm")
    @ValueSource(doubles = {0.5, 1.0, 1.5, 2.5, 3.0})
    void scoreOfOneSliceIsScaledByIncrementOverThreeMillimetres(double increment) {
        CalciumScore s = CLINICAL.score(new Grids(16, 16, 1, 40).box(0, 3, 3, 4, 4, 450).volume(0.5, increment, 120));
        assertThat(s.agatston()).isCloseTo(16.0 * increment / 3.0, within(EXACT));
    }

    @Test
    void translatingAPhantomInsideTheGridLeavesEveryScoreUnchanged() {
        Random rnd = new Random(20261130L);
        for (int trial = 0; trial < 20; trial++) {
            Grids a = new Grids(48, 48, 4, 40);
            Grids b = new Grids(48, 48, 4, 40);
            int dx = rnd.nextInt(10);
            int dy = rnd.nextInt(10);
            int dz = rnd.nextInt(2);
            for (int k = 0; k < 6; k++) {
                int z = rnd.nextInt(3);
                int x = rnd.nextInt(30);
                int y = rnd.nextInt(30);
                int nx = 1 + rnd.nextInt(5);
                int ny = 1 + rnd.nextInt(5);
                int v = 100 + rnd.nextInt(500);
                a.box(z, x, y, nx, ny, v);
                b.box(z + dz, x + dx, y + dy, nx, ny, v);
            }
            CalciumScore sa = CLINICAL.score(a.volume(0.5, 3, 120));
            CalciumScore sb = CLINICAL.score(b.volume(0.5, 3, 120));
            assertThat(sb.agatston()).as("trial %d", trial).isCloseTo(sa.agatston(), within(EXACT));
            assertThat(sb.volumeMm3()).isCloseTo(sa.volumeMm3(), within(EXACT));
            assertThat(sb.massMg()).isCloseTo(sa.massMg(), within(EXACT));
        }
    }

    @Test
    void perArteryScoresSumToTheTotalAndALesionAcrossTwoLabelsIsSplit() {
        Grids g = new Grids(32, 32, 2, 40)
                .box(0, 2, 2, 4, 4, 450, 1).box(0, 6, 2, 4, 4, 250, 2) // touching, LM | LAD
                .box(1, 20, 20, 3, 3, 350, 3).box(1, 10, 20, 3, 3, 180, 4)
                .box(1, 2, 28, 4, 2, 600, 0); // outside every artery: not scored
        CtVolume ct = g.volume(0.5, 3, 120);
        LabelVolume labels = new LabelVolume(32, 32, 2, g.labels, 0.5, 0.5, new double[] {0, 3}, 3);
        CalciumScore s = CLINICAL.score(ct, labels);
        double sum = 0;
        for (Territory t : Territory.values()) {
            sum += s.vessel(t).agatston();
        }
        assertThat(sum).isCloseTo(s.agatston(), within(EXACT));
        assertThat(s.vessel(Territory.LM).agatston()).isCloseTo(16, within(EXACT));
        assertThat(s.vessel(Territory.LAD).agatston()).isCloseTo(8, within(EXACT));
        assertThat(s.vessel(Territory.LCX).agatston()).isCloseTo(2.25 * 3, within(EXACT));
        assertThat(s.vessel(Territory.RCA).agatston()).isCloseTo(2.25 * 1, within(EXACT));
        assertThat(s.vessel(Territory.UNLABELLED).agatston()).isZero();
        assertThat(s.category().label()).isEqualTo("A1/N4");
    }

    @Test
    void aLabelMapOfAnotherScanIsRefusedWithWhatToGiveInstead() {
        Grids g = new Grids(32, 32, 2, 40);
        LabelVolume three = new LabelVolume(32, 32, 3, new byte[32 * 32 * 3], 0.5, 0.5, new double[] {0, 3, 6}, 3);
        assertThatThrownBy(() -> CLINICAL.score(g.volume(0.5, 3, 120), three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not on the grid of")
                .hasMessageContaining("give the label map made with this CT");
    }

    @Test
    void theTextReportWarnsWhenThe120KvRuleMeetsAnotherTubeVoltageOrNoLabelMap() {
        CalciumScore s = CLINICAL.score(new Grids(16, 16, 1, 40).box(0, 3, 3, 4, 4, 450).volume(0.5, 3, 100));
        String text = ScoreReport.text(s);
        assertThat(text).contains("defined at 120 kV; this scan is at 100 kV").contains("without an artery label map");
        assertThat(text).contains("UNLABELLED").contains("16.0");
        // the lesion table's slice column is an index (0 here, the only slice), not a count of slices
        assertThat(text).contains("slice: index from the lowest z, 0-based").doesNotContain(" slices ");
        // the JSON carries the same notes: it had none, so an unlabelled total read as a coronary score
        assertThat(ScoreReport.json(s)).contains("\"notes\" : [ \"the 130 HU rule is defined at 120 kV")
                .contains("scored without an artery label map");
        // and that the default mass factor is a 120-kV value (review7); with a factor given, no such note
        assertThat(ScoreReport.notes(s)).hasSize(3).anySatisfy(n -> assertThat(n).contains("a 120-kV value; at 100 kV"));
        CalciumScore calibrated = new CalciumScorer(ScoringOptions.clinical().withMassCalibration(0.6))
                .score(new Grids(16, 16, 1, 40).box(0, 3, 3, 4, 4, 450).volume(0.5, 3, 100));
        assertThat(ScoreReport.notes(calibrated)).noneSatisfy(n -> assertThat(n).contains("120-kV value"));
        // and no CAC-DRS category: that is for coronary calcium, which an unlabelled total is not
        assertThat(s.arteryLabels()).isFalse();
        assertThat(s.coronaryCategory()).isEmpty();
        assertThat(text).contains(ScoreReport.NO_CATEGORY).doesNotContainPattern("CAC-DRS A\\d");
        assertThat(ScoreReport.json(s)).contains("\"cacDrs\" : null");
    }

    /** A scan without any candidate voxel scored without labels has no category either (A0 needs the arteries). */
    @Test
    void anEmptyScanWithoutALabelMapHasNoCategoryButWithOneItIsA0() {
        var volume = new Grids(8, 8, 1, 40).volume(0.5, 3, 120);
        CalciumScore unlabelled = CLINICAL.score(volume);
        assertThat(unlabelled.coronaryCategory()).isEmpty();
        assertThat(ScoreReport.text(unlabelled)).contains(ScoreReport.NO_CATEGORY)
                .contains("without an artery label map");
        CalciumScore labelled = CLINICAL.score(volume, org.vascalc.imaging.volume.LabelVolume.emptyLike(volume));
        assertThat(labelled.coronaryCategory()).isPresent();
        assertThat(ScoreReport.text(labelled)).contains("CAC-DRS A0").doesNotContain(ScoreReport.NO_CATEGORY);
    }

    @Test
    void kvSpecificConventionRejectsAnUntabulatedTubeVoltage() {
        CalciumScorer kv = new CalciumScorer(ScoringOptions.clinical().withConvention(ThresholdConvention.KV_SPECIFIC));
        assertThatThrownBy(() -> kv.score(new Grids(4, 4, 1, 0).volume(0.5, 3, 110)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("110.0 kV");
    }

    @Test
    void internalCacDrsBandsFollowHecht2018() {
        assertThat(InternalCacDrs.of(0, java.util.List.of()).label()).isEqualTo("A0");
        assertThat(InternalCacDrs.of(0.5, java.util.List.of()).category()).isEqualTo(1);
        assertThat(InternalCacDrs.of(99.9, java.util.List.of()).category()).isEqualTo(1);
        assertThat(InternalCacDrs.of(100, java.util.List.of()).category()).isEqualTo(2);
        assertThat(InternalCacDrs.of(299, java.util.List.of()).category()).isEqualTo(2);
        assertThat(InternalCacDrs.of(300, java.util.List.of()).category()).isEqualTo(3);
        assertThat(InternalCacDrs.of(301, java.util.List.of()).category()).isEqualTo(3);
    }
}
