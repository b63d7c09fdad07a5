package org.vascalc.cli.imaging;

import java.util.Optional;
import org.vascalc.imaging.dicom.DicomException;

/**
 * How to go on when one file of a series is damaged (review9: a truncated slice refused the series with its file
 * and byte offset, and no word on what to do). The series stays refused: a score without a slice misses that
 * slice's calcium, and a slice missing inside the stack is refused as irregular spacing anyway. So: the file
 * again from the scanner or archive, or, for the first or last slice only, the rest without it.
 */
public final class DamagedSlice {

    private DamagedSlice() {
    }

    /**
     * What to do, for a problem of one file ({@link DicomException#damagedFile()}, named by its path as the problem
     * names it); empty for a problem of the series as a whole. {@code remove} says how to leave the file out here
     * ("moving it out of DIR", "uploading the files without it").
     */
    public static Optional<String> advice(DicomException e, String remove) {
        return e.damagedFile().map(f -> "the series is not scored without that slice: copy " + f
                + " again from the scanner or archive; if it is the first or last slice, " + remove
                + " scores the rest (without that slice's calcium); a slice missing inside the stack is refused as "
                + "irregular spacing");
    }
}
