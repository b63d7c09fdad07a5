package org.vascalc.imaging.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable DICOM data set: elements by tag in ascending order, with typed getters that decode
 * values according to their VR. Every getter that fails names the source file and the tag, so callers
 * can pass the {@link DicomException} straight to the user.
 */
public final class DataSet {

    private final String source;
    private final Map<Integer, DicomElement> elements;

    DataSet(String source, Map<Integer, DicomElement> elements) {
        this.source = source;
        TreeMap<Integer, DicomElement> sorted = newElementMap();
        sorted.putAll(elements);
        this.elements = Collections.unmodifiableMap(sorted);
    }

    /** A map ordered as DICOM orders tags: as unsigned 32-bit numbers, so (FFFE,xxxx) sorts last. */
    static TreeMap<Integer, DicomElement> newElementMap() {
        return new TreeMap<>(Integer::compareUnsigned);
    }

    /** Name of the file this data set came from (or will be written to), for messages. */
    public String source() { return source; }

    /** All elements in ascending tag order (unmodifiable). */
    public Map<Integer, DicomElement> elements() { return elements; }

    public boolean contains(int tag) { return elements.containsKey(tag); }

    public Optional<DicomElement> element(int tag) { return Optional.ofNullable(elements.get(tag)); }

    /** Whether the element is absent or has a zero-length value (a Type 2 attribute left empty). */
    public boolean isEmpty(int tag) {
        DicomElement e = elements.get(tag);
        return e == null || (e instanceof DicomElement.Value v && v.length() == 0);
    }

    private Charset charset() {
        // Only the default repertoire and UTF-8 are decoded; ISO-8859-1 is a superset of the default
        // repertoire's bytes, so other single-byte sets lose only accented letters in names.
        DicomElement e = elements.get(Tag.SPECIFIC_CHARACTER_SET);
        if (e instanceof DicomElement.Value v && new String(v.rawBytes(), StandardCharsets.US_ASCII).contains("ISO_IR 192")) {
            return StandardCharsets.UTF_8;
        }
        return StandardCharsets.ISO_8859_1;
    }

    private DicomElement.Value value(int tag) throws DicomException {
        DicomElement e = elements.get(tag);
        if (e == null) {
            throw new DicomException(source + ": required attribute " + Tag.describe(tag) + " is missing");
        }
        if (!(e instanceof DicomElement.Value v)) {
            throw DicomException.at(source, e.offset(), Tag.describe(tag) + " is a " + e.getClass().getSimpleName()
                    + ", expected a plain value");
        }
        return v;
    }

    /** Text value with trailing padding (spaces, NULs) removed, or empty if absent. */
    public Optional<String> string(int tag) throws DicomException {
        if (!elements.containsKey(tag)) {
            return Optional.empty();
        }
        DicomElement.Value v = value(tag);
        if (!v.vr().text() && v.vr() != Vr.UN) {
            throw DicomException.at(source, v.offset(), Tag.describe(tag) + " has VR " + v.vr() + ", not text");
        }
        return Optional.of(stripPadding(new String(v.rawBytes(), charset())));
    }

    /** Text value that must be present and non-empty. */
    public String requiredString(int tag) throws DicomException {
        String s = string(tag).orElse("");
        if (s.isEmpty()) {
            throw new DicomException(source + ": required attribute " + Tag.describe(tag) + " is missing or empty");
        }
        return s;
    }

    /** The backslash-separated values of a text attribute, each trimmed; empty array if absent or empty. */
    public String[] strings(int tag) throws DicomException {
        String s = string(tag).orElse("");
        if (s.isEmpty()) {
            return new String[0];
        }
        String[] parts = s.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    /** First value of an integer attribute (US, SS, UL, SL or IS), or empty if absent or empty. */
    public Optional<Integer> optionalInt(int tag) throws DicomException {
        if (isEmpty(tag)) {
            return Optional.empty();
        }
        return Optional.of(ints(tag)[0]);
    }

    /** First value of an integer attribute that must be present. */
    public int requiredInt(int tag) throws DicomException {
        return optionalInt(tag).orElseThrow(() -> new DicomException(source + ": required attribute "
                + Tag.describe(tag) + " is missing or empty"));
    }

    /** All values of an integer attribute (US, SS, UL, SL or IS); a UL of 2^31 or more is refused (see doubles). */
    public int[] ints(int tag) throws DicomException {
        DicomElement.Value v = value(tag);
        byte[] b = v.rawBytes();
        return switch (v.vr()) {
            case US -> decodeBinary(v, 2, i -> (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8);
            case SS -> decodeBinary(v, 2, i -> (short) ((b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8));
            case SL -> decodeBinary(v, 4, i -> le32(b, i));
            case UL -> {
                // UL is unsigned (PS3.5 Table 6.2-1): a value of 2^31 or more does not fit an int and would
                // read as negative, so it is refused by name (doubles() reads it in full)
                int[] out = decodeBinary(v, 4, i -> le32(b, i));
                for (int x : out) {
                    if (x < 0) {
                        throw DicomException.at(source, v.offset(), Tag.describe(tag) + " value "
                                + Integer.toUnsignedString(x) + " (VR UL) is above the largest integer read, "
                                + Integer.MAX_VALUE);
                    }
                }
                yield out;
            }
            case IS -> {
                String[] parts = strings(tag);
                int[] out = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        out[i] = Integer.parseInt(parts[i].startsWith("+") ? parts[i].substring(1) : parts[i]);
                    } catch (NumberFormatException e) {
                        throw DicomException.at(source, v.offset(), Tag.describe(tag) + " value '" + parts[i]
                                + "' is not an integer string (IS)");
                    }
                }
                yield out;
            }
            default -> throw DicomException.at(source, v.offset(), Tag.describe(tag) + " has VR " + v.vr()
                    + ", expected an integer VR (US, SS, UL, SL, IS)");
        };
    }

    /** All values of a numeric attribute (DS, FD, FL, or any integer VR; UL read unsigned in full). */
    public double[] doubles(int tag) throws DicomException {
        DicomElement.Value v = value(tag);
        byte[] b = v.rawBytes();
        switch (v.vr()) {
            case DS -> {
                String[] parts = strings(tag);
                double[] out = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    out[i] = parseDecimal(parts[i], v);
                }
                return out;
            }
            case FD -> {
                int[] idx = decodeBinary(v, 8, i -> i);
                double[] out = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    out[i] = Double.longBitsToDouble((le32(b, idx[i]) & 0xFFFFFFFFL) | (long) le32(b, idx[i] + 4) << 32);
                }
                return out;
            }
            case UL -> {
                int[] bits = decodeBinary(v, 4, i -> le32(b, i));
                double[] out = new double[bits.length];
                for (int i = 0; i < bits.length; i++) {
                    out[i] = Integer.toUnsignedLong(bits[i]);
                }
                return out;
            }
            case FL -> {
                int[] bits = decodeBinary(v, 4, i -> le32(b, i));
                double[] out = new double[bits.length];
                for (int i = 0; i < bits.length; i++) {
                    out[i] = Float.intBitsToFloat(bits[i]);
                }
                return out;
            }
            default -> {
                int[] ints = ints(tag);
                double[] out = new double[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    out[i] = ints[i];
                }
                return out;
            }
        }
    }

    /** First value of a numeric attribute, or empty if absent or empty. */
    public Optional<Double> optionalDouble(int tag) throws DicomException {
        if (isEmpty(tag)) {
            return Optional.empty();
        }
        double[] d = doubles(tag);
        return d.length == 0 ? Optional.empty() : Optional.of(d[0]);
    }

    /** Numeric attribute that must have exactly {@code count} values. */
    public double[] requiredDoubles(int tag, int count) throws DicomException {
        if (isEmpty(tag)) {
            throw new DicomException(source + ": required attribute " + Tag.describe(tag) + " is missing or empty");
        }
        double[] d = doubles(tag);
        if (d.length != count) {
            throw new DicomException(source + ": " + Tag.describe(tag) + " has " + d.length + " values, expected " + count);
        }
        return d;
    }

    private double parseDecimal(String s, DicomElement.Value v) throws DicomException {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw DicomException.at(source, v.offset(), Tag.describe(v.tag()) + " value '" + s
                    + "' is not a finite decimal string (DS)");
        }
    }

    private interface IndexDecoder {
        int decode(int byteIndex);
    }

    private int[] decodeBinary(DicomElement.Value v, int width, IndexDecoder decoder) throws DicomException {
        if (v.length() % width != 0) {
            throw DicomException.at(source, v.offset(), Tag.describe(v.tag()) + " has length " + v.length()
                    + ", not a multiple of " + width + " bytes for VR " + v.vr());
        }
        int[] out = new int[v.length() / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = decoder.decode(i * width);
        }
        return out;
    }

    static int le32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    @Override
    public String toString() {
        return "DataSet[" + source + ", " + elements.size() + " elements]";
    }
}
