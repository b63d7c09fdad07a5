package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CtScoreSurrogateTest {

    private final CtScoreSurrogate ct = CtScoreSurrogate.standard();

    private static final CtScoreSurrogate.Layer IN = CtScoreSurrogate.Layer.INTIMAL;
    private static final CtScoreSurrogate.Layer MED = CtScoreSurrogate.Layer.MEDIAL;

    @Test
    void scoresFollowTheStatedMap() {
        CtScoreSurrogate.Geometry g = ct.geometry(IN);
        // 25 mg: two shapes of 12.5 mg, each a row of ctLesionMassMg deposits
        double md = Math.min(12.5, ct.lesionMassMg());
        assertThat(ct.depositMassMg(25)).isCloseTo(md, within(1e-12));
        double vd = md / 400 * 1000;
        double pv = 1 / (1 + Math.pow(g.blurVolumeMm3() / vd, g.sharpness()));
        double h = pv * 400 / 0.75;
        double f = h > 130 ? 1 - Math.exp(-(h - 130) / g.spreadHu()) : 0;
        assertThat(ct.apparentHu(IN, 25, 400)).isCloseTo(h, within(1e-9));
        assertThat(ct.seenFraction(IN, 25, 400)).isCloseTo(f, within(1e-12));
        assertThat(ct.volume(IN, 25, 400)).isCloseTo(f * 25 / 400.0 * 1000 * (1 + g.blurVolumeMm3() / vd),
                within(1e-9));
        assertThat(ct.mass(IN, 25, 400)).isCloseTo(g.massRecovery() * f * 25, within(1e-9));
        assertThat(ct.agatston(IN, 25, 400)).isCloseTo(ct.volume(IN, 25, 400) / 3 * ct.densityWeight(IN, 25, 400),
                within(1e-9));
    }

    /** Masses (0.001 mg apart, up to 60 mg) after which a score rose by more than {@code limit} in one such step. */
    private static java.util.List<Double> jumps(CtScoreSurrogate s, CtScoreSurrogate.Layer l, double rho, int which,
                                                double limit) {
        java.util.List<Double> at = new java.util.ArrayList<>();
        double[] out = new double[3];
        s.scores(l, 0.001, rho, out);
        double last = out[which];
        for (int k = 2; k <= 60_000; k++) {
            s.scores(l, 0.001 * k, rho, out);
            if (out[which] - last > limit) {
                at.add(0.001 * (k - 1));
            }
            last = out[which];
        }
        return at;
    }

    /**
     * Over a layer's growth the three scores jump once, together: where its seen volume first
     * reaches the detection limit (a lesion first seen, as on a real scan: Agatston 1990 counts a
     * lesion only over a minimum area); elsewhere they grow smoothly, the Agatston density weight
     * (1-4 at 200/300/400 HU) included, because it is averaged over a scatter of lesion peaks
     * ({@code ctWeightSpreadHu}). This is why the CT-score curves of the examples step
     * (docs/model/wall.md, "Steps in the CT score"). A hard weight step (spread 0.1 HU) would make
     * the Agatston score jump again where the peak crosses 200, 300 and 400 HU: the control below.
     */
    @Test
    void theScoresStepOnlyWhereALayerIsFirstSeen() {
        for (Object[] c : new Object[][] {{IN, 540.0}, {MED, 500.0}}) {
            CtScoreSurrogate.Layer l = (CtScoreSurrogate.Layer) c[0];
            double rho = (Double) c[1];
            java.util.List<Double> agatston = jumps(ct, l, rho, CtScoreSurrogate.AGATSTON, 0.1);
            assertThat(agatston).as("%s: masses after which the Agatston score jumps", l).hasSize(1);
            double m = agatston.get(0);
            assertThat(ct.volume(l, m, rho)).as("%s volume just before the jump", l).isZero();
            assertThat(ct.volume(l, m + 0.001, rho)).as("%s volume just after", l).isGreaterThan(3);
            assertThat(jumps(ct, l, rho, CtScoreSurrogate.VOLUME, 0.5)).as("%s volume score jumps", l)
                    .containsExactly(m);
            assertThat(jumps(ct, l, rho, CtScoreSurrogate.MASS, 0.05)).as("%s mass score jumps", l)
                    .containsExactly(m);
        }
        assertThat(jumps(ct.withWeightSpread(0.1), IN, 540, CtScoreSurrogate.AGATSTON, 0.1))
                .as("with a hard density-weight step").hasSizeGreaterThan(1);
    }

    /**
     * The three scores taken together ({@code scores}, the wall's recorded coronary sums) are those of
     * {@code agatston}, {@code volume} and {@code mass} bit for bit, over masses and densities from
     * nothing and below the detection limit to large deposits, and with a minimum volume of 0.
     */
    @Test
    void scoresTogetherAreTheScoresOneByOne() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261201);
        double[] out = new double[3];
        int nonZero = 0;
        for (CtScoreSurrogate surrogate : new CtScoreSurrogate[] {ct, ct.withMinVolume(0)}) {
            for (int k = 0; k < 20_000; k++) {
                CtScoreSurrogate.Layer l = k % 2 == 0 ? IN : MED;
                double m = k % 97 == 0 ? 0 : k % 89 == 0 ? -1 : Math.exp(random.nextDouble(-8, 6));
                double rho = k % 83 == 0 ? 0 : random.nextDouble(50, 1200);
                surrogate.scores(l, m, rho, out);
                assertThat(Double.doubleToRawLongBits(out[CtScoreSurrogate.AGATSTON]))
                        .isEqualTo(Double.doubleToRawLongBits(surrogate.agatston(l, m, rho)));
                assertThat(Double.doubleToRawLongBits(out[CtScoreSurrogate.VOLUME]))
                        .isEqualTo(Double.doubleToRawLongBits(surrogate.volume(l, m, rho)));
                assertThat(Double.doubleToRawLongBits(out[CtScoreSurrogate.MASS]))
                        .isEqualTo(Double.doubleToRawLongBits(surrogate.mass(l, m, rho)));
                nonZero += out[CtScoreSurrogate.AGATSTON] > 0 ? 1 : 0;
            }
        }
        assertThat(nonZero).isGreaterThan(1000);
    }

    @Test
    void moreMineralNeverScoresLess() {
        for (CtScoreSurrogate.Layer l : CtScoreSurrogate.Layer.values()) {
            for (double rho : new double[] {300, 500, 800}) {
                double last = 0;
                for (double m = 0.1; m <= 300; m *= 1.05) {
                    double a = ct.agatston(l, m, rho);
                    assertThat(a).as("%s %.2f mg at %.0f", l, m, rho).isGreaterThanOrEqualTo(last);
                    last = a;
                }
            }
        }
    }

    @Test
    void densityWeightRisesWithDensityAtEqualDepositVolume() {
        // mass ∝ density keeps the deposit's volume (and so its partial volume) fixed; at fixed mass a
        // denser deposit is smaller and more blurred, so its peak need not rise (as in the scorer)
        double last = 0;
        for (double rho = 50; rho <= 1000; rho += 10) {
            double w = ct.densityWeight(IN, rho / 200, rho);
            assertThat(w).isBetween(1.0, 4.0).isGreaterThanOrEqualTo(last);
            last = w;
        }
        assertThat(ct.densityWeight(IN, 1, 200)).isLessThan(ct.densityWeight(IN, 4, 800));
    }

    @Test
    void depositsBelowDetectionScoreZero() {
        assertThat(ct.agatston(IN, 0.3, 400)).isZero();
        assertThat(ct.mass(IN, 0.3, 400)).isZero();
        assertThat(ct.volume(IN, 0, 400)).isZero();
        assertThat(ct.agatston(MED, 0, 500)).isZero();
    }

    @Test
    void thinMedialMineralScoresLessPerMilligramThanCompactPlaqueCalcium() {
        // the fitted geometry (docs/model/ct-surrogate-fit.md): partial volume dims the thin media
        assertThat(ct.partialVolume(MED, 50, 500)).isLessThan(ct.partialVolume(IN, 50, 500));
        assertThat(ct.mass(MED, 50, 500)).isLessThan(ct.mass(IN, 50, 500));
        assertThat(ct.agatston(MED, 50, 500)).isLessThan(ct.agatston(IN, 50, 500));
    }

    @Test
    void eachLayerPassesItsOwnGeometryAndTheWallSumsThem() {
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
        double rho = 500; // the catalog medial density, and the intimal density set above
        assertThat(a.agatston()).isPositive().isEqualTo(ct.agatston(IN, 20, rho));
        assertThat(b.agatston()).isEqualTo(ct.agatston(MED, 20, rho));
        assertThat(a.massMg()).isEqualTo(ct.mass(IN, 20, rho));
        assertThat(b.massMg()).isEqualTo(ct.mass(MED, 20, rho));
        assertThat(b.volumeMm3()).isEqualTo(ct.volume(MED, 20, rho));
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

    /** The fitting hooks: a catalog gives its own surrogate, geometries and the weight spread can be swapped. */
    @Test
    void theFittingHooksSwapOnlyWhatTheyName() {
        CtScoreSurrogate fromCatalog = CtScoreSurrogate.of(WallBlock.defaultCatalog());
        assertThat(fromCatalog.agatston(IN, 40, 600)).isEqualTo(ct.agatston(IN, 40, 600));
        CtScoreSurrogate swapped = ct.withGeometry(ct.geometry(MED), ct.geometry(IN));
        assertThat(swapped.geometry(IN)).isEqualTo(ct.geometry(MED));
        assertThat(swapped.geometry(MED)).isEqualTo(ct.geometry(IN));
        assertThat(swapped.agatston(IN, 40, 600)).isEqualTo(ct.agatston(MED, 40, 600));
        assertThat(ct.withWeightSpread(30).weightSpreadHu()).isEqualTo(30);
        // a zero spread would make the density weight a division by zero: refused
        assertThatThrownBy(() -> ct.withWeightSpread(0)).hasMessageContaining("weight spread must be > 0 HU");
    }

    /** The geometry's ranges: B ≥ 0, k > 0, σ > 0, p ≥ 1, 0 < e ≤ 5, each edge on its own side. */
    @Test
    void geometryRangesIncludeAndExcludeTheirEdges() {
        CtScoreSurrogate.Geometry edges = new CtScoreSurrogate.Geometry(0, 1, 100, 1, 5);
        assertThat(edges.blurVolumeMm3()).isZero();
        assertThat(edges.peakToMean()).isEqualTo(1);
        assertThatThrownBy(() -> new CtScoreSurrogate.Geometry(-1, 1, 100, 1, 1)).hasMessageContaining("B -1 mm³");
        assertThatThrownBy(() -> new CtScoreSurrogate.Geometry(10, 0, 100, 1, 1)).hasMessageContaining("k 0,");
        assertThatThrownBy(() -> new CtScoreSurrogate.Geometry(10, 1, 0, 1, 1)).hasMessageContaining("σ 0 HU");
        assertThatThrownBy(() -> new CtScoreSurrogate.Geometry(10, 1, 100, 0.99, 1)).hasMessageContaining("peak/mean 0.99");
        assertThatThrownBy(() -> new CtScoreSurrogate.Geometry(10, 1, 100, 1, 0)).hasMessageContaining("mass recovery 0");
        assertThatThrownBy(() -> new CtScoreSurrogate.Geometry(10, 1, 100, 1, 5.01)).hasMessageContaining("mass recovery 5.01");
    }
}
