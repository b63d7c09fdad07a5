package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Image Pixel module (PS3.3 C.7.6.3.1) by hand: native samples are little endian in the explicit and
 * implicit VR little-endian syntaxes (PS3.5 7.3, A.1/A.2), Pixel Representation 1 is two's complement,
 * High Bit = Bits Stored - 1 is the only layout read, and each value outside what is read is refused
 * naming its attribute. Mutation testing (docs/testing.md, imaging 2026-12-04) found these refusals and the
 * 16-bit signed and multi-frame paths untested in imaging.
 */
class PixelFormatTest {

    /** A 1 x 2 MONOCHROME2 image whose pixel-module attributes {@code edit} may change (PixelDecoderTest's too). */
    static DataSet dataSet(int bitsAllocated, int bitsStored, int representation, int frames, byte[] pixels,
                           UnaryOperator<DataSetBuilder> edit) {
        DataSetBuilder b = new DataSetBuilder("px.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CtSeriesWriter.CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3")
                .unsignedShort(Tag.SAMPLES_PER_PIXEL, 1).text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .integerString(Tag.NUMBER_OF_FRAMES, frames)
                .unsignedShort(Tag.ROWS, 1).unsignedShort(Tag.COLUMNS, 2)
                .unsignedShort(Tag.BITS_ALLOCATED, bitsAllocated).unsignedShort(Tag.BITS_STORED, bitsStored)
                .unsignedShort(Tag.HIGH_BIT, bitsStored - 1).unsignedShort(Tag.PIXEL_REPRESENTATION, representation)
                .bytes(Tag.PIXEL_DATA, bitsAllocated == 8 ? Vr.OB : Vr.OW, pixels);
        return edit.apply(b).build();
    }

    private static DicomFile file(DataSet ds, TransferSyntax syntax) throws DicomException {
        return new DicomReader().parse(DicomWriter.encode(ds, syntax), "px.dcm");
    }

    private static DicomFile file(int bitsAllocated, int bitsStored, int representation, int frames, byte[] pixels)
            throws DicomException {
        return file(dataSet(bitsAllocated, bitsStored, representation, frames, pixels, b -> b),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static int[] decode(DicomFile f, int frame) throws DicomException {
        return PixelDecoder.frame(f, PixelFormat.of(f.dataSet()), frame);
    }

    @Test
    void sixteenBitSamplesAreLittleEndianSignedOrUnsigned() throws DicomException {
        // bytes 00 80 = 0x8000: -32768 as two's complement, 32768 unsigned; 34 12 = 0x1234 = 4660
        byte[] pixels = {0x00, (byte) 0x80, 0x34, 0x12};
        assertThat(decode(file(16, 16, 1, 1, pixels), 0)).containsExactly(-32768, 4660);
        assertThat(decode(file(16, 16, 0, 1, pixels), 0)).containsExactly(32768, 4660);
        for (TransferSyntax ts : new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN}) {
            DicomFile f = file(dataSet(16, 16, 1, 1, pixels, b -> b), ts);
            assertThat(decode(f, 0)).as(ts.name()).containsExactly(-32768, 4660);
        }
    }

    @Test
    void eightBitSignedSamplesAreTwosComplement() throws DicomException {
        assertThat(decode(file(8, 8, 1, 1, new byte[] {(byte) 0xFF, 0x7F}), 0)).containsExactly(-1, 127);
        // 7 bits stored: 0xC0 keeps 0x40, the sign bit of 7 bits: -64 signed, 64 unsigned
        assertThat(decode(file(8, 7, 1, 1, new byte[] {(byte) 0xC0, 0x3F}), 0)).containsExactly(-64, 63);
        assertThat(decode(file(8, 7, 0, 1, new byte[] {(byte) 0xC0, 0x3F}), 0)).containsExactly(64, 63);
    }

    @Test
    void theSecondSixteenBitFrameStartsAfterTheFirstFramesBytes() throws DicomException {
        // frame 0: 1, 2; frame 1: 3, 0x0104 = 260 (4 bytes per frame)
        DicomFile f = file(16, 16, 0, 2, new byte[] {1, 0, 2, 0, 3, 0, 4, 1});
        assertThat(decode(f, 0)).containsExactly(1, 2);
        assertThat(decode(f, 1)).containsExactly(3, 260);
        assertThatThrownBy(() -> decode(f, -1)).hasMessageContaining("frame -1 outside 0..1");
        PixelFormat format = PixelFormat.of(f.dataSet());
        assertThat(format.bytesPerFrame()).isEqualTo(4);
        assertThat(format.pixelsPerFrame()).isEqualTo(2);
    }

    @Test
    void pixelDataShorterThanTheHeaderPromisesIsRefusedNotReadPastItsEnd() throws DicomException {
        // 2 frames of 1 x 2 at 16 bits need 8 bytes; 6 are there (the last frame's second pixel is missing)
        DicomFile f = file(16, 16, 0, 2, new byte[6]);
        assertThatThrownBy(() -> decode(f, 0)).isInstanceOf(DicomException.class)
                .hasMessageContaining("Pixel Data has 6 bytes, but 1 rows x 2 columns x 2 frames x 16 bits need 8");
        DicomFile exact = file(16, 16, 0, 2, new byte[8]);
        assertThat(decode(exact, 1)).containsExactly(0, 0);
    }

    @Test
    void aBufferOfTheWrongSizeAndAMissingPixelDataAreRefused() throws DicomException {
        DicomFile f = file(8, 8, 0, 1, new byte[2]);
        PixelFormat format = PixelFormat.of(f.dataSet());
        assertThatThrownBy(() -> PixelDecoder.frame(f, format, 0, new int[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("buffer has 3 entries, frame has 2 pixels");
        DataSet noPixels = new DataSetBuilder("np.dcm").text(Tag.SOP_CLASS_UID, Vr.UI, CtSeriesWriter.CT_IMAGE_STORAGE)
                .text(Tag.SOP_INSTANCE_UID, Vr.UI, "1.2.3").build();
        assertThatThrownBy(() -> PixelDecoder.frame(new DicomFile("np.dcm", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, noPixels, noPixels), format, 0))
                .isInstanceOf(DicomException.class).hasMessageContaining("no (7FE0,0010)");
    }

    @Test
    void absentOptionalAttributesTakeTheirDefaults() throws DicomException {
        // Samples per Pixel, Number of Frames and High Bit absent: 1, 1 and Bits Stored - 1; MONOCHROME1 read
        DataSet ds = new DataSetBuilder("d.dcm").text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME1")
                .unsignedShort(Tag.ROWS, 3).unsignedShort(Tag.COLUMNS, 4)
                .unsignedShort(Tag.BITS_ALLOCATED, 16).unsignedShort(Tag.BITS_STORED, 12)
                .unsignedShort(Tag.PIXEL_REPRESENTATION, 0).build();
        assertThat(PixelFormat.of(ds)).isEqualTo(new PixelFormat(3, 4, 1, 16, 12, false));
    }

    @Test
    void eachUnreadablePixelModuleValueIsRefusedNamingItsAttribute() {
        record Case(UnaryOperator<DataSetBuilder> edit, String expected) {
        }
        Case[] cases = {
            new Case(b -> b.unsignedShort(Tag.SAMPLES_PER_PIXEL, 3), "(0028,0002)"),
            new Case(b -> b.text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "RGB"), "is 'RGB'; only MONOCHROME1 and MONOCHROME2"),
            new Case(b -> b.unsignedShort(Tag.ROWS, 0), "image of 0 rows x 2 columns is empty"),
            new Case(b -> b.unsignedShort(Tag.COLUMNS, 0), "image of 1 rows x 0 columns is empty"),
            new Case(b -> b.unsignedShort(Tag.ROWS, 4097).unsignedShort(Tag.COLUMNS, 4096),
                    "larger than the limit of 16777216 pixels"),
            new Case(b -> b.integerString(Tag.NUMBER_OF_FRAMES, 0), "is 0, allowed 1..65535"),
            new Case(b -> b.integerString(Tag.NUMBER_OF_FRAMES, 65536), "is 65536, allowed 1..65535"),
            new Case(b -> b.unsignedShort(Tag.BITS_ALLOCATED, 12), "is 12; only 8 and 16 are supported"),
            new Case(b -> b.unsignedShort(Tag.BITS_STORED, 0).unsignedShort(Tag.HIGH_BIT, 0), "is 0, allowed 1..16"),
            new Case(b -> b.unsignedShort(Tag.HIGH_BIT, 11), "is 11; only High Bit = Bits Stored - 1 = 15"),
            new Case(b -> b.unsignedShort(Tag.PIXEL_REPRESENTATION, 2), "is 2, allowed 0 (unsigned) or 1 (signed)"),
        };
        for (Case c : cases) {
            DataSet ds = dataSet(16, 16, 0, 1, new byte[4], c.edit());
            assertThatThrownBy(() -> PixelFormat.of(ds)).as(c.expected()).isInstanceOf(DicomException.class)
                    .hasMessageContaining(c.expected());
        }
        // the largest frame accepted: 4096 x 4096
        DataSet largest = dataSet(16, 16, 0, 1, new byte[4],
                b -> b.unsignedShort(Tag.ROWS, 4096).unsignedShort(Tag.COLUMNS, 4096).integerString(Tag.NUMBER_OF_FRAMES, 65535));
        assertThatCode(() -> PixelFormat.of(largest)).doesNotThrowAnyException();
    }
}
