package org.vascalc.imaging.score;

/**
 * One scored lesion: a connected group of candidate voxels in one artery. In the 2-D modes it lies
 * in one slice; in {@link Connectivity#VOLUMETRIC_26} it may span several.
 *
 * @param id            1-based, in scan order (slice, row, column of its first voxel)
 * @param territory     artery it belongs to
 * @param firstSlice    first slice index
 * @param lastSlice     last slice index
 * @param voxelCount    candidate voxels
 * @param areaMm2       summed in-plane area over its slices, mm&sup2;
 * @param peakHu        highest HU
 * @param weight        Agatston density weight 1..4 (3-D: the highest over its slices)
 * @param agatston      its Agatston score (after the increment normalisation, if on)
 * @param volumeMm3     voxels &times; voxel volume, mm&sup3;
 * @param massMg        calibrated hydroxyapatite mass, mg
 * @param centroidXMm   in-plane centroid, mm from the first column's centre
 * @param centroidYMm   in-plane centroid, mm from the first row's centre
 * @param voxels        indices into the volume (x-fastest, slice-major), for drawing outlines
 */
public record Lesion(int id, Territory territory, int firstSlice, int lastSlice, int voxelCount, double areaMm2,
                     int peakHu, int weight, double agatston, double volumeMm3, double massMg,
                     double centroidXMm, double centroidYMm, int[] voxels) {

    public Lesion {
        voxels = voxels.clone();
    }

    @Override
    public int[] voxels() {
        return voxels.clone();
    }

    /** Number of voxel indices without copying them. */
    public int voxelIndexCount() {
        return voxels.length;
    }

    /** The {@code k}-th voxel index. */
    public int voxel(int k) {
        return voxels[k];
    }

    // records compare array components by identity; a lesion is its voxels, so compare their contents

    @Override
    public boolean equals(Object o) {
        return o instanceof Lesion l && id == l.id && territory == l.territory && firstSlice == l.firstSlice
                && lastSlice == l.lastSlice && voxelCount == l.voxelCount && peakHu == l.peakHu && weight == l.weight
                && Double.compare(areaMm2, l.areaMm2) == 0 && Double.compare(agatston, l.agatston) == 0
                && Double.compare(volumeMm3, l.volumeMm3) == 0 && Double.compare(massMg, l.massMg) == 0
                && Double.compare(centroidXMm, l.centroidXMm) == 0 && Double.compare(centroidYMm, l.centroidYMm) == 0
                && java.util.Arrays.equals(voxels, l.voxels);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, territory, firstSlice, voxelCount, peakHu, agatston,
                java.util.Arrays.hashCode(voxels));
    }

    @Override
    public String toString() {
        return "Lesion[#" + id + " " + territory + " slices " + firstSlice + "-" + lastSlice + ", " + voxelCount
                + " voxels, peak " + peakHu + " HU, weight " + weight + ", Agatston " + agatston + "]";
    }
}
