package org.vascalc.simulation.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Rodas4Integrator.StepTrace}: sees every step attempt, as the statistics count them, and changes nothing. */
class StepTraceTest {

    /** A stiff linear pair started far from its slow manifold, so that the first steps are rejected. */
    private static final OdeSystem STIFF = StiffProblems.system(2, (t, y, dydt) -> {
        dydt[0] = -1000 * (y[0] - Math.cos(t));
        dydt[1] = y[0] - 0.1 * y[1];
    });

    @Test
    void tracesEveryAttemptAndLeavesTheResultAlone() {
        Tolerances tol = new Tolerances(1e-6, new double[] {1e-9, 1e-9});
        Rodas4Integrator plain = new Rodas4Integrator();
        double[] y0 = {5, 1};
        IntegrationStats s0 = plain.integrate(STIFF, tol, 0, y0, 10, null, 1.0);

        Rodas4Integrator traced = new Rodas4Integrator();
        long[] counts = new long[2];
        double[] worst = {0};
        traced.traceSteps((t, h, err, e, y, yEnd, rtol, atol, errorEnd, controlled) -> {
            counts[err <= 1 ? 0 : 1]++;
            assertEquals(2, errorEnd);
            assertEquals(2, controlled);
            worst[0] = Math.max(worst[0], err);
        });
        double[] y1 = {5, 1};
        IntegrationStats s1 = traced.integrate(STIFF, tol, 0, y1, 10, null, 1.0);

        assertEquals(s0, s1);
        assertEquals(y0[0], y1[0], 0.0);
        assertEquals(y0[1], y1[1], 0.0);
        assertEquals(s1.acceptedSteps(), counts[0]);
        assertEquals(s1.rejectedSteps(), counts[1]);
        assertTrue(s1.rejectedSteps() > 0, "the first step of 1 h must be rejected");
        assertTrue(worst[0] > 1);
    }

    /** Five components on four time scales, started off their slow manifold; the middle one uncontrolled. */
    private static final OdeSystem FIVE = StiffProblems.system(5, (t, y, dydt) -> {
        dydt[0] = -2000 * (y[0] - Math.cos(t));
        dydt[1] = y[0] - 30 * y[1];
        dydt[2] = y[1] - y[2];
        dydt[3] = -0.5 * y[3] + 0.2 * y[2];
        dydt[4] = y[0] * 0.01 - 1e-3 * y[4];
    });

    /**
     * The norm the controller acts on is the root mean square of e_i / (atol_i + rtol_i max(|y_i|, |yEnd_i|))
     * over the controlled components, its squares summed in component order: recomputed here from the
     * traced inputs, by hand, it must be the traced norm to the bit at every attempt (an odd number of
     * components, an uncontrolled one inside the range), with one relative tolerance and with
     * per-component ones. Guards the "same bits" of the norm's vectorisable form
     * (docs/performance-log.md, "perfbundle").
     */
    @Test
    void theTracedNormIsTheComponentOrderRootMeanSquareToTheBit() {
        double[] atol = {1e-9, 1e-8, Double.POSITIVE_INFINITY, 1e-7, 1e-9};
        double[] scale = {1, 0.5, 1, 2, 0.25};
        for (Tolerances tol : new Tolerances[] {new Tolerances(1e-6, atol), new Tolerances(1e-6, atol, 0, scale)}) {
            Rodas4Integrator traced = new Rodas4Integrator();
            int[] attempts = {0};
            traced.traceSteps((t, h, err, e, y, yEnd, rtol, at, errorEnd, controlled) -> {
                assertEquals(5, errorEnd);
                assertEquals(4, controlled);
                double sum = 0;
                for (int i = 0; i < errorEnd; i++) {
                    double r = tol.relativeScale() == null ? rtol : rtol * tol.relativeScale()[i];
                    double sk = at[i] + r * Math.max(Math.abs(y[i]), Math.abs(yEnd[i]));
                    double q = e[i] / sk;
                    sum += q * q;
                }
                assertEquals(Double.doubleToLongBits(Math.sqrt(sum / controlled)), Double.doubleToLongBits(err),
                        "attempt " + attempts[0] + " at t = " + t);
                attempts[0]++;
            });
            traced.integrate(FIVE, tol, 0, new double[] {3, 1, 0, 2, 5}, 20, null, 0.5);
            assertTrue(attempts[0] > 20, "attempts: " + attempts[0]);
        }
    }
}
