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
}
