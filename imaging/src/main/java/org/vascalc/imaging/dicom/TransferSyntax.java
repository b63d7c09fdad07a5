package org.vascalc.imaging.dicom;

/**
 * The transfer syntaxes this package reads (PS3.5 section 10 and annex A). All are little endian;
 * the JPEG Lossless ones encode the data set as Explicit VR Little Endian and only the pixel data
 * is encapsulated (PS3.5 A.4).
 */
public enum TransferSyntax {
    /** Implicit VR Little Endian, the DICOM default. */
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", false, false),
    /** Explicit VR Little Endian; what the writer produces. */
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", true, false),
    /** JPEG Lossless, Non-Hierarchical (Process 14). */
    JPEG_LOSSLESS_PROCESS_14("1.2.840.10008.1.2.4.57", true, true),
    /** JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1). */
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", true, true);

    private final String uid;
    private final boolean explicitVr;
    private final boolean encapsulated;

    TransferSyntax(String uid, boolean explicitVr, boolean encapsulated) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.encapsulated = encapsulated;
    }

    public String uid() { return uid; }

    public boolean explicitVr() { return explicitVr; }

    /** Whether pixel data are JPEG fragments inside items rather than native samples. */
    public boolean encapsulated() { return encapsulated; }

    /** The syntax with this UID, or null if unsupported. */
    public static TransferSyntax ofUid(String uid) {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        return null;
    }

    /** A human name for a UID, supported or not, for error messages. */
    static String describe(String uid) {
        return switch (uid) {
            case "1.2.840.10008.1.2" -> "Implicit VR Little Endian";
            case "1.2.840.10008.1.2.1" -> "Explicit VR Little Endian";
            case "1.2.840.10008.1.2.1.99" -> "Deflated Explicit VR Little Endian";
            case "1.2.840.10008.1.2.2" -> "Explicit VR Big Endian (retired)";
            case "1.2.840.10008.1.2.4.50" -> "JPEG Baseline (lossy)";
            case "1.2.840.10008.1.2.4.51" -> "JPEG Extended (lossy)";
            case "1.2.840.10008.1.2.4.57" -> "JPEG Lossless Process 14";
            case "1.2.840.10008.1.2.4.70" -> "JPEG Lossless SV1";
            case "1.2.840.10008.1.2.4.80" -> "JPEG-LS Lossless";
            case "1.2.840.10008.1.2.4.81" -> "JPEG-LS Near-Lossless";
            case "1.2.840.10008.1.2.4.90" -> "JPEG 2000 Lossless";
            case "1.2.840.10008.1.2.4.91" -> "JPEG 2000";
            case "1.2.840.10008.1.2.5" -> "RLE Lossless";
            default -> "unknown";
        };
    }
}
