package org.vascalc.simulation.scenario;

import java.util.Locale;
import java.util.Map;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.units.MolarMass;

/**
 * The validity envelope of every number a scenario file may hold. Hard limits reject what is not
 * physiological or cannot be simulated; typical limits (a warning only) mark where the published
 * models were built and calibrated, beyond which results are extrapolation. Ranges are on purpose
 * generous: they catch unit mistakes (mg vs g, mmol/L vs mg/dL), not unusual patients.
 */
public final class ScenarioRanges {

    private ScenarioRanges() {
    }

    // Patient: adult models (Peterson & Riggs 2010 is an adult model).
    public static final ValidRange AGE = new ValidRange("age", "years", 18, 110, 25, 90);
    public static final ValidRange WEIGHT = new ValidRange("body weight", "kg", 30, 300, 45, 150);
    public static final ValidRange HEIGHT = new ValidRange("height", "cm", 120, 230, 145, 200);
    /** Heights that look typed in metres (1.65 for 165 cm): refused all the same, with a hint saying so. */
    static final ValidRange HEIGHT_IN_METRES = ValidRange.of("height", "m", 0.5, 2.5);
    /**
     * The kidney model's input (scenario files and the web {@code /compare} page): hard limit 200,
     * typical 5–130 (a warning outside it). The risk tools allow
     * up to 250 ({@code RiskInput.EGFR} in clinical) only because they compute eGFR from creatinine
     * with CKD-EPI 2021, which reaches 246.5 at the lowest accepted creatinine; an entered eGFR above
     * 200 is a unit or typing mistake for the simulation, not a patient.
     */
    public static final ValidRange EGFR = new ValidRange("eGFR", "mL/min/1.73 m²", 1, 200, 5, 130);
    /** Total serum calcium: below 1.5 or above 4 mmol/L is not a chronic state (mg/dL values land far outside). */
    public static final ValidRange SERUM_CALCIUM = new ValidRange("serum total calcium", "mmol/L", 1.5, 4.0, 2.1, 2.7);
    public static final ValidRange SERUM_PHOSPHATE = new ValidRange("serum phosphate", "mmol/L", 0.3, 4.0, 0.8, 2.5);
    public static final ValidRange PTH = new ValidRange("intact PTH", "pg/mL", 1, 3000, 10, 600);

    /** The one range of every form and file ({@code RiskFactors}: the risk tools take the same). */
    public static final ValidRange TOTAL_CHOLESTEROL = org.vascalc.core.patient.RiskFactors.TOTAL_CHOLESTEROL;
    public static final ValidRange HDL = org.vascalc.core.patient.RiskFactors.HDL_CHOLESTEROL;
    public static final ValidRange SYSTOLIC = new ValidRange("systolic blood pressure", "mmHg", 70, 260, 90, 200);
    public static final ValidRange DIASTOLIC = new ValidRange("diastolic blood pressure", "mmHg", 35, 150, 50, 110);
    public static final ValidRange HS_CRP = new ValidRange("hs-CRP", "mg/L", 0, 200, 0, 10);

    // Conditions.
    public static final ValidRange COURSE_YEARS = ValidRange.of("kidney course time", "years", 0, 100);
    /** Dialysis fluids hold 1.0–1.75 mmol/L calcium; 0.5–2.5 allowed (a mEq/L value, 2.5–3.5, lands at or above the top). */
    public static final ValidRange DIALYSATE_CALCIUM = org.vascalc.core.condition.Condition.Haemodialysis.DIALYSATE_CALCIUM;
    /** Residual GFR on haemodialysis: 0 (anuric) to 15 mL/min, 0–5 typical. */
    public static final ValidRange RESIDUAL_GFR = org.vascalc.core.condition.Condition.Haemodialysis.RESIDUAL_GFR;

    // Interventions: per intake.
    public static final ValidRange DIETARY_CALCIUM = new ValidRange("dietary calcium per meal", "mg", 0, 3000, 0, 800);
    public static final ValidRange DRINK_CALCIUM = new ValidRange("calcium per drink", "mg", 0, 3000, 0, 800);
    public static final ValidRange SUPPLEMENT_CALCIUM = new ValidRange("elemental calcium per dose", "mg", 0, 2500, 100, 1200);
    public static final ValidRange DIETARY_PHOSPHORUS = new ValidRange("dietary phosphorus per meal", "mg", 0, 3000, 0, 800);
    public static final ValidRange VITAMIN_K = new ValidRange("vitamin K per dose", "µg", 0, 50000, 0, 2000);
    public static final ValidRange WARFARIN = new ValidRange("warfarin per dose", "mg", 0, 30, 0.5, 15);
    public static final ValidRange BINDER = new ValidRange("phosphate binder per dose", "mg", 0, 6000, 0, 3200);

    // Schedules and run length (days from the scenario start; a century bounds every run).
    public static final ValidRange START_DAY = ValidRange.of("schedule start", "days", 0, 36525);
    public static final ValidRange STOP_DAY = ValidRange.of("schedule stop", "days", 0, 36525);
    public static final ValidRange CLOCK_HOUR = ValidRange.of("clock hour", "h", 0, 23.999);
    public static final ValidRange DAY_OF_WEEK = ValidRange.of("day of week", "", 0, 6);
    public static final ValidRange DURATION = ValidRange.of("duration", "days", 0.01, 36525);

    // Recording: finer than a minute is pointless for hour-scale kinetics; coarser than a year hides everything.
    public static final ValidRange INTERVAL = ValidRange.of("recording interval", "h", 1.0 / 60, 8766);
    public static final ValidRange FINE_DAY = ValidRange.of("fine-recording window day", "days", 0, 36525);

    /**
     * A dose far below the smallest one given in practice, where the likeliest reading is a slip of the
     * unit (mg typed into a µg field, g into a mg field): a warning, not an error, naming the field, the
     * value, its unit and the value it would be in the other unit.
     *
     * @param lowest     below this (and above 0) the dose is implausible, in the range's unit
     * @param why        what the lowest value rests on, for the message (evidence or a stated assumption)
     * @param otherUnit  the unit the value was likely typed in
     * @param factor     range units per {@code otherUnit} (1000 for mg in a µg field)
     */
    record UnitSlip(double lowest, String why, String otherUnit, double factor) {
    }

    /**
     * The doses with a plausibility floor. Vitamin K: the trials of examples/trials give 90 µg MK-7 a day
     * (Kurnatowska 2015) to 10 000 µg K1 (iPACK-HD); the floor, 10 µg, is a tenth of the smallest (an
     * assumption); a typed 0.18 (meaning 0.18 mg = 180 µg, the flagship's MK-7) ran as 0.18 µg without a word.
     * Calcium tablets: the range's own typical floor (100 mg; tablets hold 200–600 mg elemental). Meals and
     * drinks: assumption (docs/scenario-format.md, "Plausibility warnings"): a meal or a calcium drink
     * with less than 10 mg of calcium or phosphorus is almost certainly grams typed as mg. Binders: the
     * smallest tablets hold 400–800 mg (calcium acetate 667 mg, sevelamer 800 mg); below 50 mg is grams.
     */
    static final Map<ValidRange, UnitSlip> SLIPS_BELOW = Map.of(
            VITAMIN_K, new UnitSlip(10, "the doses studied (90 µg MK-7 a day and up, Kurnatowska 2015)", "mg", 1000),
            SUPPLEMENT_CALCIUM, new UnitSlip(100, "what calcium tablets hold (200-600 mg)", "g", 1000),
            DIETARY_CALCIUM, new UnitSlip(10, "what a meal holds (tens to hundreds of mg)", "g", 1000),
            DRINK_CALCIUM, new UnitSlip(10, "what a calcium drink holds (100-500 mg)", "g", 1000),
            DIETARY_PHOSPHORUS, new UnitSlip(10, "what a meal holds (tens to hundreds of mg)", "g", 1000),
            BINDER, new UnitSlip(50, "what binder tablets hold (400-1000 mg)", "g", 1000));

    /** Cholesterol, mg/dL per mmol/L: the one factor ({@code RiskFactors}). */
    static final double CHOLESTEROL_MG_DL_PER_MMOL_L = org.vascalc.core.patient.RiskFactors.CHOLESTEROL_MG_DL_PER_MMOL_L;

    /**
     * {@code range.check(value, path, problems)}, with a hint added to the error where the likeliest
     * mistake is the unit, as the risk tools do for cholesterol and creatinine: a height of 1.65 is
     * refused as 1.65 cm and told "height is in cm; 1.65 m is 165 cm". The value stays refused.
     */
    public static boolean check(ValidRange range, double value, String path, InputProblems problems) {
        String hint = unitHint(range, value);
        if (hint == null) {
            return range.check(value, path, problems);
        }
        InputProblems own = new InputProblems();
        boolean ok = range.check(value, path, own);
        for (InputProblem q : own.all()) {
            problems.add(new InputProblem(q.path(), q.message() + hint, q.severity()));
        }
        UnitSlip slip = SLIPS_BELOW.get(range);
        if (own.all().isEmpty() && slip != null) {
            // inside the typical range (vitamin K's starts at 0): nothing said so far, so the slip is the warning
            problems.warning(path, range.field() + " = " + ValidRange.fmt(value) + " " + range.unit() + " is far below "
                    + slip.why() + hint.replaceFirst("^; ", ": "));
        }
        return ok;
    }

    /**
     * Whether {@link #check} would add nothing for {@code value}: allowed, typical and without a unit
     * hint (a hint can come with a warning for a typical value: a slip below). Lets a caller skip
     * building the value's path where there is nothing to say.
     */
    static boolean silent(ValidRange range, double value) {
        return range.allows(value) && range.isTypical(value) && unitHint(range, value) == null;
    }

    /**
     * The hint for a value that the likeliest other unit explains, or null. Serum calcium and phosphate
     * are reported in mg/dL in the US: 9.6 (mg/dL) was refused as mmol/L without a word on the unit, and a
     * phosphate of 3.5 (mg/dL, normal) passed as 3.5 mmol/L with only "outside the typical range".
     */
    private static String unitHint(ValidRange range, double value) {
        if (range == HEIGHT && !range.allows(value) && HEIGHT_IN_METRES.allows(value)) {
            return "; height is in cm; " + ValidRange.fmt(value) + " m is " + ValidRange.fmt(value * 100) + " cm";
        }
        UnitSlip slip = SLIPS_BELOW.get(range);
        if (slip != null && value > 0 && value < slip.lowest() && range.allows(value * slip.factor())) {
            return String.format(Locale.ROOT, "; if it was meant in %s, %s %s is %s %s", slip.otherUnit(),
                    ValidRange.fmt(value), slip.otherUnit(), ValidRange.fmt(value * slip.factor()), range.unit());
        }
        if (range == WARFARIN && value > range.hardHigh() && range.isTypical(value / 1000)) {
            // warfarin tablets are 0.5-10 mg: 5000 is 5 mg typed in µg
            return String.format(Locale.ROOT, "; warfarin is in mg: if it was meant in µg, %s µg is %s mg",
                    ValidRange.fmt(value), ValidRange.fmt(value / 1000));
        }
        if (range == TOTAL_CHOLESTEROL || range == HDL) {
            // a European lab's mmol/L in a mg/dL field (the risk tools take either; scenario files and /compare mg/dL);
            // the wording is the risk tools' and the library's too (RiskFactors.mmolPerLHint)
            String mmol = org.vascalc.core.patient.RiskFactors.mmolPerLHint(range, value);
            if (mmol != null) {
                return "; the value is in mg/dL: " + mmol;
            }
        }
        MolarMass element = range == SERUM_CALCIUM ? MolarMass.CALCIUM : range == SERUM_PHOSPHATE ? MolarMass.PHOSPHORUS
                : null;
        if (element == null || range.isTypical(value)) {
            return null;
        }
        double mmolPerL = element.mgToMmol(value * 10); // mg/dL -> mg/L -> mmol/L
        // a refused value gets the hint whenever mg/dL makes it possible (8 mg/dL, low, is 2.00 mmol/L); a warned
        // one only when mg/dL makes it typical (every phosphate warned above 2.5 is then hinted: the hint says
        // "if", since a dialysis patient's 2.6 mmol/L may be just that)
        boolean explained = range.allows(value) ? range.isTypical(mmolPerL) : range.allows(mmolPerL);
        return explained ? String.format(Locale.ROOT, "; the value is in mmol/L: if it is in mg/dL,"
                + " %s mg/dL is %.2f mmol/L", ValidRange.fmt(value), mmolPerL) : null;
    }
}
