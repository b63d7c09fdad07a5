package org.vascalc.imaging.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vascalc.imaging.phantom.AcquisitionSpec;
import org.vascalc.imaging.phantom.Chest;
import org.vascalc.imaging.phantom.CoronaryTree;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.phantom.PhantomParameters;
import org.vascalc.imaging.phantom.PhantomSpec;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Renders a {@link PhantomSpec} into a CT volume and label map.
 *
 * <ol>
 *   <li>Partial volume and slice profile: each voxel is the mean of the object over its box
 *       (pixel &times; pixel &times; slice thickness, centred on the slice position), sampled on a
 *       grid of sub-points near arteries and on a finer, jittered grid near deposits.</li>
 *   <li>Point spread: an in-plane Gaussian of the given FWHM.</li>
 *   <li>Noise: white Gaussian noise blurred by the same PSF and scaled to the requested standard
 *       deviation, drawn per slice from a stream seeded by (seed, slice): the same spec and seed
 *       give the same voxels.</li>
 *   <li>Rounding to integer HU, as a scanner stores them.</li>
 * </ol>
 * The field of view is centred on the unshifted tree, so the spec's offset moves the anatomy in the
 * image (that is how translation invariance is tested).
 */
public final class CtSynthesizer {

    private final PhantomParameters k;

    /** A synthesizer with the phantom parameters {@code k} (anatomy, deposit shapes, HA contrast). */
    public CtSynthesizer(PhantomParameters k) {
        this.k = k;
    }

    /** A synthesizer with the catalog's phantom parameters ({@link PhantomParameters#defaults()}). */
    public CtSynthesizer() {
        this(PhantomParameters.defaults());
    }

    /** Places the deposits of {@code spec} in its tree (no rendering). */
    public List<Deposit> place(PhantomSpec spec, CoronaryTree tree) {
        List<Deposit> out = new ArrayList<>();
        for (LesionSpec l : spec.lesions()) {
            out.add(Deposit.place(l, tree.artery(l.artery()), k));
        }
        return out;
    }

    /** Renders with the field of view centred on the unshifted coronary tree. */
    public SyntheticScan render(PhantomSpec spec) {
        double[] home = CoronaryTree.standard(k, new double[3]).bounds();
        return render(spec, 0.5 * (home[0] + home[3]), 0.5 * (home[1] + home[4]));
    }

    /** Renders with the field of view centred on ({@code cx}, {@code cy}) mm in patient coordinates. */
    public SyntheticScan render(PhantomSpec spec, double cx, double cy) {
        AcquisitionSpec a = spec.acquisition();
        CoronaryTree tree = CoronaryTree.standard(k, spec.offsetMm());
        List<Deposit> deposits = place(spec, tree);
        double huPer = Double.isNaN(a.huPerMgCm3()) ? k.haHuPerMgCm3(a.kvp()) : a.huPerMgCm3();
        double px = a.pixelSpacingMm();
        double thick = a.sliceThicknessMm();
        double halfDiag = 0.5 * Math.sqrt(2 * px * px + thick * thick);
        Scene scene = new Scene(tree, new Chest(k, spec.offsetMm()), deposits, k, huPer, halfDiag);
        Scene.Probe probe = new Scene.Probe();

        int n = a.matrix();
        int depth = a.sliceCount();
        double xStart = cx - (n - 1) / 2.0 * px;
        double yStart = cy - (n - 1) / 2.0 * px;
        short[] hu = new short[n * n * depth];
        byte[] labels = new byte[n * n * depth];
        double[] zs = new double[depth];
        float[] img = new float[n * n];
        float[] noise = new float[n * n];
        float[] scratch = new float[n * n];
        GaussianPsf psf = new GaussianPsf(a.psfFwhmMm(), px);
        double noiseScale = a.noiseSdHu() / Math.sqrt(psf.noiseVarianceGain());
        int ss = a.supersampling();
        int zCoarse = Math.max(ss, (int) Math.ceil(thick / px));
        int ssFine = 2 * ss;
        int zFine = 2 * zCoarse;
        for (int z = 0; z < depth; z++) {
            double zc = a.zStartMm() + z * a.sliceIncrementMm();
            zs[z] = zc;
            SplittableRandom jitter = new SplittableRandom(mix(a.seed(), z, 0x5EED));
            for (int j = 0; j < n; j++) {
                double yc = yStart + j * px;
                for (int i = 0; i < n; i++) {
                    double xc = xStart + i * px;
                    int p = j * n + i;
                    if (!scene.prepare(xc, yc, zc, probe)) {
                        img[p] = (float) scene.chestHu(xc, yc, zc);
                        continue;
                    }
                    labels[z * n * n + p] = probe.label;
                    if (!deposits.isEmpty() && scene.nearADeposit(halfDiag, probe)) {
                        img[p] = (float) voxelMean(scene, probe, xc, yc, zc, px, thick, ssFine, zFine, jitter);
                        continue;
                    }
                    double uniform = scene.uniformHu(xc, yc, zc, halfDiag, probe);
                    img[p] = (float) (Double.isNaN(uniform)
                            ? voxelMean(scene, probe, xc, yc, zc, px, thick, ss, zCoarse, null) : uniform);
                }
            }
            psf.apply(img, n, scratch);
            if (a.noiseSdHu() > 0) {
                SplittableRandom rnd = new SplittableRandom(mix(a.seed(), z, 0xC0FFEE));
                for (int p = 0; p < n * n; p++) {
                    noise[p] = (float) rnd.nextGaussian();
                }
                psf.apply(noise, n, scratch);
                for (int p = 0; p < n * n; p++) {
                    img[p] += (float) (noiseScale * noise[p]);
                }
            }
            for (int p = 0; p < n * n; p++) {
                long v = Math.round(img[p]);
                hu[z * n * n + p] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            }
        }
        CtVolume ct = new CtVolume(n, n, depth, hu, px, px, zs, thick, a.kvp());
        LabelVolume lv = new LabelVolume(n, n, depth, labels, px, px, zs, thick);
        return new SyntheticScan(spec, ct, lv, deposits, huPer, xStart, yStart, tree);
    }

    /** Mean HU over the voxel box; sub-points on a regular grid, or jittered within their cells if {@code jitter} is given. */
    private static double voxelMean(Scene scene, Scene.Probe probe, double xc, double yc, double zc, double px,
                                    double thick, int ss, int sz, SplittableRandom jitter) {
        double sum = 0;
        double dxy = px / ss;
        double dz = thick / sz;
        for (int kz = 0; kz < sz; kz++) {
            for (int ky = 0; ky < ss; ky++) {
                for (int kx = 0; kx < ss; kx++) {
                    double ox = jitter == null ? 0.5 : jitter.nextDouble();
                    double oy = jitter == null ? 0.5 : jitter.nextDouble();
                    double oz = jitter == null ? 0.5 : jitter.nextDouble();
                    double x = xc - px / 2 + (kx + ox) * dxy;
                    double y = yc - px / 2 + (ky + oy) * dxy;
                    double z = zc - thick / 2 + (kz + oz) * dz;
                    sum += scene.hu(x, y, z, probe);
                }
            }
        }
        return sum / (ss * ss * sz);
    }

    /** A stream seed from (seed, slice, purpose) that does not depend on the order slices are made in. */
    static long mix(long seed, int slice, int purpose) {
        long h = seed * 0x9E3779B97F4A7C15L + slice * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        h ^= h >>> 31;
        h *= 0xD6E8FEB86659FD93L;
        return h ^ (h >>> 32);
    }
}
