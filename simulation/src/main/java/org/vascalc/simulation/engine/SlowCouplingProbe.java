package org.vascalc.simulation.engine;

/**
 * Structural probes of the fast mode ({@link FastRun}) over the SLOW states, by moving one SLOW
 * state at a time at the current state and at a shifted copy (so that terms vanishing at zero
 * count): which SLOW states move the FAST derivatives and how strongly ({@link #influenceOnOrbit},
 * the secant's columns of {@link OrbitReuse}), and which SLOW states enter each other's derivatives
 * ({@link #diagonalGroups}, the groups perturbed together for the SLOW step's diagonal). Stateless.
 */
final class SlowCouplingProbe {

    private SlowCouplingProbe() {
    }

    /**
     * Influence of each SLOW state on the FAST dynamics: the largest change of a FAST derivative,
     * relative to its state, per unit change of the SLOW state (0 for states that enter no FAST
     * derivative), probed at {@code y} and at a shifted copy (so that terms vanishing at zero count),
     * as {@link #diagonalGroups} does.
     */
    static double[] influenceOnOrbit(AssembledModel model, int[] fast, int[] slow, double[] atol, double t,
                                     double[] y) {
        int n = model.dimension();
        double[] influence = new double[slow.length];
        double[] plainAtBase = new double[n];
        double[] base = new double[n];
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        for (int pass = 0; pass < 2; pass++) {
            System.arraycopy(y, 0, base, 0, n);
            for (int i : slow) {
                base[i] = pass == 0 ? y[i] : 1.5 * y[i] + 1e3 * atol[i] + 1e-3;
            }
            model.fastRowDerivatives(t, base, f0); // (FAST rows only are read)
            boolean plainKnown = false;
            for (int j = 0; j < slow.length; j++) {
                int i = slow[j];
                double keep = base[i];
                double delta = Math.max(1e-4 * Math.abs(keep), 1e3 * atol[i]);
                base[i] = keep + delta;
                plainKnown = movedDerivatives(model, t, base, i, plainKnown, plainAtBase, f1, true);
                base[i] = keep;
                for (int k : fast) {
                    double rate = Math.abs(f1[k] - f0[k]) / delta / (Math.abs(y[k]) + atol[k]);
                    influence[j] = Math.max(influence[j], rate);
                }
            }
        }
        return influence;
    }

    /**
     * The full derivative at {@code base}, in which SLOW state {@code i} has just been moved (for the
     * structural probes {@link #diagonalGroups} and {@link #influenceOnOrbit}): for a state of a
     * {@link org.vascalc.physiology.model.MilieuAffine} block (the wall's 44), which no other block
     * reads (AffineDiagonalTest), the other blocks' rates at the unmoved state ({@code plainAtBase},
     * computed at the first such state of the pass, when {@code plainKnown} is false) plus the
     * affine blocks' call: the same bits as the full call ({@link AssembledModel#derivativesGivenPlain}),
     * without re-evaluating the mineral and vitamin K blocks 88 times per probe. Returns whether
     * {@code plainAtBase} is known now. With {@code fastRowsOnly} a call for another state may
     * leave the SLOW rows incomplete ({@link AssembledModel#fastRowDerivatives}).
     */
    static boolean movedDerivatives(AssembledModel model, double t, double[] base, int i, boolean plainKnown,
                                    double[] plainAtBase, double[] out, boolean fastRowsOnly) {
        if (!model.ownedByAffine(i) || !model.affineLast()) {
            if (fastRowsOnly) {
                model.fastRowDerivatives(t, base, out);
            } else {
                model.derivatives(t, base, out);
            }
            return plainKnown;
        }
        if (!plainKnown) {
            // the other blocks do not read the moved state: their rates are those of the unmoved one
            model.plainRates(t, base, plainAtBase);
        }
        model.derivativesGivenPlain(t, base, plainAtBase, out);
        return true;
    }

    /**
     * Groups of SLOW states none of which enters another's derivative (probed once, at the current
     * state with the orbit's first sample {@code firstSample} and at a shifted copy, so that terms vanishing at zero
     * count), so that one quadrature per group yields the diagonal entries of all its members.
     */
    static int[][] diagonalGroups(AssembledModel model, int[] slow, double[] atol, double[] firstSample,
                                  AdiabaticResponse response, double t, double[] y) {
        return groups(reads(model, slow, atol, firstSample, t, y), response);
    }

    /**
     * Which SLOW states each SLOW derivative reads directly: {@code reads[r][j]} where moving SLOW state
     * {@code j} alone, the FAST part held at the orbit's first sample {@code firstSample}, changes SLOW
     * derivative {@code r} (probed at {@code y} and at a shifted copy, so that terms vanishing at zero
     * count). A state that moves the FAST samples ({@link AdiabaticResponse#entering()}) is probed as
     * any other: what it moves through the samples is not a direct read ({@link #groups} perturbs it
     * alone whatever it reads). The diagonal's validity test reads it ({@code FastRun.stillValid}).
     */
    static boolean[][] reads(AssembledModel model, int[] slow, double[] atol, double[] firstSample,
                             double t, double[] y) {
        int n = model.dimension();
        int ns = slow.length;
        boolean[][] reads = new boolean[ns][ns];
        double[] plainAtBase = new double[n];
        double[] base = new double[n];
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        for (int pass = 0; pass < 2; pass++) {
            System.arraycopy(firstSample, 0, base, 0, n);
            for (int i : slow) {
                base[i] = pass == 0 ? y[i] : 1.5 * y[i] + 1e3 * atol[i] + 1e-3;
            }
            // Only SLOW rows are compared: the SLOW-rows call gives the full call's bits there (SlowRatesTest).
            model.slowDerivatives(t, base, f0);
            boolean plainKnown = false;
            for (int j = 0; j < ns; j++) {
                int i = slow[j];
                double keep = base[i];
                base[i] = keep + Math.max(1e-4 * Math.abs(keep), 1e3 * atol[i]);
                if (model.ownedByAffine(i) && model.affineLast()) {
                    plainKnown = movedDerivatives(model, t, base, i, plainKnown, plainAtBase, f1, false);
                } else {
                    model.slowDerivatives(t, base, f1);
                }
                base[i] = keep;
                for (int r = 0; r < ns; r++) {
                    if (r != j && f1[slow[r]] != f0[slow[r]]) {
                        reads[r][j] = true;
                    }
                }
            }
        }
        return reads;
    }

    /** The diagonal groups ({@link #diagonalGroups}) of the probe {@link #reads}. */
    static int[][] groups(boolean[][] reads, AdiabaticResponse response) {
        int ns = reads.length;
        boolean[][] enters = new boolean[ns][ns];
        for (int r = 0; r < ns; r++) {
            for (int j = 0; j < ns; j++) {
                enters[j][r] = reads[r][j];
            }
        }
        // A SLOW state that moves the FAST samples (through the response) moves every SLOW
        // derivative that reads them: it is perturbed alone.
        for (int j : response.entering()) {
            for (int r = 0; r < ns; r++) {
                enters[j][r] = true;
                enters[r][j] = true;
            }
        }
        return greedyGroups(enters);
    }

    /**
     * The columns {@code 0..ns-1} in groups, greedily in order: a column joins the first group none
     * of whose members it enters or is entered by. Plain arrays (boxed lists made this set-up code
     * one of the compiler's largest compiles: docs/performance-log.md, "jitwork").
     */
    private static int[][] greedyGroups(boolean[][] enters) {
        int ns = enters.length;
        int[] size = new int[ns];
        int[][] members = new int[ns][ns];
        int count = 0;
        for (int j = 0; j < ns; j++) {
            int chosen = -1;
            for (int g = 0; g < count && chosen < 0; g++) {
                boolean clash = false;
                for (int m = 0; m < size[g]; m++) {
                    int k = members[g][m];
                    clash |= enters[j][k] || enters[k][j];
                }
                if (!clash) {
                    chosen = g;
                }
            }
            if (chosen < 0) {
                chosen = count++;
            }
            members[chosen][size[chosen]++] = j;
        }
        int[][] out = new int[count][];
        for (int g = 0; g < count; g++) {
            out[g] = java.util.Arrays.copyOf(members[g], size[g]);
        }
        return out;
    }
}
