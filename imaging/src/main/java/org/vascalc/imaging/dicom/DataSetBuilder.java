package org.vascalc.imaging.dicom;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds a {@link DataSet} for writing, encoding each value as PS3.5 section 6.2 requires: text joined
 * with backslashes, DS at most 16 and IS at most 12 characters, binary numbers little endian. Values
 * are padded to even length by {@link DicomWriter}, not here.
 */
public final class DataSetBuilder {

    private final String source;
    private final TreeMap<Integer, DicomElement> elements = DataSet.newElementMap();

    public DataSetBuilder(String source) {
        this.source = source;
    }

    private DataSetBuilder put(int tag, Vr vr, byte[] bytes) {
        elements.put(tag, new DicomElement.Value(tag, vr, -1, bytes));
        return this;
    }

    /** Text of a character VR; several values are joined with '\'. An empty call writes a Type 2 empty value. */
    public DataSetBuilder text(int tag, Vr vr, String... values) {
        if (!vr.text()) {
            throw new IllegalArgumentException(Tag.format(tag) + ": VR " + vr + " is not a text VR");
        }
        String joined = String.join("\\", values);
        for (String v : values) {
            if (v.indexOf('\\') >= 0 && vr != Vr.LT && vr != Vr.ST && vr != Vr.UT) {
                throw new IllegalArgumentException(Tag.format(tag) + ": value '" + v + "' contains a backslash");
            }
        }
        return put(tag, vr, joined.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Decimal strings, each formatted to at most 16 characters (PS3.5 Table 6.2-1). */
    public DataSetBuilder decimal(int tag, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = formatDecimal(values[i]);
        }
        return text(tag, Vr.DS, s);
    }

    /** Integer strings (IS). */
    public DataSetBuilder integerString(int tag, int... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Integer.toString(values[i]);
        }
        return text(tag, Vr.IS, s);
    }

    /** Unsigned shorts (US), each 0..65535. */
    public DataSetBuilder unsignedShort(int tag, int... values) {
        byte[] b = new byte[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new IllegalArgumentException(Tag.format(tag) + ": US value " + values[i] + " outside 0..65535");
            }
            b[2 * i] = (byte) values[i];
            b[2 * i + 1] = (byte) (values[i] >>> 8);
        }
        return put(tag, Vr.US, b);
    }

    /** Raw bytes of a binary VR (OB, OW, UL, ...), already little endian; the array is taken, not copied. */
    public DataSetBuilder bytes(int tag, Vr vr, byte[] value) {
        if (vr.text() || vr == Vr.SQ) {
            throw new IllegalArgumentException(Tag.format(tag) + ": use text() or sequence() for VR " + vr);
        }
        return put(tag, vr, value);
    }

    /** A sequence of nested data sets. */
    public DataSetBuilder sequence(int tag, List<DataSet> items) {
        elements.put(tag, new DicomElement.Sequence(tag, Vr.SQ, -1, items));
        return this;
    }

    public DataSet build() {
        return new DataSet(source, elements);
    }

    /**
     * A whole number below 10^15 in magnitude as a plain integer (at most 16 characters with its sign);
     * otherwise the shortest decimal that reads back as the same double if it fits in 16 characters, or
     * else the value rounded to as many significant digits as fit (the DS format cannot hold more).
     */
    static String formatDecimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("DS value must be finite, got " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String shortest = BigDecimal.valueOf(value).stripTrailingZeros().toString();
        if (shortest.length() <= 16) {
            return shortest;
        }
        String plain = Double.toString(value);
        if (plain.length() <= 16) {
            return plain;
        }
        for (int digits = 15; digits > 0; digits--) {
            String s = new BigDecimal(value).round(new java.math.MathContext(digits)).stripTrailingZeros().toString();
            if (s.length() <= 16) {
                return s;
            }
        }
        throw new IllegalArgumentException("cannot format " + value + " as a DS of 16 characters");
    }
}
