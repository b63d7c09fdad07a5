package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.vitamink.VitaminKBlock;

/**
 * {@link LinearBlockPropagator#writeAt}, the closed vitamin K block's state for a recorded row
 * between fast mode's samples: the bits {@code advanceTo} then {@code write} give at that time, and
 * the march from sample to sample (its states and its SLOW integral) unchanged by it, so the
 * orbit's own samples and averages keep their bits where rows between them are recorded.
 */
class LinearBlockPropagatorWriteAtTest {

    @Test
    void aRowBetweenSamplesIsTheMarchAtItsTimeAndLeavesTheMarchAlone() {
        // An MK-7 dose in the gut: the block's states move within every hour.
        DosedBlock d = DosedBlock.make();
        double[] z = d.z();
        int[] states = d.states();
        int[] slowStates = d.slowStates();
        LinearBlockPropagator withRows = d.started();
        LinearBlockPropagator plain = d.started();
        double[] row = z.clone();
        double[] expected = z.clone();
        double[] a = z.clone();
        double[] b = z.clone();
        int moved = 0;
        for (double t = 2; t <= 24; t += 2) {
            // Rows an hour after the last sample and 0.3 h before the next.
            withRows.writeAt(t - 1, row);
            withRows.writeAt(t - 0.3, row);
            // The march to the last sample, then advanced to the row's time.
            LinearBlockPropagator toRow = d.started();
            for (double s = 2; s < t - 1e-9; s += 2) {
                toRow.advanceTo(s);
            }
            toRow.advanceTo(t - 0.3);
            toRow.write(expected);
            withRows.advanceTo(t);
            plain.advanceTo(t);
            withRows.write(a);
            plain.write(b);
            for (int i : states) {
                assertThat(Double.doubleToRawLongBits(row[i])).as("state %d at %s h", i, t - 0.3)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i]));
                assertThat(Double.doubleToRawLongBits(a[i])).as("state %d at the sample %s h", i, t)
                        .isEqualTo(Double.doubleToRawLongBits(b[i]));
                moved += row[i] != a[i] ? 1 : 0;
            }
        }
        assertThat(moved).as("rows that differ from the next sample").isPositive();
        for (int k = 0; k < slowStates.length; k++) {
            assertThat(Double.doubleToRawLongBits(withRows.integral()[k]))
                    .isEqualTo(Double.doubleToRawLongBits(plain.integral()[k]));
        }
    }

    /** The closed vitamin K block an MK-7 dose just entered, and its FAST (closed) and SLOW states. */
    private record DosedBlock(AssembledModel model, VitaminKBlock vk, double[] z, int[] states, int[] slowStates) {

        static DosedBlock make() {
            ClosedVitaminKFixture f = ClosedVitaminKFixture.make("vk-rows");
            double[] z = f.z();
            f.vk().applyIntake(new Intake(Intake.Kind.VITAMIN_MK7, 400), z);
            return new DosedBlock(f.model(), f.vk(), z, f.states(), f.slowStates());
        }

        LinearBlockPropagator started() {
            LinearBlockPropagator p = new LinearBlockPropagator(model, vk, states, slowStates);
            p.prepare(0, z);
            p.start(0, z, new double[states.length], java.util.stream.IntStream.range(0, states.length).toArray());
            return p;
        }
    }

    @Test
    void aRowAtTheCurrentTimeIsTheCurrentState() {
        // writeAt at the march's own time gives what write gives: the states there.
        DosedBlock d = DosedBlock.make();
        LinearBlockPropagator p = d.started();
        p.advanceTo(1.5);
        double[] row = d.z().clone();
        double[] expected = d.z().clone();
        for (int i : d.states()) {
            row[i] = Double.NaN;
        }
        p.writeAt(1.5, row);
        p.write(expected);
        for (int i : d.states()) {
            assertThat(row[i]).as("state %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void aRowIsTheFlowOverTheWholeStepFromTheSample() {
        // The block is linear with a constant input: its flow over tau is the flow over tau/2
        // twice. A row tau after the start (a step no other test takes, so its exponential is
        // computed here) against a march of two halves, to the rounding of the two exponentials.
        long half = 1_327_217_887L;
        double tau = 2 * half * 0x1p-32;
        DosedBlock d = DosedBlock.make();
        double[] row = d.z().clone();
        d.started().writeAt(tau, row);
        LinearBlockPropagator twice = d.started();
        twice.advanceTo(half * 0x1p-32);
        twice.advanceTo(tau);
        double[] expected = d.z().clone();
        twice.write(expected);
        double scale = 0;
        boolean moved = false;
        for (int i : d.states()) {
            scale = Math.max(scale, Math.abs(expected[i]));
            moved |= expected[i] != d.z()[i];
        }
        assertThat(moved).as("the states moved over %s h", tau).isTrue();
        for (int i : d.states()) {
            assertThat(row[i]).as("state %d at %s h", i, tau).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-9 * scale));
        }
    }
}
