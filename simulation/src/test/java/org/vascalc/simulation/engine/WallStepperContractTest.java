package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link WallStepper} on its own, against what its Javadoc says, computed here independently: the wall's
 * SLOW states of a CKD G4 patient (whose wall calcifies) under a fixed milieu, their rates
 * ({@link AssembledModel#affineRatesOf}) integrated by classical Runge-Kutta with 4000 steps as the
 * reference. WallStepperTest compares decades of the whole engine with the wall in the SLOW machinery
 * (within 5e-3 of the wall's change), which cannot see a wrong diagonal or a lower-order step; here one
 * step is read.
 */
class WallStepperContractTest {

    /** A step of 60 days, the SLOW machinery's longest ({@link FastSettings#maxStepPeriods}). */
    private static final double H = 60 * 24.0;

    private static final class Setup {
        final AssembledModel model;
        final int[] own;
        final double[] atol;
        final double[] y;
        final double[] milieu;
        final double[] sampled;
        final double[] orbitMean;
        final double[] sampledAtOrbit;

        Setup() {
            Scenario sc = new Scenario("wall-step", "", Patient.referenceAdult(),
                    List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)), List.of(), 30, Recording.every(24));
            model = InitialisedModels.assembled(ModelAssembly.defaultParameters(), sc, true);
            own = java.util.Arrays.stream(model.slowIndices()).filter(model::ownedByAffine).toArray();
            atol = model.absoluteTolerances();
            y = InitialisedModels.initialState(model, sc.patient());
            orbitMean = new double[model.milieuSize()];
            model.milieu(0, y, orbitMean);
            // the samples' mean moved by 10 % since the orbit, whose samples' mean was 5 % above the orbit's:
            // the blocks see sampled + (orbitMean - sampledAtOrbit) = 1.05 orbitMean
            sampled = new double[orbitMean.length];
            sampledAtOrbit = new double[orbitMean.length];
            milieu = new double[orbitMean.length];
            for (int k = 0; k < orbitMean.length; k++) {
                sampled[k] = 1.1 * orbitMean[k];
                sampledAtOrbit[k] = 1.05 * orbitMean[k];
                milieu[k] = 1.05 * orbitMean[k];
            }
        }

        WallStepper stepper() {
            WallStepper w = new WallStepper(model, own, atol, milieu.length);
            w.milieu(sampled, orbitMean, sampledAtOrbit);
            return w;
        }

        double[] rates(double t, double[] state) {
            return rates(t, state, milieu);
        }

        double[] rates(double t, double[] state, double[] m) {
            double[] out = new double[own.length];
            model.affineRatesOf(t, state, m, own, out);
            return out;
        }

        /** Each own state's own derivative by a second-order one-sided difference (not the class's first-order one). */
        double[] diagonal(double t, double[] state) {
            double[] r0 = rates(t, state);
            double[] l = new double[own.length];
            double[] p = state.clone();
            for (int q = 0; q < own.length; q++) {
                int i = own[q];
                double h = 1e-5 * Math.abs(state[i]) + 30 * atol[i];
                p[i] = state[i] + h;
                double r1 = rates(t, p)[q];
                p[i] = state[i] + 2 * h;
                double r2 = rates(t, p)[q];
                p[i] = state[i];
                l[q] = (-3 * r0[q] + 4 * r1 - r2) / (2 * h);
            }
            return l;
        }

        /** The own states after {@code span} hours from {@code state} at {@code t0}: classical RK4, 4000 steps. */
        double[] reference(double t0, double span) {
            int steps = 4000;
            double dt = span / steps;
            double[] s = y.clone();
            double[] tmp = y.clone();
            for (int m = 0; m < steps; m++) {
                double t = t0 + m * dt;
                double[] k1 = rates(t, s);
                stage(s, k1, 0.5 * dt, tmp);
                double[] k2 = rates(t + 0.5 * dt, tmp);
                stage(s, k2, 0.5 * dt, tmp);
                double[] k3 = rates(t + 0.5 * dt, tmp);
                stage(s, k3, dt, tmp);
                double[] k4 = rates(t + dt, tmp);
                for (int q = 0; q < own.length; q++) {
                    s[own[q]] += dt / 6 * (k1[q] + 2 * k2[q] + 2 * k3[q] + k4[q]);
                }
            }
            return s;
        }

        private void stage(double[] s, double[] k, double a, double[] out) {
            for (int q = 0; q < own.length; q++) {
                out[own[q]] = s[own[q]] + a * k[q];
            }
        }
    }

    private static double phi(double x) {
        return x == 0 ? 1 : Math.expm1(x) / x;
    }

    @Test
    void aPartialPieceIsExponentialEulerOnTheFirstDiagonalAtTheMovedMilieu() {
        Setup s = new Setup();
        assertThat(s.own).hasSizeGreaterThan(10);
        WallStepper w = s.stepper();
        assertThat(w.size()).isEqualTo(s.own.length);
        double t = 100;
        w.diagonal(t, s.y, H, null);
        w.beginPartial(t, s.y);
        double[] r0 = s.rates(t, s.y);
        double[] l = s.diagonal(t, s.y);
        double tau = 365.25 * 24;
        double[] out = s.y.clone();
        w.partial(tau, out);
        int stiff = 0;
        for (int q = 0; q < s.own.length; q++) {
            int i = s.own[q];
            double lq = Math.min(l[q], 0);
            stiff += tau * lq < -0.1 ? 1 : 0;
            double change = tau * r0[q] * phi(tau * lq);
            double expected = s.y[i] + change;
            assertThat(Math.abs(out[i] - expected)).as("wall state %d (l = %.3g /h)", i, l[q])
                    .isLessThanOrEqualTo(1e-4 * Math.abs(change) + 1e-12 * s.atol[i]);
        }
        // the diagonal matters here: some states relax within the year
        assertThat(stiff).isPositive();

        // a new milieu (the orbit's own: sampled = sampledAtOrbit) before the next piece: its rates are taken
        // at it, the diagonal stays the last one differenced
        w.milieu(s.orbitMean, s.orbitMean, s.orbitMean);
        w.beginPartial(t, s.y);
        double[] r1 = s.rates(t, s.y, s.orbitMean);
        w.partial(tau, out);
        boolean moved = false;
        for (int q = 0; q < s.own.length; q++) {
            int i = s.own[q];
            double change = tau * r1[q] * phi(tau * Math.min(l[q], 0));
            moved |= Math.abs(r1[q] - r0[q]) > 1e-3 * Math.abs(r0[q]);
            assertThat(Math.abs(out[i] - (s.y[i] + change))).as("wall state %d at the orbit's milieu", i)
                    .isLessThanOrEqualTo(1e-4 * Math.abs(change) + 1e-12 * s.atol[i]);
        }
        assertThat(moved).as("the milieu moves some rate").isTrue();
    }

    @Test
    void aStepOfEitherOrderFollowsTheWallsOwnRatesAndRestores() {
        Setup s = new Setup();
        double t = 100;
        for (boolean third : new boolean[] {true, false}) {
            // the second-order step (the run-in's) over a quarter of the third order's: its error estimate
            // refuses 60 days
            double span = third ? H : H / 4;
            double[] ref = s.reference(t, span);
            double[] refHalf = s.reference(t, 0.5 * span);
            WallStepper w = s.stepper();
            w.diagonal(t, s.y, H, null);
            double[] y = s.y.clone();
            w.begin(t, span, y, third);
            if (third) {
                w.half(t + 0.5 * span, y);
            }
            boolean[] failed = new boolean[s.own.length];
            boolean ok = w.end(t + span, y, SlowStepControl.STEP_TOLERANCE, failed);
            if (third) {
                assertThat(ok).as("third order: accepted").isTrue();
                assertThat(failed).containsOnly(false);
                assertThat(w.error()).isBetween(0.0, 1.0);
            }
            // (the second-order estimate refuses the four states that start at zero and grow from it
            // quadratically: their first-order step is 0, the correction all of it)
            double worst = 0;
            double worstHalf = 0;
            double[] row = s.y.clone();
            w.within(0.5, y, row);
            for (int q = 0; q < s.own.length; q++) {
                int i = s.own[q];
                double change = Math.abs(ref[i] - s.y[i]);
                double scale = change + s.atol[i];
                worst = Math.max(worst, Math.abs(y[i] - ref[i]) / scale);
                worstHalf = Math.max(worstHalf, Math.abs(row[i] - refHalf[i]) / scale);
            }
            System.out.printf("third %b: step error %.3g, half-step row error %.3g of the step's change, error() %.3g%n",
                    third, worst, worstHalf, w.error());
            // the step: within a thousandth (third order) or a hundredth (second order, a quarter of the
            // span) of each state's change over it; the third order's dense row at mid-step within a
            // hundredth, the second order's is the linear interpolation its Javadoc names
            assertThat(worst).isLessThan(third ? 1e-3 : 1e-2);
            if (third) {
                assertThat(worstHalf).isLessThan(1e-2);
            } else {
                for (int q = 0; q < s.own.length; q++) {
                    int i = s.own[q];
                    assertThat(row[i]).isEqualTo(s.y[i] + 0.5 * (y[i] - s.y[i]));
                }
            }

            // within's ends are the step's ends; restore puts the start back
            w.within(1, y, row);
            double[] rowStart = s.y.clone();
            w.within(0, y, rowStart);
            for (int q = 0; q < s.own.length; q++) {
                int i = s.own[q];
                assertThat(row[i]).isEqualTo(y[i]);
                assertThat(rowStart[i]).isCloseTo(s.y[i], org.assertj.core.data.Offset.offset(1e-12 * Math.abs(s.y[i]) + 1e-15));
            }
            w.restore(y);
            assertThat(y).containsExactly(s.y);

            // a tolerance no step can meet: refused, every state with a non-zero estimate flagged, error above 1
            double[] again = s.y.clone();
            WallStepper tight = s.stepper();
            tight.diagonal(t, again, H, null);
            tight.begin(t, span, again, third);
            if (third) {
                tight.half(t + 0.5 * span, again);
            }
            assertThat(tight.end(t + span, again, 1e-15, failed)).isFalse();
            assertThat(failed).contains(true);
            assertThat(tight.error()).isGreaterThan(1);
        }
    }
}
