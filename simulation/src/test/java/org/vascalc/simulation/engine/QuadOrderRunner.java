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
 * The benchmark decade against a fine fast run (as {@link ClosureAccuracyRunner}) for several orbit
 * quadratures and tolerances in one JVM: {@code -Dvascalc.scratch.configs=stage:2e-3,simpson:4e-3}.
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class QuadOrderRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        List<String> ids = List.of("serumCalciumTotal", "pth", "bmd", "mineral.osteoclasts", "mineral.caBone",
                "mineral.caUrineCum", "mineral.caFaecesCum", "mineral.caAbsorbedCum", "mineral.po4UrineCum",
                "vitk.cMgpFraction", "vitk.tissueVk");
        var sc = Scenarios.of("supp", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        FastRun.Settings d = FastRun.Settings.DEFAULT;
        FastRun.Settings fine = new FastRun.Settings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(), 1e-6,
                d.driftTolerance(), 8766, 1e-6, 3e-4, d.stageQuadrature(), d.exactLinearPart());
        System.setProperty("vascalc.x.simpson", "false");
        SimulationResult ref = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), fine, d, true)
                .run(sc, Mode.FAST, ProgressListener.NONE);
        System.out.println("fine " + ref.counters());
        for (String config : System.getProperty("vascalc.scratch.configs", "stage:2e-3,simpson:2e-3").split(",")) {
            String[] p = config.split(":");
            System.setProperty("vascalc.x.simpson", Boolean.toString(p[0].equals("simpson")));
            FastRun.Settings s = d.withIntegrationRelativeTolerance(Double.parseDouble(p[1]));
            SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), s, d, true)
                    .run(sc, Mode.FAST, ProgressListener.NONE);
            StringBuilder sb = new StringBuilder();
            double worst = RunDifference.worst(ref, r, ids, sb);
            System.out.printf(Locale.ROOT, "QUAD %s worst %.2e |%s%n  %s%n", config, worst, sb, r.counters());
        }
        System.setProperty("vascalc.x.simpson", "false");
    }
}
