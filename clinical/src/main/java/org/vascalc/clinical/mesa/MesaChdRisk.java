package org.vascalc.clinical.mesa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.score.DerivationRange;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.clinical.score.RiskScore;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.patient.Sex;

/**
 * MESA 10-year hard-CHD risk with or without coronary calcium (McClelland 2015, JACC 66:1643, Table 2
 * / PMC4603537 table T2): {@code risk = 1 − S0^exp(Σ βᵢxᵢ)}, raw (uncentred) covariates.
 * Hard CHD = MI, resuscitated cardiac arrest, CHD death, or revascularisation with angina.
 * Coefficients re-typed from the paper's table as carried by CVrisk and preventr (research note
 * §2.a); no clamping of the output (CVrisk clamps to [1, 30] %, the paper does not).
 */
public final class MesaChdRisk implements RiskScore {

    /** β for one variant; the order of fields is the order of the paper's table. */
    record Coefficients(double age, double male, double chinese, double black, double hispanic,
                        double diabetes, double smoker, double totalCholesterol, double hdl,
                        double lipidLowering, double sbp, double bpTreated, double familyHistory,
                        double lnCacPlus1, double baselineSurvival) {
    }

    /** McClelland 2015 Table 2, model without CAC. */
    static final Coefficients WITHOUT_CAC = new Coefficients(0.0455, 0.7496, -0.5055, -0.2111, -0.1900,
            0.5168, 0.4732, 0.0053, -0.0140, 0.2473, 0.0085, 0.3381, 0.4522, 0, 0.99963);
    /** McClelland 2015 Table 2, model with CAC (ln(CAC + 1), Agatston). */
    static final Coefficients WITH_CAC = new Coefficients(0.0172, 0.4079, -0.3475, 0.0353, -0.0222,
            0.3892, 0.3717, 0.0043, -0.0114, 0.1206, 0.0066, 0.2278, 0.3239, 0.2743, 0.99833);

    public static final String NAME_WITHOUT = "MESA CHD risk (without CAC)";
    public static final String NAME_WITH = "MESA CHD risk (with CAC)";

    private final boolean usesCac;
    private final Coefficients beta;
    private final String name;
    private final DerivationRange age;
    private final DerivationRange totalCholesterol;
    private final DerivationRange hdl;
    private final DerivationRange sbp;
    private final DerivationRange cac;

    private MesaChdRisk(boolean usesCac) {
        this.usesCac = usesCac;
        this.beta = usesCac ? WITH_CAC : WITHOUT_CAC;
        this.name = usesCac ? NAME_WITH : NAME_WITHOUT;
        // MESA enrolled ages 45-84; CVrisk documents 45-85. Lipid/BP ranges as in preventr's `valid`.
        this.age = DerivationRange.refuse(name, "age", "years", 45, 85);
        this.totalCholesterol = DerivationRange.warn(name, "total cholesterol", "mg/dL", 130, 320);
        this.hdl = DerivationRange.warn(name, "HDL cholesterol", "mg/dL", 20, 100);
        this.sbp = DerivationRange.warn(name, "systolic blood pressure", "mmHg", 90, 180);
        this.cac = DerivationRange.warn(name, "coronary artery calcium", "Agatston units", 0, 9999);
    }

    /** The model without coronary calcium (risk factors only). */
    public static MesaChdRisk withoutCac() {
        return new MesaChdRisk(false);
    }

    /** The model with ln(CAC + 1); its input must carry a CAC score ({@link RiskInput#withCac}). */
    public static MesaChdRisk withCac() {
        return new MesaChdRisk(true);
    }

    @Override
    public String id() {
        return usesCac ? "mesa-chd-cac" : "mesa-chd";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void check(RiskInput in, InputProblems problems) {
        age.check(in.ageYears(), "age", problems);
        if (in.race() == Race.OTHER) {
            problems.error("race", "race = other: " + name + " was derived on white, Black, Chinese and Hispanic"
                    + " participants only; choose the closest of these or use another score");
        }
        in.totalCholesterolMgDl().ifPresent(v -> totalCholesterol.check(v, "totalCholesterol", problems));
        in.hdlCholesterolMgDl().ifPresent(v -> hdl.check(v, "hdlCholesterol", problems));
        in.systolicBpMmHg().ifPresent(v -> sbp.check(v, "systolicBp", problems));
        if (usesCac) {
            if (in.cacAgatston().isEmpty()) {
                problems.error("cac", name + " needs a coronary calcium score (Agatston units)");
            } else {
                cac.check(in.cacAgatston().getAsDouble(), "cac", problems);
            }
        }
    }

    @Override
    public RiskEstimate compute(RiskInput in) {
        InputProblems problems = validate(in);
        Map<String, Double> used = new LinkedHashMap<>();
        double male = in.sex() == Sex.MALE ? 1 : 0;
        double lnCac = usesCac ? Math.log(in.cacAgatston().getAsDouble() + 1) : 0;
        double lp = beta.age() * in.ageYears()
                + beta.male() * male
                + beta.chinese() * (in.race() == Race.CHINESE ? 1 : 0)
                + beta.black() * (in.race() == Race.BLACK ? 1 : 0)
                + beta.hispanic() * (in.race() == Race.HISPANIC ? 1 : 0)
                + beta.diabetes() * flag(in.diabetes())
                + beta.smoker() * flag(in.smoker())
                + beta.totalCholesterol() * in.totalCholesterolMgDl().getAsDouble()
                + beta.hdl() * in.hdlCholesterolMgDl().getAsDouble()
                + beta.lipidLowering() * flag(in.lipidLowering())
                + beta.sbp() * in.systolicBpMmHg().getAsDouble()
                + beta.bpTreated() * flag(in.bpTreated())
                + beta.familyHistory() * flag(in.familyHistory())
                + beta.lnCacPlus1() * lnCac;
        used.put("age_years", in.ageYears());
        used.put("totalCholesterol_mgdl", in.totalCholesterolMgDl().getAsDouble());
        used.put("hdlCholesterol_mgdl", in.hdlCholesterolMgDl().getAsDouble());
        used.put("systolicBp_mmhg", in.systolicBpMmHg().getAsDouble());
        if (usesCac) {
            used.put("ln_cac_plus_1", lnCac);
        }
        used.put("linear_predictor", lp);
        double risk = 1 - Math.pow(beta.baselineSurvival(), Math.exp(lp));
        return new RiskEstimate(id(), name, "hard CHD (MI, resuscitated arrest, CHD death, revascularisation"
                + " with angina)", 10, risk, "McClelland2015, Table 2", used, problems.warnings());
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
