package org.vascalc.simulation.integrate;

/**
 * The {@link PivotOrder}s of the last few nonzero patterns, shared by the decompositions of one
 * integrator. The order is a function of the pattern alone, so a decomposition is a function of
 * its matrix alone, whichever matrices came before (a run is the same whether or not the
 * simulator ran others first); the cache only saves choosing it again. The iteration matrix of a
 * compartment model changes its pattern now and then (a clamped depot's derivative is exactly zero
 * while it is empty) and returns to earlier ones: about 90 changes among the 790 decompositions
 * of a fast-mode decade, with a handful of distinct patterns. Allocation-free once its
 * {@link #CAPACITY} slots exist.
 */
final class PivotOrders {

    static final int CAPACITY = 16;

    private final int n;
    private final PivotOrder order;
    private final boolean[][] patterns = new boolean[CAPACITY][];
    private final int[][] originals = new int[CAPACITY][];
    private final boolean[][] fills = new boolean[CAPACITY][];
    private int size;
    private int next;
    private long analyses;

    PivotOrders(int n) {
        this.n = n;
        this.order = new PivotOrder(n);
    }

    int dimension() {
        return n;
    }

    /** Orders chosen afresh so far (cache misses). */
    long analyses() {
        return analyses;
    }

    /**
     * Writes the pivot order for {@code pattern} (row-major n x n, true = nonzero) into
     * {@code original} (original index of each pivot position) and the pattern of L and U with
     * their fill, by original indices, into {@code filled}.
     */
    void orderFor(boolean[] pattern, int[] original, boolean[] filled) {
        int slot = find(pattern);
        if (slot < 0) {
            slot = next;
            next = (next + 1) % CAPACITY;
            if (slot == size) {
                patterns[slot] = new boolean[n * n];
                originals[slot] = new int[n];
                fills[slot] = new boolean[n * n];
                size++;
            }
            order.analyse(pattern);
            analyses++;
            System.arraycopy(pattern, 0, patterns[slot], 0, n * n);
            for (int p = 0; p < n; p++) {
                originals[slot][p] = order.original(p);
            }
            order.copyFilled(fills[slot]);
        }
        System.arraycopy(originals[slot], 0, original, 0, n);
        System.arraycopy(fills[slot], 0, filled, 0, n * n);
    }

    private int find(boolean[] pattern) {
        for (int s = 0; s < size; s++) {
            if (java.util.Arrays.equals(patterns[s], pattern)) {
                return s;
            }
        }
        return -1;
    }
}
