package org.vascalc.imaging.dicom;

/**
 * The Image Pixel module attributes (PS3.3 C.7.6.3) that say how to turn pixel bytes into numbers,
 * restricted to what CT needs: one sample per pixel, MONOCHROME1/2, 8 or 16 bits allocated.
 *
 * @param rows (0028,0010)
 * @param columns (0028,0011)
 * @param frames (0028,0008) Number of Frames, 1 when absent
 * @param bitsAllocated (0028,0100), 8 or 16
 * @param bitsStored (0028,0101), 1..bitsAllocated
 * @param signed (0028,0103) Pixel Representation = 1 (two's complement)
 */
public record PixelFormat(int rows, int columns, int frames, int bitsAllocated, int bitsStored, boolean signed) {

    /** Largest rows x columns accepted for one frame (a 4096 x 4096 image). */
    public static final long MAX_FRAME_PIXELS = 4096L * 4096L;

    /** Reads and checks the attributes; every violation names the attribute and its value. */
    public static PixelFormat of(DataSet ds) throws DicomException {
        String src = ds.source();
        int samples = ds.optionalInt(Tag.SAMPLES_PER_PIXEL).orElse(1);
        if (samples != 1) {
            throw new DicomException(src + ": " + Tag.describe(Tag.SAMPLES_PER_PIXEL) + " is " + samples
                    + "; only single-sample (grayscale) images are supported");
        }
        String photometric = ds.string(Tag.PHOTOMETRIC_INTERPRETATION).orElse("");
        if (!photometric.equals("MONOCHROME2") && !photometric.equals("MONOCHROME1")) {
            throw new DicomException(src + ": " + Tag.describe(Tag.PHOTOMETRIC_INTERPRETATION) + " is '"
                    + photometric + "'; only MONOCHROME1 and MONOCHROME2 are supported");
        }
        int rows = ds.requiredInt(Tag.ROWS);
        int columns = ds.requiredInt(Tag.COLUMNS);
        if (rows < 1 || columns < 1 || (long) rows * columns > MAX_FRAME_PIXELS) {
            throw new DicomException(src + ": image of " + rows + " rows x " + columns
                    + " columns is empty or larger than the limit of " + MAX_FRAME_PIXELS + " pixels");
        }
        int frames = ds.optionalInt(Tag.NUMBER_OF_FRAMES).orElse(1);
        if (frames < 1 || frames > 65535) {
            throw new DicomException(src + ": " + Tag.describe(Tag.NUMBER_OF_FRAMES) + " is " + frames
                    + ", allowed 1..65535");
        }
        int allocated = ds.requiredInt(Tag.BITS_ALLOCATED);
        if (allocated != 8 && allocated != 16) {
            throw new DicomException(src + ": " + Tag.describe(Tag.BITS_ALLOCATED) + " is " + allocated
                    + "; only 8 and 16 are supported");
        }
        int stored = ds.requiredInt(Tag.BITS_STORED);
        if (stored < 1 || stored > allocated) {
            throw new DicomException(src + ": " + Tag.describe(Tag.BITS_STORED) + " is " + stored
                    + ", allowed 1.." + allocated);
        }
        int highBit = ds.optionalInt(Tag.HIGH_BIT).orElse(stored - 1);
        if (highBit != stored - 1) {
            throw new DicomException(src + ": " + Tag.describe(Tag.HIGH_BIT) + " is " + highBit
                    + "; only High Bit = Bits Stored - 1 = " + (stored - 1) + " is supported");
        }
        int representation = ds.requiredInt(Tag.PIXEL_REPRESENTATION);
        if (representation != 0 && representation != 1) {
            throw new DicomException(src + ": " + Tag.describe(Tag.PIXEL_REPRESENTATION) + " is "
                    + representation + ", allowed 0 (unsigned) or 1 (signed)");
        }
        return new PixelFormat(rows, columns, frames, allocated, stored, representation == 1);
    }

    public int pixelsPerFrame() { return rows * columns; }

    public int bytesPerFrame() { return pixelsPerFrame() * (bitsAllocated / 8); }

    /** The stored value in the low {@code bitsStored} bits of {@code raw}, sign-extended if signed. */
    public int interpret(int raw) {
        int shift = 32 - bitsStored;
        return signed ? (raw << shift) >> shift : (raw << shift) >>> shift;
    }
}
