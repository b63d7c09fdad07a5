package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.volume.CtVolume;

/**
 * Reads the public test files of Debian's python3-pydicom 2.3.1 and compares with what pydicom itself
 * reports for them (expected values computed once with {@code python3 -c 'import pydicom ...'}:
 * {@code ds.pixel_array} sums, extremes and single pixels, rescaled with RescaleSlope/Intercept).
 */
class PydicomFilesTest {

    @TempDir
    Path tmp;

    private static long sum(int[] values) {
        long s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    private static int min(int[] values) {
        int m = Integer.MAX_VALUE;
        for (int v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static int max(int[] values) {
        int m = Integer.MIN_VALUE;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void ctSmallHeaderAndPixelsMatchPydicom() throws IOException {
        DicomFile f = new DicomReader().read(PydicomTestFiles.require("CT_small.dcm"));
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DataSet ds = f.dataSet();
        assertThat(ds.requiredString(Tag.PATIENT_NAME)).isEqualTo("CompressedSamples^CT1");
        assertThat(ds.requiredString(Tag.SERIES_INSTANCE_UID)).isEqualTo("1.3.6.1.4.1.5962.1.3.1.1.20040119072730.12322");
        assertThat(ds.requiredDoubles(Tag.PIXEL_SPACING, 2)).containsExactly(0.661468, 0.661468);
        assertThat(ds.optionalDouble(Tag.SLICE_THICKNESS)).contains(5.0);
        assertThat(ds.optionalDouble(Tag.KVP)).contains(120.0);
        assertThat(ds.requiredDoubles(Tag.IMAGE_POSITION_PATIENT, 3)).containsExactly(-158.135803, -179.035797, -75.699997);
        PixelFormat format = PixelFormat.of(ds);
        assertThat(format).isEqualTo(new PixelFormat(128, 128, 1, 16, 16, true));
        int[] pixels = PixelDecoder.frame(f, format, 0);
        assertThat(sum(pixels)).isEqualTo(14826310L);
        assertThat(min(pixels)).isEqualTo(128);
        assertThat(max(pixels)).isEqualTo(2191);
        assertThat(pixels[0]).isEqualTo(175);
        assertThat(pixels[10 * 128 + 20]).isEqualTo(185);
        assertThat(pixels[128 * 128 - 1]).isEqualTo(909);
    }

    @Test
    void ctSmallAsASeriesGivesTheDocumentedHuRange() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("ct"));
        Files.copy(PydicomTestFiles.require("CT_small.dcm"), folder.resolve("CT_small.dcm"));
        CtVolume v = new DicomSeriesReader().readCt(folder);
        assertThat(v.width()).isEqualTo(128);
        assertThat(v.depth()).isEqualTo(1);
        assertThat(v.sliceThicknessMm()).isEqualTo(5.0);
        assertThat(v.kvp()).isEqualTo(120.0);
        assertThat(v.slicePositionZMm(0)).isEqualTo(-75.699997);
        short lo = Short.MAX_VALUE;
        short hi = Short.MIN_VALUE;
        for (short h : v.huVoxels()) {
            lo = (short) Math.min(lo, h);
            hi = (short) Math.max(hi, h);
        }
        assertThat(lo).isEqualTo((short) -896);
        assertThat(hi).isEqualTo((short) 1167);
        assertThat(v.hu(0, 0, 0)).isEqualTo((short) (175 - 1024));
    }

    @Test
    void mrSmallReadsTheSameInExplicitImplicitAndPaddedEncodings() throws IOException {
        for (String name : List.of("MR_small.dcm", "MR_small_implicit.dcm", "MR_small_padded.dcm")) {
            DicomFile f = new DicomReader().read(PydicomTestFiles.require(name));
            DataSet ds = f.dataSet();
            assertThat(ds.requiredString(Tag.PATIENT_NAME)).as(name).isEqualTo("CompressedSamples^MR1");
            assertThat(ds.requiredDoubles(Tag.PIXEL_SPACING, 2)).as(name).containsExactly(0.3125, 0.3125);
            assertThat(ds.optionalDouble(Tag.SLICE_THICKNESS)).as(name).contains(0.8);
            int[] pixels = PixelDecoder.frame(f, PixelFormat.of(ds), 0);
            assertThat(pixels).as(name).hasSize(64 * 64);
            assertThat(sum(pixels)).as(name).isEqualTo(2125338L);
            assertThat(min(pixels)).as(name).isEqualTo(127);
            assertThat(max(pixels)).as(name).isEqualTo(2145);
            assertThat(pixels[0]).as(name).isEqualTo(905);
            assertThat(pixels[10 * 64 + 20]).as(name).isEqualTo(316);
            assertThat(pixels[64 * 64 - 1]).as(name).isEqualTo(862);
        }
        assertThat(new DicomReader().read(PydicomTestFiles.require("MR_small_implicit.dcm")).transferSyntax())
                .isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void smallCtSeriesAreSortedByPositionAndRescaledLikePydicom() throws IOException {
        DicomSeriesReader reader = new DicomSeriesReader();
        CtVolume ct2 = reader.readCt(PydicomTestFiles.require("dicomdirtests/77654033/CT2"));
        assertThat(ct2.depth()).isEqualTo(4);
        assertThat(ct2.slicePositionsZMm()).containsExactly(-99.480003, 103.019997, 104.269997, 105.519997);
        assertThat(ct2.pixelSpacingXMm()).isEqualTo(0.488281);
        assertThat(ct2.sliceThicknessMm()).isEqualTo(1.25);
        assertThat(ct2.kvp()).isEqualTo(140);
        assertHu(ct2, 571235L, -981, 1489, 76, 1214, 379);

        CtVolume ct5 = reader.readCt(PydicomTestFiles.require("dicomdirtests/98892001/CT5N"));
        assertThat(ct5.slicePositionsZMm()).containsExactly(new double[] {-1.2375, 1.2625, 3.7625, 6.2625, 8.7625},
                within(1e-12));
        assertThat(ct5.kvp()).isEqualTo(120);
        assertHu(ct5, -177320L, -888, 85, -33, -729, -43);
    }

    private static void assertHu(CtVolume v, long sum, int min, int max, int first, int lastCorner, int z1y5x7) {
        short[] hu = v.huVoxels();
        int[] asInt = new int[hu.length];
        for (int i = 0; i < hu.length; i++) {
            asInt[i] = hu[i];
        }
        assertThat(sum(asInt)).isEqualTo(sum);
        assertThat(min(asInt)).isEqualTo(min);
        assertThat(max(asInt)).isEqualTo(max);
        assertThat(v.hu(0, 0, 0)).isEqualTo((short) first);
        assertThat(v.hu(15, 15, v.depth() - 1)).isEqualTo((short) lastCorner);
        assertThat(v.hu(7, 5, 1)).isEqualTo((short) z1y5x7);
    }

    @Test
    void unsupportedAndBrokenPydicomFilesGiveClearErrors() {
        // The files are looked up before the lambdas: inside assertThatThrownBy a failed assumption
        // (no python3-pydicom on this machine) would be caught as the thrown exception and fail the
        // test instead of skipping it.
        Path bigEndian = PydicomTestFiles.require("MR_small_bigendian.dcm");
        Path rle = PydicomTestFiles.require("MR_small_RLE.dcm");
        Path deflated = PydicomTestFiles.require("image_dfl.dcm");
        Path noMeta = PydicomTestFiles.require("no_meta.dcm");
        Path truncated = PydicomTestFiles.require("MR_truncated.dcm");
        Path truncatedPlan = PydicomTestFiles.require("rtplan_truncated.dcm");
        DicomReader reader = new DicomReader();
        assertThatThrownBy(() -> reader.read(bigEndian))
                .isInstanceOf(DicomException.class).hasMessageContaining("unsupported transfer syntax 1.2.840.10008.1.2.2");
        assertThatThrownBy(() -> reader.read(rle))
                .isInstanceOf(DicomException.class).hasMessageContaining("RLE Lossless");
        assertThatThrownBy(() -> reader.read(deflated))
                .isInstanceOf(DicomException.class).hasMessageContaining("Deflated");
        assertThatThrownBy(() -> reader.read(noMeta))
                .isInstanceOf(DicomException.class).hasMessageContaining("DICM");
        assertThatThrownBy(() -> reader.read(truncated))
                .isInstanceOf(DicomException.class).hasMessageContaining("MR_truncated.dcm at byte offset")
                .hasMessageContaining("remain");
        assertThatThrownBy(() -> reader.read(truncatedPlan))
                .isInstanceOf(DicomException.class).hasMessageContaining("rtplan_truncated.dcm");
    }

    @Test
    void everyPydicomTestFileEitherReadsOrFailsWithADicomException() throws IOException {
        PydicomTestFiles.require("CT_small.dcm");
        DicomReader reader = new DicomReader();
        int read = 0;
        int refused = 0;
        try (Stream<Path> all = Files.walk(PydicomTestFiles.DIR)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    DicomFile f = reader.read(p);
                    if (f.dataSet().contains(Tag.PIXEL_DATA)) {
                        try {
                            PixelFormat format = PixelFormat.of(f.dataSet());
                            PixelDecoder.frame(f, format, format.frames() - 1);
                        } catch (DicomException pixelProblem) {
                            assertThat(pixelProblem.getMessage()).contains(p.toString());
                        }
                    }
                    read++;
                } catch (DicomException e) {
                    assertThat(e.getMessage()).as(p.toString()).contains(p.toString());
                    refused++;
                }
            }
        }
        assertThat(read).isGreaterThan(50);
        assertThat(refused).isGreaterThan(5);
    }
}
