package org.vascalc.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An A/B of what a new patient costs ({@link NewPatientCpuTime}'s "new patient": a new simulator for
 * the next member of a {@link NewPatients} pool, run-in, set-up and decade) between two builds in one
 * JVM, by thread CPU time, their runs interleaved patient by patient (A B, B A, ...) as
 * {@link EngineCpuAb} does for the decade alone, so that the load of a shared machine and the JIT's
 * warm-up hit both alike. The builds are named by class-path files as for {@link EngineCpuAb}; the
 * other build's classes are reached by reflection only (so any build with {@link NewPatients} will do).
 * Run with {@code java -cp bench/target/classes org.vascalc.bench.engine.NewPatientCpuAb A.cp B.cp
 * [COMMUNITY|CKD_G4|CRIC|HD] [ENGINE|WHOLE] [warm-up patients] [patients]}; prints minimum, 10th percentile,
 * median and mean CPU milliseconds per new patient of each, and the median of the paired differences.
 */
public final class NewPatientCpuAb {

    private NewPatientCpuAb() {
    }

    /** One build's pool and the reflective handles to run its members. */
    private record Build(ClassLoader loader, Object factory, List<?> pool, Method newSimulator, Method scenario,
                         Method run, Object fast, Object none) {

        void runMember(int i, boolean wall) throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            Object member = pool.get(i % pool.size());
            Object sim = newSimulator.invoke(member, factory, wall);
            run.invoke(sim, scenario.invoke(member), fast, none);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: NewPatientCpuAb A.cp B.cp [COMMUNITY|CKD_G4|CRIC|HD] [ENGINE|WHOLE] [warm-up] [patients]");
            System.exit(1);
        }
        String group = args.length > 2 ? args[2] : "COMMUNITY";
        boolean wall = args.length > 3 && args[3].equals("WHOLE");
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        int patients = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        Build[] builds = new Build[2];
        for (int k = 0; k < 2; k++) {
            builds[k] = build(Path.of(args[k]), group, warmUp + patients);
        }
        // Warm-up members come after the timed ones in the pool: no member is timed twice.
        for (int i = 0; i < warmUp; i++) {
            for (int k = 0; k < 2; k++) {
                builds[k].runMember(patients + i, wall);
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] ms = new double[2][patients];
        for (int i = 0; i < patients; i++) {
            for (int j = 0; j < 2; j++) {
                int k = i % 2 == 0 ? j : 1 - j;
                long start = cpu.getCurrentThreadCpuTime();
                builds[k].runMember(i, wall);
                ms[k][i] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
            }
        }
        double[] diff = new double[patients];
        for (int i = 0; i < patients; i++) {
            diff[i] = ms[1][i] - ms[0][i];
        }
        for (int k = 0; k < 2; k++) {
            double[] sorted = ms[k].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT,
                    "%s %-9s %-6s CPU ms per new patient: min %.3f  p10 %.3f  median %.3f  mean %.3f  (%d patients, %s)%n",
                    k == 0 ? "A" : "B", group, wall ? "WHOLE" : "ENGINE", sorted[0], sorted[patients / 10],
                    sorted[patients / 2], Arrays.stream(sorted).average().orElse(Double.NaN), patients, args[k]);
        }
        Arrays.sort(diff);
        System.out.printf(Locale.ROOT, "B - A per patient: median %.3f ms, p25 %.3f, p75 %.3f%n", diff[patients / 2],
                diff[patients / 4], diff[3 * patients / 4]);
    }

    private static Build build(Path classPathFile, String group, int size) throws Exception {
        ClassLoader loader = EngineCpuAb.loader(classPathFile);
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> factoryClass = loader.loadClass("org.vascalc.simulation.SimulatorFactory");
        Object factory = factoryClass.getMethod("load").invoke(null);
        Object parameters = factoryClass.getMethod("defaultParameters").invoke(factory);
        Class<?> pools = loader.loadClass("org.vascalc.bench.engine.NewPatients");
        Class<?> groups = loader.loadClass("org.vascalc.bench.engine.NewPatients$Group");
        Class<?> catalog = loader.loadClass("org.vascalc.core.param.ParameterCatalog");
        Method pool = pools.getDeclaredMethod("pool", groups, catalog, double.class, int.class);
        pool.setAccessible(true);
        Method valueOf = groups.getMethod("valueOf", String.class);
        valueOf.setAccessible(true);
        Object g = valueOf.invoke(null, group);
        List<?> members = (List<?>) pool.invoke(null, g, parameters, 10.0, size);
        Class<?> member = loader.loadClass("org.vascalc.bench.engine.NewPatients$Member");
        Method newSimulator = member.getDeclaredMethod("newSimulator", factoryClass, boolean.class);
        newSimulator.setAccessible(true);
        Method scenario = member.getDeclaredMethod("scenario");
        scenario.setAccessible(true);
        Class<?> simulator = loader.loadClass("org.vascalc.simulation.Simulator");
        Class<?> scenarioClass = loader.loadClass("org.vascalc.simulation.Scenario");
        Class<?> mode = loader.loadClass("org.vascalc.simulation.Mode");
        Class<?> listener = loader.loadClass("org.vascalc.simulation.ProgressListener");
        Method run = simulator.getMethod("run", scenarioClass, mode, listener);
        Object fast = mode.getMethod("valueOf", String.class).invoke(null, "FAST");
        Object none = listener.getField("NONE").get(null);
        return new Build(loader, factory, members, newSimulator, scenario, run, fast, none);
    }
}
