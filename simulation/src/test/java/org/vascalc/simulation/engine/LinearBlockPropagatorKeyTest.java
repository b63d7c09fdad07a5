package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link LinearBlockPropagator} keeps its exponential blocks by step and by A's bits (class comment), and A
 * may change between orbits with the SLOW states ("A ... fixed over an orbit because the SLOW states and
 * drivers are"). One propagator prepared at two SLOW states whose A differ, with the same step, must
 * propagate each with its own A's exponential, not the one kept for the step under the previous A.
 *
 * <p>A hand-made block whose A has a SLOW entry: x0' = -s x0 + 2, x1' = x0 - 3 x1 (FAST), s' = x0 (SLOW),
 * so A = [[-s, 0], [1, -3]], g = (2, 0) and the SLOW rate's integral is the integral of x0. Expected values
 * are the closed forms of this triangular system (no code of the class): x0(t) = e^{-st} x0 + 2 (1 - e^{-st})/s,
 * x1(t) = e^{-3t} x1 + (e^{-st} - e^{-3t})/(3 - s) x0 + 2 [(1 - e^{-st})/s - (1 - e^{-3t})/3]/(3 - s).
 */
class LinearBlockPropagatorKeyTest {

    /** The hand-made block (ids "lin.x0", "lin.x1", "lin.s"). */
    private static final class SlowCoefficientBlock implements Block {
        private final List<StateVariable> variables = List.of(
                new StateVariable("lin.x0", "1", 1e-9, TimeScale.FAST, "first FAST state"),
                new StateVariable("lin.x1", "1", 1e-9, TimeScale.FAST, "second FAST state"),
                new StateVariable("lin.s", "1/h", 1e-9, TimeScale.SLOW, "the SLOW rate constant of x0"));
        private int off;

        @Override
        public String id() {
            return "lin";
        }

        @Override
        public List<StateVariable> variables() {
            return variables;
        }

        @Override
        public void bind(StateLayout layout) {
            off = layout.offset(id());
        }

        @Override
        public void initialise(Patient patient, double[] y) {
            y[off] = 0;
            y[off + 1] = 0;
            y[off + 2] = 1;
        }

        @Override
        public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
            double x0 = y[off];
            dydt[off] += -y[off + 2] * x0 + 2;
            dydt[off + 1] += x0 - 3 * y[off + 1];
            dydt[off + 2] += x0;
        }
    }

    private static final double X0 = 1.5;
    private static final double X1 = 0.5;
    private static final double TAU = 2.0;

    /** Prepares at SLOW state {@code s}, propagates one step of {@link #TAU} h, checks against the closed form. */
    private static void propagateAndCheck(LinearBlockPropagator lbp, double s) {
        double[] z = {X0, X1, s};
        lbp.prepare(0, z);
        assertThat(lbp.matrix()).as("A at s = %s", s).containsExactly(-s, 0, 1, -3);
        lbp.start(0, z, new double[] {0, 0}, new int[] {0, 1});
        lbp.advanceTo(TAU);
        double[] out = z.clone();
        lbp.write(out);
        double es = Math.exp(-s * TAU);
        double e3 = Math.exp(-3 * TAU);
        double fs = (1 - es) / s;
        double x0 = es * X0 + 2 * fs;
        double x1 = e3 * X1 + (es - e3) / (3 - s) * X0 + 2 * (fs - (1 - e3) / 3) / (3 - s);
        double integralX0 = fs * X0 + 2 * (TAU - fs) / s;
        assertThat(out[0]).as("x0 at s = %s", s).isCloseTo(x0, within(1e-13));
        assertThat(out[1]).as("x1 at s = %s", s).isCloseTo(x1, within(1e-13));
        assertThat(lbp.integral()[0]).as("integral of x0 at s = %s", s).isCloseTo(integralX0, within(1e-13));
        assertThat(out[2]).as("the SLOW state is not written").isEqualTo(s);
    }

    @Test
    void aChangedMatrixIsNotServedTheExponentialKeptForTheSameStep() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = new Scenario("lin", "", Patient.referenceAdult(), List.of(), List.of(), 1, Recording.every(24));
        AssembledModel model = new AssembledModel(List.of(new SlowCoefficientBlock()), new DriverCourse(sc, parameters));
        LinearBlockPropagator lbp = new LinearBlockPropagator(model, model.blocks()[0], new int[] {0, 1},
                new int[] {2});
        // s = 1, then s = 2 with the same step (the kept matrix of s = 1 would give x0 = 1.93 instead of 1.01),
        // then s = 1 again (the shared cache's entry), then s = 2.5 and a second step under it.
        propagateAndCheck(lbp, 1.0);
        propagateAndCheck(lbp, 2.0);
        propagateAndCheck(lbp, 1.0);
        propagateAndCheck(lbp, 2.5);
        propagateAndCheck(lbp, 2.5);
    }

    /**
     * The shared cache compares A by content, not by hash alone: s = 1 and s = 1 + 2^-20 + 2^-52 (the bits of 1.0
     * with bit 0 and bit 32 flipped) give matrices whose raw bits have the same {@link java.util.Arrays#hashCode}
     * (each long enters as {@code (int) (bits ^ bits >>> 32)}, unchanged when both halves flip the same bit), so
     * their keys fall on one hash; the second must still get its own exponential (x0 differs by about 1e-7).
     */
    @Test
    void matricesWithTheSameHashAreToldApartByTheirBits() {
        double s1 = 1.0;
        double s2 = Double.longBitsToDouble(Double.doubleToRawLongBits(1.0) ^ 0x0000_0001_0000_0001L);
        assertThat(s2).isEqualTo(1 + 0x1p-20 + 0x1p-52);
        assertThat(java.util.Arrays.hashCode(bits(-s1, 0, 1, -3))).isEqualTo(java.util.Arrays.hashCode(bits(-s2, 0, 1, -3)));
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = new Scenario("lin", "", Patient.referenceAdult(), List.of(), List.of(), 1, Recording.every(24));
        AssembledModel model = new AssembledModel(List.of(new SlowCoefficientBlock()), new DriverCourse(sc, parameters));
        // two propagators (as two patients' runs would have), each with its own A, reading the shared cache
        LinearBlockPropagator first = new LinearBlockPropagator(model, model.blocks()[0], new int[] {0, 1}, new int[] {2});
        LinearBlockPropagator second = new LinearBlockPropagator(model, model.blocks()[0], new int[] {0, 1}, new int[] {2});
        propagateAndCheck(first, s1);
        propagateAndCheck(second, s2);
        // and one propagator moving between them
        propagateAndCheck(first, s2);
        propagateAndCheck(first, s1);
    }

    private static long[] bits(double... a) {
        long[] b = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = Double.doubleToRawLongBits(a[i]);
        }
        return b;
    }
}
