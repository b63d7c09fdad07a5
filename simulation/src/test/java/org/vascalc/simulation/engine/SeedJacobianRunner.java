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

/** Scratch: which regimens' cold orbits are seeded with the same Jacobian ({@code -Dvascalc.scratch=true -Dvascalc.trace.cold=true}). */
class SeedJacobianRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        List<List<Intervention>> regimens = List.of(
                List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true, Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                List.of(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                List.of(new Intervention.CalciumSupplement(1000, Intervention.CalciumSalt.CITRATE, false, Schedule.daily(12))));
        for (List<Intervention> r : regimens) {
            System.out.println("REGIMEN " + r);
            sim.run(new Scenario("s", "", Patient.referenceAdult(), List.of(), r, 30, Recording.every(24 * 30)), Mode.FAST,
                    ProgressListener.NONE);
        }
    }
}
