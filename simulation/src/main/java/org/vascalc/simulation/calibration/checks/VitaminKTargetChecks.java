package org.vascalc.simulation.calibration.checks;

import java.util.Arrays;
import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.vitamink.VitaminKTargets;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.calibration.TargetCheck;
import org.vascalc.simulation.calibration.TargetCheckProvider;
import org.vascalc.simulation.integrate.OdeSystem;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Checks of the vitamin K targets E15–E25. They run the vitamin K block alone (its kinetics do not
 * depend on the mineral state) through {@link VitaminKTargets}, which implements each target's
 * protocol (the same protocols the files {@code examples/calibration/E15…E25*.yaml} describe), here
 * integrated with the project's Rosenbrock integrator. The parameter set is the one given (so the
 * calibrator's trial values reach the block), or the block's own catalog.
 */
public final class VitaminKTargetChecks implements TargetCheckProvider {

    /** One target's statistic as a function of the catalog and a propagator. */
    @FunctionalInterface
    interface Statistic {
        double value(ParameterCatalog catalog, VitaminKTargets.Propagator propagator);
    }

    @Override
    public List<TargetCheck> checks() {
        return List.of(
                // E15 has one row for K1 and MK-7 (~4 h, Schurgers 2007); the MK-7 curve is the one fitted.
                check("E15", VitaminKTargets::e15TmaxMk7Hours),
                check("E16", VitaminKTargets::e16Mk7OverK1SteadyStateRatio),
                check("E17", VitaminKTargets::e17Mk7HalfLifeHours),
                check("E18", VitaminKTargets::e18Mk7At48hAndMk4NeverFlag),
                check("E19", VitaminKTargets::e19DpUcMgpChangeMk7_180),
                check("E20", VitaminKTargets::e20DpUcMgpChangeMk7_360),
                check("E21", VitaminKTargets::e21BaselineDpUcMgp),
                check("E22", VitaminKTargets::e22HaemodialysisRatio),
                check("E23", VitaminKTargets::e23HaemodialysisMk7_720Tiw),
                check("E24", VitaminKTargets::e24PooledDpUcMgpChange),
                check("E25", VitaminKTargets::e25WarfarinVkh2Fraction));
    }

    private static TargetCheck check(String id, Statistic statistic) {
        return new TargetCheck() {
            @Override
            public String targetId() {
                return id;
            }

            @Override
            public double modelValue(Simulator simulator) {
                return statistic.value(defaultCatalog(), new RosenbrockPropagator());
            }

            @Override
            public double modelValue(Simulator simulator, ParameterCatalog parameters) {
                ParameterCatalog own = defaultCatalog();
                boolean hasBlock = own.parameters().stream().allMatch(p -> parameters.contains(p.name()));
                return statistic.value(hasBlock ? parameters : own, new RosenbrockPropagator());
            }
        };
    }

    static ParameterCatalog defaultCatalog() {
        return ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    }

    /** Integrates the block's own state with RODAS4 at tolerances well below the targets' precision. */
    static final class RosenbrockPropagator implements VitaminKTargets.Propagator {
        private final Rodas4Integrator integrator = new Rodas4Integrator();

        @Override
        public void propagate(VitaminKBlock block, Drivers drivers, double[] y, double fromHours, double toHours) {
            if (toHours <= fromHours) {
                return;
            }
            int n = y.length;
            double[] atol = new double[n];
            for (int i = 0; i < n; i++) {
                atol[i] = block.variables().get(i).absoluteTolerance() * 1e-2;
            }
            OdeSystem ode = new OdeSystem() {
                @Override
                public int dimension() {
                    return n;
                }

                @Override
                public void derivatives(double t, double[] state, double[] dydt) {
                    Arrays.fill(dydt, 0);
                    block.addRates(t, state, drivers, dydt);
                }
            };
            integrator.integrate(ode, new Tolerances(1e-8, atol), fromHours, y, toHours, null);
        }
    }
}
