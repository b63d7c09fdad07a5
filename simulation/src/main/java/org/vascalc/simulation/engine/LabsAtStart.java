package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.patient.Patient;

/**
 * Whether a run starts at the mineral labs the patient file gives, and a warning for each lab it does
 * not start at: the measured value, the start value (the console's {@code start} column, after the
 * run-in), the difference, and what moved it. The run goes on from the model's start; the warning only
 * says that the start is not the user's labs (docs/model/mineral.md, "Baseline from the patient").
 *
 * <p>Tolerance: 1.96 times the lab's within-subject day-to-day variation (CV<sub>I</sub>), the band in
 * which 95 % of one person's single measurements lie around their own set point. A start inside it
 * is as near the labs as a second blood sample would be. CV<sub>I</sub> of total calcium below 2 % and
 * of phosphate 5–7 % in healthy adults [Cotlove1970BiologicalVariation], of intact PTH 19.2 % in
 * healthy volunteers and 25.6 % on haemodialysis [Gardham2010PthVariabilityHd]; the smaller (healthy)
 * values are taken, so the check is the stricter one: calcium 1.96 × 2 % = 3.9 %, phosphate
 * 1.96 × 7 % = 13.7 %, PTH 1.96 × 19.2 % = 37.6 %. The model's own meal day moves the start by less
 * (the reference adult's PTH 32–40 pg/mL over the day, total calcium 2.32–2.38 mmol/L), so a patient
 * whose labs the model holds gets no warning.
 */
final class LabsAtStart {

    private LabsAtStart() {
    }

    /** Total calcium: 1.96 × CV<sub>I</sub> 2 % [Cotlove1970BiologicalVariation]. */
    static final double CALCIUM_TOLERANCE = 1.96 * 0.02;
    /** Phosphate: 1.96 × CV<sub>I</sub> 7 % (the top of 5–7 %) [Cotlove1970BiologicalVariation]. */
    static final double PHOSPHATE_TOLERANCE = 1.96 * 0.07;
    /** Intact PTH: 1.96 × CV<sub>I</sub> 19.2 % (healthy volunteers) [Gardham2010PthVariabilityHd]. */
    static final double PTH_TOLERANCE = 1.96 * 0.192;

    /** Phosphorus, mg per mmol (atomic mass 30.97). */
    private static final double MG_PER_MMOL_P = 30.97;

    /** The run's start in the three measured quantities: total calcium mmol/L, phosphate mmol/L, intact PTH pg/mL. */
    record Start(double calciumMmolL, double phosphateMmolL, double pthPgMl) {
    }

    /**
     * What the model knows moved the start away from the labs; each non-null part is said.
     *
     * @param haemodialysis       the haemodialysis condition is on at t = 0 (since hdlabs, 2026-12-05, the
     *                            derivation from labs includes its clearances and dialysate at the run-in's
     *                            eGFR, so it moves the start only with another cause: the floor, or the run-in's path)
     * @param dialysateCalcium    the dialysate calcium of that condition, mmol/L (NaN when off)
     * @param phosphateFloored    the measured phosphate is too low for the kidney at the patient's
     *                            eGFR to excrete the habitual phosphate intake (MineralBlock floors T46)
     * @param egfrAtStart         the eGFR the run-in holds (a kidney-function course's value at t = 0)
     * @param habitualPhosphateMmolPerDay the habitual phosphorus intake, mmol/d (for the floor's reason)
     */
    record Causes(boolean haemodialysis, double dialysateCalcium, boolean phosphateFloored, double egfrAtStart,
                  double habitualPhosphateMmolPerDay) {
    }

    /** One warning for each lab the patient gives that the start misses by more than its tolerance. */
    static List<InputProblem> warnings(Patient patient, Start start, Causes causes) {
        List<InputProblem> out = new ArrayList<>();
        String why = reason(patient, causes);
        check(out, "patient.serumCalciumMmolL", "total calcium", patient.serumCalciumMmolL(), start.calciumMmolL(),
                "mmol/L", CALCIUM_TOLERANCE, "%.2f", "%.3f", why);
        check(out, "patient.serumPhosphateMmolL", "phosphate", patient.serumPhosphateMmolL(), start.phosphateMmolL(),
                "mmol/L", PHOSPHATE_TOLERANCE, "%.2f", "%.3f", why);
        check(out, "patient.pthPgMl", "intact PTH", patient.pthPgMl(), start.pthPgMl(), "pg/mL", PTH_TOLERANCE,
                "%.0f", "%.0f", why);
        return out;
    }

    private static void check(List<InputProblem> out, String path, String what, OptionalDouble measured, double start,
                              String unit, double tolerance, String measuredFormat, String startFormat, String why) {
        if (measured.isEmpty()) {
            return;
        }
        double m = measured.getAsDouble();
        double relative = start / m - 1;
        // NaN (a start the model could not give) is no agreement either
        if (Math.abs(relative) <= tolerance) {
            return;
        }
        out.add(InputProblem.warning(path, String.format(Locale.ROOT,
                "the run does not start at the measured %s: it starts at " + startFormat + " %s, measured "
                        + measuredFormat + " %s (%+.0f %%; one person's %s varies by ±%.0f %% from day to day, "
                        + "within which a start counts as held). Why: %s. The run goes on from the model's start",
                what, start, unit, m, unit, 100 * relative, what, 100 * tolerance, why)));
    }

    /** What moved the start, from what the model knows of this patient; a generic run-in sentence otherwise. */
    static String reason(Patient patient, Causes causes) {
        List<String> parts = new ArrayList<>();
        if (causes.phosphateFloored() && causes.haemodialysis()) {
            parts.add(String.format(Locale.ROOT, "at phosphate %s mmol/L the kidneys at eGFR %s mL/min and the "
                    + "haemodialysis (dialysate calcium %s mmol/L) together cannot remove what the gut absorbs of the "
                    + "habitual %.1f mmol/d (%.0f mg) of phosphorus, so these labs are no steady state on dialysis and "
                    + "phosphate rises in the run-in", number(patient.serumPhosphateMmolL().orElse(Double.NaN)),
                    number(causes.egfrAtStart()), number(causes.dialysateCalcium()),
                    causes.habitualPhosphateMmolPerDay(), causes.habitualPhosphateMmolPerDay() * MG_PER_MMOL_P));
        } else if (causes.haemodialysis()) {
            parts.add(String.format(Locale.ROOT, "the labs are taken as a steady state on haemodialysis (its time-averaged "
                    + "phosphate clearance and dialysate calcium %s mmol/L, kidneys at the run-in's eGFR %s mL/min), from "
                    + "which the run-in's path still moves the patient", number(causes.dialysateCalcium()),
                    number(causes.egfrAtStart())));
        } else if (causes.phosphateFloored()) {
            parts.add(String.format(Locale.ROOT, "at phosphate %s mmol/L kidneys at eGFR %s mL/min cannot excrete what the "
                    + "gut absorbs of the habitual %.1f mmol/d (%.0f mg) of phosphorus, so these labs are no steady state "
                    + "of the kidneys alone (without dialysis phosphate would rise in the run-in)",
                    number(patient.serumPhosphateMmolL().orElse(Double.NaN)), number(patient.egfrMlPerMin()),
                    causes.habitualPhosphateMmolPerDay(), causes.habitualPhosphateMmolPerDay() * MG_PER_MMOL_P));
        }
        if (!causes.haemodialysis() && Double.compare(causes.egfrAtStart(), patient.egfrMlPerMin()) != 0) {
            parts.add(String.format(Locale.ROOT, "the run-in holds the kidney-function course's eGFR at t = 0, %s mL/min, "
                    + "not the patient's %s, at which the labs were taken", number(causes.egfrAtStart()),
                    number(patient.egfrMlPerMin())));
        }
        if (parts.isEmpty()) {
            parts.add("the run-in (habitual diet as meals, the conditions at t = 0) moves the steady state derived "
                    + "from the labs");
        }
        return String.join("; and ", parts);
    }

    /** A number without a trailing ".0" (7, 1.25, 1000). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
