package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;

/**
 * The decade's counters of new patients against the reference adult's: the budget scenario of bench's
 * {@code EngineBenchmark} and {@code NewPatients} (500 mg calcium carbonate at 8:00 and 19:00 with
 * meals, 180 µg MK-7 at 8:00, yearly rows) for the reference adult and for the first
 * {@code -Dvascalc.scratch.members} (default 8) members of the MESA-like cohort with eGFR at least
 * 60 and of the CRIC-like one with CKD G4 and no labs (seed 20261201, as {@code NewPatients}), each
 * with their individual parameters, the engine alone ({@code -Dvascalc.scratch.wall=true}: with the
 * wall). Prints, per patient, age, sex, eGFR, labs, run-in calls and days and the decade's counters,
 * to see why a new patient's decade takes more calls than the reference adult's
 * ({@code -Dvascalc.scratch.rules=off}: with {@link FastSettings#reuseRules} off). Developer aid, on
 * request only ({@code -Dvascalc.scratch=true}).
 */
class NewPatientDecadeRunner {

    static Scenario budget(Patient patient, List<Condition> conditions) {
        return new Scenario("new-patient", "", patient, conditions,
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                3652.5, Recording.every(365.25 * 24));
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        printAll();
    }

    /**
     * The simulator of each run: the engine alone or with the wall; {@code -Dvascalc.scratch.rules=off}: the reuse
     * rules off ({@link FastSettings#reuseRules}), to compare with the control before `reusesafe`.
     */
    private static EngineSimulator simulator(ParameterCatalog parameters, boolean wall) {
        boolean rules = !"off".equals(System.getProperty("vascalc.scratch.rules"));
        return new EngineSimulator(parameters, Integrators.standard(), FastSettings.DEFAULT.withReuseRules(rules),
                FastSettings.DEFAULT, wall);
    }

    private static void printAll() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        boolean wall = Boolean.getBoolean("vascalc.scratch.wall");
        int wanted = Integer.getInteger("vascalc.scratch.members", 8);
        String groups = System.getProperty("vascalc.scratch.groups", "COMMUNITY,CKD_G4");
        print("reference", Patient.referenceAdult(), base, List.of(), wall);
        print("reference-g4", g4(Patient.referenceAdult()), base,
                List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)), wall);
        if (Boolean.getBoolean("vascalc.scratch.variants")) {
            // What makes a decade dearer: the reference adult at a community member's eGFR, and
            // decades without the regimen (the run-in's own drift and ageing alone).
            Patient ref = Patient.referenceAdult();
            for (double egfr : new double[] {60, 68.3, 75.4, 82}) {
                print("ref-egfr", withEgfr(ref, egfr), base, List.of(), wall);
            }
            printUntreated("ref-none", ref, base, wall);
            printUntreated("ref-none", withEgfr(ref, 68.3), base, wall);
        }
        VirtualPopulation population = new VirtualPopulation(20261201L, base);
        if (groups.contains("COMMUNITY")) {
            int found = 0;
            for (long i = 0; found < wanted; i++) {
                VirtualPerson person = population.mesa(i);
                if (person.patient().egfrMlPerMin() < 60) {
                    continue;
                }
                found++;
                print("community", person.patient(), base.with(person.individualParameters()), List.of(), wall);
            }
        }
        if (groups.contains("CKD_G4")) {
            for (long i = 0; i < wanted; i++) {
                VirtualPerson person = population.cric(i);
                print("ckd-g4", g4(person.patient()), base.with(person.individualParameters()),
                        List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)), wall);
            }
        }
    }

    private static Patient withEgfr(Patient p, double egfr) {
        return new Patient(p.id() + "-egfr" + egfr, p.ageYears(), p.sex(), p.weightKg(), p.heightCm(), egfr,
                p.serumCalciumMmolL(), p.serumPhosphateMmolL(), p.pthPgMl(), p.risk());
    }

    private static void printUntreated(String group, Patient p, ParameterCatalog parameters, boolean wall) {
        EngineSimulator sim = simulator(parameters, wall);
        Scenario sc = new Scenario("untreated", "", p, List.of(), List.of(), 3652.5, Recording.every(365.25 * 24));
        SimulationResult r = sim.run(sc, Mode.FAST, ProgressListener.NONE);
        print(group, p, r);
    }

    private static Patient g4(Patient p) {
        return new Patient(p.id() + "-g4", p.ageYears(), p.sex(), p.weightKg(), p.heightCm(),
                Condition.CkdStage.G4.typicalEgfr(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), p.risk());
    }

    private static void print(String group, Patient p, ParameterCatalog parameters, List<Condition> conditions,
                              boolean wall) {
        EngineSimulator sim = simulator(parameters, wall);
        print(group, p, sim.run(budget(p, conditions), Mode.FAST, ProgressListener.NONE));
    }

    private static void print(String group, Patient p, SimulationResult r) {
        Map<String, Long> c = r.counters();
        System.out.printf(Locale.ROOT,
                "NEWDECADE %-12s %-24s age %2.0f %s eGFR %5.1f Ca %s Pi %s dm %s | run-in %5d calls %4d d | decade %6d calls,"
                        + " slow-rows %5d, %3d SLOW steps, %2d orbits, %3d periods, %5d orbit steps, %4d LUs%n",
                group, p.id(), p.ageYears(), p.sex(), p.egfrMlPerMin(),
                p.serumCalciumMmolL().isPresent() ? String.format(Locale.ROOT, "%.3f", p.serumCalciumMmolL().getAsDouble()) : "-",
                p.serumPhosphateMmolL().isPresent() ? String.format(Locale.ROOT, "%.3f", p.serumPhosphateMmolL().getAsDouble()) : "-",
                p.risk().diabetes(),
                c.get("stabilisationDerivativeEvaluations"), c.get("stabilisationHours") / 24,
                c.get("derivativeEvaluations"), c.get("slowRowEvaluations"), c.get("slowSteps"), c.get("orbits"),
                c.get("orbitPeriods"), c.get("orbitSteps"), c.get("orbitDecompositions"));
    }
}
