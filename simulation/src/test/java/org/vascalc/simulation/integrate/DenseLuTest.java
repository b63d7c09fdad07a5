package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DenseLuTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void solvesRandomSystemsOfSixtyUnknownsToRoundingLevel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 60;
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble(-1, 1);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-10, 10);
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i * n + j] * x[j];
            }
        }
        DenseLu lu = new DenseLu(n);
        System.arraycopy(a, 0, lu.matrix(), 0, a.length);
        assertThat(lu.decompose()).isTrue();
        lu.solve(b);
        for (int i = 0; i < n; i++) {
            // 1e-9: random 60x60 matrices have condition numbers up to ~1e4; times 1e-16 rounding and |x| <= 10.
            assertThat(b[i]).isCloseTo(x[i], within(1e-9));
        }
    }

    @Test
    void pivotsWhenTheLeadingEntryIsZero() {
        DenseLu lu = new DenseLu(2);
        double[] m = lu.matrix();
        m[0] = 0;
        m[1] = 1;
        m[2] = 2;
        m[3] = 3;
        assertThat(lu.decompose()).isTrue();
        double[] b = {1, 8};
        lu.solve(b);
        // [[0,1],[2,3]] x = (1, 8) has x = (2.5, 1) exactly in binary.
        assertThat(b).containsExactly(2.5, 1);
    }

    @Test
    void reportsASingularMatrix() {
        DenseLu lu = new DenseLu(3);
        double[] m = lu.matrix();
        double[] rows = {1, 2, 3, 2, 4, 6, 1, 0, 1};
        System.arraycopy(rows, 0, m, 0, rows.length);
        assertThat(lu.decompose()).isFalse();
    }

    @Test
    void keepsItsArraysWhenTheDimensionIsUnchanged() {
        DenseLu lu = new DenseLu(4);
        double[] before = lu.matrix();
        lu.resize(4);
        assertThat(lu.matrix()).isSameAs(before);
        lu.resize(5);
        assertThat(lu.matrix()).hasSize(25);
    }

    @Test
    void eliminatesAnArrowMatrixWithoutFillAndTheSparsePath() {
        // The hub (row and column 0 full) first would fill the whole matrix; the order takes it last.
        int n = 6;
        DenseLu lu = new DenseLu(n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 4 + i;
            a[i] = 1;
            a[i * n] = -1;
        }
        a[0] = 10;
        System.arraycopy(a, 0, lu.matrix(), 0, a.length);
        assertThat(lu.decompose()).isTrue();
        assertThat(lu.sparseDecompositions()).isEqualTo(1);
        double[] x = {1, -2, 3, -4, 5, -6};
        double[] b = times(a, x);
        lu.solve(b);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-13));
        }
    }

    /**
     * The fast orbit's shape: a transit chain of depots (each fed by the one before it, so that the
     * back substitution runs down the chain row by row, U's entry in the next column taken from a
     * register), a hub that every depot feeds and that feeds back into a few, and loose entries.
     * The sparse path's solution agrees with the exact one to rounding.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void solvesAChainWithAHubOnTheSparsePathToRoundingLevel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 21;
        double[] a = new double[n * n];
        int hub = 0;
        for (int i = 0; i < n; i++) {
            a[i * n + i] = -random.nextDouble(1, 4);
        }
        for (int i = 8; i < 16; i++) {
            a[i * n + i - 1] = random.nextDouble(0.5, 1.5);
            a[hub * n + i] = random.nextDouble(0.1, 0.5);
        }
        for (int k = 0; k < 12; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i != j) {
                a[i * n + j] = random.nextDouble(-0.3, 0.3);
            }
        }
        a[3 * n + hub] = 0.2;
        a[17 * n + hub] = -0.4;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-10, 10);
        }
        double[] b = times(a, x);
        DenseLu lu = new DenseLu(n);
        System.arraycopy(a, 0, lu.matrix(), 0, a.length);
        assertThat(lu.decompose()).isTrue();
        assertThat(lu.sparseDecompositions()).isEqualTo(1);
        lu.solve(b);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-12));
        }
    }

    @Test
    void fallsBackToPartialPivotingWhenADiagonalPivotIsTooSmall() {
        DenseLu lu = new DenseLu(3);
        double[] a = {1e-3, 1, 0, 1, 1, 1, 0, 1, 2};
        System.arraycopy(a, 0, lu.matrix(), 0, a.length);
        assertThat(lu.decompose()).isTrue();
        assertThat(lu.denseDecompositions()).isEqualTo(1);
        double[] x = {3, -1, 2};
        double[] b = times(a, x);
        lu.solve(b);
        for (int i = 0; i < 3; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-12));
        }
    }

    @Test
    void takesANewNonzeroOutsideTheFirstPatternIntoTheOrder() {
        DenseLu lu = new DenseLu(3);
        double[] diagonal = {2, 0, 0, 0, 3, 0, 0, 0, 4};
        System.arraycopy(diagonal, 0, lu.matrix(), 0, 9);
        assertThat(lu.decompose()).isTrue();
        double[] coupled = {2, 1, 1, 1, 3, 1, 1, 1, 4};
        System.arraycopy(coupled, 0, lu.matrix(), 0, 9);
        assertThat(lu.decompose()).isTrue();
        assertThat(lu.sparseDecompositions()).isEqualTo(2);
        double[] x = {1, 2, 3};
        double[] b = times(coupled, x);
        lu.solve(b);
        for (int i = 0; i < 3; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-14));
        }
    }

    @Test
    void decomposesAMatrixTheSameWhateverCameBefore() {
        // A decomposition that had seen other patterns first (and shares its orders) gives bit-identical solutions.
        double[] coupled = {2, 1, 0, 1, 3, 1, 1, 0, 4};
        double[] other = {5, 0, 2, 0, 3, 0, 1, 1, 4};
        PivotOrders shared = new PivotOrders(3);
        DenseLu fresh = new DenseLu(3, new PivotOrders(3));
        DenseLu used = new DenseLu(3, shared);
        System.arraycopy(other, 0, used.matrix(), 0, 9);
        assertThat(used.decompose()).isTrue();
        for (DenseLu lu : new DenseLu[] {fresh, used}) {
            System.arraycopy(coupled, 0, lu.matrix(), 0, 9);
            assertThat(lu.decompose()).isTrue();
        }
        double[] a = {1, -2, 3};
        double[] b = a.clone();
        fresh.solve(a);
        used.solve(b);
        assertThat(b).containsExactly(a);
        assertThat(shared.analyses()).isEqualTo(2);
    }

    /**
     * decomposeShifted (J read in place, only the fill copied) solves to the bit as filling the
     * matrix shift I - J and decomposing it, over a sequence of shifts and Jacobians: the same
     * pattern, a changed pattern, a diagonal that cancels to exactly zero, and a matrix the sparse
     * path refuses (a tiny diagonal pivot: the dense fallback). Also with J's pattern passed in
     * (found once per J, as the W-method does): the same results.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 9})
    void shiftedDecompositionIsBitIdenticalToFilledOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 12;
        int stride = 15;
        double[] jac = new double[stride * stride];
        PivotOrders orders = new PivotOrders(n);
        DenseLu shifted = new DenseLu(n, orders);
        DenseLu filled = new DenseLu(n, new PivotOrders(n));
        DenseLu patterned = new DenseLu(n, new PivotOrders(n));
        boolean[] pattern = new boolean[n * n];
        for (int round = 0; round < 8; round++) {
            if (round % 3 == 0) {
                java.util.Arrays.fill(jac, 0.0);
                for (int i = 0; i < stride; i++) {
                    for (int j = 0; j < stride; j++) {
                        if (i == j || random.nextDouble() < 0.2) {
                            jac[i * stride + j] = random.nextDouble(-3, 3);
                        }
                    }
                }
            }
            double shift = random.nextDouble(0.5, 20);
            if (round == 4) {
                jac[2 * stride + 2] = shift;
            }
            if (round == 7) {
                jac[5 * stride + 5] = shift - 1e-9;
                jac[6 * stride + 5] = 5;
            }
            double[] m = filled.matrix();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = -jac[i * stride + j];
                }
                m[i * n + i] += shift;
            }
            boolean expected = filled.decompose();
            assertThat(shifted.decomposeShifted(jac, stride, shift)).isEqualTo(expected);
            DenseLu.jacobianPattern(jac, stride, n, pattern);
            assertThat(patterned.decomposeShifted(jac, stride, shift, pattern)).isEqualTo(expected);
            if (!expected) {
                continue;
            }
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextDouble(-1, 1);
            }
            double[] b = a.clone();
            double[] c = a.clone();
            filled.solve(a);
            shifted.solve(b);
            patterned.solve(c);
            assertThat(b).containsExactly(a);
            assertThat(c).containsExactly(a);
        }
        assertThat(shifted.denseDecompositions()).isEqualTo(filled.denseDecompositions()).isPositive();
        assertThat(patterned.denseDecompositions()).isEqualTo(filled.denseDecompositions());
        assertThat(patterned.sparseDecompositions()).isEqualTo(filled.sparseDecompositions());
    }

    /**
     * With J's pattern passed in, a shift that cancels a diagonal entry to exactly zero is still a
     * new pattern, though the elimination would fill that entry:
     * the same decomposition as filling the matrix, not the analysed pattern's.
     */
    @Test
    void aCancelledDiagonalIsANewPatternAlsoWithJacobiansPattern() {
        int n = 3;
        int stride = 4;
        double[] jac = new double[stride * stride];
        double[] entries = {-2.0, 0.7, 0.0, 1.3, 0.9, -0.4, 0.0, 0.6, -1.5};
        for (int i = 0; i < n; i++) {
            System.arraycopy(entries, i * n, jac, i * stride, n);
        }
        jac[3] = 7;
        boolean[] pattern = new boolean[n * n];
        DenseLu.jacobianPattern(jac, stride, n, pattern);
        DenseLu patterned = new DenseLu(n, new PivotOrders(n));
        DenseLu filled = new DenseLu(n, new PivotOrders(n));
        for (double shift : new double[] {3.0, 0.9, 2.5}) {
            double[] m = filled.matrix();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = -jac[i * stride + j];
                }
                m[i * n + i] += shift;
            }
            assertThat(patterned.decomposeShifted(jac, stride, shift, pattern)).isEqualTo(filled.decompose());
            double[] a = {0.3, -1.1, 0.8};
            double[] b = a.clone();
            filled.solve(a);
            patterned.solve(b);
            assertThat(b).containsExactly(a);
        }
        // shift 0.9 cancels J_11 = 0.9: the dense fallback, as for the filled matrix
        // shift 0.9 cancels J_11 = 0.9: a pattern of its own, with an order of its own (the
        // elimination fills the entry, so the analysed order would also have gone through)
        assertThat(patterned.orderAnalyses()).isEqualTo(filled.orderAnalyses()).isEqualTo(2);
    }

    /**
     * shift I - J with J_00 = shift is singular (its first row is zero): decomposeShifted says so, on
     * a first decomposition and on one that reuses an analysed pattern, with and without J's pattern
     * (the integrator then halves the step; mutation testing found no test of a false here).
     */
    @Test
    void aSingularShiftedMatrixIsReportedOnEveryPath() {
        int n = 2;
        int stride = 3;
        double[] jac = new double[stride * stride];
        jac[0] = 3;
        jac[stride + 1] = 1;
        jac[stride] = 0.5;
        boolean[] pattern = new boolean[n * n];
        DenseLu.jacobianPattern(jac, stride, n, pattern);
        assertThat(pattern).containsExactly(true, false, true, true);
        assertThat(new DenseLu(n, new PivotOrders(n)).decomposeShifted(jac, stride, 3)).isFalse();
        DenseLu plain = new DenseLu(n, new PivotOrders(n));
        DenseLu patterned = new DenseLu(n, new PivotOrders(n));
        assertThat(plain.decomposeShifted(jac, stride, 5)).isTrue();
        assertThat(patterned.decomposeShifted(jac, stride, 5, pattern)).isTrue();
        assertThat(plain.decomposeShifted(jac, stride, 3)).isFalse();
        assertThat(patterned.decomposeShifted(jac, stride, 3, pattern)).isFalse();
        // and at a shift that is not singular again: 5 I - J = [[2, 0], [-0.5, 4]], x = (1, 0.375) for b = (2, 1)
        assertThat(patterned.decomposeShifted(jac, stride, 5, pattern)).isTrue();
        double[] b = {2, 1};
        patterned.solve(b);
        assertThat(b).containsExactly(1, 0.375);
    }

    /**
     * directcost2: decomposed over a superset of its pattern (the union of several Jacobians' patterns), {@code shift I
     * - J} solves as over its own pattern, to rounding; a second J whose pattern differs inside the superset is not
     * analysed again (fast mode's direct run analysed two in three of its decompositions before).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void decomposesOverASupersetOfThePatternWithoutAnalysingAgain(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 21;
        double[] first = new double[n * n];
        double[] second = new double[n * n];
        boolean[] union = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            first[i * n + i] = -random.nextDouble(1, 4);
            second[i * n + i] = -random.nextDouble(1, 4);
            union[i * n + i] = true;
        }
        for (int k = 0; k < 40; k++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i != j) {
                // each entry in one J or the other or both: their patterns differ, the union holds both
                double[] into = k % 3 == 0 ? first : k % 3 == 1 ? second : null;
                if (into == null) {
                    first[i * n + j] = random.nextDouble(-0.3, 0.3);
                    second[i * n + j] = random.nextDouble(-0.3, 0.3);
                } else {
                    into[i * n + j] = random.nextDouble(-0.3, 0.3);
                }
                union[i * n + j] = true;
            }
        }
        DenseLu over = new DenseLu(n);
        for (double[] jac : new double[][] {first, second}) {
            double shift = random.nextDouble(0.5, 5);
            double[] a = new double[n * n];
            for (int e = 0; e < a.length; e++) {
                a[e] = -jac[e];
            }
            for (int i = 0; i < n; i++) {
                a[i * n + i] += shift;
            }
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble(-10, 10);
            }
            double[] b = times(a, x);
            assertThat(over.decomposeShiftedOver(jac, n, shift, union)).isTrue();
            over.solve(b);
            for (int i = 0; i < n; i++) {
                assertThat(b[i]).isCloseTo(x[i], within(1e-12));
            }
        }
        assertThat(over.sparseDecompositions()).isEqualTo(2);
        assertThat(over.patternAnalyses()).isEqualTo(1);
        // over each J's own pattern: two analyses
        DenseLu own = new DenseLu(n);
        boolean[] pattern = new boolean[n * n];
        for (double[] jac : new double[][] {first, second}) {
            DenseLu.jacobianPattern(jac, n, n, pattern);
            assertThat(own.decomposeShifted(jac, n, 3, pattern)).isTrue();
        }
        assertThat(own.patternAnalyses()).isEqualTo(2);
    }

    /**
     * enginecut: the two shifted decompositions share their sparse fill and elimination, so over J's own pattern
     * (as the superset) {@code decomposeShiftedOver} solves to the bit as {@code decomposeShifted} with that pattern,
     * in a matrix whose row length is not n (the positions mapped to the stride), with new Jacobians every third round
     * and a tiny diagonal pivot that sends both to the dense path (seeds 12 and 13; seed 11's pivot order absorbs it).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void decomposesOverItsOwnPatternToTheBitOfTheShiftedDecomposition(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 12;
        int stride = 15;
        double[] jac = new double[stride * stride];
        DenseLu own = new DenseLu(n, new PivotOrders(n));
        DenseLu over = new DenseLu(n, new PivotOrders(n));
        boolean[] pattern = new boolean[n * n];
        for (int round = 0; round < 8; round++) {
            if (round % 3 == 0) {
                java.util.Arrays.fill(jac, 0.0);
                for (int i = 0; i < stride; i++) {
                    for (int j = 0; j < stride; j++) {
                        if (i == j || random.nextDouble() < 0.2) {
                            jac[i * stride + j] = random.nextDouble(-3, 3);
                        }
                    }
                }
            }
            double shift = random.nextDouble(0.5, 20);
            if (round == 7) {
                jac[5 * stride + 5] = shift - 1e-9;
                jac[6 * stride + 5] = 5;
            }
            DenseLu.jacobianPattern(jac, stride, n, pattern);
            boolean expected = own.decomposeShifted(jac, stride, shift, pattern);
            assertThat(over.decomposeShiftedOver(jac, stride, shift, pattern)).isEqualTo(expected).isTrue();
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextDouble(-1, 1);
            }
            double[] b = a.clone();
            own.solve(a);
            over.solve(b);
            assertThat(b).containsExactly(a);
        }
        assertThat(over.denseDecompositions()).isEqualTo(own.denseDecompositions());
        assertThat(over.sparseDecompositions()).isEqualTo(own.sparseDecompositions());
        assertThat(over.sparseDecompositions() + over.denseDecompositions()).isEqualTo(8);
        assertThat(over.patternAnalyses()).isEqualTo(own.patternAnalyses());
    }

    /** directcost2: a diagonal pivot of 0.005 times the entry below it fails the default threshold, not 1e-3. */
    @Test
    void aLowerPivotThresholdKeepsTheSparsePath() {
        double[] a = {5e-3, 1, 0, 1, 1, 1, 0, 1, 2};
        double[] x = {3, -1, 2};
        for (double threshold : new double[] {DenseLu.PIVOT_THRESHOLD, 1e-3}) {
            DenseLu lu = new DenseLu(3);
            lu.pivotThreshold(threshold);
            System.arraycopy(a, 0, lu.matrix(), 0, a.length);
            assertThat(lu.decompose()).isTrue();
            assertThat(lu.sparseDecompositions()).isEqualTo(threshold == 1e-3 ? 1 : 0);
            double[] b = times(a, x);
            lu.solve(b);
            for (int i = 0; i < 3; i++) {
                assertThat(b[i]).isCloseTo(x[i], within(1e-12));
            }
        }
    }

    private static double[] times(double[] a, double[] x) {
        int n = x.length;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i * n + j] * x[j];
            }
        }
        return b;
    }
}
