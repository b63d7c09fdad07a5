package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link AdiabaticResponse} against its documented contract, computed here independently of the class:
 * the Jacobian blocks {@code J_ff} and {@code J_fs} of the FAST rows at the orbit's mean state (the FAST
 * samples' mean, the SLOW state as given) by central differences with their own increments, decomposed
 * by Hipparchus' LU. Then {@code S = -J_ff^-1 J_fs}; {@link AdiabaticResponse#shift} is {@code S dSlow}
 * over the kept columns, {@link AdiabaticResponse#column} a column of S, the kept columns
 * ({@link AdiabaticResponse#entering}) those whose doubling moves some FAST state by more than
 * {@link AdiabaticResponse#STRONG} of its size (|x| + 1e3 atol), {@link AdiabaticResponse#forcingResponse}
 * is {@code J_ff^-1 forcing}, {@link AdiabaticResponse#relaxationTime} {@code 1/-J_kk} and
 * {@link AdiabaticResponse#moveTime} that time capped at the period. AdiabaticResponseGroupsTest compares
 * the grouped differences with the column-by-column ones, which share all of this code; here both the first
 * orbit (column by column) and the next ones (grouped) are read against the hand-computed blocks.
 */
class AdiabaticResponseContractTest {

    /** Agreement of the class's forward differences with the second-order ones here, relative to each vector's size. */
    private static final double AGREEMENT = 1e-4;

    @Test
    void theResponseIsMinusJffInverseTimesJfsAtTheOrbitsMeanState() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = new Scenario("contract", "", Patient.referenceAdult(), List.of(), List.of(), 30, Recording.every(24));
        AssembledModel model = InitialisedModels.assembled(parameters, sc, true);
        int[] fast = model.fastIndices();
        int[] slow = model.slowIndices();
        int nf = fast.length;
        double[] atol = model.absoluteTolerances();
        AdiabaticResponse response = new AdiabaticResponse(model, fast, slow, atol);
        SplittableRandom random = new SplittableRandom(20261205);
        double period = 24;

        // Before any orbit: no response, nothing known.
        double[] y0 = InitialisedModels.initialState(model, sc.patient());
        double[] out = new double[nf];
        java.util.Arrays.fill(out, 5.0);
        response.shift(y0, out);
        assertThat(out).containsOnly(0.0);
        for (int k = 0; k < nf; k++) {
            assertThat(response.relaxationTime(k)).isNaN();
            assertThat(response.moveTime(k, period)).isEqualTo(period);
        }

        double[] y = y0.clone();
        for (int orbit = 0; orbit < 3; orbit++) {
            double t = orbit * 30 * 24.0;
            for (int i : slow) {
                y[i] *= Math.exp(random.nextDouble(-0.03, 0.03));
            }
            double[][] samples = InitialisedModels.orbitSamples(y, y0, fast, random);
            response.update(t, samples, y);
            checkContract(model, response, t, samples, y, fast, slow, atol, random, period);
        }
    }

    private static void checkContract(AssembledModel model, AdiabaticResponse response, double t, double[][] samples,
            double[] y, int[] fast, int[] slow, double[] atol, SplittableRandom random, double period) {
        int nf = fast.length;
        // The orbit's mean state: the SLOW part of y, each FAST state its samples' mean.
        double[] point = y.clone();
        for (int i : fast) {
            double sum = 0;
            for (double[] s : samples) {
                sum += s[i];
            }
            point[i] = sum / samples.length;
        }
        double[][] jff = new double[nf][nf];
        double[][] jfs = new double[nf][slow.length];
        for (int c = 0; c < nf; c++) {
            double[] col = differencedColumn(model, t, point, fast[c], atol, fast);
            for (int r = 0; r < nf; r++) {
                jff[r][c] = col[r];
            }
        }
        for (int j = 0; j < slow.length; j++) {
            double[] col = differencedColumn(model, t, point, slow[j], atol, fast);
            for (int r = 0; r < nf; r++) {
                jfs[r][j] = col[r];
            }
        }
        DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(jff, false)).getSolver();
        RealMatrix s = lu.solve(new Array2DRowRealMatrix(jfs, false)).scalarMultiply(-1);

        // The kept columns: those whose doubling moves some FAST state by more than STRONG of its size.
        // States within a factor 3 of the threshold are not judged (the differences' rounding could tip them).
        int[] entering = response.entering();
        int judged = 0;
        for (int j = 0; j < slow.length; j++) {
            double strength = 0;
            for (int r = 0; r < nf; r++) {
                double x = Math.abs(point[fast[r]]) + 1e3 * atol[fast[r]];
                strength = Math.max(strength, Math.abs(s.getEntry(r, j)) * Math.abs(y[slow[j]]) / x);
            }
            boolean kept = IntArrays.contains(entering, j);
            if (strength > 3 * AdiabaticResponse.STRONG) {
                assertThat(kept).as("SLOW state %d, strength %.3g: kept", slow[j], strength).isTrue();
                judged++;
            } else if (strength < AdiabaticResponse.STRONG / 3) {
                assertThat(kept).as("SLOW state %d, strength %.3g: dropped", slow[j], strength).isFalse();
            }
        }
        assertThat(judged).as("strong columns").isPositive();

        // column(j): S's column j for a kept state, zeros for another.
        double[] out = new double[nf];
        double[] expected = new double[nf];
        for (int j = 0; j < slow.length; j++) {
            java.util.Arrays.fill(out, 7.0);
            response.column(j, out);
            if (IntArrays.contains(entering, j)) {
                for (int r = 0; r < nf; r++) {
                    expected[r] = s.getEntry(r, j);
                }
                assertThat(relativeDifference(out, expected)).as("column %d", j).isLessThan(AGREEMENT);
            } else {
                assertThat(out).containsOnly(0.0);
            }
        }

        // shift: S dSlow over the kept columns, zero at the orbit's own SLOW state.
        response.shift(y, out);
        assertThat(out).containsOnly(0.0);
        double[] moved = y.clone();
        for (int i : slow) {
            moved[i] *= Math.exp(random.nextDouble(-0.02, 0.02));
        }
        java.util.Arrays.fill(expected, 0.0);
        for (int j : entering) {
            double dj = moved[slow[j]] - y[slow[j]];
            for (int r = 0; r < nf; r++) {
                expected[r] += s.getEntry(r, j) * dj;
            }
        }
        java.util.Arrays.fill(out, 7.0);
        response.shift(moved, out);
        assertThat(relativeDifference(out, expected)).as("shift").isLessThan(AGREEMENT);

        // forcingResponse: J_ff^-1 forcing; relaxationTime and moveTime: 1/-J_kk, the latter capped at the period.
        double[] forcing = new double[nf];
        for (int k = 0; k < nf; k++) {
            java.util.Arrays.fill(forcing, 0.0);
            forcing[k] = 1;
            response.forcingResponse(forcing, out);
            double[] solved = lu.solve(new org.hipparchus.linear.ArrayRealVector(forcing)).toArray();
            assertThat(relativeDifference(out, solved)).as("J_ff^-1 e_%d", k).isLessThan(AGREEMENT);

            double jkk = jff[k][k];
            double time = response.relaxationTime(k);
            if (jkk < 0) {
                assertThat(time).as("relaxation time of FAST %d", k).isCloseTo(-1 / jkk, org.assertj.core.data.Percentage.withPercentage(0.01));
                assertThat(response.moveTime(k, period)).isEqualTo(Math.min(period, time));
                assertThat(response.moveTime(k, 0.5 * time)).isEqualTo(0.5 * time);
            } else {
                assertThat(time).isEqualTo(Double.POSITIVE_INFINITY);
                assertThat(response.moveTime(k, period)).isEqualTo(period);
            }
        }
        // a random forcing: the sum of the columns (the solve of one vector, not only of unit vectors)
        for (int k = 0; k < nf; k++) {
            forcing[k] = random.nextDouble(-1, 1);
        }
        response.forcingResponse(forcing, out);
        double[] solved = lu.solve(new org.hipparchus.linear.ArrayRealVector(forcing)).toArray();
        assertThat(relativeDifference(out, solved)).as("J_ff^-1 forcing").isLessThan(AGREEMENT);
    }

    /**
     * Column {@code i} of the FAST rows' Jacobian at {@code point} by the second-order one-sided
     * difference {@code (-3 f(x) + 4 f(x + h) - f(x + 2h)) / 2h}, increment 1e-5 |x| + 30 atol (the class
     * takes a first-order forward difference with 1e-6 |x| + 10 atol). One-sided upward as the class's, so
     * that a depot at zero is not differenced across its kink at zero.
     */
    private static double[] differencedColumn(AssembledModel model, double t, double[] point, int i, double[] atol, int[] fast) {
        int n = model.dimension();
        double[] p = point.clone();
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double h = 1e-5 * Math.abs(point[i]) + 30 * atol[i];
        model.fastRowDerivatives(t, p, f0);
        p[i] = point[i] + h;
        model.fastRowDerivatives(t, p, f1);
        p[i] = point[i] + 2 * h;
        model.fastRowDerivatives(t, p, f2);
        double[] col = new double[fast.length];
        for (int r = 0; r < fast.length; r++) {
            col[r] = (-3 * f0[fast[r]] + 4 * f1[fast[r]] - f2[fast[r]]) / (2 * h);
        }
        return col;
    }

    /** Largest difference relative to the expected vector's largest magnitude (0 where both are zero). */
    private static double relativeDifference(double[] actual, double[] expected) {
        double size = 0;
        double diff = 0;
        for (int k = 0; k < expected.length; k++) {
            size = Math.max(size, Math.abs(expected[k]));
            diff = Math.max(diff, Math.abs(actual[k] - expected[k]));
        }
        return diff == 0 ? 0 : diff / size;
    }
}
