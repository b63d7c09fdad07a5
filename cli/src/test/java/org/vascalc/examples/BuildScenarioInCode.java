package org.vascalc.examples;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Intervention.VitaminKForm;
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
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.ScenarioCheck;

/** A patient and a regimen built in Java, checked as a scenario file would be, run with and without MK-7. */
public final class BuildScenarioInCode {

    /** A 68-year-old man who smokes, eGFR 40 falling to 30 over five years. */
    public static Patient patient() {
        return Patient.referenceAdult()
                .withId("man-68")
                .withAgeYears(68)
                .withSex(Sex.MALE)
                .withBody(84, 176) // kg, cm
                .withEgfrMlPerMin(40)
                .withRisk(RiskFactors.typical().withBloodPressureMmHg(142, 84).withHabits(true, false));
    }

    /** Five years of three meals and a calcium tablet a day, with or without 180 µg MK-7. */
    public static Scenario scenario(Patient patient, boolean mk7) {
        List<Intervention> regimen = new ArrayList<>();
        regimen.add(new Intervention.DietaryCalcium(300, Schedule.daily(8, 13, 19))); // mg per meal
        regimen.add(new Intervention.CalciumSupplement(500, CalciumSalt.CARBONATE, true, Schedule.daily(8)));
        if (mk7) {
            regimen.add(new Intervention.VitaminK(VitaminKForm.MK7, 180, Schedule.daily(8))); // µg per dose
        }
        Condition kidneys = new Condition.KidneyFunctionCourse(List.of(
                new Condition.GfrPoint(0, 40), new Condition.GfrPoint(5, 30))); // (years, mL/min/1.73 m²)
        Recording yearly = new Recording(List.of("cacAgatston", "cacIntimalMass", "cacMedialMass"),
                Time.HOURS_PER_YEAR, Time.HOURS_PER_YEAR, 0, 0);
        return new Scenario(mk7 ? "tablet-and-mk7" : "tablet", "built in code", patient, List.of(kidneys),
                regimen, 5 * Time.DAYS_PER_YEAR, yearly);
    }

    /** Five-year change of the coronary calcium no scan separates, mg, without and with MK-7. */
    public record LayerChanges(double intimalTablet, double medialTablet, double intimalMk7, double medialMk7) {
    }

    public static LayerChanges compare() {
        SimulatorFactory factory = SimulatorFactory.load();
        Simulator simulator = factory.create(factory.defaultParameters());
        double[] change = new double[4];
        for (int arm = 0; arm < 2; arm++) {
            Scenario s = scenario(patient(), arm == 1);
            ScenarioCheck.require(s).forEach(w -> System.err.println("warning: " + w)); // errors throw
            Trajectory t = simulator.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
            change[2 * arm] = t.last("cacIntimalMass") - t.series("cacIntimalMass")[0];
            change[2 * arm + 1] = t.last("cacMedialMass") - t.series("cacMedialMass")[0];
        }
        return new LayerChanges(change[0], change[1], change[2], change[3]);
    }

    /** A height typed in metres: refused with the field, the value, its unit and the allowed range. */
    public static String heightInMetres() {
        try {
            ScenarioCheck.require(scenario(patient().withBody(84, 1.76), false));
            return "accepted";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    public static void main(String[] args) {
        LayerChanges c = compare();
        System.out.printf("5-year change, mg   intimal  medial%n");
        System.out.printf("tablet            %8.3f %7.3f%n", c.intimalTablet(), c.medialTablet());
        System.out.printf("tablet + MK-7     %8.3f %7.3f%n", c.intimalMk7(), c.medialMk7());
        System.out.println(heightInMetres());
    }
}
