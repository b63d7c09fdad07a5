package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Order of the quadrature components of ROS34PW2 by its stages and by Simpson's rule
 * ({@link Rodas4Options#withSimpsonQuadrature}) on a problem whose other component the method
 * integrates exactly (y' = 1), so that only the quadrature rule errs: q' = sin(y), q(4) = 1 - cos 4.
 * Fixed steps (the error estimate is 0, the cap and first step set h).
 */
class SimpsonQuadratureTest {

    private static final OdeSystem SYSTEM = new OdeSystem() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            dydt[0] = 1;
            dydt[1] = Math.sin(y[0]);
        }

        @Override
        public boolean autonomous() {
            return true;
        }

        @Override
        public int quadratures() {
            return 1;
        }
    };

    private static double error(boolean simpson, double h) {
        Rodas4Integrator in = new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2)
                .withMaxStep(h).withSimpsonQuadrature(simpson));
        double[] y = {0, 0};
        in.integrate(SYSTEM, new Tolerances(1e-6, new double[] {1e-9, Double.POSITIVE_INFINITY}), 0, y, 4, null, h);
        return Math.abs(y[1] - (1 - Math.cos(4)));
    }

    @Test
    void simpsonIsOfOrderFourWhereTheStagesGiveThree() {
        double stageOrder = Math.log(error(false, 0.25) / error(false, 0.125)) / Math.log(2);
        double simpsonOrder = Math.log(error(true, 0.25) / error(true, 0.125)) / Math.log(2);
        System.out.printf("stage order %.2f (err %.2e), Simpson order %.2f (err %.2e)%n", stageOrder, error(false, 0.125),
                simpsonOrder, error(true, 0.125));
        assertThat(simpsonOrder).isBetween(3.8, 4.2);
        assertThat(error(true, 0.125)).isLessThan(error(false, 0.125));
    }
}
