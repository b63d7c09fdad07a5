package org.vascalc.clinical.prevent;

import org.vascalc.clinical.input.CreatinineUnit;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Sex;

/**
 * Race-free CKD-EPI 2021 creatinine equation (Inker 2021, NEJM 385:1737, Table 2):
 * {@code eGFR = 142 · min(Scr/κ,1)^α · max(Scr/κ,1)^−1.200 · 0.9938^age · (1.012 if female)},
 * κ = 0.7 (F) / 0.9 (M), α = −0.241 (F) / −0.302 (M), Scr in mg/dL. PREVENT uses this eGFR.
 */
public final class CkdEpi2021 {

    public static final ValidRange CREATININE = ValidRange.of("serum creatinine", "mg/dL", 0.1, 25);
    public static final ValidRange AGE = ValidRange.of("age", "years", 18, 110);

    private CkdEpi2021() {
    }

    /** eGFR in mL/min/1.73 m² from serum creatinine in the given unit. */
    public static double egfr(double creatinine, CreatinineUnit unit, double ageYears, Sex sex) {
        InputProblems problems = new InputProblems();
        double scr = unit.toMgDl(creatinine);
        CREATININE.check(scr, "creatinine", problems);
        AGE.check(ageYears, "age", problems);
        problems.throwIfErrors("CKD-EPI 2021 input");
        boolean female = sex == Sex.FEMALE;
        double kappa = female ? 0.7 : 0.9;
        double alpha = female ? -0.241 : -0.302;
        double ratio = scr / kappa;
        return 142 * Math.pow(Math.min(ratio, 1), alpha) * Math.pow(Math.max(ratio, 1), -1.200)
                * Math.pow(0.9938, ageYears) * (female ? 1.012 : 1);
    }
}
