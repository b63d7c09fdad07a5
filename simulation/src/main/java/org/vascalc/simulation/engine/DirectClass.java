package org.vascalc.simulation.engine;

import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Scenario;

/**
 * The regimen class in which fast mode integrates the full model directly instead of averaging it over the dosing
 * period's orbit ({@link DirectSettings}; classdirect, fifty-sixth session), told from what the scenario states before
 * it runs. Calcium a day is the elemental calcium of the calcium-based phosphate binders (carbonate, acetate) and the
 * calcium supplements together, the mean over the schedule's week; the kidney function is the lowest eGFR of the run's
 * course (the patient's when it states none), haemodialysis counting as below 15. The class (the "final line") holds:
 * <ol type="a">
 *   <li>a calcium-based binder on haemodialysis; or</li>
 *   <li>{@link #HIGH_CALCIUM_MG_PER_DAY} mg calcium a day or more, at any kidney function; or</li>
 *   <li>{@link #LOW_KIDNEY_CALCIUM_MG_PER_DAY} mg calcium a day or more at eGFR below {@link #LOW_EGFR} or on
 *       haemodialysis.</li>
 * </ol>
 * Outside it fast mode's averaging was measured within its 1 % agreement with reference mode on the runs it was read
 * from, IN-SAMPLE: the missmap (88 one-year runs) and the held-out grids {@code heldout} (35), {@code heldout2} and
 * {@code heldout3} (28) each moved the line after they ran (docs/performance.md, "Where fast mode agrees";
 * docs/performance-log.md). Its two out-of-sample tests, each grid labelled before any ran: {@code heldout4}'s 24
 * runs placed just outside its edges ({@code HeldOut4Runner}) missed 1 % in 2 of 24, by 1.020e-2 (a carbonate binder
 * 575 mg with three meals, 691 mg a day, at eGFR 22) and 1.014e-2 (calcium citrate 725 mg twice daily, 1 450 mg a day,
 * at eGFR 33); {@code heldout5}'s 24 runs outside it on other people, diets, co-medication and kidney courses ({@code
 * HeldOut5Runner}) in 4 of 24, by up to 1.351e-2 (1 500 mg food calcium a day, which the line does not count, with a
 * 650 mg carbonate supplement at eGFR 25). Over all 235 measured averaged years no simple scenario-level rule (dose,
 * food calcium, kidney function, their ratio, PTH) predicts the misses outside the line out of sample ({@code
 * LineCvRunner}, leave-one-grid-out; linecv): outside it the averaging is within 1.36e-2 in every measured year and
 * within 1e-2 in 85 of 92. Inside the class the averaging missed often (the map's binder class 19 of
 * 28, by up to 7.00e-2; {@code heldout} 14 of 15, up to 7.69e-2), and fast mode's own error control cannot tell which
 * years miss (selfcheck, fifty-fourth session); integrated directly every measured year agrees within {@code
 * ClassDirectRunner}'s level (docs/performance-log.md, "classdirect").
 *
 * <p>A run is integrated directly only from the class regimen's start ({@link #directFrom}): the years before it (a
 * trial member's vintage on dialysis, before the arm's binder starts) run averaged as in every other arm, so the arms'
 * baselines are the same bits (classdirect2; {@code VintageTest}).
 */
final class DirectClass {

    /** (b): elemental calcium, mg a day, from which the class holds at any kidney function. */
    static final double HIGH_CALCIUM_MG_PER_DAY = 1500;

    /** (c): elemental calcium, mg a day, from which the class holds at eGFR below {@link #LOW_EGFR} or on dialysis. */
    static final double LOW_KIDNEY_CALCIUM_MG_PER_DAY = 700;

    /** (c)'s kidney function, mL/min/1.73 m². */
    static final double LOW_EGFR = 30;

    private DirectClass() {
    }

    /** Whether {@code scenario} is in the class (a), (b) or (c). */
    static boolean inClass(Scenario scenario, ParameterCatalog parameters) {
        return directFrom(scenario, parameters).isPresent();
    }

    /**
     * The time, days from the scenario's start, from which a fast run of {@code scenario} is integrated directly: the
     * earliest start of the interventions that put it in the class (the calcium-based binders for (a); every
     * calcium-based binder and calcium supplement for (b) and (c)); empty outside the class.
     */
    static OptionalDouble directFrom(Scenario scenario, ParameterCatalog parameters) {
        double calcium = 0;
        double binderStart = Double.POSITIVE_INFINITY;
        double calciumStart = Double.POSITIVE_INFINITY;
        for (Intervention iv : scenario.interventions()) {
            if (iv instanceof Intervention.PhosphateBinder b) {
                String fraction = switch (b.kind()) {
                    case CALCIUM_CARBONATE -> "calciumMassFractionCarbonate";
                    case CALCIUM_ACETATE -> "calciumMassFractionAcetate";
                    case SEVELAMER, LANTHANUM -> null;
                };
                if (fraction != null) {
                    calcium += b.mgPerDose() * parameters.value(fraction) * dosesPerDay(b.schedule());
                    binderStart = Math.min(binderStart, b.schedule().startDay());
                    calciumStart = Math.min(calciumStart, b.schedule().startDay());
                }
            } else if (iv instanceof Intervention.CalciumSupplement c) {
                calcium += c.elementalMgPerDose() * dosesPerDay(c.schedule());
                calciumStart = Math.min(calciumStart, c.schedule().startDay());
            }
        }
        if (calciumStart == Double.POSITIVE_INFINITY) {
            return OptionalDouble.empty();
        }
        calcium *= 1 + 1e-9; // a dose stated at a threshold is in (the weekly mean's rounding)
        boolean dialysis = scenario.conditions().stream().anyMatch(c -> c instanceof Condition.Haemodialysis);
        double start = Double.POSITIVE_INFINITY;
        if (dialysis && binderStart < Double.POSITIVE_INFINITY) {
            start = binderStart; // (a)
        }
        if (calcium >= HIGH_CALCIUM_MG_PER_DAY
                || calcium >= LOW_KIDNEY_CALCIUM_MG_PER_DAY && (dialysis || lowestEgfr(scenario) < LOW_EGFR)) {
            start = Math.min(start, calciumStart); // (b), (c)
        }
        return start == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(start);
    }

    /** Doses a day, the mean over the schedule's week: doses a dosing day times the share of dosing days. */
    private static double dosesPerDay(Schedule s) {
        return s.clockHours().size() * s.daysOfWeek().size() / 7.0;
    }

    /** The lowest eGFR of the run's kidney-function course, the patient's when the scenario states none. */
    private static double lowestEgfr(Scenario scenario) {
        double low = Double.POSITIVE_INFINITY;
        boolean course = false;
        for (Condition c : scenario.conditions()) {
            if (c instanceof Condition.KidneyFunctionCourse k) {
                course = true;
                for (Condition.GfrPoint p : k.points()) {
                    low = Math.min(low, p.egfrMlPerMin());
                }
            }
        }
        return course ? low : scenario.patient().egfrMlPerMin();
    }
}
