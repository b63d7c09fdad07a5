package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * The benchmark decade ({@code DecadeTimingRunner}: 500 mg calcium carbonate at 8:00 and 20:00 with
 * food, 180 ug MK-7 at 8:00, whole model) for the reference adult, the same adult at eGFR 65 and
 * with CKD G4, printing the counters. The per-orbit trace of docs/performance-log.md ("periods": why
 * each orbit was taken, per period the worst closure defects in closure scales, the quasi-Newton
 * step's predicted start and end distances, the period's mean distance from the orbit, its SLOW
 * averages against the next period's in flux tolerances, the start guess's miss) came from a
 * temporary instrumentation of {@code FastRun} ({@code -Dvascalc.trace.orbits=true}), kept in this
 * branch's history (commits "WIP scratch: orbit trace" and "WIP trial"), not in the engine.
 * Which cases: {@code -Dvascalc.scratch.cases} (default ref,egfr65,g4).
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class OrbitPeriodsTraceRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        for (String c : System.getProperty("vascalc.scratch.cases", "ref,egfr65,g4").split(",")) {
            Patient ref = Patient.referenceAdult();
            Patient p = ref;
            List<Condition> conditions = List.of();
            switch (c.trim()) {
                case "egfr65" -> p = new Patient(ref.id() + "-egfr65", ref.ageYears(), ref.sex(), ref.weightKg(),
                        ref.heightCm(), 65, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
                case "g4" -> conditions = List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4));
                default -> { }
            }
            Scenario sc = new Scenario("decade-" + c, "", p, conditions, new ArrayList<>(List.of(
                    Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                    new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)))),
                    3652.5, new Recording(List.of("pth", "mineral.caBone"), 365.25 * 24, 24, 0, 0));
            System.out.println("CASE " + c);
            SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters()).run(sc, Mode.FAST, ProgressListener.NONE);
            Map<String, Long> k = r.counters();
            System.out.printf(Locale.ROOT, "CASE %s: %s%n", c, k);
        }
    }
}
