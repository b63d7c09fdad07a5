package org.vascalc.core.condition;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vascalc.core.input.ValidRange;

/**
 * A chronic condition, applied before the patient is stabilised (the Pulse engine's distinction
 * between conditions and timed actions): the model starts from the homeostasis the condition sets.
 */
public sealed interface Condition {

    /**
     * Chronic kidney disease given as an eGFR course: {@code (yearsFromStart, eGFR mL/min/1.73 m²)}
     * points, linearly interpolated, constant after the last point. A single point is a fixed stage.
     */
    record KidneyFunctionCourse(List<GfrPoint> points) implements Condition {
        public KidneyFunctionCourse {
            points = List.copyOf(points);
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a kidney function course needs at least one point");
            }
            for (int i = 1; i < points.size(); i++) {
                if (!(points.get(i).years() > points.get(i - 1).years())) {
                    throw new IllegalArgumentException("kidney function course times must increase, got years = "
                            + points.get(i - 1).years() + " then " + points.get(i).years());
                }
            }
        }

        /** A fixed CKD stage (KDIGO G1–G5) at the middle of its eGFR band. */
        public static KidneyFunctionCourse stage(CkdStage stage) {
            return new KidneyFunctionCourse(List.of(new GfrPoint(0, stage.typicalEgfr())));
        }
    }

    /**
     * Maintenance haemodialysis (eGFR ~ 7 mL/min, thrice-weekly sessions, restricted vitamin K diet).
     *
     * @param dialysateCalciumMmolL calcium concentration of the dialysis fluid, mmol/L (typically 1.25,
     *                              1.5 or 1.75); empty for the model's default (the parameter
     *                              {@code haemodialysisDialysateCalcium})
     */
    record Haemodialysis(OptionalDouble dialysateCalciumMmolL) implements Condition {

        /** Dialysis fluids in use hold 1.0–1.75 mmol/L calcium (0.5–2.5 allowed: outside is a unit mistake). */
        public static final ValidRange DIALYSATE_CALCIUM =
                new ValidRange("dialysate calcium", "mmol/L", 0.5, 2.5, 1.0, 1.75);

        public Haemodialysis {
            Objects.requireNonNull(dialysateCalciumMmolL, "dialysateCalciumMmolL");
            if (dialysateCalciumMmolL.isPresent()) {
                DIALYSATE_CALCIUM.require(dialysateCalciumMmolL.getAsDouble(), "dialysateCalciumMmolL");
            }
        }

        /** Haemodialysis at the model's default dialysate calcium. */
        public Haemodialysis() {
            this(OptionalDouble.empty());
        }

        /** Haemodialysis against a dialysis fluid of {@code dialysateCalciumMmolL} mmol/L calcium. */
        public static Haemodialysis withDialysateCalcium(double dialysateCalciumMmolL) {
            return new Haemodialysis(OptionalDouble.of(dialysateCalciumMmolL));
        }
    }

    /** Diabetes mellitus: a driver of medial calcification and of plaque. */
    record Diabetes() implements Condition {
    }

    record GfrPoint(double years, double egfrMlPerMin) {
        public GfrPoint {
            if (years < 0 || !Double.isFinite(years)) {
                throw new IllegalArgumentException("kidney function course point: years must be >= 0, got " + years);
            }
            if (!(egfrMlPerMin > 0 && egfrMlPerMin <= 200)) {
                throw new IllegalArgumentException("kidney function course point: eGFR must be in (0, 200] "
                        + "mL/min/1.73 m², got " + egfrMlPerMin);
            }
        }
    }

    enum CkdStage {
        G1(100), G2(75), G3A(52), G3B(37), G4(22), G5(10);

        private final double typicalEgfr;

        CkdStage(double typicalEgfr) {
            this.typicalEgfr = typicalEgfr;
        }

        public double typicalEgfr() {
            return typicalEgfr;
        }
    }
}
