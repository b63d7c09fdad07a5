package org.vascalc.simulation.engine;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Index-set operations of the fast mode's per-run set-up, as plain loops. They replace
 * {@code IntStream} pipelines and boxed {@code Set<Integer>}s that gave the set-up code (run once
 * per run, compiled by C2 after a few hundred runs) the compiler's largest compiles: a stream
 * pipeline inlines some 40 JDK methods per use (docs/performance-log.md, "jitwork"). Same results,
 * same order.
 */
final class IntArrays {

    private IntArrays() {
    }

    /** The elements of {@code a} for which {@code keep} holds, in order. */
    static int[] filter(int[] a, IntPredicate keep) {
        int[] out = new int[a.length];
        int m = 0;
        for (int v : a) {
            if (keep.test(v)) {
                out[m++] = v;
            }
        }
        return trim(out, m);
    }

    /** The indices {@code 0 <= j < n} for which {@code keep} holds, ascending. */
    static int[] range(int n, IntPredicate keep) {
        int[] out = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (keep.test(j)) {
                out[m++] = j;
            }
        }
        return trim(out, m);
    }

    /** {@code f} applied to each element of {@code a}, in order. */
    static int[] map(int[] a, IntUnaryOperator f) {
        int[] out = new int[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = f.applyAsInt(a[k]);
        }
        return out;
    }

    /** Whether {@code a} holds {@code v}. */
    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** The indices {@code j} with {@code set[j]}, ascending (what a {@code TreeSet<Integer>} of them would give). */
    static int[] ascending(boolean[] set) {
        int m = 0;
        for (boolean b : set) {
            if (b) {
                m++;
            }
        }
        int[] out = new int[m];
        m = 0;
        for (int j = 0; j < set.length; j++) {
            if (set[j]) {
                out[m++] = j;
            }
        }
        return out;
    }

    private static int[] trim(int[] a, int m) {
        return m == a.length ? a : java.util.Arrays.copyOf(a, m);
    }

    /**
     * The first {@code m} values of {@code t}, ascending and distinct in {@link Double#compare}'s
     * order, as a boxed {@code TreeSet<Double>} gives them, without the boxes (the recording times and
     * the intake timeline's edges; docs/performance-log.md, "runsetup"). Sorts {@code t} in place.
     */
    static double[] sortedDistinct(double[] t, int m) {
        Arrays.sort(t, 0, m);
        int distinct = 0;
        for (int k = 0; k < m; k++) {
            if (distinct == 0 || Double.compare(t[k], t[distinct - 1]) != 0) {
                t[distinct++] = t[k];
            }
        }
        return Arrays.copyOf(t, distinct);
    }
}
