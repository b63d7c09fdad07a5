package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * A fast-mode run's arrays are lent by its thread's {@link RunArena}: each zero-filled, so a run gives
 * the bits of a run on a new thread (a new arena, a new orbit integrator, new power tables) whatever
 * ran before it on its thread, and runs on parallel threads do not see each other.
 */
class RunArenaTest {

    @Test
    void lendsZeroFilledArraysAndTakesThemBackInNestedOrder() {
        RunArena arena = RunArena.thisThread();
        int outer = arena.mark();
        double[] a = arena.doubles(7);
        int[] b = arena.ints(3);
        boolean[] c = arena.booleans(2);
        long[] d = arena.longs(4);
        a[3] = 1.5;
        b[1] = 9;
        c[0] = true;
        d[2] = -1;
        int inner = arena.mark();
        double[] e = arena.doubles(7);
        assertThat(e).isNotSameAs(a);
        e[0] = Double.NaN;
        arena.release(inner);
        // The inner loan's array comes back zeroed, the outer ones stay lent and untouched.
        double[] again = arena.doubles(7);
        assertThat(again).isSameAs(e).containsOnly(0.0);
        assertThat(a[3]).isEqualTo(1.5);
        long reusedBefore = arena.reused();
        arena.release(outer);
        assertThat(arena.lentNow()).isEqualTo(outer);
        assertThat(arena.doubles(7)).containsOnly(0.0);
        assertThat(arena.doubles(7)).containsOnly(0.0);
        assertThat(arena.ints(3)).containsOnly(0);
        assertThat(arena.booleans(2)).containsOnly(false);
        assertThat(arena.longs(4)).containsOnly(0L);
        assertThat(arena.reused()).isEqualTo(reusedBefore + 5);
        assertThat(arena.doubles(2, 5)).hasDimensions(2, 5);
        assertThatThrownBy(() -> arena.release(arena.lentNow() + 1)).isInstanceOf(IllegalStateException.class);
        arena.release(outer);
        assertThat(arena.lentNow()).isEqualTo(outer);
        // The shared arena of runs built outside a simulator keeps nothing.
        assertThat(RunArena.NONE.doubles(3)).isNotSameAs(RunArena.NONE.doubles(3));
        assertThat(RunArena.NONE.mark()).isZero();
    }

    private static final Recording REC = new Recording(
            List.of("serumCalciumTotal", "pth", "bmd", "mineral.caUrineCum"), 30 * 24, 24, 0, 0);

    private static Scenario scenario(List<Condition> conditions) {
        return Scenarios.of("lent", 400, REC, conditions,
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19));
    }

    /** Patient A: the reference adult, with the wall; patient B: CKD G3b, another catalog, without the wall. */
    private record Patient(String name, Supplier<EngineSimulator> simulator, Scenario scenario) {
        SimulationResult run() {
            return simulator.get().run(scenario, Mode.FAST, ProgressListener.NONE);
        }
    }

    private static Patient patientA() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        return new Patient("A", () -> new EngineSimulator(base), scenario(List.of()));
    }

    private static Patient patientB() {
        ParameterCatalog other = ModelAssembly.defaultParameters().with(Map.of("plaqueSusceptibility", 2.0));
        return new Patient("B", () -> EngineSimulator.withoutWall(other),
                scenario(List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G3B))));
    }

    /** {@code p}'s run on a thread of its own (a new arena). */
    private static SimulationResult fresh(Patient p) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(p::run).get();
        } finally {
            one.shutdown();
        }
    }

    /** The patients run one after another on one thread, each on a new simulator (run-in included). */
    private static Callable<List<SimulationResult>> inTurn(Patient... order) {
        return () -> {
            RunArena arena = RunArena.thisThread();
            long reusedBefore = arena.reused();
            List<SimulationResult> out = new ArrayList<>();
            for (Patient p : order) {
                out.add(p.run());
                assertThat(arena.lentNow()).as("every array given back after %s's run", p.name()).isZero();
            }
            // The later runs took arrays the earlier ones gave back: the lending is exercised.
            assertThat(arena.reused()).isGreaterThan(reusedBefore);
            return out;
        };
    }

    @Test
    void patientsABAOnOneThreadAndOnParallelThreadsGiveTheBitsOfRunsOnNewThreads() throws Exception {
        Patient a = patientA();
        Patient b = patientB();
        SimulationResult freshA = fresh(a);
        SimulationResult freshB = fresh(b);
        // The two patients differ (so a leak of one into the other would show).
        assertThat(freshA.counters().get("derivativeEvaluations"))
                .isNotEqualTo(freshB.counters().get("derivativeEvaluations"));

        Patient[][] orders = {{a, b, a}, {b, a, b}, {b, b, a}};
        List<Patient[]> all = new ArrayList<>(List.of(orders));
        // One thread: A, B, A.
        ExecutorService one = Executors.newSingleThreadExecutor();
        List<SimulationResult> sequential;
        try {
            sequential = one.submit(inTurn(orders[0])).get();
        } finally {
            one.shutdown();
        }
        assertRuns(orders[0], sequential, freshA, freshB);

        // Three threads at once, each its own order.
        ExecutorService pool = Executors.newFixedThreadPool(orders.length);
        try {
            List<Future<List<SimulationResult>>> futures = new ArrayList<>();
            for (Patient[] order : all) {
                futures.add(pool.submit(inTurn(order)));
            }
            for (int k = 0; k < orders.length; k++) {
                assertRuns(orders[k], futures.get(k).get(), freshA, freshB);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void assertRuns(Patient[] order, List<SimulationResult> runs, SimulationResult freshA,
                                   SimulationResult freshB) {
        for (int k = 0; k < order.length; k++) {
            assertSameBits(runs.get(k), order[k].name().equals("A") ? freshA : freshB);
        }
    }

    private static void assertSameBits(SimulationResult r, SimulationResult expected) {
        assertThat(bits(r.trajectory().timesHours())).containsExactly(bits(expected.trajectory().timesHours()));
        assertThat(r.trajectory().size()).isEqualTo(expected.trajectory().size());
        for (int i = 0; i < expected.trajectory().size(); i++) {
            assertThat(bits(r.trajectory().row(i))).containsExactly(bits(expected.trajectory().row(i)));
        }
        Map<String, Long> counters = new HashMap<>(r.counters());
        Map<String, Long> wanted = new HashMap<>(expected.counters());
        counters.remove("wallTimeMicros");
        wanted.remove("wallTimeMicros");
        assertThat(counters).isEqualTo(wanted);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int k = 0; k < v.length; k++) {
            b[k] = Double.doubleToRawLongBits(v[k]);
        }
        return b;
    }
}
