package org.vascalc.clinical.pce;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.clinical.score.RiskScore;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.patient.Sex;

/**
 * Pooled Cohort Equations for 10-year hard ASCVD (Goff 2013, 2013 ACC/AHA risk guideline, Table A
 * of the full work-group report): {@code risk = 1 − S10^exp(Σβx − mean)} with logarithms of age,
 * cholesterol and SBP. White equations serve every race other than African American (as Goff
 * directs). Coefficients in the unrounded form carried by the ASCVD-calculator source that
 * bcjaeger/PooledCohort cites (research note §3.1): the printed table's rounding moves results by
 * up to ~0.1 percentage point.
 */
public final class PooledCohortEquations implements RiskScore {

    public static final String NAME = "Pooled Cohort Equations";

    /** One sex × race equation. */
    record Equation(double lnAge, double lnAgeSquared, double lnTc, double lnAgeLnTc, double lnHdl,
                    double lnAgeLnHdl, double lnTreatedSbp, double lnAgeLnTreatedSbp, double lnUntreatedSbp,
                    double lnAgeLnUntreatedSbp, double smoker, double lnAgeSmoker, double diabetes,
                    double meanSum, double s10) {
    }

    static final Equation WHITE_FEMALE = new Equation(-29.799, 4.884, 13.540, -3.114, -13.578, 3.149,
            2.019, 0, 1.957, 0, 7.574, -1.665, 0.661, -29.1817, 0.96652);
    static final Equation BLACK_FEMALE = new Equation(17.1141, 0, 0.9396, 0, -18.9196, 4.4748,
            29.2907, -6.4321, 27.8197, -6.0873, 0.6908, 0, 0.8738, 86.6081, 0.95334);
    static final Equation WHITE_MALE = new Equation(12.344, 0, 11.853, -2.664, -7.990, 1.769,
            1.797, 0, 1.764, 0, 7.837, -1.795, 0.658, 61.1816, 0.91436);
    static final Equation BLACK_MALE = new Equation(2.469, 0, 0.302, 0, -0.307, 0,
            1.916, 0, 1.809, 0, 0.549, 0, 0.645, 19.5425, 0.89536);

    /** The table as printed in Goff 2013 (3 decimals; means to 2, S10 to 4), as CVrisk uses it. */
    static final Equation WHITE_FEMALE_PRINTED = new Equation(-29.799, 4.884, 13.540, -3.114, -13.578, 3.149,
            2.019, 0, 1.957, 0, 7.574, -1.665, 0.661, -29.18, 0.9665);
    static final Equation BLACK_FEMALE_PRINTED = new Equation(17.114, 0, 0.940, 0, -18.920, 4.475,
            29.291, -6.432, 27.820, -6.087, 0.691, 0, 0.874, 86.61, 0.9533);
    static final Equation WHITE_MALE_PRINTED = new Equation(12.344, 0, 11.853, -2.664, -7.990, 1.769,
            1.797, 0, 1.764, 0, 7.837, -1.795, 0.658, 61.18, 0.9144);
    static final Equation BLACK_MALE_PRINTED = new Equation(2.469, 0, 0.302, 0, -0.307, 0,
            1.916, 0, 1.809, 0, 0.549, 0, 0.645, 19.54, 0.8954);

    /**
     * Which coefficient table: the unrounded one (default; it is what the published calculator
     * computes) or the rounded one printed in the guideline. They differ by up to ~0.05 percentage
     * points, most in the African-American female equation whose large coefficients amplify rounding.
     */
    public enum CoefficientSet { UNROUNDED, PRINTED }

    private final CoefficientSet set;

    /** The equations with the unrounded coefficients (what the published calculator computes). */
    public PooledCohortEquations() {
        this(CoefficientSet.UNROUNDED);
    }

    public PooledCohortEquations(CoefficientSet set) {
        this.set = java.util.Objects.requireNonNull(set, "set");
    }

    private static final PceDerivationRanges RANGES = new PceDerivationRanges(NAME);

    @Override
    public String id() {
        return "pce";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(RiskInput in, InputProblems problems) {
        RANGES.check(in, problems);
        if (in.race() != Race.WHITE && in.race() != Race.BLACK) {
            problems.warning("race", "race = " + in.race().name().toLowerCase(java.util.Locale.ROOT)
                    + ": the Pooled Cohort Equations use the white equations (Goff 2013); they may over- or"
                    + " under-estimate risk in this group");
        }
    }

    Equation equationFor(Sex sex, Race race) {
        boolean black = race == Race.BLACK;
        boolean printed = set == CoefficientSet.PRINTED;
        return switch (sex) {
            case FEMALE -> black ? (printed ? BLACK_FEMALE_PRINTED : BLACK_FEMALE)
                    : (printed ? WHITE_FEMALE_PRINTED : WHITE_FEMALE);
            case MALE -> black ? (printed ? BLACK_MALE_PRINTED : BLACK_MALE)
                    : (printed ? WHITE_MALE_PRINTED : WHITE_MALE);
        };
    }

    @Override
    public RiskEstimate compute(RiskInput in) {
        InputProblems problems = validate(in);
        Equation e = equationFor(in.sex(), in.race());
        double lnAge = Math.log(in.ageYears());
        double lnTc = Math.log(in.totalCholesterolMgDl().getAsDouble());
        double lnHdl = Math.log(in.hdlCholesterolMgDl().getAsDouble());
        double lnSbp = Math.log(in.systolicBpMmHg().getAsDouble());
        double smoker = in.smoker() ? 1 : 0;
        double sbpTerm = in.bpTreated()
                ? e.lnTreatedSbp() * lnSbp + e.lnAgeLnTreatedSbp() * lnAge * lnSbp
                : e.lnUntreatedSbp() * lnSbp + e.lnAgeLnUntreatedSbp() * lnAge * lnSbp;
        double sum = e.lnAge() * lnAge + e.lnAgeSquared() * lnAge * lnAge
                + e.lnTc() * lnTc + e.lnAgeLnTc() * lnAge * lnTc
                + e.lnHdl() * lnHdl + e.lnAgeLnHdl() * lnAge * lnHdl
                + sbpTerm
                + e.smoker() * smoker + e.lnAgeSmoker() * lnAge * smoker
                + e.diabetes() * (in.diabetes() ? 1 : 0);
        double risk = 1 - Math.pow(e.s10(), Math.exp(sum - e.meanSum()));
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("ln_age", lnAge);
        used.put("ln_totalCholesterol_mgdl", lnTc);
        used.put("ln_hdlCholesterol_mgdl", lnHdl);
        used.put("ln_systolicBp_mmhg", lnSbp);
        used.put("individual_sum", sum);
        used.put("group_mean_sum", e.meanSum());
        used.put("baseline_survival_10y", e.s10());
        return new RiskEstimate(id(), NAME, "hard ASCVD (non-fatal MI, CHD death, fatal or non-fatal stroke)", 10,
                risk, "Goff2013, Table A (" + (set == CoefficientSet.PRINTED ? "printed" : "unrounded") + " coefficients)", used, problems.warnings());
    }
}
