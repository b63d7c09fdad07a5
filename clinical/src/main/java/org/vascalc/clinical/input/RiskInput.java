package org.vascalc.clinical.input;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.ArrayList;
import java.util.List;
import org.vascalc.clinical.score.RiskScore;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * One person's risk factors in the units the published equations use. Every score takes this
 * record and uses the fields it needs; {@link #checkPlausible} rejects values no person has,
 * while each score warns on its own when a plausible value lies outside the range it was derived on.
 *
 * <p>Age, sex and race are always needed (the MESA CAC percentile uses them with the calcium score).
 * The lipids and the systolic pressure may be absent ({@link #forCacPercentile}): a clinician with a CT
 * report alone wants the percentile and the CAC-DRS category, which need none of them; every risk
 * score then says which it needs ({@link RiskScore#needs}, {@code ScoreOutcome.NotComputed}) instead of
 * computing. A value that is given is checked as before.
 *
 * @param ageYears               age, years
 * @param sex                    sex
 * @param race                   race / ethnicity (see {@link Race})
 * @param totalCholesterolMgDl   total cholesterol, mg/dL (convert with {@link LipidUnit}), if known
 * @param hdlCholesterolMgDl     HDL cholesterol, mg/dL, if known
 * @param systolicBpMmHg         office systolic blood pressure, mmHg, if known
 * @param bpTreated              on antihypertensive medication
 * @param lipidLowering          on lipid-lowering medication (statin)
 * @param diabetes               diabetes mellitus
 * @param smoker                 current smoker
 * @param familyHistory          heart attack in a parent, sibling or child (MESA risk score)
 * @param bmiKgM2                body-mass index, kg/m² (PREVENT heart failure), if known
 * @param egfrMlMin173           eGFR, mL/min/1.73 m² (PREVENT), if known
 * @param cacAgatston            coronary artery calcium, Agatston units, if scanned
 * @param vesselsWithCac         number of coronary arteries (LM, LAD, LCX, RCA) with calcium, if known
 */
public record RiskInput(double ageYears, Sex sex, Race race, OptionalDouble totalCholesterolMgDl,
                        OptionalDouble hdlCholesterolMgDl, OptionalDouble systolicBpMmHg, boolean bpTreated,
                        boolean lipidLowering, boolean diabetes, boolean smoker, boolean familyHistory,
                        OptionalDouble bmiKgM2, OptionalDouble egfrMlMin173, OptionalDouble cacAgatston,
                        OptionalInt vesselsWithCac) {

    /** The keys (as in patient files and problem paths) of the factors a risk score may need and a percentile does not. */
    public static final String TOTAL_CHOLESTEROL_KEY = "totalCholesterol";
    public static final String HDL_CHOLESTEROL_KEY = "hdlCholesterol";
    public static final String SYSTOLIC_BP_KEY = "systolicBp";
    /** Every such key, in the order they are named. */
    public static final List<String> RISK_FACTOR_KEYS = List.of(TOTAL_CHOLESTEROL_KEY, HDL_CHOLESTEROL_KEY,
            SYSTOLIC_BP_KEY);

    /** Limits of human plausibility: outside them the input is a mistake, whatever the score. */
    public static final ValidRange AGE = ValidRange.of("age", "years", 18, 110);
    /**
     * The hard limits of {@code RiskFactors.TOTAL_CHOLESTEROL}, shared with scenario files and {@code /compare};
     * the typical range is left out here because each score warns outside its own derivation range.
     */
    public static final ValidRange TOTAL_CHOLESTEROL = hardLimitsOf(RiskFactors.TOTAL_CHOLESTEROL);
    public static final ValidRange HDL_CHOLESTEROL = hardLimitsOf(RiskFactors.HDL_CHOLESTEROL);
    public static final ValidRange SYSTOLIC_BP = ValidRange.of("systolic blood pressure", "mmHg", 60, 280);
    public static final ValidRange BMI = ValidRange.of("body-mass index", "kg/m²", 10, 90);
    /**
     * Up to 250, not the 200 of scenario files ({@code ScenarioRanges.EGFR}): the risk tools compute
     * eGFR from creatinine with CKD-EPI 2021 ({@link org.vascalc.clinical.prevent.CkdEpi2021}), which
     * over its accepted creatinine range [0.1, 25] mg/dL gives up to 246.5 mL/min/1.73 m² (male, 18 y,
     * 0.1 mg/dL); a value the tool computed itself must not be rejected by it. PREVENT still warns
     * outside its derivation range (eGFR 15–140). No published test vector
     * uses eGFR above 200.
     */
    public static final ValidRange EGFR = ValidRange.of("eGFR", "mL/min/1.73 m²", 1, 250);
    public static final ValidRange CAC = ValidRange.of("coronary artery calcium", "Agatston units", 0, 50_000);
    public static final ValidRange VESSELS = ValidRange.of("number of coronary arteries with calcium", "", 0, 4);

    public RiskInput {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(totalCholesterolMgDl, "totalCholesterolMgDl");
        Objects.requireNonNull(hdlCholesterolMgDl, "hdlCholesterolMgDl");
        Objects.requireNonNull(systolicBpMmHg, "systolicBpMmHg");
        Objects.requireNonNull(bmiKgM2, "bmiKgM2");
        Objects.requireNonNull(egfrMlMin173, "egfrMlMin173");
        Objects.requireNonNull(cacAgatston, "cacAgatston");
        Objects.requireNonNull(vesselsWithCac, "vesselsWithCac");
    }

    /** A person with the lipids and the systolic pressure known (the form every score can use). */
    public RiskInput(double ageYears, Sex sex, Race race, double totalCholesterolMgDl, double hdlCholesterolMgDl,
                     double systolicBpMmHg, boolean bpTreated, boolean lipidLowering, boolean diabetes,
                     boolean smoker, boolean familyHistory, OptionalDouble bmiKgM2, OptionalDouble egfrMlMin173,
                     OptionalDouble cacAgatston, OptionalInt vesselsWithCac) {
        this(ageYears, sex, race, OptionalDouble.of(totalCholesterolMgDl), OptionalDouble.of(hdlCholesterolMgDl),
                OptionalDouble.of(systolicBpMmHg), bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2,
                egfrMlMin173, cacAgatston, vesselsWithCac);
    }

    /**
     * The risk factors of {@code required} (keys {@link #TOTAL_CHOLESTEROL_KEY}, {@link #HDL_CHOLESTEROL_KEY},
     * {@link #SYSTOLIC_BP_KEY}) this input lacks, in that order; empty when all are given.
     */
    public List<String> missing(java.util.Collection<String> required) {
        List<String> out = new ArrayList<>();
        if (required.contains(TOTAL_CHOLESTEROL_KEY) && totalCholesterolMgDl.isEmpty()) {
            out.add(TOTAL_CHOLESTEROL_KEY);
        }
        if (required.contains(HDL_CHOLESTEROL_KEY) && hdlCholesterolMgDl.isEmpty()) {
            out.add(HDL_CHOLESTEROL_KEY);
        }
        if (required.contains(SYSTOLIC_BP_KEY) && systolicBpMmHg.isEmpty()) {
            out.add(SYSTOLIC_BP_KEY);
        }
        return List.copyOf(out);
    }

    /** The range (field, unit, limits) of a risk-factor key, for saying what a missing one should be. */
    public static ValidRange rangeOf(String key) {
        return switch (key) {
            case TOTAL_CHOLESTEROL_KEY -> TOTAL_CHOLESTEROL;
            case HDL_CHOLESTEROL_KEY -> HDL_CHOLESTEROL;
            case SYSTOLIC_BP_KEY -> SYSTOLIC_BP;
            default -> throw new IllegalArgumentException("not a risk-factor key: " + key);
        };
    }

    /** Adds an error for every value outside human plausibility (field paths as in patient files). */
    public void checkPlausible(InputProblems problems) {
        AGE.check(ageYears, "age", problems);
        // a factor not given is no mistake (the percentile does not use it); one given is checked as always
        totalCholesterolMgDl.ifPresent(v -> checkCholesterol(TOTAL_CHOLESTEROL, v, "totalCholesterol", problems));
        hdlCholesterolMgDl.ifPresent(v -> checkCholesterol(HDL_CHOLESTEROL, v, "hdlCholesterol", problems));
        if (totalCholesterolMgDl.isPresent() && hdlCholesterolMgDl.isPresent()) {
            double total = totalCholesterolMgDl.getAsDouble();
            String hdlAboveTotal = RiskFactors.hdlNotBelowTotal(total, hdlCholesterolMgDl.getAsDouble());
            if (hdlAboveTotal != null && TOTAL_CHOLESTEROL.allows(total)) {
                problems.error("hdlCholesterol", hdlAboveTotal);
            }
        }
        systolicBpMmHg.ifPresent(v -> SYSTOLIC_BP.check(v, "systolicBp", problems));
        bmiKgM2.ifPresent(v -> BMI.check(v, "bmi", problems));
        egfrMlMin173.ifPresent(v -> EGFR.check(v, "egfr", problems));
        cacAgatston.ifPresent(v -> CAC.check(v, "cac", problems));
        vesselsWithCac.ifPresent(v -> VESSELS.check(v, "cacVessels", problems));
    }

    /**
     * {@code range.check}, its error told when the value reads as mmol/L ({@link RiskFactors#mmolPerLHint}, the
     * wording of the command line, the web form and scenario files): {@code RiskInput.of(55, MALE, WHITE, 213, 1.3,
     * 120)} said only "HDL cholesterol = 1.3 mg/dL is outside the allowed range 5 to 200 mg/dL" (review17).
     */
    private static void checkCholesterol(ValidRange range, double mgDl, String path, InputProblems problems) {
        String hint = RiskFactors.mmolPerLHint(range, mgDl);
        if (hint == null || range.allows(mgDl)) {
            range.check(mgDl, path, problems);
            return;
        }
        InputProblems own = new InputProblems();
        range.check(mgDl, path, own);
        for (org.vascalc.core.input.InputProblem q : own.all()) {
            problems.add(new org.vascalc.core.input.InputProblem(q.path(), q.message() + "; " + hint
                    + " (LipidUnit.MMOL_PER_L.toMgDl converts)", q.severity()));
        }
    }

    /**
     * A person with only the inputs every score needs; everything else off or unknown (no blood
     * pressure or lipid medication, no diabetes, not smoking, no family history, BMI, eGFR and CAC
     * not given). Add the rest with the {@code with...} methods, e.g. {@code .withCac(120)}.
     *
     * @param ageYears             age, years
     * @param sex                  sex
     * @param race                 race / ethnicity as the equations define it
     * @param totalCholesterolMgDl total cholesterol, mg/dL
     * @param hdlCholesterolMgDl   HDL cholesterol, mg/dL
     * @param systolicBpMmHg       office systolic blood pressure, mmHg
     */
    public static RiskInput of(double ageYears, Sex sex, Race race, double totalCholesterolMgDl,
                               double hdlCholesterolMgDl, double systolicBpMmHg) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                false, false, false, false, false, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalInt.empty());
    }

    /**
     * A person known only by what the MESA CAC percentile and CAC-DRS use: age, sex, race and the calcium
     * score (a CT report without lipids or blood pressure). {@code ClinicalAssessment.assess} gives the
     * percentile and the category and reports every risk score as {@code ScoreOutcome.NotComputed} naming what
     * it needs; a score's {@code compute} refuses it naming the same. Add factors with the {@code with...}
     * methods.
     *
     * @param ageYears    age, years
     * @param sex         sex
     * @param race        race / ethnicity as MESA defines it
     * @param cacAgatston coronary artery calcium, Agatston units
     */
    public static RiskInput forCacPercentile(double ageYears, Sex sex, Race race, double cacAgatston) {
        return new RiskInput(ageYears, sex, race, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), false, false, false, false, false, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.of(cacAgatston), OptionalInt.empty());
    }

    /** This input at another age, years. */
    public RiskInput withAge(double years) {
        return new RiskInput(years, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with another office systolic blood pressure, mmHg. */
    public RiskInput withSystolicBp(double mmHg) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, OptionalDouble.of(mmHg),
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with a coronary calcium score, Agatston units. */
    public RiskInput withCac(double agatston) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173,
                OptionalDouble.of(agatston), vesselsWithCac);
    }

    /** This input with another total cholesterol, mg/dL. */
    public RiskInput withTotalCholesterol(double mgDl) {
        return new RiskInput(ageYears, sex, race, OptionalDouble.of(mgDl), hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input on or off blood-pressure medication and a statin. */
    public RiskInput withTreatment(boolean bpMedication, boolean statin) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpMedication, statin, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with or without diabetes and current smoking. */
    public RiskInput withHabits(boolean diabetic, boolean smoking) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetic, smoking, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    public RiskInput withSexAndRace(Sex s, Race r) {
        return new RiskInput(ageYears, s, r, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with an HDL cholesterol, mg/dL. */
    public RiskInput withHdlCholesterol(double mgDl) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, OptionalDouble.of(mgDl), systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with a heart attack in a parent, sibling or child (the MESA risk score's term), or without. */
    public RiskInput withFamilyHistory(boolean heartAttackInFamily) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, heartAttackInFamily, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with a body-mass index, kg/m² (PREVENT heart failure needs it). */
    public RiskInput withBmi(double kgM2) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, OptionalDouble.of(kgM2), egfrMlMin173,
                cacAgatston, vesselsWithCac);
    }

    /**
     * This input with an eGFR, mL/min/1.73 m² (every PREVENT equation needs it; from a serum creatinine, {@link
     * org.vascalc.clinical.prevent.CkdEpi2021}).
     */
    public RiskInput withEgfr(double mlMin173) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, OptionalDouble.of(mlMin173),
                cacAgatston, vesselsWithCac);
    }

    /** This input with the number of coronary arteries (LM, LAD, LCX, RCA) with calcium, 0 to 4 (CAC-DRS N1-N4). */
    public RiskInput withCacVessels(int arteries) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                OptionalInt.of(arteries));
    }

    private static ValidRange hardLimitsOf(ValidRange r) {
        return ValidRange.of(r.field(), r.unit(), r.hardLow(), r.hardHigh());
    }
}
