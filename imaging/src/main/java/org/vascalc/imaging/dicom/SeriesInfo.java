package org.vascalc.imaging.dicom;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who and what a written series is about: the patient, study and series attributes, and the seed from
 * which all UIDs are derived ({@link DicomUids}). Same info and same volume give byte-identical files.
 *
 * @param uidSeed seed of every UID; different cases must use different seeds
 * @param patientName DICOM person name, e.g. "Synthetic^Case0001"
 * @param patientId patient ID (at most 64 characters)
 * @param studyDate study, series and content date
 * @param studyId study ID (at most 16 characters)
 * @param seriesNumber series number of the CT series (the label map uses seriesNumber + 1)
 * @param seriesDescription series description of the CT series (at most 64 characters)
 */
public record SeriesInfo(String uidSeed, String patientName, String patientId, LocalDate studyDate, String studyId,
                         int seriesNumber, String seriesDescription) {

    /** Fixed date for synthetic cases, so that their files do not change from run to run. */
    public static final LocalDate SYNTHETIC_DATE = LocalDate.of(2000, 1, 1);

    public SeriesInfo {
        Objects.requireNonNull(uidSeed, "uidSeed");
        Objects.requireNonNull(studyDate, "studyDate");
        requireLength("patientName", patientName, 64);
        requireLength("patientId", patientId, 64);
        requireLength("studyId", studyId, 16);
        requireLength("seriesDescription", seriesDescription, 64);
        if (seriesNumber < 0 || seriesNumber > 99_999_998) {
            throw new IllegalArgumentException("seriesNumber must be in 0..99999998, got " + seriesNumber);
        }
    }

    private static void requireLength(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.length() > max || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(name + " '" + value + "' must have at most " + max
                    + " characters and no backslash");
        }
    }

    /**
     * A synthetic case: patient "Synthetic^{caseId}" cut to the 64 characters a PN component group holds
     * (PS3.5 Table 6.2-1), ID {@code caseId} whole (at most 64 characters, LO), fixed date, series 1.
     */
    public static SeriesInfo synthetic(String caseId) {
        // a case id of 55-64 characters (the phantom command's: a 40-character name, "-s" and a long seed)
        // is a valid Patient ID, but with the "Synthetic^" prefix it overflowed the name's 64
        String name = "Synthetic^" + caseId;
        if (name.length() > 64) {
            name = name.substring(0, 64);
        }
        return new SeriesInfo("vascalc-synthetic/" + caseId, name, caseId, SYNTHETIC_DATE, "1", 1,
                "VasCalc synthetic calcium-score CT");
    }
}
