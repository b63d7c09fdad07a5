package org.vascalc.simulation.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

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
        CallSample sample = CallSample.benchmarkDecade();
        AssembledModel model = sample.model();
        int n = model.dimension();
        int[] fast = sample.fast();
        double[][] ys = sample.states();
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
