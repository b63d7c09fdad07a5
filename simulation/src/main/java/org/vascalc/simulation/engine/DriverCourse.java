package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.simulation.Scenario;

/**
 * The scenario's slowly varying inputs as functions of time: eGFR course (linear between points),
 * haemodialysis, diabetes, age, statin intensity windows, the non-HDL lowering of sevelamer (a bile-acid
 * binder) while it is taken, and the continuous background phosphate
 * that is on whenever no meal-by-meal phosphate schedule is active (the habitual calcium comes as
 * meals, {@link IntakeTimeline}). During stabilisation the
 * conditions hold at their t = 0 values, with the background diet and no interventions (Pulse:
 * conditions before stabilisation, actions after).
 */
final class DriverCourse {

    private final double[] gfrTimes;
    private final double[] gfrValues;
    private final double ageStart;
    private final boolean haemodialysis;
    /** Dialysate calcium on haemodialysis, mmol/L (the condition's, else the catalog default). */
    private final double dialysateCalcium;
    /** Residual GFR on haemodialysis, mL/min (the condition's; NaN: the mineral block's default). */
    private final double residualGfr;
    private final boolean diabetes;
    private final double[] statinFrom;
    private final double[] statinTo;
    private final double[] statinLevel;
    /** Windows of a bile-acid-binding phosphate binder (sevelamer) and the non-HDL lowering it brings. */
    private final double[] sequestrantFrom;
    private final double[] sequestrantTo;
    private final double sequestrantLowering;
    private final double[] po4MealFrom;
    private final double[] po4MealTo;
    private final double po4Background;
    private boolean stabilising;
    /** The scenario's patient (their labs and eGFR decide the run-in's shortcut, {@link RunInShortcut}). */
    private final Patient patient;

    DriverCourse(Scenario scenario, ParameterCatalog parameters) {
        patient = scenario.patient();
        double egfr = scenario.patient().egfrMlPerMin();
        List<double[]> gfr = new ArrayList<>();
        boolean hd = false;
        double dialysateCa = Double.NaN;
        double residual = Double.NaN;
        boolean dm = scenario.patient().risk().diabetes();
        for (Condition c : scenario.conditions()) {
            switch (c) {
                case Condition.KidneyFunctionCourse k -> k.points().forEach(pt -> gfr.add(
                        new double[] {Time.years(pt.years()), pt.egfrMlPerMin()}));
                case Condition.Haemodialysis h -> {
                    hd = true;
                    dialysateCa = h.dialysateCalciumMmolL().orElse(parameters.value("haemodialysisDialysateCalcium"));
                    // NaN: the mineral block's default (haemodialysisResidualKidney, haemodialysisResidualGfr)
                    residual = h.residualGfrMlPerMin().orElse(Double.NaN);
                }
                case Condition.Diabetes d -> dm = true;
            }
        }
        if (hd) {
            gfr.clear();
            gfr.add(new double[] {0, parameters.value("haemodialysisEgfr")});
        }
        if (gfr.isEmpty()) {
            gfr.add(new double[] {0, egfr});
        }
        gfrTimes = column(gfr, 0);
        gfrValues = column(gfr, 1);
        haemodialysis = hd;
        dialysateCalcium = dialysateCa;
        residualGfr = residual;
        diabetes = dm;
        ageStart = scenario.patient().ageYears();
        List<double[]> statins = new ArrayList<>();
        List<double[]> po4Meals = new ArrayList<>();
        List<double[]> sequestrant = new ArrayList<>();
        for (Intervention i : scenario.interventions()) {
            double[] w = {Time.days(i.schedule().startDay()), Time.days(i.schedule().stopDay())};
            switch (i) {
                case Intervention.Statin s -> statins.add(new double[] {w[0], w[1],
                        s.intensity() == Intervention.StatinIntensity.HIGH ? 1.0
                                : parameters.value("statinModerateIntensity")});
                case Intervention.DietaryCalcium d -> { }
                case Intervention.DietaryPhosphate d -> po4Meals.add(w);
                case Intervention.CalciumSupplement s -> { }
                case Intervention.CalciumDrink d -> { }
                case Intervention.VitaminK v -> { }
                case Intervention.Warfarin v -> { }
                case Intervention.PhosphateBinder b -> {
                    if (b.kind() == Intervention.PhosphateBinderKind.SEVELAMER) {
                        sequestrant.add(w);
                    }
                }
            }
        }
        statinFrom = column(statins, 0);
        statinTo = column(statins, 1);
        statinLevel = column(statins, 2);
        sequestrantFrom = column(sequestrant, 0);
        sequestrantTo = column(sequestrant, 1);
        sequestrantLowering = parameters.value("sevelamerNonHdlReduction");
        po4MealFrom = column(po4Meals, 0);
        po4MealTo = column(po4Meals, 1);
        po4Background = parameters.value("po4HabitualIntake") / Time.HOURS_PER_DAY;
    }

    /** Entry {@code k} of each row of {@code rows}, in order (a loop: the streams were ~0.3 % of a decade's set-up). */
    private static double[] column(List<double[]> rows, int k) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[k];
        }
        return out;
    }

    /** The eGFR at the scenario's start, mL/min/1.73 m². */
    double egfrAtStart() {
        return gfrValues[0];
    }

    /** The scenario's patient. */
    Patient patient() {
        return patient;
    }

    /** Whether the run-in to the conditions' homeostasis is in progress (drivers held at t = 0). */
    boolean stabilising() {
        return stabilising;
    }

    void setStabilising(boolean s) {
        stabilising = s;
    }

    /** Brings {@code d} to time {@code t} (hours from the scenario start). Allocation-free. */
    void apply(double t, Drivers d) {
        double tt = stabilising ? 0 : t;
        d.setEgfrMlPerMin(egfr(tt));
        d.setAgeYears(ageStart + tt / Time.HOURS_PER_YEAR);
        d.setHaemodialysis(haemodialysis);
        d.setDialysateCalciumMmolL(dialysateCalcium);
        d.setResidualGfrMlPerMin(residualGfr);
        d.setDiabetes(diabetes);
        double statin = 0;
        if (!stabilising) {
            for (int i = 0; i < statinFrom.length; i++) {
                if (t >= statinFrom[i] && t < statinTo[i]) {
                    statin = Math.max(statin, statinLevel[i]);
                }
            }
        }
        d.setStatinIntensity(statin);
        d.setNonHdlLowering(!stabilising && inside(t, sequestrantFrom, sequestrantTo) ? sequestrantLowering : 0);
        // The habitual calcium arrives as meals (IntakeTimeline), in stabilisation as in the run.
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(stabilising || !inside(t, po4MealFrom, po4MealTo) ? po4Background : 0);
    }

    double egfr(double t) {
        if (t <= gfrTimes[0]) {
            return gfrValues[0];
        }
        for (int i = 1; i < gfrTimes.length; i++) {
            if (t < gfrTimes[i]) {
                double w = (t - gfrTimes[i - 1]) / (gfrTimes[i] - gfrTimes[i - 1]);
                return gfrValues[i - 1] + w * (gfrValues[i] - gfrValues[i - 1]);
            }
        }
        return gfrValues[gfrValues.length - 1];
    }

    /** Whether the eGFR changes after time 0 (fast mode then re-checks its orbit as it goes). */
    boolean egfrVaries() {
        return gfrTimes.length > 1;
    }

    private static boolean inside(double t, double[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            if (t >= from[i] && t < to[i]) {
                return true;
            }
        }
        return false;
    }
}
