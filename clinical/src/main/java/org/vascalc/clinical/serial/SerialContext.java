package org.vascalc.clinical.serial;

import java.util.Objects;
import org.vascalc.core.patient.Sex;

/**
 * What is known about the person between the scans, as far as it changes the interpretation.
 *
 * @param sex           sex (the expected progression differs)
 * @param onVitaminK2   took vitamin K2 (menaquinone) between the scans
 * @param onStatin      took a statin between the scans
 */
public record SerialContext(Sex sex, boolean onVitaminK2, boolean onStatin) {

    public SerialContext {
        Objects.requireNonNull(sex, "sex");
    }
}
