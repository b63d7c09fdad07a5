package org.vascalc.simulation.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;

/**
 * Thread CPU time of one derivative call split by block (ENGINE model, the states of
 * {@link CallCostRunner}): the full call, the zeroing alone, the mineral block alone, the vitamin K
 * block alone. Developer aid, on request only ({@code -Dvascalc.scratch=true}); docs/performance-log.md,
 * "callcost".
 */
public class CallBreakdownRunner {
    /** Runs the measurement against any build's classes: {@code java -cp test-classes:BUILD.cp ...CallBreakdownRunner}. */
    public static void main(String[] args) {
        new CallBreakdownRunner().print();
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        CallSample sample = CallSample.benchmarkDecade();
        AssembledModel model = sample.model();
        int n = model.dimension();
        int[] fast = sample.fast();
        double[][] ys = sample.states();
        double[] out = new double[n];
        Block mineral = model.blocks()[0];
        Block vitk = model.blocks()[1];
        Drivers drivers = model.driversAt(1000);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double sink = 0;
        int calls = 400_000;
        for (int round = 0; round < 6; round++) {
            long a = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                model.derivatives(1000, ys[i & 63], out);
                sink += out[fast[0]];
            }
            long b = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                java.util.Arrays.fill(out, 0, n, 0.0);
                sink += out[fast[0]] + ys[i & 63][fast[0]];
            }
            long c = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                java.util.Arrays.fill(out, 0, n, 0.0);
                mineral.addRates(1000, ys[i & 63], drivers, out);
                sink += out[fast[0]];
            }
            long d = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                java.util.Arrays.fill(out, 0, n, 0.0);
                vitk.addRates(1000, ys[i & 63], drivers, out);
                sink += out[fast[0]];
            }
            long e = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                java.util.Arrays.fill(out, 0, n, 0.0);
                mineral.addSlowRates(1000, ys[i & 63], drivers, out);
                sink += out[fast[0]];
            }
            long f = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: full %.1f ns, zeroing %.1f ns, fill+mineral %.1f ns, fill+vitk %.1f ns, fill+mineral SLOW rows %.1f ns (%g)%n",
                    round, (b - a) / (double) calls, (c - b) / (double) calls, (d - c) / (double) calls,
                    (e - d) / (double) calls, (f - e) / (double) calls, sink);
        }
    }
}
