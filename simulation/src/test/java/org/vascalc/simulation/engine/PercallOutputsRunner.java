package org.vascalc.simulation.engine;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;

/**
 * Prints the benchmark decade (EngineBenchmark's scenario, WHOLE and ENGINE) to 17 digits with its
 * counters, so that a change meant to keep results to round-off can be compared before and after
 * (developer aid, on request only: {@code -Dvascalc.scratch=true}).
 */
class PercallOutputsRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario scenario = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                3652.5, Recording.every(365.25 * 24));
        for (boolean wall : new boolean[] {true, false}) {
            Simulator sim = wall ? new EngineSimulator(parameters) : EngineSimulator.withoutWall(parameters);
            SimulationResult r = sim.run(scenario, Mode.FAST, ProgressListener.NONE);
            System.out.println((wall ? "WHOLE " : "ENGINE ") + r.counters());
            var tr = r.trajectory();
            for (int i = 0; i < tr.size(); i++) {
                StringBuilder sb = new StringBuilder(String.format("%s %8.1f", wall ? "W" : "E", tr.time(i)));
                for (double v : tr.row(i)) {
                    sb.append(String.format(" %.17g", v));
                }
                System.out.println(sb);
            }
        }
    }
}
