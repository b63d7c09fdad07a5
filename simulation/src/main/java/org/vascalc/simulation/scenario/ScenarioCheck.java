package org.vascalc.simulation.scenario;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.simulation.Scenario;

/**
 * Checks a {@link Scenario} built in code against the ranges a scenario file is held to
 * ({@link ScenarioRanges}), with the same field paths ({@code patient.weightKg},
 * {@code interventions[1].elementalMgPerDose}, {@code conditions[0].points[2].egfrMlPerMin}) and the
 * same messages (name, value, unit, allowed range). A file read by {@link ScenarioFiles} has passed
 * these checks already; a scenario made in Java has not. The model's simulator
 * ({@code EngineSimulator}) calls {@link #requireForRun} before it integrates, so a weight typed in
 * grams or a height in metres fails at once with this message instead of running until the
 * integrator gives up; calling {@link #require} yourself also returns the warnings.
 *
 * <p>Deliberate excursions: a caller that means to give doses beyond a file's hard limits (the
 * calibration check E12 runs single supplement doses up to 3000 mg, above the 2500 mg hard limit,
 * to find where absorption plateaus) says so explicitly with {@link #beyondInterventionLimits};
 * inside it the interventions' numeric limits are not enforced by {@link #requireForRun} (the
 * patient, conditions, schedules' presence and duration still are). A file can never do this.
 *
 * <p>What the records' constructors already refuse (a schedule's order of clock hours, a negative
 * duration) is not repeated here; the recording is not checked, since the simulator reports an
 * unknown output id itself.
 */
public final class ScenarioCheck {

    private ScenarioCheck() {
    }

    /**
     * Every problem of {@code scenario}: errors (outside the hard limits, or inconsistent, e.g. a
     * diastolic pressure above the systolic) and warnings (outside the typical range: extrapolation).
     */
    public static List<InputProblem> problems(Scenario scenario) {
        InputProblems p = new InputProblems();
        patient(scenario.patient(), onHaemodialysis(scenario.conditions()), p);
        List<Condition> conditions = scenario.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            condition(conditions.get(i), "conditions[" + i + "]", p);
        }
        List<Intervention> interventions = scenario.interventions();
        for (int i = 0; i < interventions.size(); i++) {
            intervention(interventions.get(i), "interventions[" + i + "]", p);
        }
        ScenarioRanges.DURATION.check(scenario.durationDays(), "durationDays", p);
        return p.all();
    }

    /**
     * Throws {@link InvalidInputException} listing every error of {@code scenario} (as a scenario
     * file's loader does); returns its warnings otherwise.
     */
    public static List<InputProblem> require(Scenario scenario) {
        InputProblems p = new InputProblems();
        problems(scenario).forEach(p::add);
        p.throwIfErrors("scenario " + scenario.name());
        return p.warnings();
    }

    /** Set on this thread inside {@link #beyondInterventionLimits}. */
    private static final ThreadLocal<Boolean> BEYOND_INTERVENTION_LIMITS = ThreadLocal.withInitial(() -> false);

    /**
     * The simulator's own check, before it integrates: throws {@link InvalidInputException} with the
     * file loader's messages (field path, value, unit, allowed range) for every error of
     * {@code scenario}; warnings (outside the typical range) are not reported here (use
     * {@link #require} for them). Inside {@link #beyondInterventionLimits} on this thread, the
     * interventions' dose limits are skipped.
     */
    public static void requireForRun(Scenario scenario) {
        InputProblems p = new InputProblems();
        patient(scenario.patient(), onHaemodialysis(scenario.conditions()), p);
        List<Condition> conditions = scenario.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            condition(conditions.get(i), "conditions[" + i + "]", p);
        }
        if (!BEYOND_INTERVENTION_LIMITS.get()) {
            List<Intervention> interventions = scenario.interventions();
            for (int i = 0; i < interventions.size(); i++) {
                intervention(interventions.get(i), "interventions[" + i + "]", p);
            }
        }
        ScenarioRanges.DURATION.check(scenario.durationDays(), "durationDays", p);
        if (p.hasErrors()) {
            p.throwIfErrors("scenario " + scenario.name());
        }
    }

    /**
     * Runs {@code work} on this thread with the interventions' hard limits of {@link #requireForRun}
     * lifted: the explicit, documented way for internal callers that deliberately go beyond what a
     * scenario file may hold (calibration check E12's dose-response up to 3000 mg of citrate in one
     * dose). The patient is still checked. Nests; restores the previous setting on exit.
     */
    public static <T> T beyondInterventionLimits(java.util.function.Supplier<T> work) {
        boolean before = BEYOND_INTERVENTION_LIMITS.get();
        BEYOND_INTERVENTION_LIMITS.set(true);
        try {
            return work.get();
        } finally {
            BEYOND_INTERVENTION_LIMITS.set(before);
        }
    }

    /** Whether {@code conditions} put the patient on haemodialysis (the PTH's typical range is said for it). */
    public static boolean onHaemodialysis(List<Condition> conditions) {
        return conditions.stream().anyMatch(c -> c instanceof Condition.Haemodialysis);
    }

    /**
     * The PTH, pg/mL, above which the model refuses a patient's start with the catalog's parameters, on or off
     * dialysis: the model's own number ({@link MineralBlock#highestStartingPthPgMl}, 1446), read once.
     */
    static double pthStartHigh() {
        return PthStartLimits.HIGH;
    }

    /** The PTH, pg/mL, below which the model refuses a start ({@link MineralBlock#lowestStartingPthPgMl}, 9.05). */
    static double pthStartLow() {
        return PthStartLimits.LOW;
    }

    private static final class PthStartLimits {
        static final double HIGH = MineralBlock.highestStartingPthPgMl(MineralBlock.defaultParameters());
        static final double LOW = MineralBlock.lowestStartingPthPgMl(MineralBlock.defaultParameters());
    }

    /**
     * Checks a patient's PTH against {@link ScenarioRanges#PTH}: the hard limits as for every patient; above the
     * typical 600 pg/mL the patient is told what the model does there rather than "extrapolation": such a PTH starts
     * on an enlarged gland, on haemodialysis since hdhold, off dialysis since ckdgland (one rule since glandsmooth:
     * enlarged above 352 pg/mL), up to {@link #pthStartHigh()} (about 1446 pg/mL), and is refused above.
     * Below the typical 10 pg/mL the model refuses a PTH under the least its gland secretes at rest ({@link
     * #pthStartLow()}, 9.05 pg/mL), and the warning says so rather than "extrapolation" (ckdgland). So every PTH the
     * run refuses is warned of with "will refuse", and no other.
     */
    public static void pth(double pth, boolean onHaemodialysis, String path, InputProblems p) {
        ValidRange range = ScenarioRanges.PTH;
        if (range.allows(pth) && pth <= pthStartLow()) {
            p.warning(path, range.field() + " = " + ValidRange.fmt(pth) + " " + range.unit() + " is outside the typical range "
                    + ValidRange.fmt(range.typicalLow()) + " to " + ValidRange.fmt(range.typicalHigh()) + " " + range.unit()
                    + " and below the least the model's parathyroid gland secretes at rest (about "
                    + ValidRange.fmt(pthStartLow(), 3) + " " + range.unit()
                    + " with the catalog's parameters), so the run will refuse this start");
            return;
        }
        if (!range.allows(pth) || pth <= range.typicalHigh()) {
            check(range, pth, path, p);
            return;
        }
        String above = range.field() + " = " + ValidRange.fmt(pth) + " " + range.unit() + " is above the typical range "
                + ValidRange.fmt(range.typicalLow()) + " to " + ValidRange.fmt(range.typicalHigh()) + " " + range.unit()
                + " of the general population; ";
        String where = onHaemodialysis ? "on haemodialysis" : "off dialysis";
        String startHigh = String.format(Locale.ROOT, "%.0f", Math.floor(pthStartHigh())) + " " + range.unit();
        p.warning(path, above + (pth <= pthStartHigh()
                ? where + " the model starts it on an enlarged parathyroid gland (up to about " + startHigh
                        + " with the catalog's parameters; docs/model/mineral.md, \"High PTH "
                        + (onHaemodialysis ? "on" : "off") + " dialysis\")"
                : where + " the model starts a PTH on an enlarged parathyroid gland only up to about "
                        + startHigh + " with the catalog's parameters, so the run will refuse this start"));
    }

    private static void patient(Patient pt, boolean onHaemodialysis, InputProblems p) {
        check(ScenarioRanges.AGE, pt.ageYears(), "patient.ageYears", p);
        check(ScenarioRanges.WEIGHT, pt.weightKg(), "patient.weightKg", p);
        check(ScenarioRanges.HEIGHT, pt.heightCm(), "patient.heightCm", p);
        check(ScenarioRanges.EGFR, pt.egfrMlPerMin(), "patient.egfrMlPerMin", p);
        optional(ScenarioRanges.SERUM_CALCIUM, pt.serumCalciumMmolL(), "patient.serumCalciumMmolL", p);
        optional(ScenarioRanges.SERUM_PHOSPHATE, pt.serumPhosphateMmolL(), "patient.serumPhosphateMmolL", p);
        if (pt.pthPgMl() != null && pt.pthPgMl().isPresent()) {
            pth(pt.pthPgMl().getAsDouble(), onHaemodialysis, "patient.pthPgMl", p);
        }
        RiskFactors r = pt.risk();
        check(ScenarioRanges.TOTAL_CHOLESTEROL, r.totalCholesterolMgDl(), "patient.risk.totalCholesterolMgDl", p);
        check(ScenarioRanges.HDL, r.hdlCholesterolMgDl(), "patient.risk.hdlCholesterolMgDl", p);
        check(ScenarioRanges.SYSTOLIC, r.systolicBpMmHg(), "patient.risk.systolicBpMmHg", p);
        check(ScenarioRanges.DIASTOLIC, r.diastolicBpMmHg(), "patient.risk.diastolicBpMmHg", p);
        check(ScenarioRanges.HS_CRP, r.hsCrpMgL(), "patient.risk.hsCrpMgL", p);
        String hdlAboveTotal = RiskFactors.hdlNotBelowTotal(r.totalCholesterolMgDl(), r.hdlCholesterolMgDl());
        if (hdlAboveTotal != null) { // as the risk tools refuse it: the plaque model reads the difference
            p.error("patient.risk.hdlCholesterolMgDl", hdlAboveTotal);
        }
        if (r.diastolicBpMmHg() >= r.systolicBpMmHg()) {
            p.error("patient.risk.diastolicBpMmHg", "diastolic blood pressure = " + r.diastolicBpMmHg()
                    + " mmHg must be below systolic (" + r.systolicBpMmHg() + " mmHg)");
        }
    }

    private static void condition(Condition c, String path, InputProblems p) {
        switch (c) {
            case Condition.KidneyFunctionCourse k -> {
                for (int i = 0; i < k.points().size(); i++) {
                    Condition.GfrPoint g = k.points().get(i);
                    String at = path + ".points[" + i + "]";
                    check(ScenarioRanges.COURSE_YEARS, g.years(), at, ".years", p);
                    check(ScenarioRanges.EGFR, g.egfrMlPerMin(), at, ".egfrMlPerMin", p);
                }
            }
            case Condition.Haemodialysis h ->
                    optional(ScenarioRanges.DIALYSATE_CALCIUM, h.dialysateCalciumMmolL(), path, ".dialysateCalciumMmolL", p);
            case Condition.Diabetes d -> {
            }
        }
    }

    private static void intervention(Intervention iv, String path, InputProblems p) {
        switch (iv) {
            case Intervention.DietaryCalcium d -> check(ScenarioRanges.DIETARY_CALCIUM, d.mgPerMeal(), path, ".mgPerMeal", p);
            case Intervention.CalciumDrink d -> check(ScenarioRanges.DRINK_CALCIUM, d.mgPerDrink(), path, ".mgPerDrink", p);
            case Intervention.CalciumSupplement s -> {
                check(ScenarioRanges.SUPPLEMENT_CALCIUM, s.elementalMgPerDose(), path, ".elementalMgPerDose", p);
                required(s.salt(), path, ".salt", "carbonate or citrate", p);
            }
            case Intervention.DietaryPhosphate d ->
                    check(ScenarioRanges.DIETARY_PHOSPHORUS, d.mgPhosphorusPerMeal(), path, ".mgPhosphorusPerMeal", p);
            case Intervention.VitaminK k -> {
                check(ScenarioRanges.VITAMIN_K, k.microgramsPerDose(), path, ".microgramsPerDose", p);
                required(k.form(), path, ".form", "K1, MK4 or MK7", p);
            }
            case Intervention.Warfarin w -> check(ScenarioRanges.WARFARIN, w.mgPerDose(), path, ".mgPerDose", p);
            case Intervention.PhosphateBinder b -> {
                check(ScenarioRanges.BINDER, b.mgPerDose(), path, ".mgPerDose", p);
                required(b.kind(), path, ".kind", "a binder kind", p);
            }
            case Intervention.Statin s -> required(s.intensity(), path, ".intensity", "MODERATE or HIGH", p);
        }
        Schedule s = iv.schedule();
        if (s == null) {
            p.error(path + ".schedule", "missing; e.g. Schedule.daily(8) (every day at 08:00 from day 0)");
            return;
        }
        check(ScenarioRanges.START_DAY, s.startDay(), path, ".schedule.startDay", p);
        if (!Double.isInfinite(s.stopDay())) {
            check(ScenarioRanges.STOP_DAY, s.stopDay(), path, ".schedule.stopDay", p);
        }
    }

    /**
     * The check of {@code value} at {@code path}: nothing to say (allowed, typical, no unit hint:
     * {@link ScenarioRanges#silent}) is decided before the message machinery is touched.
     */
    private static void check(ValidRange range, double value, String path, InputProblems p) {
        if (!ScenarioRanges.silent(range, value)) {
            ScenarioRanges.check(range, value, path, p);
        }
    }

    /**
     * As {@link #check(ValidRange, double, String, InputProblems)} at {@code prefix + suffix}, the path
     * joined only when there is something to say (every run's check of a valid scenario joined ~10
     * strings: docs/performance-log.md, "runsetup").
     */
    private static void check(ValidRange range, double value, String prefix, String suffix, InputProblems p) {
        if (!ScenarioRanges.silent(range, value)) {
            ScenarioRanges.check(range, value, prefix + suffix, p);
        }
    }

    private static void optional(ValidRange range, OptionalDouble value, String path, InputProblems p) {
        if (value != null && value.isPresent()) {
            check(range, value.getAsDouble(), path, p);
        }
    }

    private static void optional(ValidRange range, OptionalDouble value, String prefix, String suffix,
                                 InputProblems p) {
        if (value != null && value.isPresent()) {
            check(range, value.getAsDouble(), prefix, suffix, p);
        }
    }

    private static void required(Object value, String prefix, String suffix, String what, InputProblems p) {
        if (value == null) {
            p.error(prefix + suffix, "missing; give " + what);
        }
    }
}
