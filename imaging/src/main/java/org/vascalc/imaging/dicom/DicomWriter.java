package org.vascalc.imaging.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes DICOM Part-10 files (PS3.10 section 7) in Explicit or Implicit VR Little Endian: a zero
 * preamble, "DICM", File Meta Information with its group length, then the data set in ascending tag
 * order. Values are padded to even length (NUL for UI, space for other text, zero for binary;
 * PS3.5 6.2); sequences are written with undefined length and delimitation items.
 */
public final class DicomWriter {

    /** Our implementation class UID, under the UUID-derived root 2.25 (see {@link DicomUids}). */
    public static final String IMPLEMENTATION_CLASS_UID = DicomUids.derive("org.vascalc", "implementation-class/1");
    public static final String IMPLEMENTATION_VERSION_NAME = "VASCALC_0_1";

    private DicomWriter() {
    }

    /** The complete file as bytes. */
    public static byte[] encode(DataSet dataSet, TransferSyntax syntax) {
        if (syntax.encapsulated()) {
            throw new IllegalArgumentException("the writer produces native pixel data only, not " + syntax);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(dataSet, syntax, out);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return out.toByteArray();
    }

    /** Writes preamble, meta information and data set; SOP Class and Instance UIDs come from the data set. */
    public static void write(DataSet dataSet, TransferSyntax syntax, OutputStream out) throws IOException {
        String sopClass = requireText(dataSet, Tag.SOP_CLASS_UID);
        String sopInstance = requireText(dataSet, Tag.SOP_INSTANCE_UID);
        DataSet meta = new DataSetBuilder(dataSet.source())
                .bytes(Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1})
                .text(Tag.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, sopClass)
                .text(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, sopInstance)
                .text(Tag.TRANSFER_SYNTAX_UID, Vr.UI, syntax.uid())
                .text(Tag.IMPLEMENTATION_CLASS_UID, Vr.UI, IMPLEMENTATION_CLASS_UID)
                .text(Tag.IMPLEMENTATION_VERSION_NAME, Vr.SH, IMPLEMENTATION_VERSION_NAME)
                .build();
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        writeElements(meta.elements(), true, metaBytes);
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        writeHeader(out, Tag.FILE_META_GROUP_LENGTH, Vr.UL, 4, true);
        writeInt32(out, metaBytes.size());
        metaBytes.writeTo(out);
        writeElements(dataSet.elements(), syntax.explicitVr(), out);
    }

    private static String requireText(DataSet ds, int tag) {
        try {
            return ds.requiredString(tag);
        } catch (DicomException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void writeElements(Map<Integer, DicomElement> elements, boolean explicit, OutputStream out)
            throws IOException {
        for (DicomElement e : elements.values()) {
            switch (e) {
                case DicomElement.Value v -> writeValue(v, explicit, out);
                case DicomElement.Sequence s -> {
                    writeHeader(out, s.tag(), Vr.SQ, -1, explicit);
                    for (DataSet item : s.items()) {
                        writeTagLength(out, Tag.ITEM, -1);
                        writeElements(item.elements(), explicit, out);
                        writeTagLength(out, Tag.ITEM_DELIMITATION, 0);
                    }
                    writeTagLength(out, Tag.SEQUENCE_DELIMITATION, 0);
                }
                case DicomElement.Encapsulated c -> throw new IllegalArgumentException(
                        "writing encapsulated pixel data is not supported (" + Tag.format(c.tag()) + ")");
            }
        }
    }

    private static void writeValue(DicomElement.Value v, boolean explicit, OutputStream out) throws IOException {
        byte[] bytes = v.rawBytes();
        boolean pad = (bytes.length & 1) == 1;
        int length = bytes.length + (pad ? 1 : 0);
        if (explicit && !v.vr().longLength() && length > 0xFFFF) {
            throw new IllegalArgumentException(Tag.format(v.tag()) + ": " + length + " bytes exceed the 16-bit"
                    + " length of VR " + v.vr());
        }
        writeHeader(out, v.tag(), v.vr(), length, explicit);
        out.write(bytes);
        if (pad) {
            out.write(v.vr() == Vr.UI || !v.vr().text() ? 0 : ' ');
        }
    }

    /** Tag, then VR and length as the encoding requires; length -1 means undefined. */
    private static void writeHeader(OutputStream out, int tag, Vr vr, int length, boolean explicit)
            throws IOException {
        writeInt16(out, tag >>> 16);
        writeInt16(out, tag & 0xFFFF);
        if (!explicit) {
            writeInt32(out, length);
            return;
        }
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.longLength()) {
            writeInt16(out, 0);
            writeInt32(out, length);
        } else {
            writeInt16(out, length);
        }
    }

    private static void writeTagLength(OutputStream out, int tag, int length) throws IOException {
        writeInt16(out, tag >>> 16);
        writeInt16(out, tag & 0xFFFF);
        writeInt32(out, length);
    }

    private static void writeInt16(OutputStream out, int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void writeInt32(OutputStream out, int v) throws IOException {
        writeInt16(out, v & 0xFFFF);
        writeInt16(out, v >>> 16);
    }
}
