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

    /** A slice increment above this multiple of the slice thickness leaves a gap between slices worth saying. */
    public static final double SPARSE_FACTOR = 1.5;

    /**
     * A warning for a stack whose slices are evenly much farther apart than they are thick (50 mm apart, 3 mm
     * thick): the score reads, but most of the length was never imaged and the 3-mm normalisation (increment
     * / 3 mm) counts each slice's calcium as if it filled its whole step. A warning, not a refusal: a phantom
     * spec may be gapped on purpose (its increment up to 5 mm, its thickness down to 0.5 mm, PhantomSpecCheck),
     * and {@code vascalc score} scores the phantom's series (leftovers16). Empty for one slice or increment at
     * most {@link #SPARSE_FACTOR} times the thickness; {@link #of}'s exception for an irregular stack.
     */
    public static java.util.Optional<String> sparseNote(CtVolume ct) {
        double thickness = ct.sliceThicknessMm();
        double increment = of(ct).sliceIncrementMm();
        if (ct.depth() < 2 || !(increment > SPARSE_FACTOR * thickness)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "the slices are %s mm apart but %s mm thick "
                + "(%d slices, z = %s to %s mm): %.0f %% of the length between the first and the last was not imaged, "
                + "and the score's normalisation (increment / 3 mm = %s) counts each slice's calcium as if it filled "
                + "its whole step; the score is not comparable with a contiguous scan's (spacing equal to the "
                + "thickness, 3 mm for Agatston's)", mm(increment), mm(thickness), ct.depth(),
                mm(ct.slicePositionZMm(0)), mm(ct.slicePositionZMm(ct.depth() - 1)),
                100 * (1 - thickness / increment), mm(increment / 3)));
    }

    /** A length in mm as a header writes it: 3, 2.5, 0.625. */
    private static String mm(double v) {
        return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
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
