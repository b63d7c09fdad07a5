package org.vascalc.simulation.engine;

import java.util.Arrays;

/**
 * Work arrays lent to a fast-mode run by its thread, and given back when the run ends: the run's
 * structures ({@link FastRun}, {@link OrbitClosure} with its {@link PeriodMapNewton} and
 * {@link SkylineLu}, {@link AdiabaticResponse}, {@link FrozenFastSystem}'s Jacobian store and seed
 * scratch, {@link WallStepper}, {@link Etd3Stages}, {@link OrbitStartGuess}, {@link OrbitDrift})
 * take their arrays from here instead of allocating them. Each array is zero-filled when it is lent,
 * so a structure gets exactly what {@code new double[n]} gives it: nothing of an earlier run (another
 * patient, another model) reaches a later one, and a run's results do not depend on which runs came
 * before it on its thread (RunArenaTest: patients A, B, A on one thread and on parallel threads
 * against fresh simulators, every recorded value's bits and every counter).
 *
 * <p>One arena per thread ({@link #thisThread}), as {@link Integrators#lendOrbit} lends the orbit
 * integrator: a cohort thread runs its members one after another, each run's structures built from
 * the arrays the last run gave back (the same model dimensions). Loans are nested: a run takes a
 * {@link #mark} before building its structures and gives back everything lent since with
 * {@link #release} when it ends (the run-in's fast runs inside a simulator's run are released
 * before the run proper builds its own). An array must not be used after its release; none
 * leaves a run (the recorded rows, the statistics and {@link SeedMemo}'s copies are allocated).
 * {@link #NONE} lends nothing back: every array new (runs built outside a simulator, tests).
 *
 * <p>Not thread-safe: confined to its thread.
 */
final class RunArena {

    private static final ThreadLocal<RunArena> THREAD = ThreadLocal.withInitial(() -> new RunArena(true));

    /** Allocates every array afresh and keeps nothing (shared: stateless). */
    static final RunArena NONE = new RunArena(false);

    /** This thread's arena. */
    static RunArena thisThread() {
        return THREAD.get();
    }

    private static final int DOUBLES = 0;
    private static final int INTS = 1;
    private static final int BOOLEANS = 2;
    private static final int LONGS = 3;

    private final boolean pooled;
    /** Arrays lent and not yet given back, in lending order. */
    private Object[] lent = new Object[128];
    private int lentCount;
    /** Idle arrays by kind and length: pool {@code p} holds {@code idleCount[p]} arrays of key {@code idleKey[p]}. */
    private long[] idleKey = new long[16];
    private Object[][] idle = new Object[16][];
    private int[] idleCount = new int[16];
    private int pools;
    /** Arrays lent that had been lent before (diagnostics and tests). */
    private long reused;
    private long allocated;

    private RunArena(boolean pooled) {
        this.pooled = pooled;
    }

    /** The position to {@link #release} back to. */
    int mark() {
        return lentCount;
    }

    /** Gives back every array lent since {@code mark} (their holders must not be used after). */
    void release(int mark) {
        if (!pooled) {
            return;
        }
        if (mark < 0 || mark > lentCount) {
            throw new IllegalStateException("release to " + mark + " of " + lentCount + " lent arrays");
        }
        for (int k = lentCount - 1; k >= mark; k--) {
            Object a = lent[k];
            lent[k] = null;
            giveBack(a);
        }
        lentCount = mark;
    }

    /** A zero-filled array of {@code length} doubles. */
    double[] doubles(int length) {
        if (!pooled) {
            return new double[length];
        }
        double[] a = (double[]) take(key(DOUBLES, length));
        if (a == null) {
            a = new double[length];
        } else {
            Arrays.fill(a, 0.0);
        }
        lend(a);
        return a;
    }

    /** {@code rows} zero-filled rows of {@code columns} doubles (the outer array is new). */
    double[][] doubles(int rows, int columns) {
        double[][] a = new double[rows][];
        for (int r = 0; r < rows; r++) {
            a[r] = doubles(columns);
        }
        return a;
    }

    /** A zero-filled array of {@code length} ints. */
    int[] ints(int length) {
        if (!pooled) {
            return new int[length];
        }
        int[] a = (int[]) take(key(INTS, length));
        if (a == null) {
            a = new int[length];
        } else {
            Arrays.fill(a, 0);
        }
        lend(a);
        return a;
    }

    /** A zero-filled (false) array of {@code length} booleans. */
    boolean[] booleans(int length) {
        if (!pooled) {
            return new boolean[length];
        }
        boolean[] a = (boolean[]) take(key(BOOLEANS, length));
        if (a == null) {
            a = new boolean[length];
        } else {
            Arrays.fill(a, false);
        }
        lend(a);
        return a;
    }

    /** A zero-filled array of {@code length} longs. */
    long[] longs(int length) {
        if (!pooled) {
            return new long[length];
        }
        long[] a = (long[]) take(key(LONGS, length));
        if (a == null) {
            a = new long[length];
        } else {
            Arrays.fill(a, 0L);
        }
        lend(a);
        return a;
    }

    /** Arrays lent now. */
    int lentNow() {
        return lentCount;
    }

    /** Loans served by an array given back earlier. */
    long reused() {
        return reused;
    }

    /** Loans served by a new array. */
    long allocated() {
        return allocated;
    }

    private static long key(int kind, int length) {
        return ((long) length << 2) | kind;
    }

    private static long keyOf(Object a) {
        if (a instanceof double[] d) {
            return key(DOUBLES, d.length);
        }
        if (a instanceof int[] i) {
            return key(INTS, i.length);
        }
        if (a instanceof boolean[] b) {
            return key(BOOLEANS, b.length);
        }
        return key(LONGS, ((long[]) a).length);
    }

    private void lend(Object a) {
        if (lentCount == lent.length) {
            lent = Arrays.copyOf(lent, 2 * lent.length);
        }
        lent[lentCount++] = a;
    }

    private int pool(long key) {
        for (int p = 0; p < pools; p++) {
            if (idleKey[p] == key) {
                return p;
            }
        }
        return -1;
    }

    /** An idle array of {@code key}, or null (counted as a new one). */
    private Object take(long key) {
        int p = pool(key);
        if (p < 0 || idleCount[p] == 0) {
            allocated++;
            return null;
        }
        reused++;
        Object a = idle[p][--idleCount[p]];
        idle[p][idleCount[p]] = null;
        return a;
    }

    private void giveBack(Object a) {
        long key = keyOf(a);
        int p = pool(key);
        if (p < 0) {
            if (pools == idleKey.length) {
                idleKey = Arrays.copyOf(idleKey, 2 * pools);
                idle = Arrays.copyOf(idle, 2 * pools);
                idleCount = Arrays.copyOf(idleCount, 2 * pools);
            }
            p = pools++;
            idleKey[p] = key;
            idle[p] = new Object[8];
        }
        if (idleCount[p] == idle[p].length) {
            idle[p] = Arrays.copyOf(idle[p], 2 * idle[p].length);
        }
        idle[p][idleCount[p]++] = a;
    }
}
