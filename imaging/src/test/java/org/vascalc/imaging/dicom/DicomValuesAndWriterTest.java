package org.vascalc.imaging.dicom;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values decoded by their VR, little endian (PS3.5 6.2 and 7.3; FL and FD are IEEE 754 binary32 and binary64),
 * and the writer's bytes compared with the layout PS3.5 and PS3.10 give: the zero preamble, "DICM", the
 * File Meta Information Group Length, even-length values padded with NUL (UI), a space (text) or a zero
 * byte (binary), 16-bit lengths in Explicit VR only for the short VRs, sequences of undefined length with
 * their delimitation items.
 */
class DicomValuesAndWriterTest {

    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"; // 25 characters
    private static final int PRIVATE_OB = 0x00291010;
    private static final int PRIVATE_LO = 0x00291011;
    private static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140;
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static DataSet one(int tag, Vr vr, byte[] value) {
        return new DataSetBuilder("v").bytes(tag, vr, value).build();
    }

    private static DataSet oneText(int tag, Vr vr, String value) {
        return new DataSetBuilder("v").text(tag, vr, value).build();
    }

    // ---- binary values, little endian (PS3.5 7.3) ----

    @Test
    void unsignedAndSignedShortsAreLittleEndian() throws Exception {
        // 0x0102 = 258 and 0xFFFE = 65534 as US; the same bytes as SS are 258 and -2
        DataSet us = one(Tag.ROWS, Vr.US, b(0x02, 0x01, 0xFE, 0xFF));
        assertThat(us.ints(Tag.ROWS)).containsExactly(258, 65534);
        assertThat(us.doubles(Tag.ROWS)).containsExactly(258.0, 65534.0);
        assertThat(us.requiredInt(Tag.ROWS)).isEqualTo(258);
        DataSet ss = one(Tag.ROWS, Vr.SS, b(0x02, 0x01, 0xFE, 0xFF, 0x00, 0x80));
        assertThat(ss.ints(Tag.ROWS)).containsExactly(258, -2, -32768);
        assertThatThrownBy(() -> one(Tag.ROWS, Vr.US, b(1, 2, 3)).ints(Tag.ROWS))
                .hasMessageContaining("(0028,0010) Rows has length 3, not a multiple of 2 bytes for VR US");
    }

    @Test
    void longsAreLittleEndianWithTheirHighByteLast() throws Exception {
        // bytes 01 02 03 04 are 0x04030201; 0x7FFFFFFF; FF FF FF FF as SL is -1
        DataSet ul = one(PRIVATE_OB, Vr.UL, b(1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0x7F));
        assertThat(ul.ints(PRIVATE_OB)).containsExactly(0x04030201, 0x7FFFFFFF);
        assertThat(one(PRIVATE_OB, Vr.SL, b(0xFF, 0xFF, 0xFF, 0xFF)).ints(PRIVATE_OB)).containsExactly(-1);
        assertThat(one(PRIVATE_OB, Vr.SL, b(0, 0, 0, 0x80)).doubles(PRIVATE_OB)).containsExactly(-2147483648.0);
        assertThatThrownBy(() -> one(PRIVATE_OB, Vr.UL, b(1, 2)).ints(PRIVATE_OB))
                .hasMessageContaining("has length 2, not a multiple of 4 bytes for VR UL");
    }

    @Test
    void anUnsignedLongAbove2To31IsReadUnsignedOrRefusedNeverNegative() throws Exception {
        // UL is unsigned (PS3.5 Table 6.2-1): 00 00 00 80 is 2^31 = 2147483648 and FF FF FF FF is 4294967295;
        // an int cannot hold them, so ints() refuses them by name and doubles() gives their value
        DataSet ul = one(PRIVATE_OB, Vr.UL, b(0, 0, 0, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 5, 0, 0, 0));
        assertThat(ul.doubles(PRIVATE_OB)).containsExactly(2147483648.0, 4294967295.0, 5.0);
        assertThatThrownBy(() -> ul.ints(PRIVATE_OB)).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0029,1010) value 2147483648 (VR UL) is above the largest integer read,"
                        + " 2147483647");
        assertThat(one(PRIVATE_OB, Vr.UL, b(0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0)).ints(PRIVATE_OB))
                .containsExactly(2147483647, 0);
    }

    @Test
    void floatingPointValuesAreIeeeBitPatternsLittleEndian() throws Exception {
        // FD 1.5 = 0x3FF8000000000000; -2 = 0xC000000000000000;
        // 0x3FF00000FFFFFFFF = 1 + (2^32 - 1) 2^-52 (every bit of the low word set)
        DataSet fd = one(PRIVATE_OB, Vr.FD, b(0, 0, 0, 0, 0, 0, 0xF8, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0,
                0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0xF0, 0x3F));
        assertThat(fd.doubles(PRIVATE_OB)).containsExactly(1.5, -2.0, 1 + 4294967295.0 * Math.pow(2, -52));
        // FL -2.5 = 0xC0200000; 0.15625 = 0x3E200000
        DataSet fl = one(PRIVATE_OB, Vr.FL, b(0, 0, 0x20, 0xC0, 0, 0, 0x20, 0x3E));
        assertThat(fl.doubles(PRIVATE_OB)).containsExactly(-2.5, 0.15625);
        assertThat(fl.optionalDouble(PRIVATE_OB)).contains(-2.5);
        assertThatThrownBy(() -> one(PRIVATE_OB, Vr.FD, new byte[12]).doubles(PRIVATE_OB))
                .hasMessageContaining("has length 12, not a multiple of 8 bytes for VR FD");
        assertThatThrownBy(() -> one(PRIVATE_OB, Vr.FL, new byte[6]).doubles(PRIVATE_OB))
                .hasMessageContaining("has length 6, not a multiple of 4 bytes for VR FL");
    }

    // ---- text values (PS3.5 6.2) ----

    @Test
    void numberStringsAreSplitAtBackslashesAndTrimmed() throws Exception {
        DataSet is = new DataSetBuilder("v").bytes(Tag.ROWS, Vr.UN, new byte[0]).build();
        assertThat(is.isEmpty(Tag.ROWS)).isTrue();
        assertThat(is.optionalInt(Tag.ROWS)).isEmpty();
        DataSet ds = new DataSetBuilder("v")
                .text(Tag.SERIES_NUMBER, Vr.IS, "+12", " -3 ")
                .text(Tag.PIXEL_SPACING, Vr.DS, " 1.5", "2e1")
                .text(Tag.SLICE_THICKNESS, Vr.DS)
                .text(Tag.KVP, Vr.DS, "NaN")
                .text(Tag.INSTANCE_NUMBER, Vr.IS, "1.5").build();
        assertThat(ds.ints(Tag.SERIES_NUMBER)).containsExactly(12, -3);
        assertThat(ds.doubles(Tag.SERIES_NUMBER)).containsExactly(12.0, -3.0);
        assertThat(ds.requiredDoubles(Tag.PIXEL_SPACING, 2)).containsExactly(1.5, 20.0);
        assertThat(ds.optionalDouble(Tag.SLICE_THICKNESS)).isEmpty();
        assertThat(ds.optionalDouble(Tag.ACQUISITION_NUMBER)).isEmpty();
        assertThatThrownBy(() -> ds.requiredDoubles(Tag.PIXEL_SPACING, 3))
                .hasMessageContaining("(0028,0030) PixelSpacing has 2 values, expected 3");
        assertThatThrownBy(() -> ds.requiredDoubles(Tag.SLICE_THICKNESS, 1))
                .hasMessageContaining("required attribute (0018,0050) SliceThickness is missing or empty");
        assertThatThrownBy(() -> ds.doubles(Tag.KVP)).hasMessageContaining("value 'NaN' is not a finite decimal string (DS)");
        assertThatThrownBy(() -> ds.ints(Tag.INSTANCE_NUMBER)).hasMessageContaining("value '1.5' is not an integer string (IS)");
        assertThatThrownBy(() -> ds.ints(Tag.PIXEL_SPACING))
                .hasMessageContaining("has VR DS, expected an integer VR (US, SS, UL, SL, IS)");
        assertThatThrownBy(() -> ds.requiredInt(Tag.ROWS))
                .hasMessageContaining("required attribute (0028,0010) Rows is missing or empty");
    }

    @Test
    void textIsStrippedOfPaddingAndSplitIntoValues() throws Exception {
        DataSet ds = new DataSetBuilder("v")
                .text(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", " PRIMARY ", "AXIAL")
                .text(Tag.PATIENT_ID, Vr.LO)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3\0")
                .bytes(PRIVATE_LO, Vr.UN, "AB ".getBytes(US_ASCII))
                .unsignedShort(Tag.ROWS, 4)
                .sequence(REFERENCED_IMAGE_SEQUENCE, List.of()).build();
        assertThat(ds.strings(Tag.IMAGE_TYPE)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        assertThat(ds.strings(Tag.PATIENT_ID)).isEmpty();
        assertThat(ds.strings(Tag.PATIENT_NAME)).isEmpty();
        assertThat(ds.string(Tag.PATIENT_ID)).contains("");
        assertThat(ds.string(Tag.PATIENT_NAME)).isEmpty();
        assertThat(ds.string(Tag.SOP_INSTANCE_UID)).contains("1.2.3");
        assertThat(ds.string(PRIVATE_LO)).contains("AB");
        assertThat(ds.contains(Tag.PATIENT_ID)).isTrue();
        assertThat(ds.contains(Tag.PATIENT_NAME)).isFalse();
        assertThat(ds.isEmpty(Tag.PATIENT_ID)).isTrue();
        assertThat(ds.isEmpty(Tag.PATIENT_NAME)).isTrue();
        assertThat(ds.isEmpty(Tag.IMAGE_TYPE)).isFalse();
        assertThat(ds.isEmpty(REFERENCED_IMAGE_SEQUENCE)).isFalse();
        assertThatThrownBy(() -> ds.string(Tag.ROWS)).hasMessageContaining("(0028,0010) Rows has VR US, not text");
        assertThatThrownBy(() -> ds.string(REFERENCED_IMAGE_SEQUENCE))
                .hasMessageContaining("is a Sequence, expected a plain value");
        assertThatThrownBy(() -> ds.requiredString(Tag.PATIENT_ID))
                .hasMessageContaining("required attribute (0010,0020) PatientID is missing or empty");
        assertThat(ds.toString()).isEqualTo("DataSet[v, 6 elements]");
    }

    @Test
    void namesAreUtf8OnlyWhenTheCharacterSetSaysIsoIr192() throws Exception {
        // PS3.3 C.12.1.1.2: ISO_IR 192 is UTF-8; the default repertoire's bytes are read as ISO 8859-1 here
        byte[] utf8 = "M\u00fcller".getBytes(UTF_8); // 4D C3 BC 6C 6C 65 72
        DataSet withSet = new DataSetBuilder("v").text(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 192")
                .bytes(Tag.PATIENT_NAME, Vr.UN, utf8).build();
        assertThat(withSet.string(Tag.PATIENT_NAME)).contains("M\u00fcller");
        DataSet withoutSet = new DataSetBuilder("v").bytes(Tag.PATIENT_NAME, Vr.UN, utf8).build();
        assertThat(withoutSet.string(Tag.PATIENT_NAME)).contains("M\u00c3\u00bcller");
        DataSet latin1 = new DataSetBuilder("v").text(Tag.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 100")
                .bytes(Tag.PATIENT_NAME, Vr.UN, "M\u00fcller".getBytes(ISO_8859_1)).build();
        assertThat(latin1.string(Tag.PATIENT_NAME)).contains("M\u00fcller");
    }

    // ---- the writer's bytes (PS3.10 7.1, PS3.5 7.1 and 7.5) ----

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        DicomEncodingTest.Bytes out = new DicomEncodingTest.Bytes();
        for (byte[] p : parts) {
            out.raw(p);
        }
        return out.bytes();
    }

    private static DataSetBuilder minimal() {
        return new DataSetBuilder("w.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3");
    }

    @Test
    void theWriterLaysOutPreambleMetaAndPaddedValuesAsTheStandardSays() throws Exception {
        DataSet ds = minimal().text(Tag.PATIENT_NAME, Vr.PN, "Doe^J")
                .bytes(PRIVATE_OB, Vr.OB, b(1, 2, 3))
                .text(PRIVATE_LO, Vr.LO, "AB").build();
        byte[] f = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(Arrays.copyOf(f, 128)).containsOnly(0);
        assertThat(new String(f, 128, 4, US_ASCII)).isEqualTo("DICM");
        // (0002,0000) UL, length 4, then the number of meta bytes that follow it
        assertThat(Arrays.copyOfRange(f, 132, 140)).containsExactly(b(0x02, 0, 0, 0, 'U', 'L', 4, 0));
        int groupLength = DataSet.le32(f, 140);
        int dataSetStart = indexOf(f, b(0x08, 0, 0x16, 0, 'U', 'I'));
        assertThat(dataSetStart).isEqualTo(144 + groupLength);
        // the data set: UI padded with NUL, PN with a space, OB with a zero byte, an even LO unpadded
        assertThat(indexOf(f, concat(b(0x08, 0, 0x16, 0, 'U', 'I', 26, 0), (CT_IMAGE_STORAGE + "\0").getBytes(US_ASCII))))
                .isEqualTo(dataSetStart);
        assertThat(indexOf(f, concat(b(0x08, 0, 0x18, 0, 'U', 'I', 6, 0), "1.2.3\0".getBytes(US_ASCII)))).isPositive();
        assertThat(indexOf(f, concat(b(0x10, 0, 0x10, 0, 'P', 'N', 6, 0), "Doe^J ".getBytes(US_ASCII)))).isPositive();
        assertThat(indexOf(f, b(0x29, 0, 0x10, 0x10, 'O', 'B', 0, 0, 4, 0, 0, 0, 1, 2, 3, 0))).isPositive();
        int lo = indexOf(f, b(0x29, 0, 0x11, 0x10, 'L', 'O', 2, 0, 'A', 'B'));
        assertThat(lo).isEqualTo(f.length - 10);
        // what the meta information says
        DicomFile read = DicomEncodingTest.parse(f);
        assertThat(read.meta().string(Tag.MEDIA_STORAGE_SOP_CLASS_UID)).contains(CT_IMAGE_STORAGE);
        assertThat(read.meta().string(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).contains("1.2.3");
        assertThat(read.meta().string(Tag.TRANSFER_SYNTAX_UID)).contains(DicomEncodingTest.EXPLICIT);
        assertThat(read.meta().string(Tag.IMPLEMENTATION_VERSION_NAME)).contains("VASCALC_0_1");
        assertThat(((DicomElement.Value) read.meta().element(Tag.FILE_META_VERSION).orElseThrow()).rawBytes())
                .containsExactly(0, 1);
        assertThat(read.dataSet().string(Tag.PATIENT_NAME)).contains("Doe^J");
    }

    @Test
    void implicitVrWritesTagAndA32BitLengthButKeepsTheMetaExplicit() throws Exception {
        DataSet ds = minimal().text(Tag.PATIENT_NAME, Vr.PN, "Doe^J").build();
        byte[] f = DicomWriter.encode(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(Arrays.copyOfRange(f, 132, 140)).containsExactly(b(0x02, 0, 0, 0, 'U', 'L', 4, 0));
        assertThat(indexOf(f, concat(b(0x10, 0, 0x10, 0, 6, 0, 0, 0), "Doe^J ".getBytes(US_ASCII))))
                .isEqualTo(f.length - 14);
        assertThat(DicomEncodingTest.parse(f).transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void shortVrsHoldAt65534BytesInExplicitVrOnly() throws Exception {
        String even = "A".repeat(65534);
        byte[] f = DicomWriter.encode(minimal().text(PRIVATE_LO, Vr.LO, even).build(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(indexOf(f, b(0x29, 0, 0x11, 0x10, 'L', 'O', 0xFE, 0xFF))).isEqualTo(f.length - 8 - 65534);
        // 65535 characters pad to 65536, one more than a 16-bit length holds
        DataSet odd = minimal().text(PRIVATE_LO, Vr.LO, even + "A").build();
        assertThatThrownBy(() -> DicomWriter.encode(odd, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0029,1011): 65536 bytes exceed the 16-bit length of VR LO");
        // Implicit VR has a 32-bit length for every element: 65536 = 00 00 01 00
        byte[] implicit = DicomWriter.encode(odd, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(indexOf(implicit, b(0x29, 0, 0x11, 0x10, 0, 0, 1, 0))).isEqualTo(implicit.length - 8 - 65536);
        // a long VR in Explicit VR: 70000 = 0x00011170
        byte[] ob = DicomWriter.encode(minimal().bytes(PRIVATE_OB, Vr.OB, new byte[70000]).build(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(indexOf(ob, b(0x29, 0, 0x10, 0x10, 'O', 'B', 0, 0, 0x70, 0x11, 0x01, 0x00)))
                .isEqualTo(ob.length - 12 - 70000);
        assertThat(DicomEncodingTest.parseDataSet(ob).element(PRIVATE_OB).orElseThrow())
                .isInstanceOfSatisfying(DicomElement.Value.class, v -> assertThat(v.length()).isEqualTo(70000));
    }

    @Test
    void sequencesAreWrittenWithUndefinedLengthsAndDelimiters() throws Exception {
        DataSet item = new DataSetBuilder("i").text(REFERENCED_SOP_INSTANCE_UID, Vr.UI, "1.2").build();
        DataSet ds = minimal().sequence(REFERENCED_IMAGE_SEQUENCE, List.of(item, item)).build();
        byte[] itemBytes = concat(
                b(0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF), // item, undefined length
                b(0x08, 0, 0x55, 0x11, 'U', 'I', 4, 0), "1.2\0".getBytes(US_ASCII),
                b(0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0)); // item delimitation, length 0
        byte[] expected = concat(b(0x08, 0, 0x40, 0x11, 'S', 'Q', 0, 0, 0xFF, 0xFF, 0xFF, 0xFF), itemBytes, itemBytes,
                b(0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0)); // sequence delimitation, length 0
        byte[] f = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        int at = indexOf(f, expected);
        assertThat(at).isPositive();
        assertThat(at + expected.length).isEqualTo(f.length);
        DicomElement.Sequence s = (DicomElement.Sequence) DicomEncodingTest.parseDataSet(f)
                .element(REFERENCED_IMAGE_SEQUENCE).orElseThrow();
        assertThat(s.items()).hasSize(2);
        assertThat(s.items().get(1).string(REFERENCED_SOP_INSTANCE_UID)).contains("1.2");
        // Implicit VR: tag and undefined length, no VR
        byte[] g = DicomWriter.encode(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(indexOf(g, b(0x08, 0, 0x40, 0x11, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0x00, 0xE0))).isPositive();
        assertThat(((DicomElement.Sequence) DicomEncodingTest.parseDataSet(g).element(REFERENCED_IMAGE_SEQUENCE)
                .orElseThrow()).items()).hasSize(2);
    }

    @Test
    void theWriterRefusesWhatItCannotWrite() {
        DataSet noInstance = new DataSetBuilder("w.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CT_IMAGE_STORAGE).build();
        assertThatThrownBy(() -> DicomWriter.encode(noInstance, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required attribute (0008,0018) SOPInstanceUID is missing or empty");
        assertThatThrownBy(() -> DicomWriter.encode(minimal().build(), TransferSyntax.JPEG_LOSSLESS_SV1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the writer produces native pixel data only");
    }
}
