package org.vascalc.physiology.wall;

import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.wall.MilieuStandIn.Course;

/**
 * Test harness: the wall block with stand-in mineral and vitamin K blocks, integrated with
 * Hipparchus DormandPrince853. Plays the engine's part of updating the drivers (age) per call.
 */
final class WallHarness {

    final MilieuStandIn.Mineral mineral;
    final WallBlock wall;
    final StateLayout layout;
    final Drivers drivers = new Drivers();
    final Patient patient;
    private final List<Block> blocks;
    private final double maxStepHours;
    double[] y;
    double t;

    static Builder of(Patient patient) {
        return new Builder(patient);
    }

    static final class Builder {
        private final Patient patient;
        private Course ca;
        private Course p;
        private double restoringPerHour = 1.0 / (30 * 24);
        private Course cMgp = Course.constant(0.85);
        private double statin;
        private boolean haemodialysis;
        private ParameterCatalog catalog = WallBlock.defaultCatalog();
        private double maxStepHours = Double.NaN;
        private Susceptibility susceptibility = Susceptibility.TYPICAL;

        Builder(Patient patient) {
            this.patient = patient;
            this.ca = Course.constant(patient.serumCalciumMmolL().orElse(2.4));
            this.p = Course.constant(patient.serumPhosphateMmolL().orElse(1.1));
            this.haemodialysis = patient.egfrMlPerMin() < 15;
        }

        /** The stand-in pools do not return to their course: everything the wall draws stays drawn. */
        Builder noHomeostasis() {
            this.restoringPerHour = 0;
            return this;
        }

        Builder calcium(Course c) {
            this.ca = c;
            return this;
        }

        Builder phosphate(Course c) {
            this.p = c;
            return this;
        }

        Builder cMgp(Course c) {
            this.cMgp = c;
            return this;
        }

        Builder statin(double s) {
            this.statin = s;
            return this;
        }

        Builder haemodialysis(boolean hd) {
            this.haemodialysis = hd;
            return this;
        }

        /** Caps the integrator's step (default: 0.5 h with a daily course, 10 days otherwise; the stand-in homeostasis relaxes over 30 days, so 10-day steps stay stable). */
        Builder maxStepHours(double h) {
            this.maxStepHours = h;
            return this;
        }

        Builder susceptibility(Susceptibility s) {
            this.susceptibility = s;
            return this;
        }

        Builder catalog(ParameterCatalog c) {
            this.catalog = c;
            return this;
        }

        WallHarness build() {
            return new WallHarness(this);
        }
    }

    private WallHarness(Builder b) {
        this.patient = b.patient;
        this.mineral = new MilieuStandIn.Mineral(b.ca, b.p, 14, b.restoringPerHour);
        this.wall = new WallBlock(b.catalog, b.susceptibility);
        this.blocks = List.of(mineral, new MilieuStandIn.VitaminK(b.cMgp), wall);
        this.layout = new StateLayout(blocks);
        blocks.forEach(bl -> bl.bind(layout));
        this.y = new double[layout.size()];
        blocks.forEach(bl -> bl.initialise(patient, y));
        drivers.setAgeYears(patient.ageYears());
        drivers.setEgfrMlPerMin(patient.egfrMlPerMin());
        drivers.setDiabetes(patient.risk().diabetes());
        drivers.setStatinIntensity(b.statin);
        drivers.setHaemodialysis(b.haemodialysis);
        boolean daily = b.ca.rate().applyAsDouble(3) != 0 || b.p.rate().applyAsDouble(3) != 0;
        this.maxStepHours = !Double.isNaN(b.maxStepHours) ? b.maxStepHours : daily ? 0.5 : Time.days(10);
    }

    double value(String id) {
        return y[layout.index(id)];
    }

    double medial(Bed bed) {
        return value(WallBlock.stateId(bed, "medialMineral"));
    }

    double sum(String name, boolean coronaryOnly) {
        double s = 0;
        for (Bed b : Bed.values()) {
            if (!coronaryOnly || b.coronary()) {
                s += value(WallBlock.stateId(b, name));
            }
        }
        return s;
    }

    /** Total hydroxyapatite in all walls, mg (medial + micro + macro). */
    double wallMineralMg() {
        return sum("medialMineral", false) + sum("microCalcium", false) + sum("macroCalcium", false);
    }

    WallHarness runYears(double years) {
        double[] abs = new double[layout.size()];
        double[] rel = new double[layout.size()];
        for (int i = 0; i < abs.length; i++) {
            StateVariable v = layout.variable(i);
            abs[i] = v.absoluteTolerance();
            rel[i] = 1e-7;
        }
        DormandPrince853Integrator integ = new DormandPrince853Integrator(1e-8, maxStepHours, abs, rel);
        double age0 = patient.ageYears();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return layout.size();
            }

            @Override
            public double[] computeDerivatives(double time, double[] state) {
                double[] dydt = new double[state.length];
                drivers.setAgeYears(age0 + time / Time.HOURS_PER_YEAR);
                for (Block bl : blocks) {
                    bl.addRates(time, state, drivers, dydt);
                }
                return dydt;
            }
        };
        ODEStateAndDerivative end = integ.integrate(ode, new ODEState(t, y), t + Time.years(years));
        t = end.getTime();
        y = end.getPrimaryState().clone();
        drivers.setAgeYears(age0 + t / Time.HOURS_PER_YEAR);
        return this;
    }
}
