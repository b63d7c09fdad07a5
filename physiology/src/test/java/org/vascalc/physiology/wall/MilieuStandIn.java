package org.vascalc.physiology.wall;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;

/**
 * Test-scope stand-ins for the mineral and vitamin K blocks: states whose own rate is the time
 * derivative of a prescribed course, so that without the wall they follow the course exactly and
 * any difference is what the wall drew from them.
 */
final class MilieuStandIn {

    private MilieuStandIn() {
    }

    /** A prescribed course and its derivative, per hour. */
    record Course(DoubleUnaryOperator value, DoubleUnaryOperator rate) {
        static Course constant(double v) {
            return new Course(t -> v, t -> 0);
        }

        /**
         * base·(1 + amplitude·bump(t mod 24)) with a Gaussian bump of width {@code widthH} at hour
         * {@code peakH}: a supplement-like daily peak.
         */
        static Course dailyPeak(double base, double amplitude, double peakH, double widthH) {
            return new Course(
                    t -> base * (1 + amplitude * bump(t, peakH, widthH)),
                    t -> base * amplitude * bumpRate(t, peakH, widthH));
        }

        private static double phase(double t, double peakH) {
            double u = t - 24 * Math.floor(t / 24) - peakH;
            return u > 12 ? u - 24 : (u < -12 ? u + 24 : u);
        }

        private static double bump(double t, double peakH, double w) {
            double u = phase(t, peakH) / w;
            return Math.exp(-u * u);
        }

        private static double bumpRate(double t, double peakH, double w) {
            double u = phase(t, peakH) / w;
            return -2 * u / w * Math.exp(-u * u);
        }

        /** Mean over a day (numerically, 1-minute steps). */
        double dailyMean() {
            double s = 0;
            int n = 24 * 60;
            for (int i = 0; i < n; i++) {
                s += value.applyAsDouble(i / 60.0);
            }
            return s / n;
        }
    }

    /** Provides {@code mineral.caEcf} and {@code mineral.po4Ecf} in mmol (14 L pool). */
    static final class Mineral implements Block {
        private final Course caMmolL;
        private final Course pMmolL;
        private final double volumeL;
        private final double restoringPerHour;
        private int ca;
        private int p;

        /** {@code restoringPerHour} &gt; 0 pulls the pools back to their course (a crude homeostasis). */
        Mineral(Course caMmolL, Course pMmolL, double volumeL, double restoringPerHour) {
            this.restoringPerHour = restoringPerHour;
            this.caMmolL = caMmolL;
            this.pMmolL = pMmolL;
            this.volumeL = volumeL;
        }

        @Override
        public String id() {
            return "mineral";
        }

        @Override
        public List<StateVariable> variables() {
            return List.of(new StateVariable("mineral.caEcf", "mmol", 1e-6, TimeScale.FAST, "stand-in ECF calcium"),
                    new StateVariable("mineral.po4Ecf", "mmol", 1e-6, TimeScale.FAST, "stand-in ECF phosphate"));
        }

        @Override
        public void bind(StateLayout layout) {
            ca = layout.index("mineral.caEcf");
            p = layout.index("mineral.po4Ecf");
        }

        @Override
        public void initialise(Patient patient, double[] y) {
            y[ca] = caMmolL.value().applyAsDouble(0) * volumeL;
            y[p] = pMmolL.value().applyAsDouble(0) * volumeL;
        }

        @Override
        public void addRates(double t, double[] y, Drivers drivers, double[] dydt) {
            dydt[ca] += caMmolL.rate().applyAsDouble(t) * volumeL
                    + restoringPerHour * (prescribedCaMmol(t) - y[ca]);
            dydt[p] += pMmolL.rate().applyAsDouble(t) * volumeL
                    + restoringPerHour * (prescribedPMmol(t) - y[p]);
        }

        double prescribedCaMmol(double t) {
            return caMmolL.value().applyAsDouble(t) * volumeL;
        }

        double prescribedPMmol(double t) {
            return pMmolL.value().applyAsDouble(t) * volumeL;
        }
    }

    /** Provides {@code vitk.cMgpFraction}. */
    static final class VitaminK implements Block {
        private final Course fraction;
        private int i;

        VitaminK(Course fraction) {
            this.fraction = fraction;
        }

        @Override
        public String id() {
            return "vitk";
        }

        @Override
        public List<StateVariable> variables() {
            return List.of(new StateVariable("vitk.cMgpFraction", "1", 1e-7, TimeScale.SLOW, "stand-in cMGP fraction"));
        }

        @Override
        public void bind(StateLayout layout) {
            i = layout.index("vitk.cMgpFraction");
        }

        @Override
        public void initialise(Patient patient, double[] y) {
            y[i] = fraction.value().applyAsDouble(0);
        }

        @Override
        public void addRates(double t, double[] y, Drivers drivers, double[] dydt) {
            dydt[i] += fraction.rate().applyAsDouble(t);
        }
    }
}
