package org.vascalc.imaging.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A strict reader of DICOM Part-10 files (PS3.10 section 7): 128-byte preamble, "DICM", File Meta
 * Information in Explicit VR Little Endian, then the data set in the transfer syntax the meta
 * information names (Implicit or Explicit VR Little Endian, or JPEG Lossless with encapsulated pixel
 * data; see {@link TransferSyntax}).
 *
 * <p>Hostile input is bounded by construction: the file is read whole only if it is at most
 * {@link #maxFileBytes()} long; every declared length is checked against the bytes that remain in the
 * file and in the enclosing item before anything is allocated, so no allocation exceeds the file size;
 * every element consumes at least 8 bytes, so parsing is linear in the file size; sequences nest at
 * most {@link #MAX_DEPTH} deep, and a file holds at most {@link #MAX_ELEMENTS} elements. Anything that breaks a rule of PS3.5 that the reader depends on is a
 * {@link DicomException} naming the file and byte offset; nothing is repaired silently.
 */
public final class DicomReader {

    /** Deepest sequence nesting accepted; real CT headers nest 3 or 4 levels. */
    public static final int MAX_DEPTH = 16;
    /**
     * Most elements, items and fragments in one file. A CT header has a few hundred; the cap keeps the
     * parsed tree (about 100 bytes per element) within ~100 MB even for a hostile file of tiny elements.
     */
    public static final int MAX_ELEMENTS = 1_000_000;
    /** Default largest file read: 1 GiB, far above a 512x512 multi-frame CT. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;

    private static final int PREAMBLE = 128;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final long maxFileBytes;

    public DicomReader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    /** A reader that refuses files longer than {@code maxFileBytes} (at most 2^31 - 16). */
    public DicomReader(long maxFileBytes) {
        if (maxFileBytes < PREAMBLE + 4 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be in [" + (PREAMBLE + 4) + ", "
                    + (Integer.MAX_VALUE - 16) + "], got " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    public long maxFileBytes() { return maxFileBytes; }

    /** Whether the file starts like a Part-10 file ("DICM" after the preamble); reads 132 bytes. */
    public static boolean looksLikeDicom(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PREAMBLE + 4);
            return head.length == PREAMBLE + 4 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C'
                    && head[131] == 'M';
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Reads and parses one file. */
    public DicomFile read(Path file) throws DicomException {
        String source = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new DicomException(source + ": file is " + size + " bytes, more than the limit of "
                        + maxFileBytes + " bytes for one DICOM file");
            }
            bytes = Files.readAllBytes(file);
        } catch (DicomException e) {
            throw e;
        } catch (IOException e) {
            throw new DicomException(source + ": cannot read file: " + e.getMessage(), e);
        }
        return parse(bytes, source);
    }

    /** Parses a whole Part-10 file held in memory; {@code source} names it in messages. */
    public DicomFile parse(byte[] bytes, String source) throws DicomException {
        if (bytes.length > maxFileBytes) {
            throw new DicomException(source + ": " + bytes.length + " bytes exceed the limit of " + maxFileBytes);
        }
        if (bytes.length < PREAMBLE + 4) {
            throw DicomException.at(source, bytes.length, "file is " + bytes.length
                    + " bytes long, too short for the 128-byte preamble and \"DICM\" (PS3.10 7.1)");
        }
        if (bytes[128] != 'D' || bytes[129] != 'I' || bytes[130] != 'C' || bytes[131] != 'M') {
            throw DicomException.at(source, PREAMBLE, "no \"DICM\" prefix after the 128-byte preamble: not a"
                    + " DICOM Part-10 file (files without File Meta Information are not accepted)");
        }
        Parser p = new Parser(bytes, source);
        p.pos = PREAMBLE + 4;
        DataSet meta = p.readMeta();
        String tsUid = meta.string(Tag.TRANSFER_SYNTAX_UID).orElse("");
        if (tsUid.isEmpty()) {
            throw DicomException.at(source, PREAMBLE + 4, "File Meta Information lacks "
                    + Tag.describe(Tag.TRANSFER_SYNTAX_UID));
        }
        TransferSyntax ts = TransferSyntax.ofUid(tsUid);
        if (ts == null) {
            throw DicomException.at(source, p.pos, "unsupported transfer syntax " + tsUid + " ("
                    + TransferSyntax.describe(tsUid) + "); supported: Implicit VR Little Endian, Explicit VR"
                    + " Little Endian, JPEG Lossless (.4.57, .4.70)");
        }
        DataSet dataSet = p.readDataSet(bytes.length, false, ts.explicitVr(), 0, ts);
        return new DicomFile(source, ts, meta, dataSet);
    }

    /** Cursor over one file's bytes; one instance per parse, not shared. */
    private static final class Parser {
        private final byte[] b;
        private final String source;
        private int pos;
        private int count;

        Parser(byte[] b, String source) {
            this.b = b;
            this.source = source;
        }

        private DicomException error(long offset, String message) {
            return DicomException.at(source, offset, message);
        }

        private int u16(int i) {
            return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
        }

        private long u32(int i) {
            return DataSet.le32(b, i) & 0xFFFFFFFFL;
        }

        /** Counts one element, item or fragment against {@link #MAX_ELEMENTS}. */
        private void countOne(int at) throws DicomException {
            if (++count > MAX_ELEMENTS) {
                throw error(at, "more than " + MAX_ELEMENTS + " elements, items and fragments; not a plausible"
                        + " image file");
            }
        }

        private void need(int n, int limit, String what) throws DicomException {
            if (limit - pos < n) {
                throw error(pos, "truncated: " + what + " needs " + n + " bytes but only " + (limit - pos)
                        + " remain");
            }
        }

        /** Group 0002 elements, always Explicit VR Little Endian (PS3.10 7.1). */
        DataSet readMeta() throws DicomException {
            TreeMap<Integer, DicomElement> elements = DataSet.newElementMap();
            int start = pos;
            int limit = b.length;
            int previous = -1;
            while (pos + 2 <= limit && u16(pos) == 0x0002) {
                int at = pos;
                DicomElement e = readElement(limit, true, 0, null);
                if (e.tag() <= previous) {
                    throw error(at, "File Meta element " + Tag.format(e.tag()) + " out of ascending order");
                }
                previous = e.tag();
                elements.put(e.tag(), e);
                if (e.tag() == Tag.FILE_META_GROUP_LENGTH && e instanceof DicomElement.Value v && v.length() == 4) {
                    long declaredEnd = pos + u32v(v.rawBytes());
                    if (declaredEnd > limit) {
                        throw error(at, "File Meta Information Group Length " + u32v(v.rawBytes())
                                + " runs past the end of the file");
                    }
                    limit = (int) declaredEnd;
                }
            }
            if (elements.isEmpty()) {
                throw error(start, "no File Meta Information (group 0002) after \"DICM\"");
            }
            if (pos != limit && limit != b.length) {
                throw error(pos, "File Meta Information Group Length does not match the group's elements");
            }
            return new DataSet(source, elements);
        }

        private static long u32v(byte[] v) {
            return DataSet.le32(v, 0) & 0xFFFFFFFFL;
        }

        /**
         * Elements up to {@code limit}, or up to an Item Delimitation Item if {@code undefinedLength}.
         */
        DataSet readDataSet(int limit, boolean undefinedLength, boolean explicit, int depth, TransferSyntax ts)
                throws DicomException {
            TreeMap<Integer, DicomElement> elements = DataSet.newElementMap();
            int previous = Integer.MIN_VALUE;
            boolean first = true;
            while (true) {
                if (pos == limit) {
                    if (undefinedLength) {
                        throw error(pos, "item of undefined length is not closed by an Item Delimitation Item"
                                + " before the end of " + (depth == 0 ? "the file" : "its sequence"));
                    }
                    return new DataSet(source, elements);
                }
                int at = pos;
                need(8, limit, "element header");
                int tag = u16(pos) << 16 | u16(pos + 2);
                if (tag == Tag.ITEM_DELIMITATION) {
                    if (!undefinedLength) {
                        throw error(at, "Item Delimitation Item inside an item of defined length");
                    }
                    pos += 8;
                    return new DataSet(source, elements);
                }
                if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION) {
                    throw error(at, "unexpected " + Tag.format(tag) + " delimiter inside a data set");
                }
                if ((tag >>> 16) == 0x0002 && depth == 0) {
                    throw error(at, "File Meta element " + Tag.format(tag) + " found in the data set");
                }
                // Unsigned comparison: tags are ordered as unsigned 32-bit numbers (PS3.5 7.1).
                if (!first && Integer.compareUnsigned(tag, previous) <= 0) {
                    throw error(at, "element " + Tag.format(tag) + " does not follow " + Tag.format(previous)
                            + " in ascending tag order (PS3.5 7.1)" + (tag == previous ? ": duplicate" : ""));
                }
                first = false;
                previous = tag;
                elements.put(tag, readElement(limit, explicit, depth, ts));
            }
        }

        private DicomElement readElement(int limit, boolean explicit, int depth, TransferSyntax ts)
                throws DicomException {
            int at = pos;
            countOne(at);
            need(8, limit, "element header");
            int tag = u16(pos) << 16 | u16(pos + 2);
            Vr vr;
            long length;
            if (explicit) {
                vr = Vr.of(b[pos + 4] & 0xFF, b[pos + 5] & 0xFF);
                if (vr == null) {
                    throw error(at, "element " + Tag.format(tag) + " has invalid VR bytes 0x"
                            + Integer.toHexString(b[pos + 4] & 0xFF) + " 0x" + Integer.toHexString(b[pos + 5] & 0xFF)
                            + " (is the transfer syntax right?)");
                }
                if (vr.longLength()) {
                    need(12, limit, "element header of " + Tag.format(tag));
                    length = u32(pos + 8);
                    pos += 12;
                } else {
                    length = u16(pos + 6);
                    pos += 8;
                }
            } else {
                vr = ElementDictionary.standard().vr(tag);
                length = u32(pos + 4);
                pos += 8;
            }
            if (length == UNDEFINED) {
                if (tag == Tag.PIXEL_DATA && depth == 0) {
                    if (ts == null || !ts.encapsulated()) {
                        throw error(at, "Pixel Data of undefined length (encapsulated) in a native transfer syntax");
                    }
                    return readEncapsulated(tag, vr, at, limit);
                }
                if (vr == Vr.SQ || vr == Vr.UN) {
                    // UN of undefined length holds Implicit VR Little Endian items (PS3.5 6.2.2 note).
                    boolean nestedExplicit = vr == Vr.SQ && explicit;
                    return readSequence(tag, vr, at, limit, true, nestedExplicit, depth, ts);
                }
                throw error(at, "element " + Tag.describe(tag) + " with VR " + vr
                        + " has undefined length, allowed only for SQ, UN and encapsulated Pixel Data");
            }
            if (length > limit - pos) {
                throw error(at, "element " + Tag.describe(tag) + " declares " + length + " bytes but only "
                        + (limit - pos) + " remain" + (limit == b.length ? " in the file (truncated?)" : " in its item"));
            }
            int end = pos + (int) length;
            if (vr == Vr.SQ) {
                return readSequence(tag, vr, at, end, false, explicit, depth, ts);
            }
            byte[] value = Arrays.copyOfRange(b, pos, end);
            pos = end;
            return new DicomElement.Value(tag, vr, at, value);
        }

        private DicomElement.Sequence readSequence(int tag, Vr vr, int at, int limit, boolean undefinedLength,
                                                   boolean explicit, int depth, TransferSyntax ts)
                throws DicomException {
            if (depth + 1 > MAX_DEPTH) {
                throw error(at, "sequences nested deeper than " + MAX_DEPTH + " levels");
            }
            List<DataSet> items = new ArrayList<>();
            while (true) {
                if (pos == limit) {
                    if (undefinedLength) {
                        throw error(pos, "sequence " + Tag.describe(tag) + " of undefined length is not closed by a"
                                + " Sequence Delimitation Item before the end of the " + (depth == 0 ? "file" : "item"));
                    }
                    return new DicomElement.Sequence(tag, vr, at, items);
                }
                int itemAt = pos;
                countOne(itemAt);
                need(8, limit, "item header in sequence " + Tag.format(tag));
                int itemTag = u16(pos) << 16 | u16(pos + 2);
                long itemLength = u32(pos + 4);
                pos += 8;
                if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                    if (!undefinedLength) {
                        throw error(itemAt, "Sequence Delimitation Item inside sequence " + Tag.format(tag)
                                + " of defined length");
                    }
                    return new DicomElement.Sequence(tag, vr, at, items);
                }
                if (itemTag != Tag.ITEM) {
                    throw error(itemAt, "expected an Item (FFFE,E000) in sequence " + Tag.describe(tag) + ", found "
                            + Tag.format(itemTag));
                }
                if (itemLength == UNDEFINED) {
                    items.add(readDataSet(limit, true, explicit, depth + 1, ts));
                } else {
                    if (itemLength > limit - pos) {
                        throw error(itemAt, "item in " + Tag.describe(tag) + " declares " + itemLength
                                + " bytes but only " + (limit - pos) + " remain");
                    }
                    items.add(readDataSet(pos + (int) itemLength, false, explicit, depth + 1, ts));
                }
            }
        }

        /** Basic Offset Table item, fragment items, Sequence Delimitation Item (PS3.5 A.4). */
        private DicomElement.Encapsulated readEncapsulated(int tag, Vr vr, int at, int limit) throws DicomException {
            byte[] offsetTable = null;
            List<byte[]> fragments = new ArrayList<>();
            while (true) {
                int itemAt = pos;
                countOne(itemAt);
                need(8, limit, "item header in encapsulated Pixel Data");
                int itemTag = u16(pos) << 16 | u16(pos + 2);
                long itemLength = u32(pos + 4);
                pos += 8;
                if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                    if (offsetTable == null) {
                        throw error(itemAt, "encapsulated Pixel Data has no Basic Offset Table item");
                    }
                    return new DicomElement.Encapsulated(tag, vr, at, offsetTable, fragments);
                }
                if (itemTag != Tag.ITEM) {
                    throw error(itemAt, "expected an Item (FFFE,E000) in encapsulated Pixel Data, found "
                            + Tag.format(itemTag));
                }
                if (itemLength > limit - pos) {
                    throw error(itemAt, "Pixel Data fragment declares " + itemLength + " bytes but only "
                            + (limit - pos) + " remain (undefined or truncated fragment)");
                }
                byte[] content = Arrays.copyOfRange(b, pos, pos + (int) itemLength);
                pos += (int) itemLength;
                if (offsetTable == null) {
                    offsetTable = content;
                } else {
                    fragments.add(content);
                }
            }
        }
    }
}
