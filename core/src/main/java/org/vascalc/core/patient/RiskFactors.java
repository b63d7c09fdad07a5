package org.vascalc.core.patient;

/**
 * Atherosclerotic risk factors that drive the intimal (plaque) compartment and the event hazards.
 * An immutable value: the {@code with...} methods return a changed copy.
 *
 * @param totalCholesterolMgDl total cholesterol, mg/dL
 * @param hdlCholesterolMgDl   HDL cholesterol, mg/dL
 * @param systolicBpMmHg       baseline office systolic blood pressure, mmHg
 * @param diastolicBpMmHg      baseline office diastolic blood pressure, mmHg
 * @param smoker               current smoker
 * @param diabetes             diabetes mellitus
 * @param hsCrpMgL             high-sensitivity C-reactive protein, mg/L (inflammation)
 */
public record RiskFactors(double totalCholesterolMgDl, double hdlCholesterolMgDl, double systolicBpMmHg,
                          double diastolicBpMmHg, boolean smoker, boolean diabetes, double hsCrpMgL) {

    /**
     * Typical values of a middle-aged adult: total cholesterol 200 and HDL 55 mg/dL, blood pressure
     * 125/78 mmHg, no smoking, no diabetes, hs-CRP 1.5 mg/L.
     */
    public static RiskFactors typical() {
        return new RiskFactors(200, 55, 125, 78, false, false, 1.5);
    }

    /** These risk factors with another total and HDL cholesterol, mg/dL. */
    public RiskFactors withCholesterolMgDl(double total, double hdl) {
        return new RiskFactors(total, hdl, systolicBpMmHg, diastolicBpMmHg, smoker, diabetes, hsCrpMgL);
    }

    /** These risk factors with another office blood pressure, systolic and diastolic, mmHg. */
    public RiskFactors withBloodPressureMmHg(double systolic, double diastolic) {
        return new RiskFactors(totalCholesterolMgDl, hdlCholesterolMgDl, systolic, diastolic, smoker, diabetes, hsCrpMgL);
    }

    /** These risk factors with smoking and diabetes as given. */
    public RiskFactors withHabits(boolean isSmoker, boolean hasDiabetes) {
        return new RiskFactors(totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg, diastolicBpMmHg, isSmoker,
                hasDiabetes, hsCrpMgL);
    }
}
