package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The closed vitamin K block's deviation from its orbits ({@link LinearBlockPropagator#advanceDeviation}):
 * {@code d(t) = e^{A t} d0} against Hipparchus' matrix exponential of the block's own {@code A}, built
 * here from the block's rates (not read from the propagator); continuity where a new orbit takes over;
 * the SLOW rates' integral {@code C F(tau) d} against {@code C A^-1 (e^{A tau} - I) d}; and the drop.
 */
class LinearBlockPropagatorDeviationTest {

    private final ClosedVitaminKFixture f = ClosedVitaminKFixture.make("vk-deviation");
    private final int[] states = f.states();
    private final int m = states.length;

    /** A by differences of the block's rates at unit steps of each state (exact: the block is affine). */
    private RealMatrix matrixFromRates() {
        double[] y = f.z().clone();
        double[] r0 = new double[y.length];
        double[] r = new double[y.length];
        f.model().blockRates(f.vk(), 0, y, r0);
        double[][] a = new double[m][m];
        for (int j = 0; j < m; j++) {
            double keep = y[states[j]];
            y[states[j]] = keep + 1;
            f.model().blockRates(f.vk(), 0, y, r);
            y[states[j]] = keep;
            for (int i = 0; i < m; i++) {
                a[i][j] = r[states[i]] - r0[states[i]];
            }
        }
        return new Array2DRowRealMatrix(a, false);
    }

    private RealVector expTimes(RealMatrix a, double tau, RealVector d) {
        return MatrixUtils.matrixExponential(a.scalarMultiply(tau)).operate(d);
    }

    private double[] layout(RealVector v) {
        double[] out = new double[f.z().length];
        for (int i = 0; i < m; i++) {
            out[states[i]] = v.getEntry(i);
        }
        return out;
    }

    private static void assertClose(double[] actual, RealVector expected) {
        double scale = expected.getLInfNorm();
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("component %d", i).isCloseTo(expected.getEntry(i),
                    org.assertj.core.data.Offset.offset(1e-11 * scale));
        }
    }

    /** A deviation with every state off: MK-7 and K1 in plasma and gut, the hepatic cycle. */
    private RealVector d0() {
        double[] d = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = (i % 2 == 0 ? 1 : -0.5) * (1 + i);
        }
        return new ArrayRealVector(d);
    }

    @Test
    void theDeviationDecaysAsTheMatrixExponentialAndIsContinuousAtANewOrbit() {
        RealMatrix a = matrixFromRates();
        LinearBlockPropagator p = new LinearBlockPropagator(f.model(), f.vk(), states, f.slowStates());
        p.prepare(0, f.z());
        RealVector d0 = d0();
        // from - to = d0: a new orbit (to = 0) takes over from a state d0 away.
        p.addDeviation(0, layout(d0), new double[f.z().length]);
        assertThat(p.deviating()).isTrue();
        // A row at 30 h reads e^{A 30} d0 without advancing the deviation.
        double[] row = new double[f.z().length];
        java.util.Arrays.fill(row, 1000.0);
        p.addDeviationAt(30, row);
        double[] read = new double[m];
        for (int i = 0; i < m; i++) {
            read[i] = row[states[i]] - 1000.0;
        }
        RealVector at30 = expTimes(a, 30, d0);
        for (int i = 0; i < m; i++) {
            assertThat(read[i]).isCloseTo(at30.getEntry(i), org.assertj.core.data.Offset.offset(1e-9 * d0.getLInfNorm()));
        }
        assertClose(p.deviation(), d0);
        // In steps as the SLOW steps take them, then a longer one to 72 h.
        for (double t = 1; t <= 11; t++) {
            p.advanceDeviation(t);
        }
        p.advanceDeviation(72);
        RealVector at72 = expTimes(a, 72, d0);
        assertClose(p.deviation(), at72);
        assertThat(at72.getLInfNorm()).as("decayed, not gone").isGreaterThan(1e-3 * d0.getLInfNorm());

        // A new orbit at 72 h: its start differs from the old orbit's there by jump (from - to).
        RealVector jump = new ArrayRealVector(m);
        for (int i = 0; i < m; i++) {
            jump.setEntry(i, 0.25 * (i + 1));
        }
        double[] oldOrbit = layout(jump);
        double[] newOrbit = new double[f.z().length];
        p.addDeviation(72, oldOrbit, newOrbit);
        RealVector after = at72.add(jump);
        assertClose(p.deviation(), after);
        p.prepare(72, f.z());
        p.advanceDeviation(72 + 500);
        assertClose(p.deviation(), expTimes(a, 500, after));
    }

    /**
     * The uptake into tissue vitamin K relaxing at {@code lambda}: {@code C e^{lambda tau} (A - lambda I)^-1
     * (e^{(A - lambda I) tau} - I) d} (by the LU of {@code A - lambda I}; C by the block's rates), for
     * lambda 0 (the plain integral {@code C F(tau) d}) and for tissue vitamin K's own turnover.
     */
    @Test
    void theUptakeIsTheExactIntegralOfTheDeviationIntoTheRelaxingSlowState() {
        RealMatrix a = matrixFromRates();
        LinearBlockPropagator p = new LinearBlockPropagator(f.model(), f.vk(), states, f.slowStates());
        p.prepare(0, f.z());
        RealVector d0 = d0();
        p.addDeviation(0, layout(d0), new double[f.z().length]);
        p.markDeviation();
        // Marked at 0: advancing the deviation afterwards (rows) leaves the step's uptake as it was.
        p.advanceDeviation(5);
        double tau = 240;
        for (double lambda : new double[] {0, -0.00963}) {
            double[] got = new double[f.slowStates().length];
            p.deviationUptake(tau, new double[] {lambda, lambda}, got);
            RealMatrix shifted = a.subtract(MatrixUtils.createRealIdentityMatrix(m).scalarMultiply(lambda));
            RealVector fd = new LUDecomposition(shifted).getSolver()
                    .solve(expTimes(shifted, tau, d0).subtract(d0)).mapMultiply(Math.exp(lambda * tau));
            double[] y = f.z().clone();
            double[] r0 = new double[y.length];
            double[] r = new double[y.length];
            f.model().blockRates(f.vk(), 0, y, r0);
            for (int i = 0; i < m; i++) {
                y[states[i]] += fd.getEntry(i);
            }
            f.model().blockRates(f.vk(), 0, y, r);
            // tissue vitamin K reads the block's plasma states; the carboxylated MGP fraction none (0)
            int tissue = f.slowStates()[0];
            double expected = r[tissue] - r0[tissue];
            assertThat(got[0]).as("tissue, lambda %s", lambda).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-9 * Math.abs(expected)));
            assertThat(Math.abs(expected)).isGreaterThan(0);
            assertThat(got[1]).isEqualTo(0.0);
        }
    }

    @Test
    void aDeviationBelowItsScaleIsDroppedAndOneAboveIsKept() {
        LinearBlockPropagator p = new LinearBlockPropagator(f.model(), f.vk(), states, f.slowStates());
        p.prepare(0, f.z());
        double[] from = new double[f.z().length];
        from[states[0]] = 1e-6;
        p.addDeviation(0, from, new double[f.z().length]);
        double[] scale = new double[f.z().length];
        java.util.Arrays.fill(scale, 1e-7);
        p.dropDeviationBelow(scale);
        assertThat(p.deviating()).isTrue();
        java.util.Arrays.fill(scale, 1e-6);
        p.dropDeviationBelow(scale);
        assertThat(p.deviating()).isFalse();
        assertThat(p.deviation()).containsOnly(0.0);
    }
}
