package org.vascalc.simulation.integrate;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Temporary stand-in behind {@link StiffIntegrator}: Hipparchus' explicit Dormand-Prince 8(5,3)
 * until the Rosenbrock integrator lands. Explicit, so on the stiff mineral model its steps are
 * stability-limited (~0.5 h) and it allocates per step (Hipparchus returns fresh arrays); correct,
 * not fast.
 */
public final class DormandPrinceAdapter implements StiffIntegrator {

    private final double maxStep;

    public DormandPrinceAdapter(double maxStep) {
        this.maxStep = maxStep;
    }

    @Override
    public IntegrationStats integrate(OdeSystem system, Tolerances tolerances, double t0, double[] y, double t1,
                                      StepObserver observer) {
        if (t1 == t0) {
            return IntegrationStats.ZERO;
        }
        int n = system.dimension();
        double[] rel = new double[n];
        java.util.Arrays.fill(rel, tolerances.relative());
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, maxStep, tolerances.absolute(), rel);
        dp.setMaxEvaluations(50_000_000);
        if (observer != null) {
            dp.addStepHandler(interpolator -> {
                ODEStateAndDerivative s = interpolator.getCurrentState();
                observer.stepDone(s.getTime(), s.getPrimaryState());
            });
        }
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] state) {
                double[] d = new double[n];
                system.derivatives(t, state, d);
                return d;
            }
        };
        try {
            ODEStateAndDerivative end = dp.integrate(ode, new ODEState(t0, y.clone()), t1);
            double[] out = end.getPrimaryState();
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(out[i])) {
                    throw new IntegrationException("non-finite state component " + i, t1, i);
                }
            }
            System.arraycopy(out, 0, y, 0, n);
            return new IntegrationStats(dp.getEvaluations() / 12, 0, dp.getEvaluations(), 0, 0);
        } catch (MathIllegalStateException e) {
            throw new IntegrationException(e.getMessage(), t0, -1);
        }
    }
}
