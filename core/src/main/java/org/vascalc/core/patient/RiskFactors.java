package org.vascalc.core.patient;

import org.vascalc.core.input.ValidRange;

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
     * Total cholesterol wherever VasCalc takes one (scenario files, {@code /compare}, the risk tools and
     * {@code /risk}), so that a value one accepts the others accept. Hard limits: human plausibility, wide
     * enough for homozygous familial hypercholesterolaemia and tight enough to catch a value in mmol/L
     * (assumption; they were the risk tools' own limits, while scenario files and {@code /compare} took
     * 80–500). Typical (a warning outside): the Pooled Cohort Equations' derivation range (Goff2013, the
     * ranges {@code PceDerivationRanges} warns outside), beyond which both the risk scores and the plaque
     * model's cholesterol factor extrapolate.
     */
    public static final ValidRange TOTAL_CHOLESTEROL =
            new ValidRange("total cholesterol", "mg/dL", 50, 700, 130, 320);
    /** HDL cholesterol, as {@link #TOTAL_CHOLESTEROL}: hard 5–200 mg/dL (assumption: Tangier disease to CETP deficiency), typical 20–100 (Goff2013). */
    public static final ValidRange HDL_CHOLESTEROL =
            new ValidRange("HDL cholesterol", "mg/dL", 5, 200, 20, 100);

    /** Cholesterol, mg/dL per mmol/L (molar mass 386.65 g/mol / 10): the one factor of every reader and the hint below. */
    public static final double CHOLESTEROL_MG_DL_PER_MMOL_L = 38.67;

    /**
     * The unit hint for a cholesterol {@code mgDl} given where mg/dL is meant that reads as mmol/L (a European lab's
     * 1.3 for HDL), or null: "if it is in mmol/L, 1.3 mmol/L is 50 mg/dL". Given when the value is refused by
     * {@code range} ({@link #TOTAL_CHOLESTEROL} or {@link #HDL_CHOLESTEROL}) and its mg/dL equivalent is allowed, or
     * outside the typical range and its equivalent typical (a warned value). The one wording of scenario files,
     * {@code /compare}, the risk tools' patients and flags ({@code vascalc risk}, {@code /risk}) and the library's
     * {@code RiskInput.checkPlausible} (leftovers23: the library said only "outside the allowed range"); each caller
     * adds how to give the value in mmol/L where it takes a unit. A value that is neither stays without a hint.
     */
    public static String mmolPerLHint(ValidRange range, double mgDl) {
        double converted = mgDl * CHOLESTEROL_MG_DL_PER_MMOL_L;
        boolean refusedButConvertedAllowed = !range.allows(mgDl) && range.allows(converted);
        boolean atypicalButConvertedTypical = !range.isTypical(mgDl) && range.isTypical(converted);
        if (!(mgDl > 0) || !(refusedButConvertedAllowed || atypicalButConvertedTypical)) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "if it is in mmol/L, %s mmol/L is %.0f mg/dL", ValidRange.fmt(mgDl),
                converted);
    }

    /**
     * The problem, or null, of an HDL not below the total cholesterol (both mg/dL): HDL is part of the total,
     * and the plaque model reads their difference (non-HDL cholesterol). One message for every form.
     */
    public static String hdlNotBelowTotal(double totalMgDl, double hdlMgDl) {
        return hdlMgDl < totalMgDl ? null : "HDL cholesterol (" + ValidRange.fmt(hdlMgDl)
                + " mg/dL) must be below total cholesterol (" + ValidRange.fmt(totalMgDl) + " mg/dL)";
    }

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
