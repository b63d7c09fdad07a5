package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The package's small tables checked against the standard itself: transfer syntax UIDs and their
 * encoding (PS3.5 section 10 and annex A, names as PS3.6 annex A gives them), the VRs with a 32-bit
 * Explicit VR length (PS3.5 Table 7.1-1) and the character VRs (PS3.5 Table 6.2-1), and dictionary
 * entries' VRs (PS3.6 Table 6-1; group lengths are UL, PS3.5 7.2).
 */
class DicomStandardTablesTest {

    @Test
    void transferSyntaxesHaveTheirStandardUidsAndEncodings() {
        // PS3.5 A.1 (implicit), A.2 (explicit little endian), A.4 (encapsulated JPEG; the data set is explicit VR LE)
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2")).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2.1")).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2.4.57")).isEqualTo(TransferSyntax.JPEG_LOSSLESS_PROCESS_14);
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2.4.70")).isEqualTo(TransferSyntax.JPEG_LOSSLESS_SV1);
        assertThat(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.explicitVr()).isFalse();
        assertThat(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.encapsulated()).isFalse();
        assertThat(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.explicitVr()).isTrue();
        assertThat(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.encapsulated()).isFalse();
        for (TransferSyntax jpeg : new TransferSyntax[] {TransferSyntax.JPEG_LOSSLESS_PROCESS_14,
                TransferSyntax.JPEG_LOSSLESS_SV1}) {
            assertThat(jpeg.explicitVr()).as(jpeg.name()).isTrue();
            assertThat(jpeg.encapsulated()).as(jpeg.name()).isTrue();
        }
        // big endian (retired), deflated, a prefix of a supported UID and one with a trailing NUL are not read
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2.2")).isNull();
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2.1.99")).isNull();
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1")).isNull();
        assertThat(TransferSyntax.ofUid("1.2.840.10008.1.2.1\0")).isNull();
    }

    @Test
    void unsupportedTransferSyntaxesAreNamedAsPs36Does() {
        assertThat(TransferSyntax.describe("1.2.840.10008.1.2.2")).contains("Explicit VR Big Endian");
        assertThat(TransferSyntax.describe("1.2.840.10008.1.2.1.99")).isEqualTo("Deflated Explicit VR Little Endian");
        assertThat(TransferSyntax.describe("1.2.840.10008.1.2.4.50")).startsWith("JPEG Baseline");
        assertThat(TransferSyntax.describe("1.2.840.10008.1.2.4.80")).startsWith("JPEG-LS Lossless");
        assertThat(TransferSyntax.describe("1.2.840.10008.1.2.4.90")).startsWith("JPEG 2000 Lossless");
        assertThat(TransferSyntax.describe("1.2.840.10008.1.2.5")).isEqualTo("RLE Lossless");
        assertThat(TransferSyntax.describe("1.2.3.4")).isEqualTo("unknown");
    }

    @Test
    void everyVrIsSpelledByItsTwoLettersAndNothingElseIs() {
        for (Vr vr : Vr.values()) {
            assertThat(Vr.of(vr.name().charAt(0), vr.name().charAt(1))).as(vr.name()).isEqualTo(vr);
        }
        // '@' and '[' are the characters either side of 'A'..'Z'; lower case is not a VR
        assertThat(Vr.of('@', 'E')).isNull();
        assertThat(Vr.of('A', '[')).isNull();
        assertThat(Vr.of('D', '@')).isNull();
        assertThat(Vr.of('a', 'e')).isNull();
        assertThat(Vr.of('Z', 'Z')).isNull();
        assertThat(Vr.of('X', 'X')).isNull();
        assertThat(Vr.of(0, 0)).isNull();
    }

    @Test
    void the32BitLengthAndTextVrsAreThoseOfPs35() {
        // PS3.5 Table 7.1-1: reserved bytes and a 32-bit length
        Set<Vr> longLength = EnumSet.of(Vr.OB, Vr.OD, Vr.OF, Vr.OL, Vr.OV, Vr.OW, Vr.SQ, Vr.SV, Vr.UC, Vr.UN, Vr.UR,
                Vr.UT, Vr.UV);
        // PS3.5 Table 6.2-1: character strings (padded with a space, UI with NUL)
        Set<Vr> text = EnumSet.of(Vr.AE, Vr.AS, Vr.CS, Vr.DA, Vr.DS, Vr.DT, Vr.IS, Vr.LO, Vr.LT, Vr.PN, Vr.SH, Vr.ST,
                Vr.TM, Vr.UC, Vr.UI, Vr.UR, Vr.UT);
        for (Vr vr : Vr.values()) {
            assertThat(vr.longLength()).as(vr.name() + " long length").isEqualTo(longLength.contains(vr));
            assertThat(vr.text()).as(vr.name() + " text").isEqualTo(text.contains(vr));
        }
    }

    @Test
    void dictionaryVrsAreThoseOfPs36AndGroupLengthsAreUnsignedLongs() {
        ElementDictionary d = ElementDictionary.standard();
        assertThat(d.vr(Tag.ROWS)).isEqualTo(Vr.US);
        assertThat(d.vr(Tag.PIXEL_SPACING)).isEqualTo(Vr.DS);
        assertThat(d.vr(Tag.PATIENT_NAME)).isEqualTo(Vr.PN);
        assertThat(d.vr(Tag.SOP_INSTANCE_UID)).isEqualTo(Vr.UI);
        assertThat(d.vr(Tag.INSTANCE_NUMBER)).isEqualTo(Vr.IS);
        assertThat(d.vr(Tag.IMAGE_TYPE)).isEqualTo(Vr.CS);
        assertThat(d.vr(Tag.IMAGE_COMMENTS)).isEqualTo(Vr.LT);
        assertThat(d.vr(Tag.STUDY_DATE)).isEqualTo(Vr.DA);
        assertThat(d.vr(Tag.STUDY_TIME)).isEqualTo(Vr.TM);
        assertThat(d.vr(0x00081140)).isEqualTo(Vr.SQ); // Referenced Image Sequence
        assertThat(d.vr(Tag.PIXEL_DATA)).isEqualTo(Vr.OW); // in Implicit VR (PS3.5 A.1)
        // group lengths (gggg,0000) are UL whether listed or not (PS3.5 7.2); other unknown tags are UN
        assertThat(d.vr(Tag.FILE_META_GROUP_LENGTH)).isEqualTo(Vr.UL);
        assertThat(d.vr(0x00080000)).isEqualTo(Vr.UL);
        assertThat(d.vr(0x00290000)).isEqualTo(Vr.UL);
        assertThat(d.vr(0x00291010)).isEqualTo(Vr.UN);
        assertThat(d.vr(0x00080001)).isEqualTo(Vr.UN);
        assertThat(d.vr(0x00090010)).isEqualTo(Vr.UN);
        assertThat(d.keyword(Tag.ROWS)).isEqualTo("Rows");
        assertThat(d.keyword(0x00291010)).isNull();
        assertThat(Tag.describe(Tag.ROWS)).isEqualTo("(0028,0010) Rows");
        assertThat(Tag.describe(0x00291010)).isEqualTo("(0029,1010)");
    }
}
