package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CtScoreSurrogateTest {

    private final CtScoreSurrogate ct = CtScoreSurrogate.standard();

    @Test
    void massScoreIsTheHydroxyapatiteMassOfAVisibleDeposit() {
        // mass = c_HA·V·meanHU with meanHU = density/c_HA: identity up to round-off
        assertThat(ct.mass(12.5, 400)).isCloseTo(12.5, within(1e-12));
        assertThat(ct.volume(12.5, 400)).isCloseTo(12.5 / 400 * 1000, within(1e-9));
    }

    @Test
    void agatstonFollowsTheDensityWeights() {
        // c_HA 0.75, peak/mean 1.3: 100 mg/cm3 -> peak 173 HU (w1), 150 -> 260 (w2), 200 -> 347 (w3), 300 -> 520 (w4)
        assertThat(ct.densityWeight(100)).isEqualTo(1);
        assertThat(ct.densityWeight(150)).isEqualTo(2);
        assertThat(ct.densityWeight(200)).isEqualTo(3);
        assertThat(ct.densityWeight(300)).isEqualTo(4);
        double volume = 10.0 / 300 * 1000;
        assertThat(ct.agatston(10, 300)).isCloseTo(volume / 3 * 4, within(1e-9));
    }

    @Test
    void depositsBelowDetectionOrThresholdScoreZero() {
        assertThat(ct.agatston(0.3, 400)).isZero();
        assertThat(ct.agatston(5, 90)).isZero(); // mean 120 HU < 130 HU
        assertThat(ct.volume(0, 400)).isZero();
    }

    @Test
    void bothLayersAreScoredAlike() {
        WallHarness h = WallHarness.of(TestPatients.ckd3(60)).build();
        int lad = h.layout.offset("wall") + Bed.LAD.ordinal() * WallBlock.PER_BED;
        double[] y = h.y.clone();
        for (Bed b : Bed.values()) {
            int o = h.layout.offset("wall") + b.ordinal() * WallBlock.PER_BED;
            y[o + WallBlock.MEDIAL] = 0;
            y[o + WallBlock.MACRO] = 0;
            y[o + WallBlock.MICRO] = 0;
        }
        double[] intimal = y.clone();
        intimal[lad + WallBlock.MACRO] = 20;
        intimal[lad + WallBlock.DENSITY] = 500; // the medial density of the catalog
        double[] medial = y.clone();
        medial[lad + WallBlock.MEDIAL] = 20;
        CoronaryCalcium a = h.wall.coronaryCalcium(intimal);
        CoronaryCalcium b = h.wall.coronaryCalcium(medial);
        assertThat(a.agatston()).isPositive().isEqualTo(b.agatston());
        assertThat(a.volumeMm3()).isEqualTo(b.volumeMm3());
        assertThat(a.massMg()).isEqualTo(b.massMg());
        assertThat(a.intimalShare()).isEqualTo(1.0);
        assertThat(b.medialShare()).isEqualTo(1.0);
    }

    @Test
    void microcalcificationIsInvisible() {
        WallHarness h = WallHarness.of(TestPatients.man(60)).build();
        double[] y = h.y.clone();
        CoronaryCalcium before = h.wall.coronaryCalcium(y);
        y[h.layout.offset("wall") + Bed.LAD.ordinal() * WallBlock.PER_BED + WallBlock.MICRO] += 50;
        assertThat(h.wall.coronaryCalcium(y).agatston()).isEqualTo(before.agatston());
        assertThat(h.wall.coronaryCalcium(y).intimalMineralMg()).isGreaterThan(before.intimalMineralMg());
    }
}
