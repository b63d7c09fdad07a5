package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.volume.CtVolume;

/**
 * JPEG Lossless (.4.70 SV1 and .4.57 process 14) frames decoded by TwelveMonkeys must equal the
 * uncompressed pixels bit for bit. The compressed files are made here by dcmtk's {@code dcmcjpeg}
 * (python3-pydicom 2.3.1 ships no grayscale JPEG Lossless file). TwelveMonkeys 3.12.0 got the last
 * pixel of such frames wrong; 3.14.0 is pinned, and the last-pixel assertion guards that.
 */
class JpegLosslessIT {

    @TempDir
    Path tmp;

    private void assertLosslessDecodeMatches(Path uncompressed, String option, TransferSyntax expected) throws Exception {
        ExternalTool.requireOnPath("dcmcjpeg", "dcmtk");
        Path compressed = tmp.resolve(uncompressed.getFileName() + option + ".dcm");
        ExternalTool.Result r = ExternalTool.run(tmp, List.of("dcmcjpeg", option, uncompressed.toString(),
                compressed.toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        DicomReader reader = new DicomReader();
        DicomFile plain = reader.read(uncompressed);
        DicomFile jpeg = reader.read(compressed);
        assertThat(jpeg.transferSyntax()).isEqualTo(expected);
        PixelFormat format = PixelFormat.of(jpeg.dataSet());
        int[] fromJpeg = PixelDecoder.frame(jpeg, format, 0);
        int[] fromPlain = PixelDecoder.frame(plain, PixelFormat.of(plain.dataSet()), 0);
        assertThat(fromJpeg[fromJpeg.length - 1]).as("last pixel").isEqualTo(fromPlain[fromPlain.length - 1]);
        assertThat(fromJpeg).isEqualTo(fromPlain);
    }

    @Test
    void ctSmallDecodesBitExactlyFromBothLosslessSyntaxes() throws Exception {
        Path ct = PydicomTestFiles.require("CT_small.dcm");
        assertLosslessDecodeMatches(ct, "+e1", TransferSyntax.JPEG_LOSSLESS_SV1);
        assertLosslessDecodeMatches(ct, "+el", TransferSyntax.JPEG_LOSSLESS_PROCESS_14);
    }

    @Test
    void mrSmallDecodesBitExactly() throws Exception {
        assertLosslessDecodeMatches(PydicomTestFiles.require("MR_small.dcm"), "+e1", TransferSyntax.JPEG_LOSSLESS_SV1);
    }

    @Test
    void ourSignedSeriesWithExtremeValuesSurvivesJpegLosslessCompression() throws Exception {
        CtVolume v = TestVolumes.ct(64, 64, 2, 21);
        CtSeriesWriter.writeCt(v, SeriesInfo.synthetic("JPEG"), tmp.resolve("ct"));
        for (String name : List.of("IM00001.dcm", "IM00002.dcm")) {
            assertLosslessDecodeMatches(tmp.resolve("ct").resolve(name), "+e1", TransferSyntax.JPEG_LOSSLESS_SV1);
        }
        // A whole folder of compressed slices reads back to the same HU volume.
        Path jpegFolder = Files.createDirectory(tmp.resolve("jpeg"));
        for (String name : List.of("IM00001.dcm", "IM00002.dcm")) {
            ExternalTool.Result r = ExternalTool.run(tmp, List.of("dcmcjpeg", "+e1",
                    tmp.resolve("ct").resolve(name).toString(), jpegFolder.resolve(name).toString()));
            assertThat(r.exitCode()).isZero();
        }
        assertThat(new DicomSeriesReader().readCt(jpegFolder)).isEqualTo(v);
    }

    @Test
    void corruptJpegFramesGiveDicomExceptionsNotCodecCrashes() throws Exception {
        ExternalTool.requireOnPath("dcmcjpeg", "dcmtk");
        Path compressed = tmp.resolve("ct_sv1.dcm");
        ExternalTool.Result r = ExternalTool.run(tmp, List.of("dcmcjpeg", "+e1",
                PydicomTestFiles.require("CT_small.dcm").toString(), compressed.toString()));
        assertThat(r.exitCode()).isZero();
        byte[] valid = Files.readAllBytes(compressed);
        int pixelStart = valid.length - 14_900; // the JPEG stream is the last ~14.9 kB of the file
        Random random = new Random(4_70L);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int trial = 0; trial < 400; trial++) {
                byte[] mutated = valid.clone();
                int flips = 1 + random.nextInt(6);
                for (int k = 0; k < flips; k++) {
                    // Half the trials damage the JPEG header (markers, SOF, Huffman tables), half anywhere.
                    int span = trial % 2 == 0 ? 700 : valid.length - pixelStart;
                    int i = pixelStart + random.nextInt(span);
                    mutated[i] = (byte) random.nextInt(256);
                }
                try {
                    DicomFile f = new DicomReader().parse(mutated, "fuzz.dcm");
                    PixelDecoder.frame(f, PixelFormat.of(f.dataSet()), 0);
                    outcomes[0]++;
                } catch (DicomException e) {
                    assertThat(e.getMessage()).startsWith("fuzz.dcm");
                    outcomes[1]++;
                } catch (RuntimeException | Error e) {
                    fail("trial " + trial + ": " + e + " instead of a DicomException", e);
                }
            }
        });
        assertThat(outcomes[1]).as("some damage must be detected").isPositive();
    }
}
