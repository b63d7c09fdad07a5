package org.vascalc.imaging.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.phantom.AcquisitionSpec;
import org.vascalc.imaging.phantom.ArteryModel;
import org.vascalc.imaging.phantom.CoronaryTree;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.DepositShape;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.phantom.PhantomParameters;
import org.vascalc.imaging.phantom.PhantomSpec;
import org.vascalc.imaging.phantom.PhantomSpecCheck;
import org.vascalc.imaging.volume.CoronaryArtery;
import org.vascalc.imaging.volume.CtVolume;

/**
 * Small renders (a few tens of voxels a side, one deposit, noise off or a fixed seed) checked against the
 * documented scanner contract (docs/model/imaging.md, CtSynthesizer's Javadoc): each voxel the mean of the object
 * over its box (pixel x pixel x slice thickness), far from the arteries the chest at the voxel centre, then the
 * in-plane Gaussian PSF, then noise of the requested SD, then rounding to integer HU. Catalog numbers used by hand:
 * tissue 40 HU, fat -100 HU, lung -850 HU, vertebra 300 HU, wall = lumen + 0.15 + 0.2 + 0.3 mm, fat sleeve 2.5 mm,
 * label margin 1.5 mm, HA contrast 1/0.75 HU per mg/cm3 at 120 kV times 1.362 at 80 kV (docs/model/imaging-parameters.md).
 * Written for mutation testing (docs/testing.md, CT synthesis, 2026-12-04): the whole-phantom tests take seconds each.
 */
class CtSynthesizerFastTest {

    private static final PhantomParameters K = PhantomParameters.defaults();
    private static final double TISSUE = 40;
    private static final double FAT = -100;
    private static final double SLEEVE = 2.5;
    private static final double LABEL_MARGIN = 1.5;

    /** An acquisition of n x n pixels of {@code px} mm, slices of {@code thick} mm every {@code inc} mm from z0 to z1. */
    private static AcquisitionSpec acq(double px, int n, double thick, double inc, double z0, double z1, double fwhm,
                                       double noise, double huPer) {
        return new AcquisitionSpec(120, thick, inc, px, n, z0, z1, fwhm, noise, 3, 11, huPer);
    }

    /** Built with the acquisition's ranges lifted (tiny matrices, no PSF, contrasts beyond a scanner's), as documented. */
    private static PhantomSpec spec(AcquisitionSpec a, double[] offset, LesionSpec... lesions) {
        return PhantomSpecCheck.beyondAcquisitionLimits(() -> new PhantomSpec("fast", a, offset, List.of(lesions)));
    }

    /** A spotty LAD deposit of 20 mg at 400 mg/cm3: V = 50 mm3, a sphere of radius (3V / 4 pi)^(1/3) = 2.2855 mm. */
    private static LesionSpec spotty() {
        return new LesionSpec(CoronaryArtery.LAD, DepositShape.SPOTTY.layer(), DepositShape.SPOTTY, 20, 400, 30, 90);
    }

    private static PhantomSpec with(PhantomSpec s, AcquisitionSpec a) {
        return PhantomSpecCheck.beyondAcquisitionLimits(() -> s.withAcquisition(a));
    }

    private static final double SPHERE_R = Math.cbrt(3 * 50.0 / (4 * Math.PI));

    private static double[] sphereCentre(PhantomSpec s) {
        Deposit d = new CtSynthesizer(K).place(s, CoronaryTree.standard(K, s.offsetMm())).get(0);
        assertThat(d.sphereRadiusMm()).isCloseTo(SPHERE_R, within(1e-9));
        return d.sphereCentre();
    }

    @Test
    void farFromTheArteriesEachVoxelIsTheChestAtItsCentreMovedByTheOffset() {
        // vertebral body: a cylinder along z of radius 18 mm about (5, 95) (Chest), here moved by the offset (2, 1, 0);
        // 1 mm pixels centred on (-11.5, 96): column 4 is at x = -11.5, 18.5 mm left of the axis x = 7 (outside),
        // column 5 at -10.5 (inside); no PSF, no noise: each voxel is 300 or 40 by its centre
        double[] off = {2, 1, 0};
        int n = 9;
        SyntheticScan s = new CtSynthesizer(K).render(spec(acq(1, n, 3, 3, -40, -37, 0, 0, Double.NaN), off), -11.5, 96);
        assertThat(s.originXMm()).isCloseTo(-15.5, within(1e-12));
        assertThat(s.originYMm()).isCloseTo(92, within(1e-12));
        CtVolume ct = s.ct();
        assertThat(ct.depth()).isEqualTo(2);
        assertThat(ct.slicePositionsZMm()).containsExactly(-40, -37);
        assertThat(ct.sliceThicknessMm()).isEqualTo(3);
        assertThat(ct.pixelSpacingXMm()).isEqualTo(1);
        assertThat(ct.kvp()).isEqualTo(120);
        int inside = 0;
        for (int z = 0; z < 2; z++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = -15.5 + i;
                    double y = 92 + j;
                    boolean bone = (x - 7) * (x - 7) + (y - 96) * (y - 96) <= 18 * 18;
                    inside += bone ? 1 : 0;
                    assertThat(ct.hu(i, j, z)).as("voxel %d %d %d", i, j, z).isEqualTo((short) (bone ? 300 : 40));
                    assertThat(s.labels().label(i, j, z)).isEqualTo(CoronaryArtery.NONE);
                }
            }
        }
        assertThat(inside).isBetween(2 * 30, 2 * 50);
        // inside the right lung (centre (-115, 15, -40)): -850 HU everywhere
        CtVolume lung = new CtSynthesizer(K).render(spec(acq(1, 5, 3, 3, -40, -40, 0, 0, Double.NaN), new double[3]),
                -120, 15).ct();
        for (short v : lung.huVoxels()) {
            assertThat(v).isEqualTo((short) -850);
        }
    }

    @Test
    void thePsfBlursTheChestEdgeByTheNormalisedGaussianWeights() {
        // FWHM 2 sqrt(2 ln 2) mm on 1 mm pixels: sigma = 1 pixel, kernel radius 3, weights w_i = exp(-i^2/2) / sum.
        // Pixel centres x = -20.5 .. -6.5 on the row y = 95 through the vertebra's axis; in the rows within 3 pixels the
        // edge x = 5 - sqrt(18^2 - dy^2) lies in (-13, -12.74), so in all of them columns x >= -12.5 are bone: the
        // 2-D blur there is the 1-D blur of a straight step (the vertical weights sum to 1)
        double fwhm = 2 * Math.sqrt(2 * Math.log(2));
        int n = 15;
        CtVolume ct = new CtSynthesizer(K).render(spec(acq(1, n, 3, 3, -40, -40, fwhm, 0, Double.NaN), new double[3]),
                -13.5, 95).ct();
        double[] raw = {1, Math.exp(-0.5), Math.exp(-2), Math.exp(-4.5)};
        double sum = raw[0] + 2 * (raw[1] + raw[2] + raw[3]);
        double tail = (raw[1] + raw[2] + raw[3]) / sum;
        int row = 7;
        assertThat(ct.hu(7, row, 0)).isEqualTo((short) Math.round(40 + 260 * tail)); // x = -13.5, bone 1..3 px right
        assertThat(ct.hu(8, row, 0)).isEqualTo((short) Math.round(40 + 260 * (raw[0] / sum + tail))); // x = -12.5
        assertThat(ct.hu(6, row, 0)).isEqualTo((short) Math.round(40 + 260 * (raw[2] + raw[3]) / sum));
        assertThat(ct.hu(3, row, 0)).isEqualTo((short) 40); // 5 px from the first bone column: beyond 3 sigma
        assertThat(ct.hu(12, row, 0)).isEqualTo((short) 300); // 4 px into bone: the kernel sees bone only
    }

    @Test
    void aSphereHasTissuePlusContrastTimesDensityInsideNothingOutsideAndItsContrastIntegral() {
        // explicit contrast 70 HU per mg/cm3 so that the deposit (40 + 70 x 400 = 28040 HU) dwarfs its surroundings
        // (tissue 40 or fat -100); thin slices (0.4 x 0.4 x 0.5 mm boxes, half diagonal 0.377 mm) centred on the sphere
        PhantomSpec probe = spec(acq(0.4, 25, 0.5, 0.5, 0, 0, 0, 0, 70), new double[3], spotty());
        double[] c = sphereCentre(probe);
        int n = 25;
        int half = 7;
        PhantomSpec with = with(probe, acq(0.4, n, 0.5, 0.5, c[2] - half * 0.5, c[2] + half * 0.5, 0, 0, 70));
        CtSynthesizer synth = new CtSynthesizer(K);
        SyntheticScan s = synth.render(with, c[0], c[1]);
        CtVolume ct = s.ct();
        short[] h0 = synth.render(PhantomSpecCheck.beyondAcquisitionLimits(() -> with.withLesions("none", List.of())), c[0], c[1]).ct().huVoxels();
        assertThat(ct.depth()).isEqualTo(2 * half + 1);
        assertThat(s.huPerMgCm3()).isEqualTo(70);
        assertThat(s.deposits()).hasSize(1);
        assertThat(s.trueMassMg()).isEqualTo(20);
        double halfDiag = 0.5 * Math.sqrt(2 * 0.4 * 0.4 + 0.5 * 0.5);
        double depositHu = TISSUE + 70 * 400;
        int fullyInside = 0;
        double sum = 0;
        double[] moment = new double[3];
        for (int z = 0; z < ct.depth(); z++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double d = Math.sqrt(sq((i - 12) * 0.4) + sq((j - 12) * 0.4) + sq((z - half) * 0.5));
                    short v = ct.hu(i, j, z);
                    double diff = v - h0[(z * n + j) * n + i];
                    sum += diff;
                    moment[0] += diff * (i - 12) * 0.4;
                    moment[1] += diff * (j - 12) * 0.4;
                    moment[2] += diff * (z - half) * 0.5;
                    if (d < SPHERE_R - halfDiag) {
                        fullyInside++;
                        assertThat(v).as("inside %d %d %d", i, j, z).isEqualTo((short) depositHu);
                        assertThat(s.labels().label(i, j, z)).isEqualTo(CoronaryArtery.LAD.code());
                    } else if (d > SPHERE_R + halfDiag) {
                        assertThat(v).as("outside %d %d %d", i, j, z).isLessThanOrEqualTo((short) TISSUE);
                    } else {
                        assertThat(v).isBetween((short) FAT, (short) depositHu);
                    }
                }
            }
        }
        assertThat(fullyInside).isGreaterThan(100);
        // the box means keep the integral: sum (with - without) x voxel = integral over the sphere of (28040 - background),
        // background tissue or fat, so between 28000 V and 28140 V (V = 50 mm3); 1 % for the jittered sub-sampling
        double integral = sum * 0.4 * 0.4 * 0.5;
        assertThat(integral).isBetween(0.99 * 28000 * 50, 1.01 * 28140 * 50);
        // the image of the sphere is centred on the sphere (the grid's centre): the background under it (tissue or fat)
        // changes the weights by at most 140 / 28000 = 0.5 %, which moves the centroid by less than 0.5 % of R = 0.012 mm
        for (int axis = 0; axis < 3; axis++) {
            assertThat(moment[axis] / sum).as("centroid offset along axis %d, mm", axis).isCloseTo(0, within(0.03));
        }
        // the sphere's centre is 2.29 mm beyond the wall, beyond the 1.5 mm label margin: it is labelled because it is
        // in the deposit
        assertThat(s.labels().label(12, 12, half)).isEqualTo(CoronaryArtery.LAD.code());
    }

    @Test
    void aThickSliceAveragesTheSphereOverItsThickness() {
        // one slice of 6 mm through the sphere's centre, 0.4 mm pixels: the centre voxel's box holds the sphere's chord,
        // 2 sqrt(R^2 - r^2) averaged over the 0.4 x 0.4 mm square (r^2 averages 2 x 0.4^2 / 12), out of 6 mm
        PhantomSpec probe = spec(acq(0.4, 25, 6, 6, 0, 0, 0, 0, 20), new double[3], spotty());
        double[] c = sphereCentre(probe);
        PhantomSpec thick = with(probe, acq(0.4, 15, 6, 6, c[2], c[2], 0, 0, 20));
        CtSynthesizer synth = new CtSynthesizer(K);
        CtVolume ct = synth.render(thick, c[0], c[1]).ct();
        double meanR2 = 2 * 0.4 * 0.4 / 12;
        double f = 2 * SPHERE_R * (1 - meanR2 / (2 * SPHERE_R * SPHERE_R)) / 6;
        // the rest of the box is tissue or fat: between f x 8040 - (1 - f) x 100 and f x 8040 + (1 - f) x 40;
        // 2 % for the jittered sampling of the chord's ends
        double lo = f * 8040 - (1 - f) * 100;
        double hi = f * 8040 + (1 - f) * 40;
        assertThat((double) ct.hu(7, 7, 0)).isBetween(0.98 * lo, 1.02 * hi);
        assertThat(ct.sliceThicknessMm()).isEqualTo(6);
    }

    @Test
    void theCatalogContrastIsUsedWhenTheSpecGivesNoneAndHuAreClampedToShort() {
        // a voxel wholly inside the sphere: 40 + kappa(kV) x 400, kappa(120) = 1/0.75, kappa(80) = 1.362/0.75
        PhantomSpec probe = spec(acq(0.4, 5, 0.5, 0.5, 0, 0, 0, 0, Double.NaN), new double[3], spotty());
        double[] c = sphereCentre(probe);
        AcquisitionSpec a = acq(0.4, 5, 0.5, 0.5, c[2], c[2], 0, 0, Double.NaN);
        CtSynthesizer synth = new CtSynthesizer(K);
        SyntheticScan at120 = synth.render(with(probe, a), c[0], c[1]);
        assertThat(at120.ct().hu(2, 2, 0)).isEqualTo((short) Math.round(40 + 400 / 0.75));
        assertThat(at120.huPerMgCm3()).isCloseTo(1 / 0.75, within(1e-4)); // the catalog holds 1.3333
        AcquisitionSpec at80 = new AcquisitionSpec(80, 0.5, 0.5, 0.4, 5, c[2], c[2], 0, 0, 3, 11, Double.NaN);
        assertThat(synth.render(with(probe, at80), c[0], c[1]).ct().hu(2, 2, 0))
                .isEqualTo((short) Math.round(40 + 1.362 * 400 / 0.75));
        // 40 + 100 x 400 = 40040 HU does not fit a short: stored as 32767
        AcquisitionSpec huge = acq(0.4, 5, 0.5, 0.5, c[2], c[2], 0, 0, 100);
        assertThat(synth.render(with(probe, huge), c[0], c[1]).ct().hu(2, 2, 0)).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void lumenWallFatSleeveAndLabelMarginAroundAnArteryMovedByTheOffset() {
        // the LAD at s = 60 mm with the spec's offset (1.2, -0.8, 2): voxels of 0.4 x 0.4 x 0.5 mm (half diagonal
        // 0.377 mm) centred on points at a distance d from the centre line in its cross-section
        double[] off = {1.2, -0.8, 2};
        ArteryModel lad = CoronaryTree.standard(K, off).artery(CoronaryArtery.LAD);
        double outer = lad.outerRadius(60);
        assertThat(outer - lad.lumenRadius(60)).isCloseTo(0.65, within(1e-12));
        CtSynthesizer synth = new CtSynthesizer(K);
        // centre line: tissue, labelled LAD
        assertVoxel(synth, off, lad.centerline().offsetPoint(60, 0, 0), TISSUE, CoronaryArtery.LAD.code());
        // 1 mm beyond the wall: fat, within the 1.5 mm label margin
        assertVoxel(synth, off, lad.centerline().offsetPoint(60, outer + LABEL_MARGIN - 0.5, 30), FAT,
                CoronaryArtery.LAD.code());
        // 2 mm beyond the wall: still fat (sleeve 2.5 mm), beyond the label margin
        assertVoxel(synth, off, lad.centerline().offsetPoint(60, outer + LABEL_MARGIN + 0.5, 200), FAT,
                CoronaryArtery.NONE);
        // 3.5 mm beyond: the chest (soft tissue here)
        assertVoxel(synth, off, lad.centerline().offsetPoint(60, outer + SLEEVE + 1.0, 120), TISSUE,
                CoronaryArtery.NONE);
        // a voxel centred on the outer wall is sampled on a 3 x 3 x 3 grid symmetric about its centre: the (nearly flat)
        // wall through the centre leaves 13 samples each side and the centre on it, so the mean is (40 - 100) / 2 = -30
        // HU within one sample's share (140 / 27 = 5.2 HU) plus rounding; the same at the fat sleeve's outer edge
        // (fat inside, soft-tissue chest outside)
        SyntheticScan atWall = render(synth, off, lad.centerline().offsetPoint(60, outer, 0), 0.4, 0.5);
        assertThat((double) atWall.ct().hu(1, 1, 0)).isCloseTo((TISSUE + FAT) / 2, within(6.0));
        assertThat(atWall.labels().label(1, 1, 0)).isEqualTo(CoronaryArtery.LAD.code());
        SyntheticScan atSleeve = render(synth, off, lad.centerline().offsetPoint(60, outer + SLEEVE, 250), 0.4, 0.5);
        assertThat((double) atSleeve.ct().hu(1, 1, 0)).isCloseTo((TISSUE + FAT) / 2, within(6.0));
        assertThat(atSleeve.labels().label(1, 1, 0)).isEqualTo(CoronaryArtery.NONE);
    }

    private static SyntheticScan render(CtSynthesizer synth, double[] off, double[] p, double px, double thick) {
        return synth.render(spec(acq(px, 3, thick, thick, p[2], p[2], 0, 0, Double.NaN), off), p[0], p[1]);
    }

    private static void assertVoxel(CtSynthesizer synth, double[] off, double[] p, double hu, byte label) {
        SyntheticScan s = render(synth, off, p, 0.4, 0.5);
        assertThat(s.ct().hu(1, 1, 0)).as("HU at %s", Arrays.toString(p)).isEqualTo((short) hu);
        assertThat(s.labels().label(1, 1, 0)).as("label at %s", Arrays.toString(p)).isEqualTo(label);
    }

    @Test
    void theDefaultFieldOfViewIsCentredOnTheUnshiftedTree() {
        double[] b = CoronaryTree.standard(K, new double[3]).bounds();
        PhantomSpec moved = spec(acq(1, 9, 3, 3, 0, 0, 0, 0, Double.NaN), new double[] {5, -4, 0});
        SyntheticScan s = new CtSynthesizer(K).render(moved);
        assertThat(s.originXMm()).isCloseTo(0.5 * (b[0] + b[3]) - 4, within(1e-9));
        assertThat(s.originYMm()).isCloseTo(0.5 * (b[1] + b[4]) - 4, within(1e-9));
        assertThat(s.tree().artery(CoronaryArtery.LAD).centerline().point(0))
                .containsExactly(new double[] {17.5 + 5, -7 - 4, -2}, within(1e-9));
    }

    @Test
    void noiseHasTheRequestedSdThePsfsCorrelationAndDependsOnlyOnSeedAndSlice() {
        // uniform soft tissue at (60, 80, z 0..3.5), far from arteries, lungs and vertebra; 0.4 mm pixels, FWHM 0.8 mm
        // (sigma 0.849 px, radius 3); noise SD 20 HU. Pixels within 3 of the edge are left out (clamped kernel).
        int n = 64;
        AcquisitionSpec a = acq(0.4, n, 0.5, 0.5, 0, 3.5, 0.8, 20, Double.NaN);
        CtSynthesizer synth = new CtSynthesizer(K);
        CtVolume ct = synth.render(spec(a, new double[3]), 60, 80).ct();
        assertThat(ct.depth()).isEqualTo(8);
        double sum = 0;
        double sum2 = 0;
        double lag = 0;
        int count = 0;
        for (int z = 0; z < 8; z++) {
            for (int j = 3; j < n - 3; j++) {
                for (int i = 3; i < n - 4; i++) {
                    double v = ct.hu(i, j, z) - 40;
                    sum += v;
                    sum2 += v * v;
                    lag += v * (ct.hu(i + 1, j, z) - 40);
                    count++;
                }
            }
        }
        double mean = sum / count;
        double sd = Math.sqrt(sum2 / count - mean * mean);
        // about 27 000 voxels, correlated over about 4 pi sigma^2 = 9 pixels: ~3 000 independent ones,
        // so the SD is known to ~1.3 % and the mean to ~0.4 HU; bounds at about 4 standard errors
        assertThat(mean).isCloseTo(0, within(1.5));
        assertThat(sd).isCloseTo(20, within(1.0));
        // neighbours along x: correlation sum w_i w_(i+1) / sum w_i^2 of the 1-D kernel
        double sigma = 0.8 / (2 * Math.sqrt(2 * Math.log(2))) / 0.4;
        double[] w = new double[7];
        for (int i = -3; i <= 3; i++) {
            w[i + 3] = Math.exp(-0.5 * i * i / (sigma * sigma));
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < 7; i++) {
            den += w[i] * w[i];
            num += i < 6 ? w[i] * w[i + 1] : 0;
        }
        assertThat(lag / count / (sd * sd)).isCloseTo(num / den, within(0.05));
        // same spec and seed: same voxels; another seed: others; each slice its own draw
        assertThat(synth.render(spec(a, new double[3]), 60, 80).ct()).isEqualTo(ct);
        assertThat(synth.render(spec(a.withSeed(12), new double[3]), 60, 80).ct()).isNotEqualTo(ct);
        assertThat(ct.slice(1)).isNotEqualTo(ct.slice(0));
    }

    @Test
    void streamSeedsDifferBySeedSliceAndPurpose() {
        long base = CtSynthesizer.mix(11, 3, 1);
        assertThat(CtSynthesizer.mix(11, 3, 1)).isEqualTo(base);
        assertThat(CtSynthesizer.mix(12, 3, 1)).isNotEqualTo(base);
        assertThat(CtSynthesizer.mix(11, 4, 1)).isNotEqualTo(base);
        assertThat(CtSynthesizer.mix(11, 3, 2)).isNotEqualTo(base);
    }

    private static double sq(double v) {
        return v * v;
    }
}
