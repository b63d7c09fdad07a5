package org.vascalc.simulation.calibration.engine;

import java.util.List;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.MolarMass;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.Trajectory;

/** Scenario building blocks shared by the engine checks (scenarios in code until scenario files land). */
final class Runs {

    /** Hour of the morning dose or meal in the single-dose studies. */
    static final double DOSE_HOUR = 8;
    /** Fine recording for excursions, hours. */
    static final double FINE = 0.25;

    private Runs() {
    }

    static Patient woman(double age) {
        return new Patient("check-woman-" + (int) age, age, Sex.FEMALE, 70, 162, 90, java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(), RiskFactors.typical());
    }

    /** One intake on day 0 at {@link #DOSE_HOUR}. */
    static Schedule once() {
        return new Schedule(0, 1, List.of(DOSE_HOUR), Schedule.EVERY_DAY);
    }

    static Trajectory run(Simulator sim, Patient p, double days, Recording rec, List<Intervention> ivs) {
        Scenario s = new Scenario("check", "", p, List.of(), ivs, days, rec);
        return sim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
    }

    /**
     * The study day: subjects come fasting and the habitual background diet is off on day 0 (a
     * zero-calcium meal schedule replaces it), in the dosed and the control arm alike.
     */
    static Trajectory fine(Simulator sim, Patient p, List<Intervention> doses) {
        List<Intervention> ivs = new java.util.ArrayList<>(doses);
        ivs.add(new Intervention.DietaryCalcium(0, once()));
        List<String> ids = List.of("serumCalciumTotal", "serumCalciumIonised", "pth", "mineral.caAbsorbedCum");
        return run(sim, p, 2, new Recording(ids, FINE, FINE, 0, 0), ivs);
    }

    /** Extra net calcium absorbed, mg, between the dose and {@code hoursAfter}, versus no dose. */
    static double excessAbsorbedMg(Simulator sim, Patient p, Intervention dose, double hoursAfter) {
        Trajectory with = fine(sim, p, List.of(dose));
        Trajectory without = fine(sim, p, List.of());
        return MolarMass.CALCIUM.mmolToMg(absorbedBetween(with, hoursAfter) - absorbedBetween(without, hoursAfter));
    }

    private static double absorbedBetween(Trajectory tr, double hoursAfter) {
        return at(tr, "mineral.caAbsorbedCum", DOSE_HOUR + hoursAfter) - at(tr, "mineral.caAbsorbedCum", DOSE_HOUR);
    }

    static double at(Trajectory tr, String id, double hour) {
        double[] t = tr.timesHours();
        double[] s = tr.series(id);
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= hour - 1e-9) {
                return s[i];
            }
        }
        return s[s.length - 1];
    }

    /** Peak minus the pre-dose value of a channel after the dose. */
    static double peakRise(Trajectory tr, String id) {
        double base = at(tr, id, DOSE_HOUR);
        double peak = base;
        double[] t = tr.timesHours();
        double[] s = tr.series(id);
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= DOSE_HOUR) {
                peak = Math.max(peak, s[i]);
            }
        }
        return peak - base;
    }
}
