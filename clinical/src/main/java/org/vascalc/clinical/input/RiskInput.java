package org.vascalc.clinical.input;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * One person's risk factors in the units the published equations use. Every score takes this
 * record and uses the fields it needs; {@link #checkPlausible} rejects values no person has,
 * while each score warns on its own when a plausible value lies outside the range it was derived on.
 *
 * @param ageYears               age, years
 * @param sex                    sex
 * @param race                   race / ethnicity (see {@link Race})
 * @param totalCholesterolMgDl   total cholesterol, mg/dL (convert with {@link LipidUnit})
 * @param hdlCholesterolMgDl     HDL cholesterol, mg/dL
 * @param systolicBpMmHg         office systolic blood pressure, mmHg
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
public record RiskInput(double ageYears, Sex sex, Race race, double totalCholesterolMgDl,
                        double hdlCholesterolMgDl, double systolicBpMmHg, boolean bpTreated,
                        boolean lipidLowering, boolean diabetes, boolean smoker, boolean familyHistory,
                        OptionalDouble bmiKgM2, OptionalDouble egfrMlMin173, OptionalDouble cacAgatston,
                        OptionalInt vesselsWithCac) {

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
        Objects.requireNonNull(bmiKgM2, "bmiKgM2");
        Objects.requireNonNull(egfrMlMin173, "egfrMlMin173");
        Objects.requireNonNull(cacAgatston, "cacAgatston");
        Objects.requireNonNull(vesselsWithCac, "vesselsWithCac");
    }

    /** Adds an error for every value outside human plausibility (field paths as in patient files). */
    public void checkPlausible(InputProblems problems) {
        AGE.check(ageYears, "age", problems);
        checkCholesterol(TOTAL_CHOLESTEROL, totalCholesterolMgDl, "totalCholesterol", problems);
        checkCholesterol(HDL_CHOLESTEROL, hdlCholesterolMgDl, "hdlCholesterol", problems);
        String hdlAboveTotal = RiskFactors.hdlNotBelowTotal(totalCholesterolMgDl, hdlCholesterolMgDl);
        if (hdlAboveTotal != null && TOTAL_CHOLESTEROL.allows(totalCholesterolMgDl)) {
            problems.error("hdlCholesterol", hdlAboveTotal);
        }
        SYSTOLIC_BP.check(systolicBpMmHg, "systolicBp", problems);
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

    /** This input at another age, years. */
    public RiskInput withAge(double years) {
        return new RiskInput(years, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, systolicBpMmHg,
                bpTreated, lipidLowering, diabetes, smoker, familyHistory, bmiKgM2, egfrMlMin173, cacAgatston,
                vesselsWithCac);
    }

    /** This input with another office systolic blood pressure, mmHg. */
    public RiskInput withSystolicBp(double mmHg) {
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, hdlCholesterolMgDl, mmHg,
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
        return new RiskInput(ageYears, sex, race, mgDl, hdlCholesterolMgDl, systolicBpMmHg,
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
        return new RiskInput(ageYears, sex, race, totalCholesterolMgDl, mgDl, systolicBpMmHg,
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
