package org.vascalc.imaging.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one frame of a file's Pixel Data into stored values (before Modality LUT / rescale):
 * native little-endian samples, or a JPEG Lossless frame decoded by TwelveMonkeys ImageIO.
 */
public final class PixelDecoder {

    private static final String TWELVEMONKEYS_PACKAGE = "com.twelvemonkeys.";

    private PixelDecoder() {
    }

    /** Stored values of frame {@code frame} (0-based), row-major, masked and sign-extended. */
    public static int[] frame(DicomFile file, PixelFormat format, int frame) throws DicomException {
        return frame(file, format, frame, new int[format.pixelsPerFrame()]);
    }

    /**
     * As {@link #frame(DicomFile, PixelFormat, int)}, into {@code out} (length rows x columns), so a
     * series reader can reuse one buffer instead of allocating a large array per slice.
     */
    public static int[] frame(DicomFile file, PixelFormat format, int frame, int[] out) throws DicomException {
        if (out.length != format.pixelsPerFrame()) {
            throw new IllegalArgumentException("buffer has " + out.length + " entries, frame has "
                    + format.pixelsPerFrame() + " pixels");
        }
        if (frame < 0 || frame >= format.frames()) {
            throw new DicomException(file.source() + ": frame " + frame + " outside 0.." + (format.frames() - 1));
        }
        DicomElement pixelData = file.dataSet().element(Tag.PIXEL_DATA).orElseThrow(() -> new DicomException(
                file.source() + ": no " + Tag.describe(Tag.PIXEL_DATA)));
        return switch (pixelData) {
            case DicomElement.Value v -> nativeFrame(file.source(), v, format, frame, out);
            case DicomElement.Encapsulated e -> jpegFrame(file.source(), e, format, frame, out);
            case DicomElement.Sequence s -> throw DicomException.at(file.source(), s.offset(),
                    "Pixel Data is a sequence, not pixel samples");
        };
    }

    private static int[] nativeFrame(String source, DicomElement.Value v, PixelFormat f, int frame, int[] out)
            throws DicomException {
        long needed = (long) f.bytesPerFrame() * f.frames();
        if (v.length() < needed) {
            throw DicomException.at(source, v.offset(), "Pixel Data has " + v.length() + " bytes, but "
                    + f.rows() + " rows x " + f.columns() + " columns x " + f.frames() + " frames x "
                    + f.bitsAllocated() + " bits need " + needed);
        }
        byte[] b = v.rawBytes();
        int n = f.pixelsPerFrame();
        if (f.bitsAllocated() == 16) {
            int base = frame * f.bytesPerFrame();
            for (int i = 0; i < n; i++) {
                int j = base + 2 * i;
                out[i] = f.interpret((b[j] & 0xFF) | (b[j + 1] & 0xFF) << 8);
            }
        } else {
            int base = frame * n;
            for (int i = 0; i < n; i++) {
                out[i] = f.interpret(b[base + i] & 0xFF);
            }
        }
        return out;
    }

    private static byte[] frameBytes(String source, DicomElement.Encapsulated e, PixelFormat f, int frame)
            throws DicomException {
        List<byte[]> fragments = e.fragments();
        if (fragments.isEmpty()) {
            throw DicomException.at(source, e.offset(), "encapsulated Pixel Data has no fragments");
        }
        if (f.frames() == 1) {
            int total = 0;
            for (byte[] fragment : fragments) {
                total += fragment.length;
            }
            byte[] all = new byte[total];
            int at = 0;
            for (byte[] fragment : fragments) {
                System.arraycopy(fragment, 0, all, at, fragment.length);
                at += fragment.length;
            }
            return all;
        }
        if (fragments.size() == f.frames()) {
            return fragments.get(frame);
        }
        throw DicomException.at(source, e.offset(), f.frames() + " frames in " + fragments.size()
                + " fragments: multi-frame images must have one fragment per frame");
    }

    private static int[] jpegFrame(String source, DicomElement.Encapsulated e, PixelFormat f, int frame, int[] out)
            throws DicomException {
        byte[] jpeg = frameBytes(source, e, f, frame);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader reader = twelveMonkeysJpegReader(source);
            try {
                reader.setInput(in);
                // Check the JPEG header's size before decoding so a hostile frame cannot make the
                // decoder allocate an image larger than the DICOM header promised.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != f.columns() || height != f.rows()) {
                    throw DicomException.at(source, e.offset(), "JPEG frame " + frame + " is " + width + "x" + height
                            + " but the header says " + f.columns() + " columns x " + f.rows() + " rows");
                }
                Raster raster = reader.readRaster(0, null);
                if (raster.getNumBands() != 1) {
                    throw DicomException.at(source, e.offset(), "JPEG frame has " + raster.getNumBands()
                            + " components; only grayscale is supported");
                }
                int[] samples = raster.getSamples(raster.getMinX(), raster.getMinY(), width, height, 0, out);
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = f.interpret(samples[i]);
                }
                return samples;
            } finally {
                reader.dispose();
            }
        } catch (DicomException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            // The codec reports corrupt streams with IIOException or, for some damage, runtime exceptions.
            throw DicomException.at(source, e.offset(), "cannot decode JPEG Lossless frame " + frame + ": " + ex);
        }
    }

    private static ImageReader twelveMonkeysJpegReader(String source) throws DicomException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().startsWith(TWELVEMONKEYS_PACKAGE)) {
                return candidate;
            }
            candidate.dispose();
        }
        throw new DicomException(source + ": no TwelveMonkeys JPEG reader on the class path (imageio-jpeg"
                + " >= 3.14.0 is needed for JPEG Lossless)");
    }
}
