package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.core.intervention.Intervention;

/**
 * Prints a decade of the benchmark scenario in fast mode (twice: the second is JIT-warm) with its
 * counters; developer aid, on request only ({@code -Dvascalc.scratch=true}; repeats with
 * {@code -Dvascalc.scratch.repeats=N}, e.g. under a profiler).
 */
class DecadeTimingRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        List<String> ids = new ArrayList<>(List.of("serumCalciumTotal", "pth", "bmd", "mineral.glandCapacity", "mineral.glandPool",
                "mineral.osteoclasts", "mineral.caBone", "mineral.caBoneExch", "mineral.caUrineCum", "mineral.caFaecesCum", "vitk.cMgpFraction"));
        var sc = Scenarios.of("supp", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        int repeats = Integer.getInteger("vascalc.scratch.repeats", 2);
        for (int rep = 0; rep < repeats; rep++) {
            Mode m = Mode.FAST;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            SimulationResult r = sim.run(sc, m, ProgressListener.NONE);
            // CPU time of this thread: on a shared machine less disturbed than the wall time.
            System.out.println(m + " " + (System.nanoTime() - t0) / 1e6 + " ms wall, "
                    + (threads.getCurrentThreadCpuTime() - c0) / 1e6 + " ms cpu " + r.counters());
            if (rep < repeats - 1) {
                continue;
            }
            var tr = r.trajectory();
            for (int i = 0; i < tr.size(); i++) {
                StringBuilder sb = new StringBuilder(String.format("%7.1f", tr.time(i)));
                for (double v : tr.row(i)) sb.append(String.format(" %11.6f", v));
                System.out.println(sb);
            }
        }
    }
}
