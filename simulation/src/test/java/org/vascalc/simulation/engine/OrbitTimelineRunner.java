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
 * The orbit timeline of the benchmark decade ({@code DecadeTimingRunner}: 500 mg calcium carbonate at
 * 8:00 and 20:00 with food, 180 ug MK-7 at 8:00, whole model), of the same decade at eGFR 65 and of a
 * CKD G4 year: per orbit its day, the interval that led to it and why it was due, its periods, the
 * predictor applied over that interval (trend / secant / none), the measured error, the SLOW state whose
 * (weighted) error set the next interval and what limited it (error, twofold growth, fourfold shrink,
 * the age cap, the end stretch), from the run's trace ({@link BiasProbe#trace}, {@link EngineSimulator#traced}). Cases: {@code -Dvascalc.scratch.cases}
 * (default ref,egfr65,g4year). Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class OrbitTimelineRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        {
            for (String c : System.getProperty("vascalc.scratch.cases", "ref,egfr65,g4year").split(",")) {
                Patient ref = Patient.referenceAdult();
                Patient p = ref;
                List<Condition> conditions = List.of();
                double days = 3652.5;
                switch (c.trim()) {
                    case "egfr65" -> p = new Patient(ref.id() + "-egfr65", ref.ageYears(), ref.sex(), ref.weightKg(),
                            ref.heightCm(), 65, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
                    case "g4year" -> {
                        conditions = List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4));
                        days = 365.25;
                    }
                    default -> { }
                }
                Scenario sc = new Scenario("timeline-" + c, "", p, conditions, new ArrayList<>(List.of(
                        Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)))),
                        days, new Recording(List.of("pth", "mineral.caBone"), 365.25 * 24, 24, 0, 0));
                System.out.println("TIMELINE " + c);
                SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters())
                        .traced(line -> System.out.println("  " + line)).run(sc, Mode.FAST, ProgressListener.NONE);
                Map<String, Long> k = r.counters();
                System.out.printf(Locale.ROOT, "TIMELINE %s: %s%n", c, k);
            }
        }
    }
}
