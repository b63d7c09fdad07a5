package org.vascalc.bench.physiology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * {@link DerivativeBenchmark}'s calls timed by this thread's CPU time instead of JMH's wall clock:
 * on a machine shared with other builds JMH's scores scatter by ±100 % and more, while the CPU time
 * of one thread moves much less. Prints, for each model and block, the minimum over rounds of the CPU
 * nanoseconds per call of {@code orbit}, {@code moving} and {@code column} (the minimum, because
 * sharing only ever adds time: cache and frequency losses). Run with
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.vascalc.bench.physiology.DerivativeCpuTime [rounds] [calls]}.
 */
public final class DerivativeCpuTime {

    private DerivativeCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String model : new String[] {"ENGINE", "WHOLE"}) {
            for (String block : model.equals("WHOLE") ? new String[] {"ALL", "MINERAL", "VITAMINK", "WALL"}
                    : new String[] {"ALL", "MINERAL", "VITAMINK"}) {
                DerivativeBenchmark b = new DerivativeBenchmark();
                b.model = model;
                b.block = block;
                b.setUp();
                double orbit = minimum(cpu, rounds, calls, b::orbit);
                double moving = minimum(cpu, rounds, calls, b::moving);
                double column = minimum(cpu, rounds, calls, b::column);
                System.out.printf("%-6s %-8s orbit %6.1f  moving %6.1f  column %6.1f ns/call%n", model, block, orbit,
                        moving, column);
            }
        }
    }

    private static double minimum(ThreadMXBean cpu, int rounds, int calls, Supplier<double[]> call) {
        double best = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                sink += call.get()[0];
            }
            best = Math.min(best, (cpu.getCurrentThreadCpuTime() - start) / (double) calls);
        }
        if (sink == 42) {
            System.out.println(); // keeps the calls' results alive
        }
        return best;
    }
}
