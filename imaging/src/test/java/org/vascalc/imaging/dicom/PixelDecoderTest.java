package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PixelDecoderTest {

    private static DicomFile image(int bitsAllocated, int bitsStored, int representation, int frames, byte[] pixels)
            throws DicomException {
        DataSet ds = PixelFormatTest.dataSet(bitsAllocated, bitsStored, representation, frames, pixels,
                UnaryOperator.identity());
        return new DicomReader().parse(DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), "px.dcm");
    }

    @Test
    void eightBitFramesAreSelectedByIndex() throws DicomException {
        DicomFile f = image(8, 8, 0, 2, new byte[] {1, (byte) 200, 3, 4});
        PixelFormat format = PixelFormat.of(f.dataSet());
        assertThat(PixelDecoder.frame(f, format, 0)).containsExactly(1, 200);
        assertThat(PixelDecoder.frame(f, format, 1)).containsExactly(3, 4);
        assertThatThrownBy(() -> PixelDecoder.frame(f, format, 2)).hasMessageContaining("frame 2 outside 0..1");
    }

    @Test
    void twelveBitsStoredIgnoresHighBitsAndSignExtends() throws DicomException {
        // 0xF800 holds garbage in bits 12..15 above the stored value 0x800.
        byte[] pixels = {0x00, (byte) 0xF8, (byte) 0xFF, 0x07};
        DicomFile unsigned = image(16, 12, 0, 1, pixels);
        assertThat(PixelDecoder.frame(unsigned, PixelFormat.of(unsigned.dataSet()), 0)).containsExactly(2048, 2047);
        DicomFile signed = image(16, 12, 1, 1, pixels);
        assertThat(PixelDecoder.frame(signed, PixelFormat.of(signed.dataSet()), 0)).containsExactly(-2048, 2047);
    }

    @Test
    void inconsistentPixelModuleValuesAreNamed() throws DicomException {
        DicomFile f = image(16, 17, 0, 1, new byte[4]);
        assertThatThrownBy(() -> PixelFormat.of(f.dataSet())).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0028,0101) BitsStored is 17, allowed 1..16");
    }
}
