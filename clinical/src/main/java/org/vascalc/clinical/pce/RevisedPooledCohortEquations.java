package org.vascalc.clinical.pce;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.clinical.score.RiskScore;
import org.vascalc.core.input.InputProblems;

/**
 * Revised Pooled Cohort Equations (Yadlowsky 2018, Ann Intern Med 169:20, appendix table of the
 * logistic models): {@code risk = 1/(1 + exp(−x))} with raw age and SBP, the TC/HDL ratio and
 * interactions with Black race (B = 1 for African American, 0 otherwise).
 */
public final class RevisedPooledCohortEquations implements RiskScore {

    public static final String NAME = "Revised Pooled Cohort Equations";

    record Coefficients(double intercept, double age, double black, double sbpSquared, double sbp,
                        double bpTreated, double diabetes, double smoker, double tcHdlRatio,
                        double ageBlack, double sbpBpTreated, double sbpBlack, double blackBpTreated,
                        double ageSbp, double blackDiabetes, double blackSmoker, double blackRatio,
                        double blackSbpBpTreated, double blackSbpAge) {
    }

    static final Coefficients FEMALE = new Coefficients(-12.823110, 0.106501, 0.432440, 0.000056, 0.017666,
            0.731678, 0.943970, 1.009790, 0.151318, -0.008580, -0.003647, 0.006208, 0.152968, -0.000153,
            0.115232, -0.092231, 0.070498, -0.000173, -0.000094);
    static final Coefficients MALE = new Coefficients(-11.679980, 0.064200, 0.482835, -0.000061, 0.038950,
            2.055533, 0.842209, 0.895589, 0.193307, 0, -0.014207, 0.011609, -0.119460, 0.000025,
            -0.077214, -0.226771, -0.117749, 0.004190, -0.000199);

    private static final PceDerivationRanges RANGES = new PceDerivationRanges(NAME);

    @Override
    public String id() {
        return "pce-revised";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(RiskInput in, InputProblems problems) {
        RANGES.check(in, problems);
    }

    @Override
    public RiskEstimate compute(RiskInput in) {
        InputProblems problems = validate(in);
        Coefficients c = switch (in.sex()) {
            case FEMALE -> FEMALE;
            case MALE -> MALE;
        };
        double age = in.ageYears();
        double sbp = in.systolicBpMmHg().getAsDouble();
        double b = in.race() == Race.BLACK ? 1 : 0;
        double rx = in.bpTreated() ? 1 : 0;
        double dm = in.diabetes() ? 1 : 0;
        double smk = in.smoker() ? 1 : 0;
        double ratio = in.totalCholesterolMgDl().getAsDouble() / in.hdlCholesterolMgDl().getAsDouble();
        double x = c.intercept() + c.age() * age + c.black() * b + c.sbpSquared() * sbp * sbp + c.sbp() * sbp
                + c.bpTreated() * rx + c.diabetes() * dm + c.smoker() * smk + c.tcHdlRatio() * ratio
                + c.ageBlack() * age * b + c.sbpBpTreated() * sbp * rx + c.sbpBlack() * sbp * b
                + c.blackBpTreated() * b * rx + c.ageSbp() * age * sbp + c.blackDiabetes() * b * dm
                + c.blackSmoker() * b * smk + c.blackRatio() * b * ratio + c.blackSbpBpTreated() * b * sbp * rx
                + c.blackSbpAge() * b * sbp * age;
        double risk = 1 / (1 + Math.exp(-x));
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("age_years", age);
        used.put("systolicBp_mmhg", sbp);
        used.put("tc_hdl_ratio", ratio);
        used.put("black", b);
        used.put("log_odds", x);
        return new RiskEstimate(id(), NAME, "hard ASCVD (non-fatal MI, CHD death, fatal or non-fatal stroke)", 10,
                risk, "Yadlowsky2018, appendix (revised PCE logistic models)", used, problems.warnings());
    }
}
