package org.vascalc.imaging.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A DICOM file or series that cannot be read or written: corrupt, truncated, hostile, unsupported or
 * inconsistent. The message always names the file (or folder) and, for parse errors, the byte offset,
 * so that a user sees what is wrong without a stack trace.
 */
public final class DicomException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The one file of a series that could not be read (null: the problem is not one file's). */
    private final transient Path damagedFile;

    public DicomException(String message) {
        this(message, null, null);
    }

    public DicomException(String message, Throwable cause) {
        this(message, null, cause);
    }

    private DicomException(String message, Path damagedFile, Throwable cause) {
        super(message, cause);
        this.damagedFile = damagedFile;
    }

    /**
     * {@code cause}, with the same message, as the problem of one file of a series that claims to be DICOM
     * (its "DICM" prefix) and cannot be read: corrupt or truncated. A caller can then say how to go on without
     * that file (review10), which a problem of the series as a whole (spacing, several series) does not allow.
     */
    static DicomException damaged(Path file, DicomException cause) {
        return new DicomException(cause.getMessage(), file, cause);
    }

    /** The file that could not be read, when the problem is one file of a series ({@link #damaged}). */
    public Optional<Path> damagedFile() {
        return Optional.ofNullable(damagedFile);
    }

    /** "file at offset N: message". */
    static DicomException at(String source, long offset, String message) {
        return new DicomException(source + " at byte offset " + offset + ": " + message);
    }
}
