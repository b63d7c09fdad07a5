package org.vascalc.examples;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.CohortSummary;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;

/** A seeded MESA-like virtual cohort followed in two arms (no added intervention, MK-7), compared member by member. */
public final class VirtualTrial {

    public record Result(CohortSummary control, ArmComparison mk7VersusControl) {
    }

    public static Result run(long seed, int members, double years) {
        SimulatorFactory factory = SimulatorFactory.load();
        ParameterCatalog parameters = factory.defaultParameters();
        VirtualPopulation population = new VirtualPopulation(seed, parameters); // same seed, same people
        List<VirtualPerson> cohort = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            cohort.add(Population.MESA.draw(population, i)); // member i is the same person whatever the size
        }
        CohortRunner runner = new CohortRunner(factory, parameters, 2); // worker threads, a simulator each
        List<FollowUp> control = runner.run(cohort, p -> FollowUp.scenario(p, years, TrialArm.NONE), Mode.FAST,
                FollowUp::of, CohortProgress.NONE);
        List<FollowUp> mk7 = runner.run(cohort, p -> FollowUp.scenario(p, years, TrialArm.MK7), Mode.FAST,
                FollowUp::of, CohortProgress.NONE);
        return new Result(CohortSummary.of(control), ArmComparison.of(TrialArm.MK7, mk7, TrialArm.NONE, control));
    }

    public static void main(String[] args) {
        Result r = run(2026, 40, 3);
        r.control().lines().forEach(System.out::println);
        r.mk7VersusControl().lines().forEach(System.out::println);
    }
}
