package org.vascalc.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * What a new patient costs, by this thread's CPU time (readable on a shared machine): for each of
 * the first {@code patients} members of a {@link NewPatients} pool, a new simulator runs the budget
 * decade once (run-in + set-up + decade: what every member of a cohort pays) and then again (the
 * stabilised state cached and the set-up functions remembered: the decade alone, as
 * {@link EngineBenchmark#run} times it); in between, a second new simulator for the same member runs
 * it once more (the set-up functions remember the member, the run-in is repeated). So the decade
 * alone is the third run, the run-in the second minus the third, the per-patient set-up (gut-day
 * derivation, wall histories, the catalog's hash) the first minus the second.
 * Prints, per group and model, means and medians of both and the derivative calls of the run-in and
 * of the decade. Warm-up runs use other members of the same cohort. Run with
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.vascalc.bench.engine.NewPatientCpuTime
 * [patients] [warm-up] [groups] [models]}, e.g. {@code 64 16 COMMUNITY,CKD_G4 WHOLE,ENGINE}.
 */
public final class NewPatientCpuTime {

    private NewPatientCpuTime() {
    }

    public static void main(String[] args) {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        String[] groups = (args.length > 2 ? args[2] : "COMMUNITY,CKD_G4").split(",");
        String[] models = (args.length > 3 ? args[3] : "WHOLE,ENGINE").split(",");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SimulatorFactory factory = SimulatorFactory.load();
        for (String g : groups) {
            List<NewPatients.Member> pool = NewPatients.pool(NewPatients.Group.valueOf(g), factory.defaultParameters(),
                    10, patients + warmUp);
            for (String model : models) {
                boolean wall = model.equals("WHOLE");
                for (int i = patients; i < patients + warmUp; i++) {
                    NewPatients.Member m = pool.get(i);
                    Simulator s = m.newSimulator(factory, wall);
                    s.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
                    s.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
                }
                double[] fresh = new double[patients];
                double[] remembered = new double[patients];
                double[] again = new double[patients];
                long[] runInCalls = new long[patients];
                long[] freshCalls = new long[patients];
                long[] hours = new long[patients];
                for (int i = 0; i < patients; i++) {
                    NewPatients.Member m = pool.get(i);
                    long t0 = cpu.getCurrentThreadCpuTime();
                    Simulator s = m.newSimulator(factory, wall);
                    SimulationResult first = s.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    // a second simulator for the same member: its set-up functions remembered, its run-in not
                    Simulator second = m.newSimulator(factory, wall);
                    second.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
                    long t2 = cpu.getCurrentThreadCpuTime();
                    second.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
                    long t3 = cpu.getCurrentThreadCpuTime();
                    fresh[i] = (t1 - t0) / 1e6;
                    remembered[i] = (t2 - t1) / 1e6;
                    again[i] = (t3 - t2) / 1e6;
                    runInCalls[i] = first.counters().get("stabilisationDerivativeEvaluations");
                    freshCalls[i] = first.counters().get("derivativeEvaluations");
                    hours[i] = first.counters().get("stabilisationHours");
                }
                long atLimit = Arrays.stream(hours).filter(h -> h >= Math.round(5 * 365.25 * 24) - 24 * 30).count();
                System.out.printf(Locale.ROOT,
                        "%-9s %-6s %d patients: CPU ms mean (median): new patient %.2f (%.2f) | decade alone %.2f (%.2f) "
                                + "| so run-in %.2f, set-up %.2f (%.0f %% of a new patient) | run-in calls mean %.0f "
                                + "median %d max %d | decade calls mean %.0f | run-in days mean %.0f, %d at the 5-year "
                                + "limit%n",
                        g, model, patients, mean(fresh), median(fresh), mean(again), median(again),
                        mean(remembered) - mean(again), mean(fresh) - mean(remembered),
                        100 * (mean(fresh) - mean(again)) / mean(fresh),
                        Arrays.stream(runInCalls).average().orElse(0), medianOf(runInCalls),
                        Arrays.stream(runInCalls).max().orElse(0), Arrays.stream(freshCalls).average().orElse(0),
                        Arrays.stream(hours).average().orElse(0) / 24, atLimit);
            }
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long medianOf(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
