package org.vascalc.simulation.calibration.wall;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.calibration.TargetCheck;

/**
 * The single-patient wall rows (W01, W02, W03, W17, W19) run through the full simulator, i.e. with
 * the mineral and vitamin K blocks supplying the milieu (the wall's own tests use stand-ins). Long
 * runs use fast mode. The population rows run a virtual cohort: {@link WallPopulationChecks}.
 */
public final class WallChecks {

    private WallChecks() {
    }

    public static List<TargetCheck> all() {
        return List.of(check("W01", WallChecks::w01), check("W02", WallChecks::w02), check("W03", WallChecks::w03),
                check("W17", WallChecks::w17), check("W19", WallChecks::w19));
    }

    private static TargetCheck check(String id, ToDoubleFunction<Simulator> f) {
        return TargetCheck.of(id, f);
    }

    private static Patient person(String id, double age, Sex sex, double egfr, double sbp, double dbp) {
        RiskFactors t = RiskFactors.typical();
        return new Patient(id, age, sex, sex == Sex.MALE ? 82 : 70, sex == Sex.MALE ? 178 : 165, egfr,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new RiskFactors(t.totalCholesterolMgDl(), t.hdlCholesterolMgDl(), sbp, dbp, false, false, t.hsCrpMgL()));
    }

    private static Trajectory run(Simulator sim, Patient p, List<Condition> conditions, List<Intervention> ivs,
                                  double years, String output, Mode mode) {
        double days = years * Time.DAYS_PER_YEAR;
        Scenario s = new Scenario(p.id(), "wall check", p, conditions, ivs, days,
                new Recording(List.of(output), Time.days(days), Time.days(days), 0, 0));
        return sim.run(s, mode, ProgressListener.NONE).trajectory();
    }

    private static double first(Trajectory tr, String id) {
        return tr.series(id)[0];
    }

    /** W01: a healthy normotensive woman (118/75) followed from 40 to 80; relative PWV rise per decade. */
    static double w01(Simulator sim) {
        Trajectory tr = run(sim, person("W01", 40, Sex.FEMALE, 95, 118, 75), List.of(), List.of(), 40, "pwv", Mode.FAST);
        return Math.pow(tr.last("pwv") / first(tr, "pwv"), 0.25) - 1;
    }

    /** W02: PWV of a 60-year-old woman at 130/80 (placed by the catalog's age/SBP expectation). */
    static double w02(Simulator sim) {
        return first(run(sim, person("W02", 60, Sex.FEMALE, 90, 130, 80), List.of(), List.of(), 0.1, "pwv",
                Mode.REFERENCE), "pwv");
    }

    /** W03: PWV rise over 10 years at SBP 140/88 minus that at 120/78, a 55-year-old man. */
    static double w03(Simulator sim) {
        Trajectory hi = run(sim, person("W03hi", 55, Sex.MALE, 90, 140, 88), List.of(), List.of(), 10, "pwv", Mode.FAST);
        Trajectory lo = run(sim, person("W03lo", 55, Sex.MALE, 90, 120, 78), List.of(), List.of(), 10, "pwv", Mode.FAST);
        return (hi.last("pwv") - first(hi, "pwv")) - (lo.last("pwv") - first(lo, "pwv"));
    }

    /** W17: T50 of a 60-year-old man with eGFR 45 (CKD 3, the CRIC average) at his stabilised milieu. */
    static double w17(Simulator sim) {
        return first(run(sim, person("W17", 60, Sex.MALE, 45, 125, 78), List.of(), List.of(), 0.1, "t50",
                Mode.REFERENCE), "t50");
    }

    /** W19: IVUS-like calcium index change over 21 months on a high-intensity statin, a 58-year-old man. */
    static double w19(Simulator sim) {
        return calciumIndexChange(sim, List.of(new Intervention.Statin(Intervention.StatinIntensity.HIGH,
                Schedule.daily(20))));
    }

    /** The control arm of W19 (no statin; Puri 2015: +0.020, in the row's locator). */
    static double w19Control(Simulator sim) {
        return calciumIndexChange(sim, List.of());
    }

    private static double calciumIndexChange(Simulator sim, List<Intervention> ivs) {
        Trajectory tr = run(sim, person("W19", 58, Sex.MALE, 90, 125, 78), List.of(), ivs, 1.75, "calciumIndex",
                Mode.FAST);
        return tr.last("calciumIndex") - first(tr, "calciumIndex");
    }
}
