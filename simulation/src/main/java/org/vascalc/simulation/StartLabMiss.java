package org.vascalc.simulation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.vascalc.core.input.InputProblem;

/**
 * A measured lab the run does not start at: the start after the run-in differs from the patient's
 * value by more than the lab's tolerance (1.96 × its within-subject variation; the engine's
 * {@code LabsAtStart} checks it). A value, so that what reads a run's warnings (a cohort's or trial's
 * count per lab, {@code cohort.StartWarnings}) need not parse the English; {@link #warning()} is that
 * English, as {@code simulate} prints it and {@code summary.json} lists it (docs/model/mineral.md,
 * "When the start is not the labs").
 *
 * @param lab        which lab
 * @param measured   the patient's value, in the lab's unit
 * @param start      the run's value at t = 0 after the run-in, in the lab's unit (NaN: the model gave none)
 * @param relative   start / measured - 1 (NaN with a NaN start)
 * @param tolerance  the largest |relative| that counts as starting at the lab (0.0392: 3.92 %)
 * @param causes     what the model knows moved the start, in the order said; never empty
 */
public record StartLabMiss(Lab lab, double measured, double start, double relative, double tolerance,
                           List<Cause> causes) {

    /** The three labs a patient file may give, in the order the run checks them. */
    public enum Lab {
        TOTAL_CALCIUM("serumCalciumMmolL", "mmol/L", "total calcium", "%.2f", "%.3f"),
        PHOSPHATE("serumPhosphateMmolL", "mmol/L", "phosphate", "%.2f", "%.3f"),
        INTACT_PTH("pthPgMl", "pg/mL", "intact PTH", "%.0f", "%.0f");

        private final String field;
        private final String unit;
        private final String words;
        private final String measuredFormat;
        private final String startFormat;

        Lab(String field, String unit, String words, String measuredFormat, String startFormat) {
            this.field = field;
            this.unit = unit;
            this.words = words;
            this.measuredFormat = measuredFormat;
            this.startFormat = startFormat;
        }

        /** The patient's field as the scenario file spells it ({@code serumPhosphateMmolL}). */
        public String field() {
            return field;
        }

        /** The field's path in the scenario file ({@code patient.serumPhosphateMmolL}), as warnings name it. */
        public String path() {
            return "patient." + field;
        }

        /** The lab's unit ({@code mmol/L}, {@code pg/mL}). */
        public String unit() {
            return unit;
        }

        /** The lab in words ({@code total calcium}, {@code phosphate}, {@code intact PTH}). */
        public String words() {
            return words;
        }
    }

    /** What moved the start away from the labs; each says itself as a clause of the warning's "Why:". */
    public sealed interface Cause {
        /** The clause, e.g. "the run-in (habitual diet as meals, ...) moves the steady state derived from the labs". */
        String clause();
    }

    /**
     * The haemodialysis condition is on at t = 0. Since hdlabs (2026-12-05) the labs are derived as a steady
     * state on dialysis (its time-averaged phosphate clearance and dialysate calcium, the kidneys at the
     * run-in's eGFR), so this alone names the run-in's path as what still moved the patient.
     *
     * @param dialysateCalciumMmolL the condition's dialysate calcium, mmol/L
     * @param egfrAtStartMlPerMin   the eGFR the run-in holds (the condition's), mL/min/1.73 m²
     */
    public record Haemodialysis(double dialysateCalciumMmolL, double egfrAtStartMlPerMin) implements Cause {
        @Override
        public String clause() {
            return String.format(Locale.ROOT, "the labs are taken as a steady state on haemodialysis (its time-averaged "
                    + "phosphate clearance and dialysate calcium %s mmol/L, kidneys at the run-in's eGFR %s mL/min), from "
                    + "which the run-in's path still moves the patient", number(dialysateCalciumMmolL),
                    number(egfrAtStartMlPerMin));
        }
    }

    /**
     * On haemodialysis, the measured phosphate is too low for the kidneys at the run-in's eGFR and the
     * dialysis together to remove the absorbed habitual phosphate (the mineral block floors T46), so
     * phosphate rises in the run-in.
     *
     * @param phosphateMmolL              the measured phosphate, mmol/L (NaN if not given)
     * @param egfrAtStartMlPerMin         the eGFR the run-in holds, mL/min/1.73 m²
     * @param dialysateCalciumMmolL       the condition's dialysate calcium, mmol/L
     * @param habitualPhosphateMmolPerDay the habitual phosphorus intake, mmol/d
     */
    public record DialysisPhosphateFloored(double phosphateMmolL, double egfrAtStartMlPerMin,
                                           double dialysateCalciumMmolL, double habitualPhosphateMmolPerDay)
            implements Cause {
        @Override
        public String clause() {
            return String.format(Locale.ROOT, "at phosphate %s mmol/L the kidneys at eGFR %s mL/min and the "
                    + "haemodialysis (dialysate calcium %s mmol/L) together cannot remove what the gut absorbs of the "
                    + "habitual %.1f mmol/d (%.0f mg) of phosphorus, so these labs are no steady state on dialysis and "
                    + "phosphate rises in the run-in", number(phosphateMmolL), number(egfrAtStartMlPerMin),
                    number(dialysateCalciumMmolL), habitualPhosphateMmolPerDay,
                    habitualPhosphateMmolPerDay * MG_PER_MMOL_P);
        }
    }

    /**
     * The measured phosphate is too low for the kidney at the patient's eGFR to excrete the habitual
     * phosphate intake (the mineral block floors its threshold, T46).
     *
     * @param phosphateMmolL              the measured phosphate, mmol/L (NaN if not given)
     * @param egfrMlPerMin                the patient's eGFR, mL/min/1.73 m²
     * @param habitualPhosphateMmolPerDay the habitual phosphorus intake, mmol/d
     */
    public record PhosphateFloored(double phosphateMmolL, double egfrMlPerMin, double habitualPhosphateMmolPerDay)
            implements Cause {
        @Override
        public String clause() {
            return String.format(Locale.ROOT, "at phosphate %s mmol/L kidneys at eGFR %s mL/min cannot excrete what the "
                    + "gut absorbs of the habitual %.1f mmol/d (%.0f mg) of phosphorus, so these labs are no steady state "
                    + "of the kidneys alone (without dialysis phosphate would rise in the run-in)",
                    number(phosphateMmolL), number(egfrMlPerMin), habitualPhosphateMmolPerDay,
                    habitualPhosphateMmolPerDay * MG_PER_MMOL_P);
        }
    }

    /**
     * A kidney-function course whose eGFR at t = 0 is not the patient's, at which the labs were taken.
     *
     * @param egfrAtStartMlPerMin the course's eGFR at t = 0, which the run-in holds, mL/min/1.73 m²
     * @param patientEgfrMlPerMin the patient's eGFR, mL/min/1.73 m²
     */
    public record CourseEgfr(double egfrAtStartMlPerMin, double patientEgfrMlPerMin) implements Cause {
        @Override
        public String clause() {
            return String.format(Locale.ROOT, "the run-in holds the kidney-function course's eGFR at t = 0, %s mL/min, "
                    + "not the patient's %s, at which the labs were taken", number(egfrAtStartMlPerMin),
                    number(patientEgfrMlPerMin));
        }
    }

    /** None of the above: the run-in itself (meals, the conditions at t = 0) moved the steady state. */
    public record RunIn() implements Cause {
        @Override
        public String clause() {
            return "the run-in (habitual diet as meals, the conditions at t = 0) moves the steady state derived "
                    + "from the labs";
        }
    }

    public StartLabMiss {
        Objects.requireNonNull(lab, "lab");
        causes = List.copyOf(causes);
        if (causes.isEmpty()) {
            throw new IllegalArgumentException("a miss names at least one cause (RunIn when nothing else is known)");
        }
    }

    /**
     * The difference in whole percent as the warning prints it ({@code %+.0f}: -20, +85), the same
     * rounding whoever shows it; empty when the start is not a number (the model gave none).
     */
    public OptionalInt percent() {
        if (!Double.isFinite(relative)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(String.format(Locale.ROOT, "%+.0f", 100 * relative)));
    }

    /** The causes as the warning's "Why:" says them, joined by "; and ". */
    public String why() {
        return String.join("; and ", causes.stream().map(Cause::clause).toList());
    }

    /** The warning the run gives, on the lab's field: measured, start, difference, band and why. */
    public InputProblem warning() {
        return InputProblem.warning(lab.path(), String.format(Locale.ROOT,
                "the run does not start at the measured %s: it starts at " + lab.startFormat + " %s, measured "
                        + lab.measuredFormat + " %s (%+.0f %%; one person's %s varies by ±%.0f %% from day to day, "
                        + "within which a start counts as held). Why: %s. The run goes on from the model's start",
                lab.words, start, lab.unit, measured, lab.unit, 100 * relative, lab.words, 100 * tolerance, why()));
    }

    /** Phosphorus, mg per mmol (atomic mass 30.97). */
    private static final double MG_PER_MMOL_P = 30.97;

    /** A number without a trailing ".0" (7, 1.25, 1000). */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
