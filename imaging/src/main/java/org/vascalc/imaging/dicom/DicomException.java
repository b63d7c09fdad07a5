package org.vascalc.imaging.dicom;

import java.io.IOException;

/**
 * A DICOM file or series that cannot be read or written: corrupt, truncated, hostile, unsupported or
 * inconsistent. The message always names the file (or folder) and, for parse errors, the byte offset,
 * so that a user sees what is wrong without a stack trace.
 */
public final class DicomException extends IOException {

    private static final long serialVersionUID = 1L;

    public DicomException(String message) {
        super(message);
    }

    public DicomException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "file at offset N: message". */
    static DicomException at(String source, long offset, String message) {
        return new DicomException(source + " at byte offset " + offset + ": " + message);
    }
}
