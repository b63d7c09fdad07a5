package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.files.TemporaryOnExit;
import org.vascalc.imaging.volume.CtVolume;

/**
 * What the series writer promises and what the standard asks of its values: instance numbers 1..n in
 * file order, the label map as series number + 1, UIDs of PS3.5 section 9 (at most 64 characters, digits
 * and dots, no component with a leading zero), the length limits of PS3.5 Table 6.2-1 on the series
 * information (LO and PN 64 characters, SH 16, no backslash in a single value), US values 0..65535,
 * DS at most 16 characters, and an atomic write: a failure leaves no folder and an existing folder is kept.
 */
class SeriesWriterContractTest {

    @TempDir
    Path tmp;

    /** PS3.5 section 9.1: components of digits separated by dots, no leading zero unless the component is 0. */
    private static final String UID = "(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*";

    @Test
    void slicesAreNumberedFromOneAndTheLabelMapIsTheNextSeries() throws IOException {
        CtVolume ct = TestVolumes.ct(3, 2, 3, 11);
        SeriesInfo info = new SeriesInfo("seed-W", "Synthetic^W", "W", SeriesInfo.SYNTHETIC_DATE, "1", 7, "W");
        CtSeriesWriter.writeCt(ct, info, tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(TestVolumes.labels(ct, 2), info, tmp.resolve("labels"));
        DicomReader reader = new DicomReader();
        List<String> instanceUids = new ArrayList<>();
        for (String series : new String[] {"ct", "labels"}) {
            for (int k = 1; k <= 3; k++) {
                DicomFile f = reader.read(tmp.resolve(series + "/IM0000" + k + ".dcm"));
                DataSet ds = f.dataSet();
                assertThat(ds.requiredInt(Tag.INSTANCE_NUMBER)).as(series + " " + k).isEqualTo(k);
                assertThat(ds.requiredInt(Tag.SERIES_NUMBER)).as(series).isEqualTo(series.equals("ct") ? 7 : 8);
                for (int tag : new int[] {Tag.SOP_INSTANCE_UID, Tag.SERIES_INSTANCE_UID, Tag.STUDY_INSTANCE_UID,
                        Tag.FRAME_OF_REFERENCE_UID, Tag.SOP_CLASS_UID}) {
                    assertThat(ds.requiredString(tag)).as(Tag.describe(tag)).hasSizeLessThanOrEqualTo(64).matches(UID);
                }
                assertThat(f.meta().requiredString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID))
                        .isEqualTo(ds.requiredString(Tag.SOP_INSTANCE_UID));
                instanceUids.add(ds.requiredString(Tag.SOP_INSTANCE_UID));
            }
        }
        assertThat(instanceUids).doesNotHaveDuplicates();
    }

    @Test
    void aFinishedWriteLeavesNoTemporaryWatched() throws IOException {
        CtVolume ct = TestVolumes.ct(2, 2, 2, 12);
        CtSeriesWriter.writeCt(ct, SeriesInfo.synthetic("T"), tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(TestVolumes.labels(ct, 1), SeriesInfo.synthetic("T"), tmp.resolve("labels"));
        assertThat(TemporaryOnExit.active()).noneMatch(t -> t.temp().startsWith(tmp.toAbsolutePath()));
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ct", "labels");
        }
    }

    @Test
    void aFailedWriteLeavesNoFolderAndAnExistingFolderIsKept() throws IOException {
        Path kept = Files.createDirectory(tmp.resolve("kept"));
        Files.writeString(kept.resolve("note.txt"), "mine");
        assertThatThrownBy(() -> CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 1), SeriesInfo.synthetic("K"), kept))
                .isInstanceOf(DicomException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(kept.resolve("note.txt"))).isEqualTo("mine");
        try (Stream<Path> inKept = Files.list(kept)) {
            assertThat(inKept).hasSize(1);
        }
        // 65536 columns do not fit the US of (0028,0011): the first slice fails after the temporary folder exists
        short[] hu = new short[65536];
        CtVolume wide = new CtVolume(65536, 1, 1, hu, 0.5, 0.5, new double[] {0}, 1.0, 120);
        assertThatThrownBy(() -> CtSeriesWriter.writeCt(wide, SeriesInfo.synthetic("F"), tmp.resolve("wide")))
                .hasMessageContaining("(0028,0011)").hasMessageContaining("65536");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("kept");
        }
        assertThat(TemporaryOnExit.active()).noneMatch(t -> t.temp().startsWith(tmp.toAbsolutePath()));
    }

    @Test
    void aFailedWriteSaysWhyWithoutAClassNameOrTheTemporaryFolder() {
        // review10: phantom said ".../.ph-x.tmp/ct: cannot write series: java.io.IOException: No space left on
        // device". A disk cannot be filled here: a 250-letter folder name fits (255 at most) but its hidden
        // temporary sibling (".", the name, "-", a suffix, ".tmp") does not, so the write fails in the same place.
        Path target = tmp.resolve("s".repeat(250));
        assertThatThrownBy(() -> CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 1), SeriesInfo.synthetic("L"), target))
                .isInstanceOf(DicomException.class)
                .hasMessage("series " + "s".repeat(250) + " not written: File name too long");
    }

    @Test
    void seriesInformationKeepsToTheLengthsOfItsVrs() {
        String l64 = "x".repeat(64);
        String l65 = "x".repeat(65);
        String s16 = "x".repeat(16);
        SeriesInfo longest = new SeriesInfo("s", l64, l64, SeriesInfo.SYNTHETIC_DATE, s16, 99_999_998, l64);
        assertThat(longest.seriesDescription()).hasSize(64);
        assertThat(new SeriesInfo("s", "", "", SeriesInfo.SYNTHETIC_DATE, "", 0, "").seriesNumber()).isZero();
        assertThatThrownBy(() -> new SeriesInfo("s", l65, "p", SeriesInfo.SYNTHETIC_DATE, "1", 1, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patientName")
                .hasMessageContaining("64");
        assertThatThrownBy(() -> new SeriesInfo("s", "n", l65, SeriesInfo.SYNTHETIC_DATE, "1", 1, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patientId");
        assertThatThrownBy(() -> new SeriesInfo("s", "n", "p", SeriesInfo.SYNTHETIC_DATE, s16 + "x", 1, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("studyId")
                .hasMessageContaining("16");
        assertThatThrownBy(() -> new SeriesInfo("s", "n", "p", SeriesInfo.SYNTHETIC_DATE, "1", 1, l65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seriesDescription");
        // a backslash separates values (PS3.5 6.4), so a single value cannot hold one, even as its first character
        assertThatThrownBy(() -> new SeriesInfo("s", "\\n", "p", SeriesInfo.SYNTHETIC_DATE, "1", 1, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backslash");
        assertThatThrownBy(() -> new SeriesInfo("s", "n", "p", SeriesInfo.SYNTHETIC_DATE, "1", -1, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seriesNumber");
        assertThatThrownBy(() -> new SeriesInfo("s", "n", "p", SeriesInfo.SYNTHETIC_DATE, "1", 99_999_999, "d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99999999");
    }

    @Test
    void aSyntheticCaseIdOfUpTo64CharactersGivesAValidPatientName() throws IOException {
        // the phantom command's case id is the spec name cut to 40 characters, "-s" and the seed: a legal name of
        // 40+ characters and a 13-digit seed make 55, and "Synthetic^" + 55 = 65 > the 64 of a PN component group
        // (PS3.5 Table 6.2-1), which the series information refused after the whole scan had been rendered
        String caseId = "n".repeat(40) + "-s" + 1_234_567_890_123L;
        assertThat(caseId).hasSize(55);
        SeriesInfo info = SeriesInfo.synthetic(caseId);
        assertThat(info.patientId()).isEqualTo(caseId);
        assertThat(info.patientName()).hasSize(64).startsWith("Synthetic^nnnn");
        String longest = "m".repeat(64);
        assertThat(SeriesInfo.synthetic(longest).patientName()).isEqualTo("Synthetic^" + "m".repeat(54));
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 1, 3), info, tmp.resolve("long"));
        DataSet ds = new DicomReader().read(tmp.resolve("long/IM00001.dcm")).dataSet();
        assertThat(ds.requiredString(Tag.PATIENT_ID)).isEqualTo(caseId);
        // 64 - 10 - 42 = 12 of the seed's 13 digits are left
        assertThat(ds.requiredString(Tag.PATIENT_NAME)).isEqualTo("Synthetic^" + "n".repeat(40) + "-s123456789012");
    }

    @Test
    void textValuesMayHoldABackslashOnlyInTheSingleValuedVrs() throws DicomException {
        // PS3.5 Table 6.2-1: LT, ST and UT may contain '\'; in the others it separates values
        DataSet ds = new DataSetBuilder("t").text(Tag.IMAGE_COMMENTS, Vr.LT, "a\\b")
                .text(Tag.DERIVATION_DESCRIPTION, Vr.ST, "\\c").text(0x00291010, Vr.UT, "d\\").build();
        assertThat(ds.string(Tag.IMAGE_COMMENTS)).contains("a\\b");
        assertThat(ds.string(Tag.DERIVATION_DESCRIPTION)).contains("\\c");
        assertThatThrownBy(() -> new DataSetBuilder("t").text(Tag.SERIES_DESCRIPTION, Vr.LO, "\\c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0008,103E)");
        assertThatThrownBy(() -> new DataSetBuilder("t").text(Tag.PATIENT_NAME, Vr.PN, "a\\"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backslash");
    }

    @Test
    void unsignedShortsSpanZeroTo65535TwoBytesEach() throws DicomException {
        DataSet ds = new DataSetBuilder("u").unsignedShort(0x00291012, 0, 65535, 258).build();
        DicomElement.Value v = (DicomElement.Value) ds.element(0x00291012).orElseThrow();
        assertThat(v.bytes()).containsExactly(0x00, 0x00, 0xFF, 0xFF, 0x02, 0x01); // 258 = 0x0102, low byte first
        assertThat(ds.ints(0x00291012)).containsExactly(0, 65535, 258);
        assertThatThrownBy(() -> new DataSetBuilder("u").unsignedShort(Tag.ROWS, 65536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> new DataSetBuilder("u").unsignedShort(Tag.ROWS, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void decimalStringsAreIntegersWhenWholeAndNeverLongerThanSixteenCharacters() {
        assertThat(DataSetBuilder.formatDecimal(120)).isEqualTo("120");
        assertThat(DataSetBuilder.formatDecimal(-1024)).isEqualTo("-1024");
        assertThat(DataSetBuilder.formatDecimal(0)).isEqualTo("0");
        assertThat(DataSetBuilder.formatDecimal(-999_999_999_999_999.0)).isEqualTo("-999999999999999"); // 16 characters
        // -10^15 written out would take 17 characters
        String minusE15 = DataSetBuilder.formatDecimal(-1e15);
        assertThat(minusE15).hasSizeLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(minusE15)).isEqualTo(-1e15);
        // 1.23456789012E-5 has 16 characters and so must read back exactly, though 0.0000123456789012 does not fit
        String small = DataSetBuilder.formatDecimal(1.23456789012E-5);
        assertThat(small).hasSizeLessThanOrEqualTo(16);
        assertThat(Double.parseDouble(small)).isEqualTo(1.23456789012E-5);
        // pi = 3.14159265358979323...: 17 characters in full, so as many significant digits as fit, 15
        assertThat(DataSetBuilder.formatDecimal(Math.PI)).isEqualTo("3.14159265358979");
        assertThatThrownBy(() -> DataSetBuilder.formatDecimal(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
