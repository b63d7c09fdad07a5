package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;

/**
 * The budget decade of {@link NewPatientDecadeRunner} (500 mg calcium carbonate at 8:00 and 19:00,
 * 180 µg MK-7, engine alone) for the reference adult at the eGFRs of {@code -Dvascalc.scratch.egfr}
 * (comma-separated, default 95,82,75.4,68.3,60), printing the decade's counters; with
 * {@code -Dvascalc.trace.reuse=true} and a temporary tracing patch (not committed: prints in
 * {@code OrbitReuse.measured} and at {@code FastRun}'s orbit decision; docs/performance-log.md, "Why the
 * orbit count rises as eGFR falls") the orbit reuse's decisions too.
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class EgfrReuseRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        Patient ref = Patient.referenceAdult();
        for (String e : System.getProperty("vascalc.scratch.egfr", "95,82,75.4,68.3,60").split(",")) {
            double egfr = Double.parseDouble(e.trim());
            Patient p = new Patient(ref.id() + "-egfr" + egfr, ref.ageYears(), ref.sex(), ref.weightKg(),
                    ref.heightCm(), egfr, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
            System.out.println("EGFR-RUN " + egfr);
            SimulationResult r = EngineSimulator.withoutWall(base)
                    .run(NewPatientDecadeRunner.budget(p, List.of()), Mode.FAST, ProgressListener.NONE);
            Map<String, Long> c = r.counters();
            System.out.printf(Locale.ROOT, "EGFR %5.1f decade %6d calls, %3d SLOW steps, %2d orbits, %3d periods%n",
                    egfr, c.get("derivativeEvaluations"), c.get("slowSteps"), c.get("orbits"), c.get("orbitPeriods"));
        }
    }
}
