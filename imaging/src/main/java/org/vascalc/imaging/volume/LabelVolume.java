package org.vascalc.imaging.volume;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-voxel coronary-artery labels on the same grid as a {@link CtVolume}.
 *
 * <p>Labels are bytes in the same x-fastest, slice-major order as {@link CtVolume}; the code table
 * is {@link CoronaryArtery}: 0 none, 1 LM, 2 LAD, 3 LCX, 4 RCA; codes 5..255 are reserved and
 * rejected by the constructor. The geometry fields mean exactly what they mean in {@link CtVolume}.
 * Arrays are copied in and out, so an instance cannot change after construction.
 */
public final class LabelVolume {

    private final int width;
    private final int height;
    private final int depth;
    private final byte[] labels;
    private final double pixelSpacingXMm;
    private final double pixelSpacingYMm;
    private final double[] slicePositionsZMm;
    private final double sliceThicknessMm;

    /**
     * @param labels label codes, x-fastest, length {@code width * height * depth}, each 0..4; copied
     * @throws IllegalArgumentException on inconsistent geometry or a reserved code (naming its voxel)
     */
    public LabelVolume(int width, int height, int depth, byte[] labels,
                       double pixelSpacingXMm, double pixelSpacingYMm, double[] slicePositionsZMm,
                       double sliceThicknessMm) {
        CtVolume.checkGeometry(width, height, depth, pixelSpacingXMm, pixelSpacingYMm, slicePositionsZMm,
                sliceThicknessMm);
        Objects.requireNonNull(labels, "labels");
        if (labels.length != width * height * depth) {
            throw new IllegalArgumentException("labels has " + labels.length + " voxels, expected "
                    + width + "*" + height + "*" + depth + " = " + (width * height * depth));
        }
        for (int i = 0; i < labels.length; i++) {
            if (!CoronaryArtery.isValidCode(labels[i] & 0xFF)) {
                int x = i % width;
                int y = (i / width) % height;
                int z = i / (width * height);
                throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " at voxel (" + x + "," + y
                        + "," + z + ") is reserved (allowed: 0 none, 1 LM, 2 LAD, 3 LCX, 4 RCA)");
            }
        }
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.labels = labels.clone();
        this.pixelSpacingXMm = pixelSpacingXMm;
        this.pixelSpacingYMm = pixelSpacingYMm;
        this.slicePositionsZMm = slicePositionsZMm.clone();
        this.sliceThicknessMm = sliceThicknessMm;
    }

    /** An all-background label volume on the grid of {@code ct}. */
    public static LabelVolume emptyLike(CtVolume ct) {
        return new LabelVolume(ct.width(), ct.height(), ct.depth(), new byte[ct.voxelCount()],
                ct.pixelSpacingXMm(), ct.pixelSpacingYMm(), ct.slicePositionsZMm(), ct.sliceThicknessMm());
    }

    public int width() { return width; }

    public int height() { return height; }

    public int depth() { return depth; }

    /** Number of voxels, {@code width * height * depth}. */
    public int voxelCount() { return labels.length; }

    /** Label code (0..4) at column x, row y, slice z. */
    public int label(int x, int y, int z) {
        return labels[CtVolume.voxelIndex(x, y, z, width, height, depth)];
    }

    /** A copy of all label codes, x-fastest, slice-major. */
    public byte[] labels() { return labels.clone(); }

    public double pixelSpacingXMm() { return pixelSpacingXMm; }

    public double pixelSpacingYMm() { return pixelSpacingYMm; }

    /** A copy of the slice centre z positions in mm. */
    public double[] slicePositionsZMm() { return slicePositionsZMm.clone(); }

    public double sliceThicknessMm() { return sliceThicknessMm; }

    /** Whether this label map lies on exactly the grid of {@code ct}. */
    public boolean matches(CtVolume ct) {
        return ct.sameGeometry(width, height, depth, pixelSpacingXMm, pixelSpacingYMm, slicePositionsZMm,
                sliceThicknessMm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelVolume v && width == v.width && height == v.height && depth == v.depth
                && pixelSpacingXMm == v.pixelSpacingXMm && pixelSpacingYMm == v.pixelSpacingYMm
                && sliceThicknessMm == v.sliceThicknessMm && Arrays.equals(slicePositionsZMm, v.slicePositionsZMm)
                && Arrays.equals(labels, v.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, depth, pixelSpacingXMm, pixelSpacingYMm, sliceThicknessMm,
                Arrays.hashCode(slicePositionsZMm), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "LabelVolume[" + width + "x" + height + "x" + depth + "]";
    }
}
