package org.vascalc.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.engine.EngineSimulator;

/**
 * The time per derivative call of a cohort member's decade against the reference adult's, in one JVM
 * (ENGINE model, thread CPU time): for each of the first {@code patients} members of a
 * {@link NewPatients} pool (COMMUNITY unless a group is named), the member's decade alone by
 * {@link NewPatientCpuTime}'s protocol (a new simulator runs the member, a second new simulator runs it twice, the third run is timed), then the
 * reference adult through the same protocol, then the reference adult on one simulator kept for the
 * whole run (what {@link EngineCpuTime} times). The three are interleaved member by member, so the
 * load of a shared machine and the JIT's state hit all alike; comparing a member's figure with a
 * reference figure taken at another time or by another tool mixes the machine's states into it
 * (docs/performance-log.md, "percall2"). Prints, for each, the mean CPU milliseconds, the mean
 * derivative calls and the nanoseconds per call, and per member the decade's work counters with
 * {@code -Dvascalc.bench.dump=true}. Run with
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.vascalc.bench.engine.NewPatientPerCall
 * [patients] [warm-up members] [group]}, e.g. {@code 200 400 COMMUNITY}.
 */
public final class NewPatientPerCall {

    /** The counters printed per member: derivative calls and the fast run's units of work. */
    private static final List<String> COUNTERS = List.of("derivativeEvaluations", "slowRowEvaluations", "slowSteps",
            "orbits", "orbitPeriods", "orbitSteps", "orbitJacobians", "orbitDecompositions");

    private NewPatientPerCall() {
    }

    /** Sums of one kind of timed decade. */
    private static final class Tally {
        private final String name;
        private double ms;
        private long calls;
        private int runs;

        Tally(String name) {
            this.name = name;
        }

        void add(double runMs, SimulationResult r) {
            ms += runMs;
            calls += r.counters().get("derivativeEvaluations");
            runs++;
        }

        String line() {
            return String.format(Locale.ROOT, "%-36s mean %.3f ms, %.0f calls, %.1f ns per call", name, ms / runs,
                    calls / (double) runs, ms * 1e6 / calls);
        }
    }

    public static void main(String[] args) {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        NewPatients.Group group = NewPatients.Group.valueOf(args.length > 2 ? args[2] : "COMMUNITY");
        boolean dump = Boolean.getBoolean("vascalc.bench.dump");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SimulatorFactory factory = SimulatorFactory.load();
        ParameterCatalog base = factory.defaultParameters();
        List<NewPatients.Member> pool = NewPatients.pool(group, base, 10,
                Math.max(patients + 64, NewPatients.POOL));
        Scenario reference = NewPatients.scenario(Patient.referenceAdult(), List.of(), 10);
        for (int w = 0; w < warmUp; w++) {
            // warm-up members from the pool's far end, as NewPatientCpuTime's come after its timed ones
            NewPatients.Member m = pool.get(pool.size() - 1 - w % (pool.size() - patients));
            Simulator s = m.newSimulator(factory, false);
            s.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
            s.run(m.scenario(), Mode.FAST, ProgressListener.NONE);
        }
        Tally members = new Tally("members, decade alone");
        Tally referenceFresh = new Tally("reference adult, same protocol");
        Tally referenceKept = new Tally("reference adult, one kept simulator");
        Simulator kept = EngineSimulator.withoutWall(base);
        kept.run(reference, Mode.FAST, ProgressListener.NONE);
        for (int i = 0; i < patients; i++) {
            NewPatients.Member m = pool.get(i);
            SimulationResult r = decadeAlone(m.newSimulator(factory, false), m.newSimulator(factory, false),
                    m.scenario(), members, cpu);
            if (dump) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "member %d eGFR %.1f", i,
                        m.scenario().patient().egfrMlPerMin()));
                for (String c : COUNTERS) {
                    line.append(' ').append(c).append(' ').append(r.counters().get(c));
                }
                System.out.println(line);
            }
            decadeAlone(EngineSimulator.withoutWall(base), EngineSimulator.withoutWall(base), reference,
                    referenceFresh, cpu);
            long t0 = cpu.getCurrentThreadCpuTime();
            SimulationResult again = kept.run(reference, Mode.FAST, ProgressListener.NONE);
            referenceKept.add((cpu.getCurrentThreadCpuTime() - t0) / 1e6, again);
        }
        System.out.println(members.line());
        System.out.println(referenceFresh.line());
        System.out.println(referenceKept.line());
    }

    /** {@link NewPatientCpuTime}'s decade alone: {@code first} runs once, {@code second} twice, the last run timed. */
    private static SimulationResult decadeAlone(Simulator first, Simulator second, Scenario scenario, Tally into,
                                                ThreadMXBean cpu) {
        first.run(scenario, Mode.FAST, ProgressListener.NONE);
        second.run(scenario, Mode.FAST, ProgressListener.NONE);
        long t0 = cpu.getCurrentThreadCpuTime();
        SimulationResult r = second.run(scenario, Mode.FAST, ProgressListener.NONE);
        into.add((cpu.getCurrentThreadCpuTime() - t0) / 1e6, r);
        return r;
    }
}
