package org.vascalc.imaging.dicom;

import java.util.Random;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/** Small deterministic volumes for the DICOM tests. */
final class TestVolumes {

    private TestVolumes() {
    }

    /** A volume with air, soft tissue and a few calcium-like and extreme voxels, seeded. */
    static CtVolume ct(int width, int height, int depth, long seed) {
        Random random = new Random(seed);
        short[] hu = new short[width * height * depth];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (short) (random.nextInt(2200) - 1100);
        }
        hu[0] = Short.MIN_VALUE;
        hu[hu.length - 1] = Short.MAX_VALUE;
        double[] z = new double[depth];
        for (int k = 0; k < depth; k++) {
            z[k] = -120.5 + 2.5 * k;
        }
        return new CtVolume(width, height, depth, hu, 0.390625, 0.4, z, 3.0, 120);
    }

    static LabelVolume labels(CtVolume ct, long seed) {
        Random random = new Random(seed);
        byte[] labels = new byte[ct.voxelCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) random.nextInt(5);
        }
        return new LabelVolume(ct.width(), ct.height(), ct.depth(), labels, ct.pixelSpacingXMm(),
                ct.pixelSpacingYMm(), ct.slicePositionsZMm(), ct.sliceThicknessMm());
    }
}
