package org.vascalc.physiology.wall;

import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;

/**
 * The per-patient constants the wall's rates read: measured risk factors that do not change in a
 * run (blood pressure does, through the Windkessel; statins and diabetes come from the drivers).
 */
record RiskProfile(double nonHdlMgDl, double crpMgL, boolean smoker, boolean male, boolean diabetes) {

    static RiskProfile of(Patient patient) {
        return new RiskProfile(patient.risk().totalCholesterolMgDl() - patient.risk().hdlCholesterolMgDl(),
                patient.risk().hsCrpMgL(), patient.risk().smoker(), patient.sex() == Sex.MALE,
                patient.risk().diabetes());
    }
}
