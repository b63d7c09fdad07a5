package org.vascalc.clinical.prevent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.prevent.PreventCoefficients.Term;
import org.vascalc.clinical.score.DerivationRange;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.clinical.score.RiskScore;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;

/**
 * AHA PREVENT base model (Khan 2024, Circulation 149:430; equations in its supplement): sex-specific
 * logistic models of 10- or 30-year total CVD, ASCVD or heart failure, without a race term, using
 * centred and piecewise-linear transforms of age, non-HDL and HDL cholesterol (mmol/L), SBP, BMI
 * and eGFR (research note §3.2). Coefficients are data: {@code prevent-base-10y.csv},
 * {@code prevent-base-30y.csv}.
 */
public final class Prevent implements RiskScore {

    /** PREVENT's own mg/dL → mmol/L factor for cholesterol (Khan 2024), = 1 / 38.67. */
    static final double MMOL_L_PER_MG_DL = 0.02586;

    private final PreventOutcome outcome;
    private final int horizonYears;
    private final String name;
    private final DerivationRange age;
    private final DerivationRange sbp;
    private final DerivationRange tc;
    private final DerivationRange hdl;
    private final DerivationRange bmi;
    private final DerivationRange egfr;

    public Prevent(PreventOutcome outcome, int horizonYears) {
        this.outcome = outcome;
        this.horizonYears = horizonYears;
        PreventCoefficients.forHorizon(horizonYears);
        this.name = "PREVENT " + horizonYears + "-year " + switch (outcome) {
            case CVD -> "total CVD";
            case ASCVD -> "ASCVD";
            case HF -> "heart failure";
        };
        // Validity as in preventr's `valid` list (research note §3.2).
        this.age = DerivationRange.refuse(name, "age", "years", 30, 79);
        this.sbp = DerivationRange.warn(name, "systolic blood pressure", "mmHg", 90, 180);
        this.tc = DerivationRange.warn(name, "total cholesterol", "mg/dL", 130, 320);
        this.hdl = DerivationRange.warn(name, "HDL cholesterol", "mg/dL", 20, 100);
        this.bmi = DerivationRange.warn(name, "body-mass index", "kg/m²", 18.5, 39.9);
        this.egfr = DerivationRange.warn(name, "eGFR", "mL/min/1.73 m²", 15, 140);
    }

    /** All six base-model scores: 10- and 30-year total CVD, ASCVD and heart failure. */
    public static List<Prevent> all() {
        return List.of(new Prevent(PreventOutcome.CVD, 10), new Prevent(PreventOutcome.ASCVD, 10),
                new Prevent(PreventOutcome.HF, 10), new Prevent(PreventOutcome.CVD, 30),
                new Prevent(PreventOutcome.ASCVD, 30), new Prevent(PreventOutcome.HF, 30));
    }

    @Override
    public String id() {
        return "prevent-" + outcome.name().toLowerCase(Locale.ROOT) + "-" + horizonYears + "y";
    }

    @Override
    public String name() {
        return name;
    }

    /** Systolic pressure for every model; the lipids for all but heart failure, which does not use them. */
    @Override
    public java.util.List<String> needs() {
        return outcome == PreventOutcome.HF ? java.util.List.of(RiskInput.SYSTOLIC_BP_KEY) : RiskInput.RISK_FACTOR_KEYS;
    }

    @Override
    public void check(RiskInput in, InputProblems problems) {
        age.check(in.ageYears(), "age", problems);
        in.systolicBpMmHg().ifPresent(v -> sbp.check(v, "systolicBp", problems));
        if (outcome != PreventOutcome.HF) {
            in.totalCholesterolMgDl().ifPresent(v -> tc.check(v, "totalCholesterol", problems));
            in.hdlCholesterolMgDl().ifPresent(v -> hdl.check(v, "hdlCholesterol", problems));
        }
        if (in.egfrMlMin173().isEmpty()) {
            problems.error("egfr", name + " needs eGFR (mL/min/1.73 m²) or a serum creatinine to compute it");
        } else {
            egfr.check(in.egfrMlMin173().getAsDouble(), "egfr", problems);
        }
        if (outcome == PreventOutcome.HF) {
            if (in.bmiKgM2().isEmpty()) {
                problems.error("bmi", name + " needs the body-mass index (kg/m²)");
            } else {
                bmi.check(in.bmiKgM2().getAsDouble(), "bmi", problems);
            }
        }
        if (horizonYears == 30 && in.ageYears() > 59 && age.allows(in.ageYears())) {
            problems.warning("age", "age = " + ValidRange.fmt(in.ageYears()) + " years: PREVENT 30-year"
                    + " estimates above age 59 rest on few participants followed that long (Khan 2024)");
        }
    }

    @Override
    public RiskEstimate compute(RiskInput in) {
        InputProblems problems = validate(in);
        double[] b = PreventCoefficients.forHorizon(horizonYears).of(outcome, in.sex());
        double[] x = terms(in);
        double logOdds = 0;
        for (int i = 0; i < x.length; i++) {
            logOdds += b[i] * x[i];
        }
        double risk = 1 / (1 + Math.exp(-logOdds));
        Map<String, Double> used = new LinkedHashMap<>();
        for (Term t : new Term[] {Term.A, Term.NH, Term.H, Term.S1, Term.S2, Term.B1, Term.B2, Term.E1, Term.E2}) {
            used.put(t.name().toLowerCase(Locale.ROOT), x[t.ordinal()]);
        }
        used.put("log_odds", logOdds);
        return new RiskEstimate(id(), name, outcome.description(), horizonYears, risk,
                "Khan2024, supplement (base model)", used, problems.warnings());
    }

    /** The model's covariate vector, indexed by {@link Term#ordinal()}. */
    static double[] terms(RiskInput in) {
        double[] x = new double[Term.values().length];
        double a = (in.ageYears() - 55) / 10;
        // the lipids enter every model but heart failure's (its coefficients for them are 0), which needs() lets go
        // without them: then nh = h = 0, as the BMI below, so that no term depends on a value not given
        boolean lipids = in.totalCholesterolMgDl().isPresent() && in.hdlCholesterolMgDl().isPresent();
        double tcMmol = lipids ? in.totalCholesterolMgDl().getAsDouble() * MMOL_L_PER_MG_DL : 4.8;
        double hdlMmol = lipids ? in.hdlCholesterolMgDl().getAsDouble() * MMOL_L_PER_MG_DL : 1.3;
        double nh = tcMmol - hdlMmol - 3.5;
        double h = (hdlMmol - 1.3) / 0.3;
        double sbp = in.systolicBpMmHg().getAsDouble();
        double s1 = (Math.min(sbp, 110) - 110) / 20;
        double s2 = (Math.max(sbp, 110) - 130) / 20;
        // BMI enters only the heart-failure model; when absent, 25 makes b1 = b2 = 0 and no term depends on it.
        double bmi = in.bmiKgM2().orElse(25);
        double b1 = (Math.min(bmi, 30) - 25) / 5;
        double b2 = (Math.max(bmi, 30) - 30) / 5;
        double egfr = in.egfrMlMin173().orElseThrow();
        double e1 = (Math.min(egfr, 60) - 60) / -15;
        double e2 = (Math.max(egfr, 60) - 90) / -15;
        double dm = in.diabetes() ? 1 : 0;
        double smk = in.smoker() ? 1 : 0;
        double bpmed = in.bpTreated() ? 1 : 0;
        double statin = in.lipidLowering() ? 1 : 0;
        x[Term.A.ordinal()] = a;
        x[Term.A2.ordinal()] = a * a;
        x[Term.NH.ordinal()] = nh;
        x[Term.H.ordinal()] = h;
        x[Term.S1.ordinal()] = s1;
        x[Term.S2.ordinal()] = s2;
        x[Term.DM.ordinal()] = dm;
        x[Term.SMOKER.ordinal()] = smk;
        x[Term.B1.ordinal()] = b1;
        x[Term.B2.ordinal()] = b2;
        x[Term.E1.ordinal()] = e1;
        x[Term.E2.ordinal()] = e2;
        x[Term.BPMED.ordinal()] = bpmed;
        x[Term.STATIN.ordinal()] = statin;
        x[Term.BPMED_S2.ordinal()] = bpmed * s2;
        x[Term.STATIN_NH.ordinal()] = statin * nh;
        x[Term.A_NH.ordinal()] = a * nh;
        x[Term.A_H.ordinal()] = a * h;
        x[Term.A_S2.ordinal()] = a * s2;
        x[Term.A_DM.ordinal()] = a * dm;
        x[Term.A_SMOKER.ordinal()] = a * smk;
        x[Term.A_B2.ordinal()] = a * b2;
        x[Term.A_E1.ordinal()] = a * e1;
        x[Term.CONSTANT.ordinal()] = 1;
        return x;
    }
}
