package org.vascalc.imaging.dicom;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on files built byte by byte from PS3.5 and PS3.10, so that a wrong tag order, VR, length or byte
 * order cannot pass: the 128-byte preamble and "DICM" (PS3.10 7.1), File Meta Information and its group
 * length, Explicit VR headers with 16-bit and with reserved-plus-32-bit lengths (PS3.5 7.1.2, Tables 7.1-1
 * and 7.1-2), Implicit VR headers (7.1.3), sequences and items of defined and undefined length (7.5),
 * UN of undefined length holding Implicit VR items (6.2.2), encapsulated Pixel Data (A.4) and
 * little-endian binary values (7.3). The round-trip tests read what the writer wrote, so an error both make
 * the same way passed them; the bytes here are written down from the standard instead.
 */
class DicomEncodingTest {

    static final String EXPLICIT = "1.2.840.10008.1.2.1";
    static final String IMPLICIT = "1.2.840.10008.1.2";
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";

    private static final int REFERENCED_IMAGE_SEQUENCE = 0x00081140; // SQ
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155; // UI

    /** Little-endian bytes written by hand. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u16(int v) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
            return this;
        }

        Bytes u32(long v) {
            return u16((int) (v & 0xFFFF)).u16((int) ((v >>> 16) & 0xFFFF));
        }

        /** Group, then element, each little endian (PS3.5 7.1). */
        Bytes tag(int tag) {
            return u16(tag >>> 16).u16(tag & 0xFFFF);
        }

        Bytes raw(byte... b) {
            out.writeBytes(b);
            return this;
        }

        Bytes ascii(String s) {
            return raw(s.getBytes(US_ASCII));
        }

        /** Explicit VR with a 16-bit length (PS3.5 Table 7.1-2). */
        Bytes shortVr(int tag, String vr, byte[] value) {
            return tag(tag).ascii(vr).u16(value.length).raw(value);
        }

        /** Explicit VR header with two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1). */
        Bytes longVrHeader(int tag, String vr, long length) {
            return tag(tag).ascii(vr).u16(0).u32(length);
        }

        /** Implicit VR: tag and a 32-bit length (PS3.5 Table 7.1-3). */
        Bytes implicit(int tag, byte[] value) {
            return tag(tag).u32(value.length).raw(value);
        }

        /** Item, Item Delimitation or Sequence Delimitation: tag and 32-bit length, never a VR (PS3.5 7.5). */
        Bytes item(int tag, long length) {
            return tag(tag).u32(length);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A UID value padded with one NUL to even length (PS3.5 6.2, UI). */
    static byte[] uid(String s) {
        return ((s.length() & 1) == 1 ? s + "\0" : s).getBytes(US_ASCII);
    }

    /** A text value padded with one space to even length (PS3.5 6.2). */
    static byte[] text(String s) {
        return ((s.length() & 1) == 1 ? s + " " : s).getBytes(US_ASCII);
    }

    /** Preamble, "DICM" and a File Meta Information of just the Transfer Syntax UID, then {@code dataSet}. */
    static byte[] part10(String transferSyntax, byte[] dataSet) {
        return new Bytes().raw(new byte[128]).ascii("DICM")
                .shortVr(Tag.TRANSFER_SYNTAX_UID, "UI", uid(transferSyntax)).raw(dataSet).bytes();
    }

    static DicomFile parse(byte[] file) throws DicomException {
        return new DicomReader().parse(file, "t.dcm");
    }

    static DataSet parseDataSet(byte[] file) throws DicomException {
        return parse(file).dataSet();
    }

    // ---- preamble and reader limits (PS3.10 7.1) ----

    @Test
    void aFileNeedsThe128BytePreambleAndDicmBeforeItsMetaInformation() throws Exception {
        byte[] head = new Bytes().raw(new byte[128]).ascii("DICM").bytes();
        assertThatThrownBy(() -> parse(Arrays.copyOf(head, 131))).isInstanceOf(DicomException.class)
                .hasMessageContaining("file is 131 bytes long, too short");
        // 132 bytes are enough for the prefix: what is missing is then the meta information
        assertThatThrownBy(() -> parse(head)).isInstanceOf(DicomException.class)
                .hasMessageContaining("no File Meta Information (group 0002)");
        byte[] dicn = head.clone();
        dicn[131] = 'N';
        assertThatThrownBy(() -> parse(dicn)).hasMessageContaining("no \"DICM\" prefix");
        // the prefix must be at 128, not at 0
        byte[] atZero = new Bytes().ascii("DICM").raw(new byte[128]).bytes();
        assertThatThrownBy(() -> parse(atZero)).hasMessageContaining("no \"DICM\" prefix");
        DataSet ds = parseDataSet(part10(EXPLICIT, new Bytes().shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes()));
        assertThat(ds.string(Tag.PATIENT_ID)).contains("P1");
    }

    @Test
    void looksLikeDicomReadsTheFourBytesAfterThePreamble(@TempDir Path tmp) throws Exception {
        Path good = Files.write(tmp.resolve("a.dcm"), new Bytes().raw(new byte[128]).ascii("DICM").bytes());
        Path bad = Files.write(tmp.resolve("b.dcm"), new Bytes().raw(new byte[128]).ascii("DICN").bytes());
        Path shortFile = Files.write(tmp.resolve("c.dcm"), new Bytes().raw(new byte[127]).ascii("DICM").bytes());
        assertThat(DicomReader.looksLikeDicom(good)).isTrue();
        assertThat(DicomReader.looksLikeDicom(bad)).isFalse();
        assertThat(DicomReader.looksLikeDicom(shortFile)).isFalse();
        assertThat(DicomReader.looksLikeDicom(tmp.resolve("absent.dcm"))).isFalse();
    }

    @Test
    void theFileSizeLimitIsInclusiveAndBoundedByTheSmallestAndLargestUsefulFile(@TempDir Path tmp) throws Exception {
        assertThat(new DicomReader(132).maxFileBytes()).isEqualTo(132);
        assertThat(new DicomReader(Integer.MAX_VALUE - 16).maxFileBytes()).isEqualTo(Integer.MAX_VALUE - 16);
        assertThat(new DicomReader().maxFileBytes()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> new DicomReader(131)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFileBytes must be in [132, 2147483631], got 131");
        assertThatThrownBy(() -> new DicomReader(Integer.MAX_VALUE - 15)).isInstanceOf(IllegalArgumentException.class);
        byte[] file = part10(EXPLICIT, new Bytes().shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes());
        Path path = Files.write(tmp.resolve("x.dcm"), file);
        assertThat(new DicomReader(file.length).read(path).dataSet().string(Tag.PATIENT_ID)).contains("P1");
        assertThatThrownBy(() -> new DicomReader(file.length - 1).read(path)).isInstanceOf(DicomException.class)
                .hasMessageContaining("file is " + file.length + " bytes, more than the limit of " + (file.length - 1));
        assertThat(new DicomReader(file.length).parse(file, "x").dataSet().contains(Tag.PATIENT_ID)).isTrue();
        assertThatThrownBy(() -> new DicomReader(file.length - 1).parse(file, "x"))
                .hasMessageContaining(file.length + " bytes exceed the limit of " + (file.length - 1));
        assertThatThrownBy(() -> new DicomReader().read(tmp.resolve("absent.dcm")))
                .isInstanceOf(DicomException.class).hasMessageContaining("cannot read file");
    }

    // ---- File Meta Information ----

    private static byte[] metaWithGroupLength(long groupLength, byte[] after) {
        return new Bytes().raw(new byte[128]).ascii("DICM")
                .shortVr(Tag.FILE_META_GROUP_LENGTH, "UL", new Bytes().u32(groupLength).bytes())
                .shortVr(Tag.TRANSFER_SYNTAX_UID, "UI", uid(EXPLICIT)).raw(after).bytes();
    }

    @Test
    void theMetaGroupLengthBoundsTheMetaInformation() throws Exception {
        int tsElement = 8 + uid(EXPLICIT).length; // header of a short VR, then the 20-byte UID
        byte[] patient = new Bytes().shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes();
        assertThat(parseDataSet(metaWithGroupLength(tsElement, patient)).string(Tag.PATIENT_ID)).contains("P1");
        // a group length that ends inside the data set: the elements of group 0002 stop before it
        assertThatThrownBy(() -> parse(metaWithGroupLength(tsElement + 4, patient)))
                .isInstanceOf(DicomException.class)
                .hasMessageContaining("File Meta Information Group Length does not match the group's elements");
        // a group length past the end of the file
        assertThatThrownBy(() -> parse(metaWithGroupLength(tsElement + patient.length + 1, patient)))
                .hasMessageContaining("File Meta Information Group Length " + (tsElement + patient.length + 1)
                        + " runs past the end of the file");
        // exactly to the end: a file of meta information only, with an empty data set
        assertThat(parseDataSet(metaWithGroupLength(tsElement, new byte[0])).elements()).isEmpty();
        // a group length shorter than the meta: the rest of group 0002 is then in the data set, refused
        byte[] more = new Bytes().shortVr(0x00020013, "SH", text("X")).bytes();
        assertThatThrownBy(() -> parse(metaWithGroupLength(tsElement, more)))
                .hasMessageContaining("File Meta element (0002,0013) found in the data set");
    }

    @Test
    void metaElementsMustAscendAndNameATransferSyntax() {
        byte[] unordered = new Bytes().raw(new byte[128]).ascii("DICM")
                .shortVr(Tag.TRANSFER_SYNTAX_UID, "UI", uid(EXPLICIT))
                .shortVr(Tag.MEDIA_STORAGE_SOP_CLASS_UID, "UI", uid("1.2")).bytes();
        assertThatThrownBy(() -> parse(unordered)).hasMessageContaining("File Meta element (0002,0002) out of ascending order");
        byte[] twice = new Bytes().raw(new byte[128]).ascii("DICM")
                .shortVr(Tag.TRANSFER_SYNTAX_UID, "UI", uid(EXPLICIT))
                .shortVr(Tag.TRANSFER_SYNTAX_UID, "UI", uid(IMPLICIT)).bytes();
        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("File Meta element (0002,0010) out of ascending order");
        byte[] noSyntax = new Bytes().raw(new byte[128]).ascii("DICM")
                .shortVr(Tag.MEDIA_STORAGE_SOP_CLASS_UID, "UI", uid("1.2")).bytes();
        assertThatThrownBy(() -> parse(noSyntax)).hasMessageContaining("lacks (0002,0010)");
        // a truncated meta element header: 4 of its 8 bytes
        byte[] cut = new Bytes().raw(new byte[128]).ascii("DICM").tag(Tag.TRANSFER_SYNTAX_UID).bytes();
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(DicomException.class)
                .hasMessageContaining("truncated: element header needs 8 bytes but only 4 remain");
        assertThatThrownBy(() -> parse(part10("1.2.840.10008.1.2.2", new byte[0])))
                .hasMessageContaining("unsupported transfer syntax 1.2.840.10008.1.2.2");
    }

    // ---- Explicit VR (PS3.5 7.1.2) ----

    @Test
    void explicitVrHeadersHaveA16BitOrAReservedAnd32BitLength() throws Exception {
        // OB: 2 reserved bytes and a 32-bit length; 65538 = 0x00010002 needs the high half
        byte[] ob = new byte[65538];
        ob[0] = 7;
        ob[65537] = 9;
        byte[] file = part10(EXPLICIT, new Bytes()
                .shortVr(Tag.PATIENT_NAME, "PN", text("Doe^J"))
                .shortVr(Tag.ROWS, "US", new byte[] {0x02, 0x01})
                .longVrHeader(0x00291010, "OB", ob.length).raw(ob)
                .shortVr(0x00291011, "LO", new byte[0]).bytes());
        DataSet ds = parseDataSet(file);
        assertThat(ds.string(Tag.PATIENT_NAME)).contains("Doe^J");
        assertThat(ds.requiredInt(Tag.ROWS)).isEqualTo(0x0102);
        DicomElement.Value v = (DicomElement.Value) ds.element(0x00291010).orElseThrow();
        assertThat(v.vr()).isEqualTo(Vr.OB);
        assertThat(v.length()).isEqualTo(65538);
        assertThat(v.rawBytes()[0]).isEqualTo((byte) 7);
        assertThat(v.rawBytes()[65537]).isEqualTo((byte) 9);
        // an empty value ending exactly at the end of the file (its header's 8 bytes are all that remain)
        assertThat(ds.isEmpty(0x00291011)).isTrue();
        assertThat(ds.element(0x00291011).orElseThrow().offset()).isEqualTo(file.length - 8);
    }

    @Test
    void badExplicitVrBytesAndLengthsAreRefusedNamingTheElement() {
        byte[] badVr = part10(EXPLICIT, new Bytes().tag(Tag.PATIENT_ID).ascii("zz").u16(0).bytes());
        assertThatThrownBy(() -> parse(badVr))
                .hasMessageContaining("element (0010,0020) has invalid VR bytes 0x7a 0x7a");
        byte[] tooLong = part10(EXPLICIT, new Bytes().tag(Tag.PATIENT_ID).ascii("LO").u16(10).ascii("ABCD").bytes());
        assertThatThrownBy(() -> parse(tooLong))
                .hasMessageContaining("(0010,0020) PatientID declares 10 bytes but only 4 remain in the file (truncated?)");
        // 3 bytes: not even the tag (4 bytes) is there
        byte[] threeBytes = part10(EXPLICIT, new byte[] {0x10, 0, 0x20});
        assertThatThrownBy(() -> parse(threeBytes)).isInstanceOf(DicomException.class)
                .hasMessageContaining("truncated: element header needs 8 bytes but only 3 remain");
        byte[] shortHeader = part10(EXPLICIT, new Bytes().tag(Tag.PATIENT_ID).ascii("L").bytes());
        assertThatThrownBy(() -> parse(shortHeader)).isInstanceOf(DicomException.class)
                .hasMessageContaining("truncated: element header needs 8 bytes but only 5 remain");
        // a long-length VR needs 12 header bytes
        byte[] shortLong = part10(EXPLICIT, new Bytes().tag(0x00091010).ascii("OB").u16(0).bytes());
        assertThatThrownBy(() -> parse(shortLong)).isInstanceOf(DicomException.class)
                .hasMessageContaining("element header of (0009,1010) needs 12 bytes but only 8 remain");
        byte[] undefinedLo = part10(EXPLICIT, new Bytes().tag(0x00091010).ascii("UT").u16(0).u32(0xFFFFFFFFL).bytes());
        assertThatThrownBy(() -> parse(undefinedLo))
                .hasMessageContaining("with VR UT has undefined length, allowed only for SQ, UN and encapsulated Pixel Data");
        byte[] undefinedPixels = part10(EXPLICIT, new Bytes().longVrHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL).bytes());
        assertThatThrownBy(() -> parse(undefinedPixels))
                .hasMessageContaining("Pixel Data of undefined length (encapsulated) in a native transfer syntax");
    }

    @Test
    void tagsMustAscendAsUnsignedNumbersWithoutDuplicates() {
        byte[] duplicate = part10(EXPLICIT, new Bytes().shortVr(Tag.PATIENT_ID, "LO", text("A"))
                .shortVr(Tag.PATIENT_ID, "LO", text("B")).bytes());
        assertThatThrownBy(() -> parse(duplicate))
                .hasMessageContaining("element (0010,0020) does not follow (0010,0020) in ascending tag order (PS3.5 7.1): duplicate");
        byte[] descending = part10(EXPLICIT, new Bytes().shortVr(Tag.PATIENT_ID, "LO", text("A"))
                .shortVr(Tag.PATIENT_NAME, "PN", text("B")).bytes());
        assertThatThrownBy(() -> parse(descending))
                .hasMessageContaining("element (0010,0010) does not follow (0010,0020)")
                .message().doesNotContain("duplicate");
        byte[] strayItem = part10(EXPLICIT, new Bytes().item(Tag.ITEM, 0).bytes());
        assertThatThrownBy(() -> parse(strayItem)).hasMessageContaining("unexpected (FFFE,E000) delimiter inside a data set");
        byte[] strayItemEnd = part10(EXPLICIT, new Bytes().item(Tag.ITEM_DELIMITATION, 0).bytes());
        assertThatThrownBy(() -> parse(strayItemEnd)).hasMessageContaining("Item Delimitation Item inside an item of defined length");
    }

    // ---- Implicit VR (PS3.5 7.1.3) ----

    @Test
    void implicitVrTakesTheVrFromTheDictionaryAndA32BitLength() throws Exception {
        byte[] file = part10(IMPLICIT, new Bytes()
                .implicit(Tag.PATIENT_NAME, text("Doe^J"))
                .implicit(Tag.ROWS, new byte[] {0x00, 0x02})
                .implicit(0x00291010, new byte[] {1, 2, 3, 4}).bytes());
        DicomFile f = parse(file);
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(f.dataSet().string(Tag.PATIENT_NAME)).contains("Doe^J");
        assertThat(f.dataSet().requiredInt(Tag.ROWS)).isEqualTo(512);
        assertThat(f.dataSet().element(0x00291010).orElseThrow().vr()).isEqualTo(Vr.UN);
    }

    // ---- sequences (PS3.5 7.5) ----

    private static byte[] oneUid(String value, boolean explicit) {
        Bytes b = new Bytes();
        return (explicit ? b.shortVr(REFERENCED_SOP_INSTANCE_UID, "UI", uid(value))
                : b.implicit(REFERENCED_SOP_INSTANCE_UID, uid(value))).bytes();
    }

    private static String itemUid(DataSet ds, int item) throws DicomException {
        DicomElement.Sequence s = (DicomElement.Sequence) ds.element(REFERENCED_IMAGE_SEQUENCE).orElseThrow();
        return s.items().get(item).string(REFERENCED_SOP_INSTANCE_UID).orElseThrow();
    }

    @Test
    void sequencesOfDefinedAndUndefinedLengthHoldTheirItems() throws Exception {
        byte[] a = oneUid("1.2.3", true); // 8 + 6 bytes
        // defined length: SQ of 2 items of defined length, 8 + 14 bytes each
        byte[] defined = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 2 * (8 + a.length))
                .item(Tag.ITEM, a.length).raw(a).item(Tag.ITEM, a.length).raw(oneUid("4.5.6", true))
                .shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes());
        DataSet ds = parseDataSet(defined);
        assertThat(itemUid(ds, 0)).isEqualTo("1.2.3");
        assertThat(itemUid(ds, 1)).isEqualTo("4.5.6");
        assertThat(ds.string(Tag.PATIENT_ID)).contains("P1");
        // undefined length: items closed by (FFFE,E00D), the sequence by (FFFE,E0DD), then the next element
        byte[] undefined = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 0xFFFFFFFFL)
                .item(Tag.ITEM, 0xFFFFFFFFL).raw(a).item(Tag.ITEM_DELIMITATION, 0)
                .item(Tag.ITEM, a.length).raw(oneUid("4.5.6", true))
                .item(Tag.SEQUENCE_DELIMITATION, 0)
                .shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes());
        ds = parseDataSet(undefined);
        assertThat(itemUid(ds, 0)).isEqualTo("1.2.3");
        assertThat(itemUid(ds, 1)).isEqualTo("4.5.6");
        assertThat(ds.string(Tag.PATIENT_ID)).contains("P1");
        // Implicit VR: the dictionary says SQ
        byte[] ai = oneUid("7.8", false);
        byte[] implicit = part10(IMPLICIT, new Bytes().tag(REFERENCED_IMAGE_SEQUENCE).u32(0xFFFFFFFFL)
                .item(Tag.ITEM, ai.length).raw(ai).item(Tag.SEQUENCE_DELIMITATION, 0)
                .implicit(Tag.PATIENT_ID, text("P1")).bytes());
        ds = parseDataSet(implicit);
        assertThat(itemUid(ds, 0)).isEqualTo("7.8");
        assertThat(ds.string(Tag.PATIENT_ID)).contains("P1");
        // an empty sequence of defined length 0
        ds = parseDataSet(part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 0).bytes()));
        assertThat(((DicomElement.Sequence) ds.element(REFERENCED_IMAGE_SEQUENCE).orElseThrow()).items()).isEmpty();
    }

    @Test
    void anUnknownElementOfUndefinedLengthHoldsImplicitVrItems() throws Exception {
        // PS3.5 6.2.2: UN of undefined length is encoded as a sequence whose items are Implicit VR Little Endian
        byte[] inner = oneUid("1.9", false);
        byte[] file = part10(EXPLICIT, new Bytes().longVrHeader(0x00091010, "UN", 0xFFFFFFFFL)
                .item(Tag.ITEM, 0xFFFFFFFFL).raw(inner).item(Tag.ITEM_DELIMITATION, 0)
                .item(Tag.SEQUENCE_DELIMITATION, 0).bytes());
        DicomElement.Sequence s = (DicomElement.Sequence) parseDataSet(file).element(0x00091010).orElseThrow();
        assertThat(s.vr()).isEqualTo(Vr.UN);
        assertThat(s.items().get(0).string(REFERENCED_SOP_INSTANCE_UID)).contains("1.9");
    }

    @Test
    void brokenSequencesAreRefusedWithWhatIsWrong() {
        byte[] a = oneUid("1.2.3", true);
        byte[] unclosedSequence = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 0xFFFFFFFFL)
                .item(Tag.ITEM, a.length).raw(a).bytes());
        assertThatThrownBy(() -> parse(unclosedSequence)).hasMessageContaining(
                "sequence (0008,1140) ReferencedImageSequence of undefined length is not closed by a Sequence"
                        + " Delimitation Item before the end of the file");
        byte[] unclosedItem = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 0xFFFFFFFFL)
                .item(Tag.ITEM, 0xFFFFFFFFL).raw(a).bytes());
        assertThatThrownBy(() -> parse(unclosedItem)).hasMessageContaining(
                "item of undefined length is not closed by an Item Delimitation Item before the end of its sequence");
        byte[] delimiterInDefined = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 8)
                .item(Tag.SEQUENCE_DELIMITATION, 0).bytes());
        assertThatThrownBy(() -> parse(delimiterInDefined)).hasMessageContaining(
                "Sequence Delimitation Item inside sequence (0008,1140) of defined length");
        byte[] notAnItem = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", a.length)
                .raw(a).bytes());
        assertThatThrownBy(() -> parse(notAnItem)).hasMessageContaining(
                "expected an Item (FFFE,E000) in sequence (0008,1140) ReferencedImageSequence, found (0008,1155)");
        // an item longer than its sequence
        byte[] itemTooLong = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 8 + a.length)
                .item(Tag.ITEM, a.length + 2).raw(a).shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes());
        assertThatThrownBy(() -> parse(itemTooLong)).hasMessageContaining(
                "item in (0008,1140) ReferencedImageSequence declares " + (a.length + 2) + " bytes but only "
                        + a.length + " remain");
        // an element longer than its item
        byte[] elementTooLong = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 8 + 12)
                .item(Tag.ITEM, 12).tag(REFERENCED_SOP_INSTANCE_UID).ascii("UI").u16(6).ascii("1.2.")
                .shortVr(Tag.PATIENT_ID, "LO", text("P1")).bytes());
        assertThatThrownBy(() -> parse(elementTooLong)).hasMessageContaining(
                "declares 6 bytes but only 4 remain in its item");
        // a truncated item header
        byte[] shortItem = part10(EXPLICIT, new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 0xFFFFFFFFL)
                .tag(Tag.ITEM).bytes());
        assertThatThrownBy(() -> parse(shortItem)).hasMessageContaining(
                "truncated: item header in sequence (0008,1140) needs 8 bytes but only 4 remain");
    }

    /** {@code levels} sequences each inside the one item of the last, of undefined length. */
    private static byte[] nested(int levels) {
        if (levels == 0) {
            return oneUid("1.2", true);
        }
        return new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 0xFFFFFFFFL).item(Tag.ITEM, 0xFFFFFFFFL)
                .raw(nested(levels - 1)).item(Tag.ITEM_DELIMITATION, 0).item(Tag.SEQUENCE_DELIMITATION, 0).bytes();
    }

    /** The same with every sequence and item of defined length. */
    private static byte[] nestedDefined(int levels) {
        if (levels == 0) {
            return oneUid("1.2", true);
        }
        byte[] inner = nestedDefined(levels - 1);
        return new Bytes().longVrHeader(REFERENCED_IMAGE_SEQUENCE, "SQ", 8 + inner.length)
                .item(Tag.ITEM, inner.length).raw(inner).bytes();
    }

    @Test
    void sequencesNestSixteenLevelsDeepAndNoDeeper() throws Exception {
        assertThat(itemUid(parseDataSet(part10(EXPLICIT, nestedDefined(1))), 0)).isEqualTo("1.2");
        parseDataSet(part10(EXPLICIT, nestedDefined(DicomReader.MAX_DEPTH)));
        assertThatThrownBy(() -> parse(part10(EXPLICIT, nestedDefined(DicomReader.MAX_DEPTH + 1))))
                .hasMessageContaining("sequences nested deeper than 16 levels");
        DataSet ds = parseDataSet(part10(EXPLICIT, nested(DicomReader.MAX_DEPTH)));
        for (int level = 1; level < DicomReader.MAX_DEPTH; level++) {
            ds = ((DicomElement.Sequence) ds.element(REFERENCED_IMAGE_SEQUENCE).orElseThrow()).items().get(0);
        }
        assertThat(itemUid(ds, 0)).isEqualTo("1.2");
        assertThatThrownBy(() -> parse(part10(EXPLICIT, nested(DicomReader.MAX_DEPTH + 1))))
                .hasMessageContaining("sequences nested deeper than 16 levels");
    }

    // ---- encapsulated Pixel Data (PS3.5 A.4) ----

    @Test
    void encapsulatedPixelDataIsABasicOffsetTableThenFragments() throws Exception {
        byte[] file = part10(JPEG_LOSSLESS, new Bytes().longVrHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
                .item(Tag.ITEM, 4).u32(0)
                .item(Tag.ITEM, 4).raw(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2})
                .item(Tag.ITEM, 2).raw(new byte[] {(byte) 0xFF, (byte) 0xD9})
                .item(Tag.SEQUENCE_DELIMITATION, 0).bytes());
        DicomFile f = parse(file);
        assertThat(f.transferSyntax()).isEqualTo(TransferSyntax.JPEG_LOSSLESS_SV1);
        DicomElement.Encapsulated e = (DicomElement.Encapsulated) f.dataSet().element(Tag.PIXEL_DATA).orElseThrow();
        assertThat(e.basicOffsetTable()).containsExactly(0, 0, 0, 0);
        assertThat(e.fragments()).hasSize(2);
        assertThat(e.fragments().get(0)).containsExactly(0xFF, 0xD8, 1, 2);
        assertThat(e.fragments().get(1)).containsExactly(0xFF, 0xD9);

        byte[] noTable = part10(JPEG_LOSSLESS, new Bytes().longVrHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
                .item(Tag.SEQUENCE_DELIMITATION, 0).bytes());
        assertThatThrownBy(() -> parse(noTable)).hasMessageContaining("encapsulated Pixel Data has no Basic Offset Table item");
        byte[] fragmentTooLong = part10(JPEG_LOSSLESS, new Bytes().longVrHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
                .item(Tag.ITEM, 0).item(Tag.ITEM, 6).raw(new byte[] {1, 2, 3, 4}).bytes());
        assertThatThrownBy(() -> parse(fragmentTooLong))
                .hasMessageContaining("Pixel Data fragment declares 6 bytes but only 4 remain");
        byte[] notAnItem = part10(JPEG_LOSSLESS, new Bytes().longVrHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
                .item(Tag.ITEM, 0).item(Tag.ITEM_DELIMITATION, 0).bytes());
        assertThatThrownBy(() -> parse(notAnItem))
                .hasMessageContaining("expected an Item (FFFE,E000) in encapsulated Pixel Data, found (FFFE,E00D)");
        byte[] unclosed = part10(JPEG_LOSSLESS, new Bytes().longVrHeader(Tag.PIXEL_DATA, "OB", 0xFFFFFFFFL)
                .item(Tag.ITEM, 0).bytes());
        assertThatThrownBy(() -> parse(unclosed))
                .hasMessageContaining("truncated: item header in encapsulated Pixel Data needs 8 bytes but only 0 remain");
    }
}
