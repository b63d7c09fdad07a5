package org.vascalc.imaging.volume;

/**
 * The coronary arteries a {@link LabelVolume} can mark, with their fixed label codes.
 *
 * <p>Code table (stored as one unsigned byte per voxel): 0 no artery (background), 1 LM, 2 LAD,
 * 3 LCX, 4 RCA. Codes 5..255 are reserved and rejected. These are the four territories the Agatston
 * per-vessel report uses (left main, left anterior descending, left circumflex, right coronary).
 * The codes are written into label-map files, so never renumber them.
 */
public enum CoronaryArtery {
    /** Left main coronary artery, code 1. */
    LM(1, "left main"),
    /** Left anterior descending artery, code 2. */
    LAD(2, "left anterior descending"),
    /** Left circumflex artery, code 3. */
    LCX(3, "left circumflex"),
    /** Right coronary artery, code 4. */
    RCA(4, "right coronary");

    /** Label code of voxels that belong to no artery. */
    public static final byte NONE = 0;

    private final byte code;
    private final String displayName;

    CoronaryArtery(int code, String displayName) {
        this.code = (byte) code;
        this.displayName = displayName;
    }

    /** The label code stored in a {@link LabelVolume} voxel. */
    public byte code() { return code; }

    /** Full name, e.g. "left anterior descending". */
    public String displayName() { return displayName; }

    /**
     * The artery for a label code.
     *
     * @throws IllegalArgumentException for 0 (none) and reserved codes
     */
    public static CoronaryArtery ofCode(int code) {
        for (CoronaryArtery a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("label code " + code + " is not an artery (allowed: 1 LM, 2 LAD, 3 LCX, 4 RCA)");
    }

    /** Whether {@code code} is 0 (none) or an artery's code. */
    public static boolean isValidCode(int code) {
        return code >= 0 && code <= RCA.code;
    }
}
