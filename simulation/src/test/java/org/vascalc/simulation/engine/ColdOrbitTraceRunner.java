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

/**
 * The benchmark decade exactly as {@code EngineBenchmark.run} (FAST, reference adult, 500 mg calcium
 * carbonate at 8:00 and 19:00 with food, 180 ug MK-7 at 8:00, ten years, yearly recording; ENGINE =
 * without the wall, WHOLE with it), run a few times, printing the counters (the last three runs'). The per-orbit
 * trace of docs/performance-log.md ("coldorbit", 2026-12-02) came from a temporary instrumentation of
 * {@code FastRun} ({@code -Dvascalc.trace.cold=true}), kept in this branch's history (commit "WIP scratch:
 * per-orbit trace of the cold orbit"). Durations:
 * {@code -Dvascalc.scratch.days} (default 3652.5). Developer aid ({@code -Dvascalc.scratch=true}).
 */
class ColdOrbitTraceRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        double days = Double.parseDouble(System.getProperty("vascalc.scratch.days", "3652.5"));
        int repeats = Integer.getInteger("vascalc.scratch.repeats", 2);
        for (String model : System.getProperty("vascalc.scratch.models", "ENGINE,WHOLE").split(",")) {
            EngineSimulator sim = model.equals("ENGINE") ? EngineSimulator.withoutWall(ModelAssembly.defaultParameters())
                    : new EngineSimulator(ModelAssembly.defaultParameters());
            Scenario sc = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                    List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                    Schedule.daily(8, 19)),
                            new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                    days, Recording.every(365.25 * 24));
            for (int rep = 0; rep < repeats; rep++) {
                if (rep >= repeats - 3) System.out.println("RUN " + model + " rep " + rep);
                SimulationResult r = sim.run(sc, Mode.FAST, ProgressListener.NONE);
                if (rep >= repeats - 3) System.out.println("COUNTERS " + model + " " + r.counters());
                if (rep == repeats - 1) {
                    var tr = r.trajectory();
                    StringBuilder sb = new StringBuilder("LAST ROW");
                    for (double v : tr.row(tr.size() - 1)) {
                        sb.append(' ').append(v);
                    }
                    System.out.println(sb);
                }
            }
        }
    }
}
