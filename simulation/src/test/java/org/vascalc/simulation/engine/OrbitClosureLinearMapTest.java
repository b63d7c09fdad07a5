package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link OrbitClosure}'s decisions on a period map known by hand: every FAST state of the standard model
 * relaxes on its own to 0, {@code x' = -k x}, so over a period T a start {@code d} ends at
 * {@code e^(-kT) d}; the seed {@code exp(J T)} with {@code J = diag(-k)} is that map's monodromy, the
 * quasi-Newton step lands on the orbit's start 0, and the mean distance of the period's trajectory from
 * the orbit, {@code J^-1 (P(x) - x) / T}, is {@code (1 - e^(-kT)) d / (kT)}. The closure scales come from
 * the model's absolute tolerances (no relative part here: orbit tolerance 0), a hundred times larger for
 * the transit depots ({@link FastRun#TRANSIT_TOLERANCE_SCALE}). One state is moved, by a number of its
 * scales, so the class's thresholds (mean 4, start 30 for an estimate, 67 for a candidate, end 1) decide.
 */
class OrbitClosureLinearMapTest {

    private static final double T = 24;

    /** The standard model's FAST layout, its tolerances and one FAST state that is no transit depot. */
    private static final class Setup {
        final int n;
        final int[] fast;
        final double[] atol;
        final double[] before;
        final double[] z;
        final FrozenFastSystem frozen;
        final int moved;
        final int depot;

        Setup() {
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(ModelAssembly.defaultParameters()), null);
            n = model.dimension();
            fast = model.fastIndices();
            int[] slow = model.slowIndices();
            atol = model.absoluteTolerances();
            before = new double[n + slow.length];
            z = new double[n + slow.length];
            frozen = new FrozenFastSystem(model, FastSettings.DEFAULT, null, n, fast, slow, atol, new int[0], new int[0], 0,
                    z, null, null, null);
            int[] transit = frozen.transitAll();
            assertThat(transit).isNotEmpty();
            depot = transit[0];
            int k = 0;
            while (IntArrays.contains(transit, k)) {
                k++;
            }
            moved = k;
        }

        OrbitClosure closure(double kT) {
            OrbitClosure c = new OrbitClosure(n, fast, before, z, 0);
            c.closureScalesFor(atol, frozen);
            int m = fast.length;
            double[] jacobian = new double[m * m];
            for (int q = 0; q < m; q++) {
                jacobian[q * m + q] = -kT / T;
            }
            c.seed(jacobian, T, null);
            c.beginOrbit();
            return c;
        }

        /** A period from the orbit's start 0 moved by {@code scales} closure scales of {@link #moved}; the rest of the state 7. */
        void period(double kT, double scales) {
            java.util.Arrays.fill(before, 7);
            java.util.Arrays.fill(z, 7);
            for (int i : fast) {
                before[i] = 0;
                z[i] = 0;
            }
            double d = scales * atol[fast[moved]];
            before[fast[moved]] = d;
            z[fast[moved]] = Math.exp(-kT) * d;
        }

        double scale() {
            return atol[fast[moved]];
        }
    }

    /** A fast-relaxing state 20 scales off: mean distance 2, start 20 (within 30): accepted at the estimate, the orbit's start. */
    @Test
    void aSmallMeanDistanceIsAcceptedAtTheEstimate() {
        Setup s = new Setup();
        OrbitClosure c = s.closure(10);
        s.period(10, 20);
        assertThat(c.closed()).isFalse();
        assertThat(c.step(null, T)).isTrue();
        assertThat(c.acceptedAtEstimate()).isTrue();
        for (int i : s.fast) {
            assertThat(s.z[i]).isCloseTo(0, Offset.offset(1e-6 * s.atol[i]));
        }
        double mean = (1 - Math.exp(-10)) * 20 / 10;
        assertThat(c.meanDeviation()[s.moved] / s.scale()).isCloseTo(mean, Offset.offset(1e-9));
    }

    /**
     * 35 scales off: the mean distance 3.5 is small but the start beyond the estimate's 30; its end is
     * e^-10 * 35 = 0.0016 scales from the orbit: accepted there, the period's end kept, not at the estimate.
     */
    @Test
    void aStartBeyondTheEstimateCapIsAcceptedByItsEndWhereThatIsClose() {
        Setup s = new Setup();
        OrbitClosure c = s.closure(10);
        s.period(10, 35);
        double end = s.z[s.fast[s.moved]];
        assertThat(c.step(null, T)).isTrue();
        assertThat(c.acceptedAtEstimate()).isFalse();
        assertThat(s.z[s.fast[s.moved]]).isEqualTo(end);
        assertThat(c.endError()).isCloseTo(Math.exp(-10) * 35, Offset.offset(1e-6));
    }

    /**
     * A slowly relaxing state (kT = 0.1) 10 scales off: mean distance 9.5 > 4: refused, the next start is
     * the estimate; a candidate for acceptance at the estimate (start within 67); its end 9.05 scales off.
     * 100 scales off it is no candidate.
     */
    @Test
    void aLargeMeanDistanceIsRefusedAndTheNextStartIsTheEstimate() {
        Setup s = new Setup();
        OrbitClosure c = s.closure(0.1);
        s.period(0.1, 10);
        assertThat(c.step(null, T)).isFalse();
        assertThat(c.acceptedAtEstimate()).isFalse();
        assertThat(c.estimateCandidate()).isTrue();
        assertThat(s.z[s.fast[s.moved]]).isCloseTo(0, Offset.offset(1e-6 * s.scale()));
        assertThat(c.meanDeviation()[s.moved] / s.scale()).isCloseTo((1 - Math.exp(-0.1)) * 10 / 0.1, Offset.offset(1e-9));
        assertThat(c.endError()).isCloseTo(Math.exp(-0.1) * 10, Offset.offset(1e-6));
        c.acceptAtEstimate();
        assertThat(c.acceptedAtEstimate()).isTrue();

        OrbitClosure far = s.closure(0.1);
        s.period(0.1, 100);
        assertThat(far.step(null, T)).isFalse();
        assertThat(far.estimateCandidate()).isFalse();
    }

    /** The estimate (the model's {@code n} states): the SLOW part of the state as it is, the FAST part at the quasi-Newton step's start (0). */
    @Test
    void theEstimateIsTheStepsStartOnTheFastStatesAndTheStateElsewhere() {
        Setup s = new Setup();
        OrbitClosure c = s.closure(0.1);
        s.period(0.1, 10);
        double[] estimate = new double[s.z.length];
        c.estimate(false, estimate);
        for (int i = 0; i < s.n; i++) {
            boolean isFast = IntArrays.contains(s.fast, i);
            assertThat(estimate[i]).isCloseTo(isFast ? 0 : 7, Offset.offset(isFast ? 1e-6 * s.atol[i] : 0));
        }
        // a step already taken is not taken again: the same estimate
        double[] again = new double[s.z.length];
        c.estimate(true, again);
        assertThat(again).containsExactly(estimate);
    }

    /** No step on a singular map (J = 0, M = I): the estimate is the period's end. */
    @Test
    void withoutAStepTheEstimateIsThePeriodsEnd() {
        Setup s = new Setup();
        OrbitClosure c = s.closure(0);
        s.period(0.1, 10);
        double[] estimate = new double[s.z.length];
        c.estimate(false, estimate);
        assertThat(c.endError()).isInfinite();
        assertThat(java.util.Arrays.copyOf(estimate, s.n)).containsExactly(java.util.Arrays.copyOf(s.z, s.n));
    }

    /**
     * Closed within the closure scale, inclusive: from 0, an end exactly one scale away closes, a hair more
     * does not; a transit depot's scale is a hundred times its tolerance.
     */
    @Test
    void aPeriodClosesWithinItsScalesAndADepotsScaleIsAHundredTolerances() {
        Setup s = new Setup();
        OrbitClosure c = s.closure(1);
        java.util.Arrays.fill(s.before, 0);
        java.util.Arrays.fill(s.z, 0);
        int i = s.fast[s.moved];
        s.z[i] = s.atol[i];
        assertThat(c.closed()).isTrue();
        s.z[i] = Math.nextUp(s.atol[i]);
        assertThat(c.closed()).isFalse();
        s.z[i] = 0;
        int depot = s.fast[s.depot];
        s.z[depot] = 99 * s.atol[depot];
        assertThat(c.closed()).isTrue();
        s.z[depot] = 101 * s.atol[depot];
        assertThat(c.closed()).isFalse();
    }
}
