package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Intake;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/** Scenarios built in code for the engine tests. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario of(String name, double days, Recording rec, List<Condition> conditions, Intervention... ivs) {
        return new Scenario(name, "", Patient.referenceAdult(), conditions, new ArrayList<>(List.of(ivs)), days, rec);
    }

    static Scenario of(String name, double days, Recording rec, Intervention... ivs) {
        return of(name, days, rec, List.of(), ivs);
    }

    static Intervention supplement(double mg, Intervention.CalciumSalt salt, boolean food, double... hours) {
        return new Intervention.CalciumSupplement(mg, salt, food, Schedule.daily(hours));
    }
    /**
     * The benchmark regimen (500 mg carbonate with food at 8 and 20 h, 180 ug MK-7 at 8 h, a decade)
     * for three patients that span the engine's paths: the reference adult, the same with CKD G4, and a
     * 72-year-old diabetic man on haemodialysis (CKD G5). Shared by the engine's probe tests.
     */
    static List<Scenario> probePatients(String name) {
        Patient man = new Patient("m72", 72, Sex.MALE, 85, 178, 95, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new RiskFactors(240, 40, 150, 85, true, true, 3));
        return List.of(
                probeScenario(name, Patient.referenceAdult(), List.of()),
                probeScenario(name, Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4))),
                probeScenario(name, man, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5),
                        new Condition.Haemodialysis(), new Condition.Diabetes())));
    }

    /**
     * The probe patients' regimen for the row-split tests (FAST rows, SLOW rows): the reference adult,
     * CKD G4 and G5 without labs, and the 72-year-old man on haemodialysis, each named for itself.
     */
    static List<Scenario> rowPatients() {
        Patient man = new Patient("m72", 72, Sex.MALE, 85, 178, 95, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new RiskFactors(240, 40, 150, 85, true, true, 3));
        return List.of(
                probeScenario("reference", Patient.referenceAdult(), List.of()),
                probeScenario("ckd-g4", Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4))),
                probeScenario("ckd-g5", Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5))),
                probeScenario("hd-m72", man, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5),
                        new Condition.Haemodialysis(), new Condition.Diabetes())));
    }

    /** The patient's initial state with the gut holding tablets, a binder and vitamin K (every intake kind the rates read). */
    static double[] baselineWithGutLoaded(AssembledModel model, Patient patient) {
        double[] base = InitialisedModels.initialState(model, patient);
        for (Intake intake : List.of(new Intake(Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD, 12.5),
                new Intake(Intake.Kind.CALCIUM_CARBONATE_FASTING, 25), new Intake(Intake.Kind.CALCIUM_FOOD, 7.5),
                new Intake(Intake.Kind.PHOSPHATE_BINDER, 10), new Intake(Intake.Kind.PHOSPHATE_FOOD, 8),
                new Intake(Intake.Kind.VITAMIN_MK7, 280), new Intake(Intake.Kind.WARFARIN, 5))) {
            model.applyIntake(intake, base);
        }
        return base;
    }

    private static Scenario probeScenario(String name, Patient patient, List<Condition> conditions) {
        return new Scenario(name, "", patient, conditions,
                new ArrayList<>(List.of(supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)))),
                3652.5, Recording.every(365.25 * 24));
    }
}
