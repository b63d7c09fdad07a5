package org.vascalc.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulator;

/**
 * A fixed, seeded pool of different plausible patients for timing what a <em>new</em> patient costs
 * (run-in, per-patient set-up and the decade), which {@link EngineBenchmark#run} hides by running the
 * same stabilised person again. Each member gets a simulator of its own made from the catalog with
 * their individual parameters, as {@code CohortRunner} does for every cohort member who has them, so
 * neither the simulator's stabilised-state cache nor the set-up functions' memory of the last 64
 * inputs (gut-day Vmax, wall histories) can serve one member from another's run: the pool (256)
 * is larger than both.
 *
 * <ul>
 *   <li>{@link Group#COMMUNITY}: members of the seeded MESA-like cohort ({@link VirtualPopulation#mesa})
 *       with eGFR at least 60, with their measured serum calcium and phosphate, no chronic condition:
 *       the reference-like healthy adults a cohort mostly consists of.</li>
 *   <li>{@link Group#CKD_G4}: members of the CRIC-like cohort ({@link VirtualPopulation#cric}), their
 *       age, sex, size and risk factors, with CKD G4 as a chronic condition (eGFR 22) and no measured
 *       labs: as {@code EngineBenchmark}'s {@code CKD_G4}, the expensive run-in.</li>
 *   <li>{@link Group#CRIC}: members of the CRIC-like cohort as {@code ./vascalc cohort --population cric}
 *       runs them: their own eGFR (20–70), measured serum calcium and phosphate, no condition.</li>
 *   <li>{@link Group#HD}: the same CRIC-like members on maintenance haemodialysis (the catalog's
 *       dialysate), their measured calcium and phosphate kept.</li>
 * </ul>
 * Every member gets the budget scenario (500 mg calcium carbonate at 8:00 and 19:00 with meals,
 * 180 µg MK-7 at 8:00, yearly recording), for {@code years} years.
 */
final class NewPatients {

    /** Seed of the pool; fixed so that every run times the same people. */
    static final long SEED = 20261201L;
    /** Larger than the 64-input memory of the set-up functions and the 16-patient run-in cache. */
    static final int POOL = 256;

    enum Group { COMMUNITY, CKD_G4, CRIC, HD }

    /** One member: their scenario and the catalog with their individual parameters. */
    record Member(Scenario scenario, ParameterCatalog parameters) {
        /** A new simulator for this member: nothing cached from any other run. */
        Simulator newSimulator(SimulatorFactory factory, boolean withWall) {
            return withWall ? factory.create(parameters) : EngineSimulator.withoutWall(parameters);
        }
    }

    private NewPatients() {
    }

    /** The first {@code size} members of {@code group}, in a fixed order. */
    static List<Member> pool(Group group, ParameterCatalog base, double years, int size) {
        VirtualPopulation population = new VirtualPopulation(SEED, base);
        List<Member> members = new ArrayList<>(size);
        for (long i = 0; members.size() < size; i++) {
            VirtualPerson person = group == Group.COMMUNITY ? population.mesa(i) : population.cric(i);
            Patient p = person.patient();
            List<Condition> conditions = List.of();
            if (group == Group.COMMUNITY) {
                if (p.egfrMlPerMin() < 60) {
                    continue;
                }
            } else if (group == Group.HD) {
                conditions = List.of(new Condition.Haemodialysis(OptionalDouble.empty()));
            } else if (group == Group.CKD_G4) {
                Condition.CkdStage stage = Condition.CkdStage.G4;
                p = new Patient(p.id() + "-g4", p.ageYears(), p.sex(), p.weightKg(), p.heightCm(), stage.typicalEgfr(),
                        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), p.risk());
                conditions = List.of(Condition.KidneyFunctionCourse.stage(stage));
            }
            members.add(new Member(scenario(p, conditions, years), base.with(person.individualParameters())));
        }
        return List.copyOf(members);
    }

    /** The budget scenario of {@link EngineBenchmark} for one patient. */
    static Scenario scenario(Patient patient, List<Condition> conditions, double years) {
        return new Scenario("new-patient", "", patient, conditions,
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                years * 365.25, Recording.every(365.25 * 24));
    }
}
