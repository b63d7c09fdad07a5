package org.vascalc.imaging.volume;

import java.util.Arrays;
import java.util.Objects;

/**
 * An axial CT volume in Hounsfield units: the one image type shared by the DICOM layer, the
 * synthetic-CT generator and the calcium scorer.
 *
 * <p>Voxels are stored as {@code short} HU values in x-fastest order, slice-major: the voxel at
 * column {@code x}, row {@code y}, slice {@code z} is {@code hu[(z * height + y) * width + x]}. Rows
 * run anterior to posterior and columns right to left of the patient as in a standard axial DICOM
 * image (orientation 1\0\0\0\1\0); other orientations are not represented.
 *
 * <p>Geometry is kept as it is in DICOM, not resampled: in-plane pixel spacing in mm, the z position
 * (mm, patient coordinates) of every slice, strictly increasing, and the nominal reconstructed slice
 * thickness in mm, which may differ from the spacing between positions (overlapping or gapped
 * reconstructions). The tube voltage in kVp matters to the scorer because the Agatston 130 HU
 * threshold is defined at 120 kVp.
 *
 * <p>The constructor copies both arrays and the accessors return copies, so an instance cannot be
 * changed after construction; {@link #hu(int, int, int)} reads without copying for hot loops.
 */
public final class CtVolume {

    /** Lowest HU a 16-bit signed voxel can hold (air is about -1000). */
    public static final int MIN_HU = Short.MIN_VALUE;
    /** Highest HU a 16-bit signed voxel can hold. */
    public static final int MAX_HU = Short.MAX_VALUE;
    /** Largest number of voxels accepted: 2^31-1 is the Java array limit. */
    public static final long MAX_VOXELS = Integer.MAX_VALUE - 8L;

    private final int width;
    private final int height;
    private final int depth;
    private final short[] hu;
    private final double pixelSpacingXMm;
    private final double pixelSpacingYMm;
    private final double[] slicePositionsZMm;
    private final double sliceThicknessMm;
    private final double kvp;
    private final double stackTiltDeg;
    private final double gantryTiltDeg;

    /**
     * @param width columns per slice (x), at least 1
     * @param height rows per slice (y), at least 1
     * @param depth number of slices (z), at least 1
     * @param hu voxel values in HU, x-fastest, length {@code width * height * depth}; copied
     * @param pixelSpacingXMm column spacing in mm, finite and &gt; 0
     * @param pixelSpacingYMm row spacing in mm, finite and &gt; 0
     * @param slicePositionsZMm z of each slice centre in mm, length {@code depth}, strictly increasing; copied
     * @param sliceThicknessMm nominal slice thickness in mm, finite and &gt; 0
     * @param kvp tube peak voltage in kV, finite and &gt; 0
     * @throws IllegalArgumentException naming the first inconsistent argument and its value
     */
    public CtVolume(int width, int height, int depth, short[] hu,
                    double pixelSpacingXMm, double pixelSpacingYMm, double[] slicePositionsZMm,
                    double sliceThicknessMm, double kvp) {
        this(width, height, depth, hu, pixelSpacingXMm, pixelSpacingYMm, slicePositionsZMm, sliceThicknessMm, kvp, 0, 0);
    }

    /**
     * A volume whose slices are not stacked straight along z (review8): each slice is a true axial image,
     * but slice i's origin is shifted in x/y against slice 0's, as a gantry-tilted acquisition written as
     * axial images is (Image Position (Patient) drifting with z). Such a stack is kept as it is, not
     * resampled: a 2-D score, slice by slice, is exact on it; anything that joins voxels across slices
     * (3-D lesions) is not, and the scorer refuses it.
     *
     * @param stackTiltDeg the largest angle, degrees, between the z axis and the line from slice 0's
     *     origin to another slice's (0 for a straight stack), finite, 0 to &lt; 90
     * @param gantryTiltDeg the nominal Gantry/Detector Tilt (0018,1120) the series states, degrees (0 when
     *     absent), finite; only reported
     */
    public CtVolume(int width, int height, int depth, short[] hu,
                    double pixelSpacingXMm, double pixelSpacingYMm, double[] slicePositionsZMm,
                    double sliceThicknessMm, double kvp, double stackTiltDeg, double gantryTiltDeg) {
        if (!(stackTiltDeg >= 0 && stackTiltDeg < 90)) {
            throw new IllegalArgumentException("stack tilt must be 0 to < 90 degrees, got " + stackTiltDeg);
        }
        if (!Double.isFinite(gantryTiltDeg)) {
            throw new IllegalArgumentException("gantry tilt must be finite, got " + gantryTiltDeg);
        }
        checkGeometry(width, height, depth, pixelSpacingXMm, pixelSpacingYMm, slicePositionsZMm,
                sliceThicknessMm);
        Objects.requireNonNull(hu, "hu");
        if (hu.length != width * height * depth) {
            throw new IllegalArgumentException("hu has " + hu.length + " voxels, expected width*height*depth = "
                    + width + "*" + height + "*" + depth + " = " + (width * height * depth));
        }
        requirePositive("kvp (kV)", kvp);
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.hu = hu.clone();
        this.pixelSpacingXMm = pixelSpacingXMm;
        this.pixelSpacingYMm = pixelSpacingYMm;
        this.slicePositionsZMm = slicePositionsZMm.clone();
        this.sliceThicknessMm = sliceThicknessMm;
        this.kvp = kvp;
        this.stackTiltDeg = stackTiltDeg;
        this.gantryTiltDeg = gantryTiltDeg;
    }

    /** Checks the geometry shared by {@link CtVolume} and {@link LabelVolume}. */
    static void checkGeometry(int width, int height, int depth, double spacingX, double spacingY,
                              double[] zPositions, double thickness) {
        if (width < 1 || height < 1 || depth < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got width=" + width
                    + " height=" + height + " depth=" + depth);
        }
        if ((long) width * height * depth > MAX_VOXELS) {
            throw new IllegalArgumentException("volume of " + width + "x" + height + "x" + depth
                    + " voxels exceeds the limit of " + MAX_VOXELS);
        }
        requirePositive("pixel spacing x (mm)", spacingX);
        requirePositive("pixel spacing y (mm)", spacingY);
        requirePositive("slice thickness (mm)", thickness);
        Objects.requireNonNull(zPositions, "slicePositionsZMm");
        if (zPositions.length != depth) {
            throw new IllegalArgumentException("slice positions has " + zPositions.length
                    + " entries, expected depth = " + depth);
        }
        for (int z = 0; z < depth; z++) {
            if (!Double.isFinite(zPositions[z])) {
                throw new IllegalArgumentException("slice position " + z + " is not finite: " + zPositions[z]);
            }
            if (z > 0 && !(zPositions[z] > zPositions[z - 1])) {
                throw new IllegalArgumentException("slice positions must increase strictly, but slice " + z
                        + " is at " + zPositions[z] + " mm after " + zPositions[z - 1] + " mm");
            }
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    public int width() { return width; }

    public int height() { return height; }

    public int depth() { return depth; }

    /** Number of voxels, {@code width * height * depth}. */
    public int voxelCount() { return hu.length; }

    /** HU at column x, row y, slice z (no copy; bounds checked by the array). */
    public short hu(int x, int y, int z) {
        return hu[voxelIndex(x, y, z, width, height, depth)];
    }

    /**
     * The index of voxel (x, y, z) in an x-fastest, slice-major array of a width x height x depth
     * grid ({@link CtVolume} and {@link LabelVolume}); a voxel outside it is refused with its indices
     * and the grid's size.
     */
    static int voxelIndex(int x, int y, int z, int width, int height, int depth) {
        if (x < 0 || x >= width || y < 0 || y >= height || z < 0 || z >= depth) {
            throw new IndexOutOfBoundsException("voxel (" + x + "," + y + "," + z + ") outside "
                    + width + "x" + height + "x" + depth);
        }
        return (z * height + y) * width + x;
    }

    /** A copy of all voxels in HU, x-fastest, slice-major. */
    public short[] huVoxels() { return hu.clone(); }

    /** A copy of one slice's voxels in HU, x-fastest. */
    public short[] slice(int z) {
        if (z < 0 || z >= depth) {
            throw new IndexOutOfBoundsException("slice " + z + " outside 0.." + (depth - 1));
        }
        int n = width * height;
        return Arrays.copyOfRange(hu, z * n, (z + 1) * n);
    }

    public double pixelSpacingXMm() { return pixelSpacingXMm; }

    public double pixelSpacingYMm() { return pixelSpacingYMm; }

    /** A copy of the slice centre z positions in mm, strictly increasing. */
    public double[] slicePositionsZMm() { return slicePositionsZMm.clone(); }

    /** z position of slice {@code z} in mm. */
    public double slicePositionZMm(int z) { return slicePositionsZMm[z]; }

    public double sliceThicknessMm() { return sliceThicknessMm; }

    /** Tube peak voltage in kV. */
    public double kvp() { return kvp; }

    /** Angle between the z axis and the slices' drifting origins, degrees; 0 for a straight stack. */
    public double stackTiltDeg() { return stackTiltDeg; }

    /** The nominal Gantry/Detector Tilt the series states, degrees; 0 when it states none. */
    public double gantryTiltDeg() { return gantryTiltDeg; }

    /** Whether {@code other} has the same dimensions, spacing, slice positions and thickness. */
    public boolean sameGeometry(int otherWidth, int otherHeight, int otherDepth, double otherSpacingX,
                                double otherSpacingY, double[] otherZ, double otherThickness) {
        return width == otherWidth && height == otherHeight && depth == otherDepth
                && pixelSpacingXMm == otherSpacingX && pixelSpacingYMm == otherSpacingY
                && Arrays.equals(slicePositionsZMm, otherZ) && sliceThicknessMm == otherThickness;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtVolume v
                && sameGeometry(v.width, v.height, v.depth, v.pixelSpacingXMm, v.pixelSpacingYMm,
                        v.slicePositionsZMm, v.sliceThicknessMm)
                && Double.compare(kvp, v.kvp) == 0 && Double.compare(stackTiltDeg, v.stackTiltDeg) == 0
                && Double.compare(gantryTiltDeg, v.gantryTiltDeg) == 0 && Arrays.equals(hu, v.hu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, depth, pixelSpacingXMm, pixelSpacingYMm, sliceThicknessMm, kvp, stackTiltDeg,
                Arrays.hashCode(slicePositionsZMm), Arrays.hashCode(hu));
    }

    @Override
    public String toString() {
        return "CtVolume[" + width + "x" + height + "x" + depth + ", spacing " + pixelSpacingXMm + "x"
                + pixelSpacingYMm + " mm, thickness " + sliceThicknessMm + " mm, z " + slicePositionsZMm[0]
                + ".." + slicePositionsZMm[depth - 1] + " mm, " + kvp + " kVp"
                + (stackTiltDeg > 0 ? ", sheared stack " + stackTiltDeg + " deg" : "")
                + (gantryTiltDeg != 0 ? ", gantry tilt " + gantryTiltDeg + " deg" : "") + "]";
    }
}
