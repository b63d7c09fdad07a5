package org.vascalc.simulation.engine;

import java.util.ArrayList;
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

/**
 * The orbit counts and calls of the benchmark decade (500 mg carbonate at 8:00 and {@code H}:00, MK-7 at
 * 8:00; WHOLE model) for the reference adult and at eGFR 60, 65 and 70, with the quadrature between
 * orbits on 12, 6 and 3 of the 12 orbit samples (the run-in on the default settings, so every run starts
 * from the same state). Developer aid, on request only ({@code -Dvascalc.scratch=true}; the second dose
 * hour with {@code -Dquadrature.secondDose=19}). It showed (docs/performance-log.md, "quad3") that the
 * eGFR-65 decade's 15 orbits at 6 samples are not a property of the quadrature's accuracy: on all 12
 * samples it takes 17, as on 3.
 */
class QuadratureOrbitCountRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        Patient ref = Patient.referenceAdult();
        int second = Integer.getInteger("quadrature.secondDose", 20);
        FastSettings d = FastSettings.DEFAULT;
        for (int samples : new int[] {12, 6, 3}) {
            for (int egfr : new int[] {0, 60, 65, 70}) {
                Patient p = egfr == 0 ? ref : new Patient(ref.id() + "-egfr" + egfr, ref.ageYears(), ref.sex(), ref.weightKg(),
                        ref.heightCm(), egfr, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
                Scenario sc = new Scenario("decade", "", p, List.of(), new ArrayList<>(List.of(
                        Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, second),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)))),
                        3652.5, new Recording(List.of("pth", "mineral.caBone"), 365.25 * 24, 24, 0, 0));
                SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                        d.withQuadratureSamples(samples), d, true).run(sc, Mode.FAST, ProgressListener.NONE);
                var c = r.counters();
                System.out.printf("%s samples %d: orbits %d / periods %d, orbit steps %d, LUs %d, SLOW steps %d, calls %d (SLOW-rows %d)%n",
                        p.id(), samples, c.get("orbits"), c.get("orbitPeriods"), c.get("orbitSteps"), c.get("orbitDecompositions"),
                        c.get("slowSteps"), c.get("derivativeEvaluations"), c.get("slowRowEvaluations"));
            }
        }
    }
}
