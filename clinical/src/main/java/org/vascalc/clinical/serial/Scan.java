package org.vascalc.clinical.serial;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One coronary calcium scan.
 *
 * @param date     date of the scan
 * @param agatston total Agatston score, Agatston units
 */
public record Scan(LocalDate date, double agatston) {

    public Scan {
        Objects.requireNonNull(date, "date");
    }
}
