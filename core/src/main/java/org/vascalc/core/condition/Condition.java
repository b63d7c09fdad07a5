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

    /** The condition in plain words, for reports ("haemodialysis, dialysate calcium 1.25 mmol/L"). */
    String describe();

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

        @Override
        public String describe() {
            if (points.size() == 1) {
                return "eGFR " + plain(points.get(0).egfrMlPerMin()) + " mL/min/1.73 m²";
            }
            StringBuilder b = new StringBuilder("eGFR course");
            for (GfrPoint p : points) {
                b.append(p == points.get(0) ? " " : ", ").append(plain(p.egfrMlPerMin()))
                        .append(" at year ").append(plain(p.years()));
            }
            return b.append(" (mL/min/1.73 m²)").toString();
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
     * @param residualGfrMlPerMin   glomerular filtration of the residual kidneys on dialysis, mL/min (the
     *                              mean of residual urea and creatinine clearance from a urine collection;
     *                              0 anuric); it sets what the kidneys still excrete of calcium and
     *                              phosphate. Empty for the model's default (the parameter
     *                              {@code haemodialysisResidualGfr}, a typical prevalent patient)
     */
    record Haemodialysis(OptionalDouble dialysateCalciumMmolL, OptionalDouble residualGfrMlPerMin) implements Condition {

        /** Dialysis fluids in use hold 1.0–1.75 mmol/L calcium (0.5–2.5 allowed: outside is a unit mistake). */
        public static final ValidRange DIALYSATE_CALCIUM =
                new ValidRange("dialysate calcium", "mmol/L", 0.5, 2.5, 1.0, 1.75);

        /**
         * Residual GFR on haemodialysis: 0 (anuric) to 15 mL/min allowed (a kidney filtering more is not on
         * maintenance dialysis); 0–5 typical (patients with residual function in the Frequent Hemodialysis
         * Network trials: mean residual creatinine clearance 2.7 and 4.7 mL/min, urea clearance 1.2 and 2.3).
         */
        public static final ValidRange RESIDUAL_GFR =
                new ValidRange("residual GFR on haemodialysis", "mL/min", 0, 15, 0, 5);

        public Haemodialysis {
            Objects.requireNonNull(dialysateCalciumMmolL, "dialysateCalciumMmolL");
            Objects.requireNonNull(residualGfrMlPerMin, "residualGfrMlPerMin");
            if (dialysateCalciumMmolL.isPresent()) {
                DIALYSATE_CALCIUM.require(dialysateCalciumMmolL.getAsDouble(), "dialysateCalciumMmolL");
            }
            if (residualGfrMlPerMin.isPresent()) {
                RESIDUAL_GFR.require(residualGfrMlPerMin.getAsDouble(), "residualGfrMlPerMin");
            }
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder("haemodialysis");
            dialysateCalciumMmolL.ifPresent(c -> b.append(", dialysate calcium ").append(plain(c)).append(" mmol/L"));
            residualGfrMlPerMin.ifPresent(g -> b.append(", residual GFR ").append(plain(g)).append(" mL/min"));
            return b.toString();
        }

        /** Haemodialysis at {@code dialysateCalciumMmolL} (empty: default) and the default residual GFR. */
        public Haemodialysis(OptionalDouble dialysateCalciumMmolL) {
            this(dialysateCalciumMmolL, OptionalDouble.empty());
        }

        /** Haemodialysis at the model's default dialysate calcium and residual GFR. */
        public Haemodialysis() {
            this(OptionalDouble.empty(), OptionalDouble.empty());
        }

        /** Haemodialysis against a dialysis fluid of {@code dialysateCalciumMmolL} mmol/L calcium. */
        public static Haemodialysis withDialysateCalcium(double dialysateCalciumMmolL) {
            return new Haemodialysis(OptionalDouble.of(dialysateCalciumMmolL));
        }

        /** Haemodialysis at the default dialysate calcium with residual kidneys filtering {@code residualGfrMlPerMin} mL/min. */
        public static Haemodialysis withResidualGfr(double residualGfrMlPerMin) {
            return new Haemodialysis(OptionalDouble.empty(), OptionalDouble.of(residualGfrMlPerMin));
        }
    }

    /** Diabetes mellitus: a driver of medial calcification and of plaque. */
    record Diabetes() implements Condition {
        @Override
        public String describe() {
            return "diabetes";
        }
    }

    /** A number without a trailing ".0" (7, 1.25). */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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
