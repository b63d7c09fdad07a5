package org.vascalc.clinical.pce;

import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.score.DerivationRange;
import org.vascalc.core.input.InputProblems;

/**
 * The input ranges of the Pooled Cohort Equations' derivation cohorts (Goff 2013), which the
 * revised equations (Yadlowsky 2018) keep: age 40–79 years (outside it the equations do not apply),
 * and total cholesterol, HDL and systolic pressure inside the ranges below (outside: extrapolation).
 */
final class PceDerivationRanges {

    private final DerivationRange age;
    private final DerivationRange totalCholesterol;
    private final DerivationRange hdl;
    private final DerivationRange sbp;

    PceDerivationRanges(String scoreName) {
        age = DerivationRange.refuse(scoreName, "age", "years", 40, 79);
        totalCholesterol = DerivationRange.warn(scoreName, "total cholesterol", "mg/dL", 130, 320);
        hdl = DerivationRange.warn(scoreName, "HDL cholesterol", "mg/dL", 20, 100);
        sbp = DerivationRange.warn(scoreName, "systolic blood pressure", "mmHg", 90, 200);
    }

    void check(RiskInput in, InputProblems problems) {
        age.check(in.ageYears(), "age", problems);
        in.totalCholesterolMgDl().ifPresent(v -> totalCholesterol.check(v, "totalCholesterol", problems));
        in.hdlCholesterolMgDl().ifPresent(v -> hdl.check(v, "hdlCholesterol", problems));
        in.systolicBpMmHg().ifPresent(v -> sbp.check(v, "systolicBp", problems));
    }
}
