package org.vascalc.imaging.score;

import org.vascalc.imaging.volume.CtVolume;

/**
 * What the scorer needs to know about a grid: size, in-plane spacing, the slice increment (the
 * spacing between slice centres, which is what the 3-mm normalisation and the voxel volume use, not
 * the nominal thickness), the tube voltage, and whether the stack is sheared (a gantry-tilted series
 * written as axial images: {@link CtVolume#stackTiltDeg()}, 0 when straight) or states a gantry tilt.
 */
public record ScanGeometry(int width, int height, int depth, double pixelSpacingXMm, double pixelSpacingYMm,
                           double sliceIncrementMm, double kvp, double stackTiltDeg, double gantryTiltDeg) {

    /** Slice increments may differ by this fraction from their median before the grid is called irregular. */
    static final double INCREMENT_TOLERANCE = 0.01;

    public ScanGeometry {
        if (width < 1 || height < 1 || depth < 1) {
            throw new IllegalArgumentException("grid must be at least 1x1x1, got " + width + "x" + height + "x" + depth);
        }
        positive("pixel spacing x (mm)", pixelSpacingXMm);
        positive("pixel spacing y (mm)", pixelSpacingYMm);
        positive("slice increment (mm)", sliceIncrementMm);
        positive("tube voltage (kV)", kvp);
        if (!(stackTiltDeg >= 0 && stackTiltDeg < 90) || !Double.isFinite(gantryTiltDeg)) {
            throw new IllegalArgumentException("stack tilt must be 0 to < 90 degrees and gantry tilt finite, got "
                    + stackTiltDeg + " and " + gantryTiltDeg);
        }
    }

    /** A straight stack that states no gantry tilt. */
    public ScanGeometry(int width, int height, int depth, double pixelSpacingXMm, double pixelSpacingYMm,
                        double sliceIncrementMm, double kvp) {
        this(width, height, depth, pixelSpacingXMm, pixelSpacingYMm, sliceIncrementMm, kvp, 0, 0);
    }

    /**
     * The geometry of a CT volume. The increment is the median spacing of slice positions (the
     * thickness if there is one slice).
     *
     * @throws IllegalArgumentException if slice spacing varies by more than 1 %: Agatston's increment
     *                                  normalisation has no meaning on an irregular stack
     */
    public static ScanGeometry of(CtVolume ct) {
        double increment = ct.sliceThicknessMm();
        if (ct.depth() > 1) {
            double[] d = new double[ct.depth() - 1];
            for (int z = 1; z < ct.depth(); z++) {
                d[z - 1] = ct.slicePositionZMm(z) - ct.slicePositionZMm(z - 1);
            }
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            increment = sorted[sorted.length / 2];
            for (int z = 0; z < d.length; z++) {
                if (Math.abs(d[z] - increment) > INCREMENT_TOLERANCE * increment) {
                    throw new IllegalArgumentException("slice spacing is irregular: " + d[z] + " mm between slices "
                            + z + " and " + (z + 1) + ", median " + increment + " mm");
                }
            }
        }
        return new ScanGeometry(ct.width(), ct.height(), ct.depth(), ct.pixelSpacingXMm(), ct.pixelSpacingYMm(),
                increment, ct.kvp(), ct.stackTiltDeg(), ct.gantryTiltDeg());
    }

    public double pixelAreaMm2() {
        return pixelSpacingXMm * pixelSpacingYMm;
    }

    public double voxelVolumeMm3() {
        return pixelAreaMm2() * sliceIncrementMm;
    }

    public int voxelCount() {
        return width * height * depth;
    }

    private static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
