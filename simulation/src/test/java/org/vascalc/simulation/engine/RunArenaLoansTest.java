package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@link RunArena}'s loans by its contract, on a thread of its own (a new thread's arena has lent
 * nothing): every array lent is zero-filled, also one given back dirty; an array given back serves a
 * later loan of the same kind and length only; {@link RunArena#release} gives back exactly what was
 * lent since its mark (nested marks), refuses a mark outside what is lent; {@link RunArena#NONE}
 * keeps nothing.
 */
class RunArenaLoansTest {

    @Test
    void loansAreZeroFilledAndReusedByKindAndLength() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(RunArenaLoansTest::loans).get();
        } finally {
            thread.shutdownNow();
        }
    }

    private static Void loans() {
        RunArena arena = RunArena.thisThread();
        assertThat(arena.lentNow()).isZero();
        int outer = arena.mark();
        double[] d = arena.doubles(3);
        int[] i = arena.ints(3);
        boolean[] b = arena.booleans(3);
        long[] l = arena.longs(3);
        double[][] rows = arena.doubles(2, 3);
        assertThat(arena.lentNow()).isEqualTo(6);
        assertThat(arena.allocated()).isEqualTo(6);
        java.util.Arrays.fill(d, 7);
        java.util.Arrays.fill(i, 7);
        java.util.Arrays.fill(b, true);
        java.util.Arrays.fill(l, 7);
        java.util.Arrays.fill(rows[0], 7);
        java.util.Arrays.fill(rows[1], 7);

        int inner = arena.mark();
        assertThat(inner).isEqualTo(6);
        double[] d5 = arena.doubles(5);
        d5[4] = 1;
        arena.release(inner);
        assertThat(arena.lentNow()).isEqualTo(6);
        // the inner array comes back, cleared; the outer ones are still lent
        double[] again = arena.doubles(5);
        assertThat(again).isSameAs(d5).containsOnly(0.0);
        assertThat(arena.reused()).isEqualTo(1);

        arena.release(outer);
        assertThat(arena.lentNow()).isZero();
        // each kind's array of length 3 comes back zero-filled; a length or kind not given back is new
        assertThat(arena.longs(3)).isSameAs(l).containsOnly(0L);
        assertThat(arena.booleans(3)).isSameAs(b).containsOnly(false);
        assertThat(arena.ints(3)).isSameAs(i).containsOnly(0);
        double[] first = arena.doubles(3);
        double[] second = arena.doubles(3);
        double[] third = arena.doubles(3);
        double[] fourth = arena.doubles(3);
        // the three given back, by identity (AssertJ compares arrays by content)
        java.util.Set<Object> givenBack = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        givenBack.addAll(java.util.List.of(d, rows[0], rows[1]));
        assertThat(givenBack.contains(first) && givenBack.contains(second) && givenBack.contains(third)).isTrue();
        assertThat(first != second && second != third && first != third).isTrue();
        assertThat(first).containsOnly(0.0);
        assertThat(second).containsOnly(0.0);
        assertThat(third).containsOnly(0.0);
        assertThat(givenBack.contains(fourth)).isFalse();
        assertThat(arena.ints(4)).hasSize(4);
        assertThat(arena.reused()).isEqualTo(1 + 6);
        assertThat(arena.allocated()).isEqualTo(6 + 1 + 1 + 1);

        assertThatThrownBy(() -> arena.release(arena.lentNow() + 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("release to 9 of 8 lent arrays");
        assertThatThrownBy(() -> arena.release(-1)).isInstanceOf(IllegalStateException.class);
        // a release to the present mark gives back nothing and is no error
        int now = arena.mark();
        arena.release(now);
        assertThat(arena.lentNow()).isEqualTo(now);
        arena.release(0);
        assertThat(arena.lentNow()).isZero();
        return null;
    }

    @Test
    void noneLendsNewArraysAndKeepsNothing() {
        RunArena none = RunArena.NONE;
        int mark = none.mark();
        double[] d = none.doubles(4);
        d[0] = 3;
        none.release(mark);
        assertThat(none.doubles(4)).isNotSameAs(d).containsOnly(0.0);
        assertThat(none.lentNow()).isZero();
        assertThat(none.reused()).isZero();
    }
}
