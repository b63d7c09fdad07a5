package org.vascalc.imaging.dicom;

import java.util.List;

/**
 * One data element of a data set: a plain value, a sequence of nested data sets, or encapsulated
 * (compressed) pixel data. {@code offset} is where the element's tag starts in its file, for messages.
 */
public sealed interface DicomElement {

    int tag();

    Vr vr();

    long offset();

    /**
     * A value stored as bytes in little-endian order exactly as in the file (padding included). The
     * constructor takes ownership of the array (no copy, as pixel data can be large); the accessor
     * returns a copy.
     */
    record Value(int tag, Vr vr, long offset, byte[] bytes) implements DicomElement {
        @Override
        public byte[] bytes() { return bytes.clone(); }

        /** Length in bytes without copying. */
        public int length() { return bytes.length; }

        /** The bytes themselves, for package-internal decoding without a copy. */
        byte[] rawBytes() { return bytes; }
    }

    /** A sequence (VR SQ, or UN with undefined length) of items, each a data set. */
    record Sequence(int tag, Vr vr, long offset, List<DataSet> items) implements DicomElement {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table and the fragments in file order.
     * Fragment bytes are not copied on access; treat them as read-only.
     */
    record Encapsulated(int tag, Vr vr, long offset, byte[] basicOffsetTable, List<byte[]> fragments)
            implements DicomElement {
        public Encapsulated {
            fragments = List.copyOf(fragments);
        }
    }
}
