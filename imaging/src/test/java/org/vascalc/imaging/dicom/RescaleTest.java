package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.volume.CtVolume;

/**
 * Stored values become HU as {@code stored x Rescale Slope + Rescale Intercept} (PS3.3 C.11.1.1.2),
 * rounded to whole HU, and a value that leaves the 16-bit range is refused, not wrapped. The writer
 * always writes slope 1 and intercept 0, so the round-trip tests never saw another rescale; mutation
 * testing (docs/testing.md, imaging 2026-12-04) found both rescale paths and the range check unchecked.
 */
class RescaleTest {

    @TempDir
    Path tmp;

    /** Writes {@code ct} (stored values = its HU) and rewrites every slice with the given slope and intercept. */
    private Path seriesWithRescale(CtVolume ct, String name, double slope, double intercept) throws IOException {
        Path folder = tmp.resolve(name);
        CtSeriesWriter.writeCt(ct, SeriesInfo.synthetic(name), folder);
        DataSet rescale = new DataSetBuilder("x").decimal(Tag.RESCALE_INTERCEPT, intercept)
                .decimal(Tag.RESCALE_SLOPE, slope).build();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                DataSet ds = new DicomReader().read(p).dataSet();
                Map<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
                elements.putAll(ds.elements());
                elements.put(Tag.RESCALE_INTERCEPT, rescale.element(Tag.RESCALE_INTERCEPT).orElseThrow());
                elements.put(Tag.RESCALE_SLOPE, rescale.element(Tag.RESCALE_SLOPE).orElseThrow());
                Files.write(p, DicomWriter.encode(new DataSet(ds.source(), elements),
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
            }
        }
        return folder;
    }

    /** A 4x3x2 volume of stored values from -1001 to 1046 in steps of 89, away from the 16-bit limits. */
    private static CtVolume stored() {
        short[] v = new short[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) (i * 89 - 1001);
        }
        return new CtVolume(4, 3, 2, v, 0.5, 0.5, new double[] {0, 3}, 3, 120);
    }

    @Test
    void anIntegerSlopeAndInterceptGiveStoredTimesSlopePlusIntercept() throws IOException {
        CtVolume s = stored();
        CtVolume hu = new DicomSeriesReader().readCt(seriesWithRescale(s, "int", 2, -1024));
        short[] in = s.huVoxels();
        short[] out = hu.huVoxels();
        for (int i = 0; i < in.length; i++) {
            assertThat(out[i]).as("voxel %d", i).isEqualTo((short) (in[i] * 2 - 1024));
        }
    }

    @Test
    void aFractionalSlopeAndInterceptAreRoundedToTheNearestHu() throws IOException {
        // stored x 0.5 + 10.25 ends in .25 or .75, never a tie: the nearest whole HU is unambiguous
        CtVolume s = stored();
        CtVolume hu = new DicomSeriesReader().readCt(seriesWithRescale(s, "frac", 0.5, 10.25));
        short[] in = s.huVoxels();
        short[] out = hu.huVoxels();
        for (int i = 0; i < in.length; i++) {
            double exact = in[i] * 0.5 + 10.25;
            assertThat(Math.abs(out[i] - exact)).as("voxel %d: %s HU for stored %d", i, out[i], in[i])
                    .isEqualTo(0.25);
        }
        assertThat(out[0]).isEqualTo((short) -490); // -1001 x 0.5 + 10.25 = -490.25
        assertThat(out[23]).isEqualTo((short) 533); // 1046 x 0.5 + 10.25 = 533.25
    }

    @Test
    void aRescaledValueOutsideSixteenBitsIsRefusedNamingThePixelAndItsValue() throws IOException {
        short[] v = new short[8];
        v[5] = 20000;
        CtVolume s = new CtVolume(2, 2, 2, v, 0.5, 0.5, new double[] {0, 3}, 3, 120);
        assertThatThrownBy(() -> new DicomSeriesReader().readCt(seriesWithRescale(s, "wide", 2, 0)))
                .isInstanceOf(DicomException.class)
                .hasMessageContaining("pixel 1 (stored value 20000) rescales to 40000.0 HU, outside the 16-bit range");
        assertThatThrownBy(() -> new DicomSeriesReader().readCt(seriesWithRescale(s, "widefrac", 1.75, 0.5)))
                .isInstanceOf(DicomException.class)
                .hasMessageContaining("pixel 1 (stored value 20000) rescales to 35000.5 HU");
    }

    @Test
    void theFirstPixelOfASliceIsCheckedToo() throws IOException {
        // pixel 0 of slice 1 (a 0-based index; a `> 0` test for "found" would pass it on, wrapped to -25536)
        short[] v = new short[8];
        v[4] = 20000;
        CtVolume s = new CtVolume(2, 2, 2, v, 0.5, 0.5, new double[] {0, 3}, 3, 120);
        assertThatThrownBy(() -> new DicomSeriesReader().readCt(seriesWithRescale(s, "first", 2, 0)))
                .isInstanceOf(DicomException.class)
                .hasMessageContaining("pixel 0 (stored value 20000) rescales to 40000.0 HU, outside the 16-bit range");
    }
}
