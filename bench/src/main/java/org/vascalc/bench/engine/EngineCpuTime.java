package org.vascalc.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link EngineBenchmark#run} timed by this thread's CPU time instead of JMH's wall clock, for a
 * machine shared with other builds (where JMH's scores scatter by ±100 %): after warm-up runs,
 * prints the minimum and the median CPU milliseconds of one fast-mode patient-decade (reference
 * adult) for the WHOLE and the ENGINE model. Run with
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.vascalc.bench.engine.EngineCpuTime [warm-up] [runs]}.
 */
public final class EngineCpuTime {

    private EngineCpuTime() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String model : new String[] {"WHOLE", "ENGINE"}) {
            EngineBenchmark b = new EngineBenchmark();
            b.mode = "FAST";
            b.model = model;
            b.patient = "REFERENCE";
            b.setUp();
            for (int i = 0; i < warmUp; i++) {
                b.run();
            }
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = cpu.getCurrentThreadCpuTime();
                b.run();
                ms[i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("%-6s CPU ms per decade: min %.3f  median %.3f  (%d runs)%n", model, ms[0], ms[runs / 2],
                    runs);
        }
    }
}
