package org.vascalc.core.patient;

/**
 * Atherosclerotic risk factors that drive the intimal (plaque) compartment and the event hazards.
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

    public static RiskFactors typical() {
        return new RiskFactors(200, 55, 125, 78, false, false, 1.5);
    }
}
