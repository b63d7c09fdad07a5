package org.vascalc.imaging.experiment;

import org.vascalc.imaging.phantom.ArteryModel;
import org.vascalc.imaging.phantom.Centerline;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Lesion;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CtVolume;

/**
 * What a reader could measure on the scored calcium of one artery, beyond the scores: peak HU, the
 * number of 2-D lesions, how much of the circumference the calcium covers in its fullest slice, its
 * mean distance from the artery's axis (HU-excess weighted) and its extent along z. The axis is the
 * phantom's true centre line, standing in for the one a reader or a segmentation takes from the
 * visible vessel.
 *
 * @param peakHu     highest HU in any lesion
 * @param lesions    number of scored 2-D lesions
 * @param arcDeg     circumferential coverage in the fullest slice, degrees (10-degree bins)
 * @param radiusMm   HU-excess-weighted mean distance of lesion voxels from the axis, mm
 * @param zExtentMm  from the first to the last lesion slice, including one increment, mm
 */
public record ImageFeatures(double peakHu, double lesions, double arcDeg, double radiusMm, double zExtentMm) {

    private static final int BINS = 36;

    static ImageFeatures measure(SyntheticScan scan, CalciumScore score, ArteryModel artery, double backgroundHu) {
        CtVolume ct = scan.ct();
        int w = ct.width();
        int n = w * ct.height();
        Centerline c = artery.centerline();
        double[] local = new double[3];
        boolean[][] bins = new boolean[ct.depth()][BINS];
        double weightSum = 0;
        double radiusSum = 0;
        int peak = Integer.MIN_VALUE;
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Lesion l : score.lesions()) {
            peak = Math.max(peak, l.peakHu());
            first = Math.min(first, l.firstSlice());
            last = Math.max(last, l.lastSlice());
            for (int k = 0; k < l.voxelIndexCount(); k++) {
                int v = l.voxel(k);
                int z = v / n;
                int r = v - z * n;
                double x = scan.originXMm() + (r % w) * ct.pixelSpacingXMm();
                double y = scan.originYMm() + (r / w) * ct.pixelSpacingYMm();
                double zz = ct.slicePositionZMm(z);
                int nearest = nearest(c, x, y, zz);
                c.local(nearest, x, y, zz, local);
                int bin = (int) Math.floor((local[2] + 180) / 360 * BINS) % BINS;
                bins[z][bin] = true;
                double excess = Math.max(0, ct.hu(r % w, r / w, z) - backgroundHu);
                weightSum += excess;
                radiusSum += excess * local[1];
            }
        }
        int maxBins = 0;
        for (boolean[] b : bins) {
            int count = 0;
            for (boolean x : b) {
                count += x ? 1 : 0;
            }
            maxBins = Math.max(maxBins, count);
        }
        double increment = ct.depth() > 1 ? ct.slicePositionZMm(1) - ct.slicePositionZMm(0) : ct.sliceThicknessMm();
        return new ImageFeatures(last < 0 ? Double.NaN : peak, score.lesions().size(), maxBins * 360.0 / BINS,
                weightSum > 0 ? radiusSum / weightSum : Double.NaN, last < 0 ? 0 : (last - first + 1) * increment);
    }

    private static int nearest(Centerline c, double x, double y, double z) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < c.pointCount(); i++) {
            double d = sq(c.x(i) - x) + sq(c.y(i) - y) + sq(c.z(i) - z);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static double sq(double v) {
        return v * v;
    }
}
