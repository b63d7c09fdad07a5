package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Rodas4Integrator#firstStepProposal()}: integrating the same piece again (as fast mode's
 * orbits do, period after period) from the step the controller proposed after the last call's first
 * step saves the ramp-up from the automatic starting step, and stays as accurate.
 */
class FirstStepProposalTest {

    /** A dose emptying from a depot (rate 2/h) into a compartment that clears slowly (0.1/h): the gut after an intake. */
    private static final OdeSystem DOSE = new OdeSystem() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = -2 * y[0];
            dydt[1] = 2 * y[0] - 0.1 * y[1];
        }

        @Override
        public boolean autonomous() {
            return true;
        }
    };

    private static double[] exact(double t) {
        double depot = 12.5 * Math.exp(-2 * t);
        double gut = 12.5 * 2 / (2 - 0.1) * (Math.exp(-0.1 * t) - Math.exp(-2 * t));
        return new double[] {depot, gut};
    }

    @Test
    void passesStartedWithTheProposedStepTakeFewerStepsAndStayAccurate() {
        Rodas4Integrator w = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2));
        Tolerances tol = Tolerances.uniform(2, 2e-3, 1e-7);
        double[] cold = {12.5, 0};
        IntegrationStats coldStats = w.integrate(DOSE, tol, 0, cold, 5, null);
        // The automatic starting step is a cautious guess; each pass's proposal is at most 6 times
        // the last first step, so it settles within a few passes (an orbit has tens of periods).
        double[] proposals = new double[8];
        IntegrationStats warm = coldStats;
        double[] y = null;
        for (int pass = 0; pass < proposals.length; pass++) {
            proposals[pass] = w.firstStepProposal();
            y = new double[] {12.5, 0};
            warm = w.integrate(DOSE, tol, 0, y, 5, null, proposals[pass]);
            assertThat(warm.rejectedSteps()).isZero();
        }
        assertThat(proposals[0]).isPositive();
        assertThat(proposals[7]).isCloseTo(proposals[6], within(0.2 * proposals[6]));
        assertThat(proposals[7]).isGreaterThan(100 * proposals[0]);
        assertThat(warm.acceptedSteps()).isLessThan(coldStats.acceptedSteps() - 2);
        double[] e = exact(5);
        for (int i = 0; i < 2; i++) {
            assertThat(Math.abs(y[i] - e[i])).isLessThan(Math.max(2 * Math.abs(cold[i] - e[i]), 2e-3 * Math.abs(e[i])));
        }
    }
}
