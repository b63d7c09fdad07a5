package org.vascalc.simulation.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Thread CPU time of one full derivative call against one call of the FAST rows only (ENGINE model,
 * reference adult, states near the baseline with the FAST states moved by up to 10 %, the gut depots
 * loaded). Developer aid, on request only ({@code -Dvascalc.scratch=true}); docs/performance-log.md,
 * "orbitcost".
 */
class CallCostRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                        org.vascalc.core.intervention.Schedule.daily(8, 20))), 3652.5, Recording.every(365.25 * 24));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters, false), new DriverCourse(sc, parameters));
        int n = model.dimension();
        int[] fast = model.fastIndices();
        double[] base = new double[n];
        for (var b : model.blocks()) {
            b.initialise(sc.patient(), base);
        }
        SplittableRandom r = new SplittableRandom(7);
        double[][] ys = new double[64][];
        for (int s = 0; s < ys.length; s++) {
            ys[s] = base.clone();
            for (int k : fast) {
                ys[s][k] = (base[k] == 0 ? 1 : base[k]) * Math.exp(r.nextDouble(-0.1, 0.1));
            }
        }
        double[] out = new double[n];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int round = 0; round < 6; round++) {
            long a = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 200_000; i++) {
                model.derivatives(1000 + (i & 7), ys[i & 63], out);
                sink += out[fast[0]];
            }
            long b = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 200_000; i++) {
                model.fastRowDerivatives(1000 + (i & 7), ys[i & 63], out);
                sink += out[fast[0]];
            }
            long c = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 200_000; i++) {
                model.slowDerivatives(1000 + (i & 7), ys[i & 63], out);
                sink += out[fast[0]];
            }
            long d = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: full %.1f ns, FAST rows %.1f ns, SLOW rows %.1f ns per call (%g)%n", round,
                    (b - a) / 2e5, (c - b) / 2e5, (d - c) / 2e5, sink);
        }
    }
}
