package org.vascalc.physiology.vitamink;

import java.util.Arrays;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.vascalc.physiology.model.Drivers;

/**
 * Test harness: integrates the vitamin K block alone with Hipparchus' Dormand–Prince 8(5,3). Vitamin K
 * kinetics are not stiff (fastest rate ~1/h for warfarin absorption), so an explicit method is fine.
 * Absolute tolerances are the state variables' own, scaled by {@code atolScale}.
 */
final class HipparchusPropagator implements VitaminKTargets.Propagator {

    private final double relTol;
    private final double atolScale;

    HipparchusPropagator(double relTol, double atolScale) {
        this.relTol = relTol;
        this.atolScale = atolScale;
    }

    /** Tolerances used by the target tests: tighter than the targets' precision by orders of magnitude. */
    static HipparchusPropagator standard() {
        return new HipparchusPropagator(1e-8, 1e-2);
    }

    @Override
    public void propagate(VitaminKBlock block, Drivers drivers, double[] y, double fromHours, double toHours) {
        int n = y.length;
        double[] atol = new double[n];
        double[] rtol = new double[n];
        for (int i = 0; i < n; i++) {
            atol[i] = block.variables().get(i).absoluteTolerance() * atolScale;
            rtol[i] = relTol;
        }
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-9, 24 * 30, atol, rtol);
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] state) {
                // Hipparchus keeps the returned array: give it a fresh one
                double[] dydt = new double[n];
                block.addRates(t, state, drivers, dydt);
                return dydt;
            }
        };
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(fromHours, Arrays.copyOf(y, n)), toHours);
        System.arraycopy(end.getPrimaryState(), 0, y, 0, n);
    }
}
