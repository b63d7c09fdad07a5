package org.vascalc.imaging.dicom;

/**
 * DICOM value representations (PS3.5 section 6.2). {@link #longLength()} tells whether Explicit VR
 * encoding uses two reserved bytes and a 32-bit length (PS3.5 7.1.2) instead of a 16-bit length.
 */
public enum Vr {
    AE(false, true), AS(false, true), AT(false, false), CS(false, true), DA(false, true),
    DS(false, true), DT(false, true), FL(false, false), FD(false, false), IS(false, true),
    LO(false, true), LT(false, true), OB(true, false), OD(true, false), OF(true, false),
    OL(true, false), OV(true, false), OW(true, false), PN(false, true), SH(false, true),
    SL(false, false), SQ(true, false), SS(false, false), ST(false, true), SV(true, false),
    TM(false, true), UC(true, true), UI(false, true), UL(false, false), UN(true, false),
    UR(true, true), US(false, false), UT(true, true), UV(true, false);

    private final boolean longLength;
    private final boolean text;

    Vr(boolean longLength, boolean text) {
        this.longLength = longLength;
        this.text = text;
    }

    /** Explicit VR: 2 reserved bytes then a 4-byte length (true), or a 2-byte length (false). */
    public boolean longLength() { return longLength; }

    /** Whether the value is character data (padded with a space, or NUL for UI). */
    public boolean text() { return text; }

    /** The VR spelled by two ASCII bytes, or null if they spell none. */
    static Vr of(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        String name = new String(new char[] {(char) b0, (char) b1});
        for (Vr vr : values()) {
            if (vr.name().equals(name)) {
                return vr;
            }
        }
        return null;
    }
}
