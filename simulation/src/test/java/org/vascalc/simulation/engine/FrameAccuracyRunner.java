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

/** Scratch: the benchmark decade with the exact linear part on / off against orbits at rtol 1e-6 (frame off). */
class FrameAccuracyRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        List<String> ids = List.of("serumCalciumTotal", "pth", "bmd", "mineral.osteoclasts", "mineral.caBone",
                "mineral.caUrineCum", "mineral.caFaecesCum", "mineral.caAbsorbedCum", "vitk.cMgpFraction", "vitk.tissueVk");
        var sc = Scenarios.of("supp", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        FastRun.Settings fine = FastRun.Settings.DEFAULT.withExactLinearPart(false).withIntegrationRelativeTolerance(1e-6);
        SimulationResult ref = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), fine)
                .run(sc, Mode.FAST, ProgressListener.NONE);
        System.out.println("fine " + ref.counters());
        for (boolean on : new boolean[] {true}) {
            for (double rtol : new double[] {1e-3, 5e-4, 2.5e-4}) {
                FastRun.Settings st = FastRun.Settings.DEFAULT.withExactLinearPart(on).withIntegrationRelativeTolerance(rtol);
                SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), st)
                        .run(sc, Mode.FAST, ProgressListener.NONE);
                StringBuilder sb = new StringBuilder();
                double worst = 0;
                for (String id : ids) {
                    double[] a = ref.trajectory().series(id);
                    double[] q = r.trajectory().series(id);
                    double w = 0;
                    for (int i = 1; i < a.length; i++) {
                        double ca = a[i] - a[0];
                        double cq = q[i] - q[0];
                        boolean counter = id.endsWith("Cum") || id.equals("bmd") || id.endsWith("caBone");
                        double e = counter ? Math.abs(cq - ca) / Math.max(Math.abs(ca), 1e-12)
                                : Math.abs(q[i] - a[i]) / Math.max(Math.abs(a[i]), 1e-12);
                        w = Math.max(w, e);
                    }
                    worst = Math.max(worst, w);
                    sb.append(String.format(Locale.ROOT, " %s %.1e", id.replace("mineral.", "").replace("vitk.", ""), w));
                }
                System.out.printf(Locale.ROOT, "frame=%s rtol=%.0e worst %.1e |%s%n  %s%n", on, rtol, worst, sb, r.counters());
            }
        }
    }
}
