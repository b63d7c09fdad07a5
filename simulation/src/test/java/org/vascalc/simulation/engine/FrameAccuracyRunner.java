package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.SimulationResult;

/**
 * The benchmark decade with the exactly propagated linear part on and off, at several orbit
 * tolerances, against orbits at rtol 1e-6 (plain): worst relative difference of each output over
 * the yearly rows (cumulative counters and bone as changes since t = 0). Developer aid, on request
 * only ({@code -Dvascalc.scratch=true}). Each run stabilises with its own settings, and the
 * stabilisation's 30-day chunks end on a 1e-4 criterion that orbit noise can tip: compare runs with
 * the same {@code stabilisationHours} (a longer run-in moves the decade's bone change by ~1 %).
 */
class FrameAccuracyRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        List<String> ids = List.of("serumCalciumTotal", "pth", "bmd", "mineral.osteoclasts", "mineral.caBone",
                "mineral.caUrineCum", "mineral.caFaecesCum", "mineral.caAbsorbedCum", "vitk.cMgpFraction", "vitk.tissueVk");
        var sc = Scenarios.of("supp", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        FastSettings fine = FastSettings.DEFAULT.withExactLinearPart(false).withIntegrationRelativeTolerance(1e-6);
        SimulationResult ref = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), fine)
                .run(sc, Mode.FAST, ProgressListener.NONE);
        System.out.println("fine " + ref.counters());
        for (boolean on : new boolean[] {false, true}) {
            for (double rtol : on ? new double[] {2e-3, 5e-4, 1.5e-4} : new double[] {2e-3, 4e-3}) {
                FastSettings st = FastSettings.DEFAULT.withExactLinearPart(on).withIntegrationRelativeTolerance(rtol);
                SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), st)
                        .run(sc, Mode.FAST, ProgressListener.NONE);
                StringBuilder sb = new StringBuilder();
                double worst = RunDifference.worst(ref, r, ids, sb);
                System.out.printf(Locale.ROOT, "frame=%s rtol=%.0e worst %.1e |%s%n  %s%n", on, rtol, worst, sb, r.counters());
            }
        }
    }
}
