package org.vascalc.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An A/B of {@link EngineBenchmark#run} (FAST, reference adult) between two builds in one JVM, by
 * thread CPU time: each build's classes in a class loader of their own, their runs interleaved
 * (A B, B A, ...), so that the load of a shared machine and the JIT's warm-up drift hit both alike.
 * Running the builds in separate JVMs one after the other (as {@link EngineCpuTime} does) let their
 * minima drift by ±10 % on a loaded machine, more than the changes measured.
 *
 * <p>Each build is named by a file holding its class path (colon-separated: the bench classes and
 * the jars of a {@code bench/target/classpath.txt}, copied aside so that rebuilding does not
 * change them). Run with
 * {@code java -cp bench/target/classes org.vascalc.bench.engine.EngineCpuAb A.cp B.cp [ENGINE|WHOLE] [warm-up] [runs] [patient]}
 * (patient as {@link EngineBenchmark#patient}, default REFERENCE);
 * prints minimum, 10th percentile and median CPU milliseconds per decade of each, and the median (and
 * quartiles) of B's time relative to A's over the pairs of runs taken one after the other.
 */
public final class EngineCpuAb {

    private EngineCpuAb() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EngineCpuAb A-classpath-file B-classpath-file [ENGINE|WHOLE] [warm-up] [runs] [patient]");
            System.exit(1);
        }
        String model = args.length > 2 ? args[2] : "ENGINE";
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 600;
        String patient = args.length > 5 ? args[5] : "REFERENCE";
        Object[] bench = new Object[2];
        Method[] run = new Method[2];
        ClassLoader[] loaders = new ClassLoader[2];
        for (int k = 0; k < 2; k++) {
            loaders[k] = loader(Path.of(args[k]));
            // SimulatorFactory finds the model through the context class loader.
            Thread.currentThread().setContextClassLoader(loaders[k]);
            Class<?> c = loaders[k].loadClass(EngineBenchmark.class.getName());
            Object b = c.getDeclaredConstructor().newInstance();
            c.getField("mode").set(b, "FAST");
            c.getField("model").set(b, model);
            c.getField("patient").set(b, patient);
            c.getMethod("setUp").invoke(b);
            bench[k] = b;
            run[k] = c.getMethod("run");
        }
        for (int i = 0; i < warmUp; i++) {
            for (int k = 0; k < 2; k++) {
                invoke(run[k], bench[k], loaders[k]);
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[2][runs];
        for (int i = 0; i < runs; i++) {
            for (int j = 0; j < 2; j++) {
                int k = i % 2 == 0 ? j : 1 - j;
                long start = cpu.getCurrentThreadCpuTime();
                invoke(run[k], bench[k], loaders[k]);
                ms[k][i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] sorted = ms[k].clone();
            Arrays.sort(sorted);
            System.out.printf("%s %-6s CPU ms per decade: min %.3f  p10 %.3f  median %.3f  (%d runs, %s)%n",
                    k == 0 ? "A" : "B", model, sorted[0], sorted[runs / 10], sorted[runs / 2], runs, args[k]);
        }
        // Each run of B against the run of A next to it (the same pair): the median of these
        // differences is less disturbed by the load's drift than the difference of the two medians.
        double[] ratio = new double[runs];
        for (int i = 0; i < runs; i++) {
            ratio[i] = ms[1][i] / ms[0][i] - 1;
        }
        Arrays.sort(ratio);
        System.out.printf("B vs A, paired: median %+.2f %%  (quartiles %+.2f / %+.2f %%)%n", 100 * ratio[runs / 2],
                100 * ratio[runs / 4], 100 * ratio[3 * runs / 4]);
    }

    private static void invoke(Method run, Object bench, ClassLoader loader)
            throws IllegalAccessException, InvocationTargetException {
        Thread.currentThread().setContextClassLoader(loader);
        run.invoke(bench);
    }

    /** A class loader of its own for the class path named in {@code classPathFile} (also NewPatientCpuAb's). */
    static ClassLoader loader(Path classPathFile) throws java.io.IOException {
        String[] parts = Files.readString(classPathFile).trim().split(":");
        URL[] urls = new URL[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                urls[i] = Path.of(parts[i]).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + parts[i] + " of " + classPathFile, e);
            }
        }
        // Parent: the platform loader, so that no class of this process's own build is shared.
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }
}
