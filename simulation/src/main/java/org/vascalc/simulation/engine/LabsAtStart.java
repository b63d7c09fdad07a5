package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.StartLabMiss;

/**
 * Whether a run starts at the mineral labs the patient file gives, and a {@link StartLabMiss} for each
 * lab it does not start at: the measured value, the start value (the console's {@code start} column,
 * after the run-in), the difference, and what moved it (its warning is that in English). The run goes on from the model's start; the warning only
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

    /** One miss for each lab the patient gives that the start misses by more than its tolerance, in the labs' order. */
    static List<StartLabMiss> misses(Patient patient, Start start, Causes causes) {
        List<StartLabMiss> out = new ArrayList<>();
        List<StartLabMiss.Cause> why = reasons(patient, causes);
        check(out, StartLabMiss.Lab.TOTAL_CALCIUM, patient.serumCalciumMmolL(), start.calciumMmolL(), CALCIUM_TOLERANCE, why);
        check(out, StartLabMiss.Lab.PHOSPHATE, patient.serumPhosphateMmolL(), start.phosphateMmolL(), PHOSPHATE_TOLERANCE,
                why);
        check(out, StartLabMiss.Lab.INTACT_PTH, patient.pthPgMl(), start.pthPgMl(), PTH_TOLERANCE, why);
        return out;
    }

    /** The misses' warnings ({@link StartLabMiss#warning()}), in the same order. */
    static List<InputProblem> warnings(Patient patient, Start start, Causes causes) {
        return misses(patient, start, causes).stream().map(StartLabMiss::warning).toList();
    }

    private static void check(List<StartLabMiss> out, StartLabMiss.Lab lab, OptionalDouble measured, double start,
                              double tolerance, List<StartLabMiss.Cause> why) {
        if (measured.isEmpty()) {
            return;
        }
        double m = measured.getAsDouble();
        double relative = start / m - 1;
        // NaN (a start the model could not give) is no agreement either
        if (Math.abs(relative) <= tolerance) {
            return;
        }
        out.add(new StartLabMiss(lab, m, start, relative, tolerance, why));
    }

    /** What moved the start, from what the model knows of this patient; the run-in itself otherwise. */
    static List<StartLabMiss.Cause> reasons(Patient patient, Causes causes) {
        List<StartLabMiss.Cause> parts = new ArrayList<>();
        double phosphate = patient.serumPhosphateMmolL().orElse(Double.NaN);
        if (causes.phosphateFloored() && causes.haemodialysis()) {
            parts.add(new StartLabMiss.DialysisPhosphateFloored(phosphate, causes.egfrAtStart(),
                    causes.dialysateCalcium(), causes.habitualPhosphateMmolPerDay()));
        } else if (causes.haemodialysis()) {
            parts.add(new StartLabMiss.Haemodialysis(causes.dialysateCalcium(), causes.egfrAtStart()));
        } else if (causes.phosphateFloored()) {
            parts.add(new StartLabMiss.PhosphateFloored(phosphate, patient.egfrMlPerMin(),
                    causes.habitualPhosphateMmolPerDay()));
        }
        if (!causes.haemodialysis() && Double.compare(causes.egfrAtStart(), patient.egfrMlPerMin()) != 0) {
            parts.add(new StartLabMiss.CourseEgfr(causes.egfrAtStart(), patient.egfrMlPerMin()));
        }
        if (parts.isEmpty()) {
            parts.add(new StartLabMiss.RunIn());
        }
        return parts;
    }

    /** The reasons as the warning's "Why:" says them. */
    static String reason(Patient patient, Causes causes) {
        return String.join("; and ", reasons(patient, causes).stream().map(StartLabMiss.Cause::clause).toList());
    }
}
