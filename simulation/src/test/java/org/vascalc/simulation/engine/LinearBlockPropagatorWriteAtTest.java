package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link LinearBlockPropagator#writeAt}, the closed vitamin K block's state for a recorded row
 * between fast mode's samples: the bits {@code advanceTo} then {@code write} give at that time, and
 * the march from sample to sample (its states and its SLOW integral) unchanged by it, so the
 * orbit's own samples and averages keep their bits where rows between them are recorded.
 */
class LinearBlockPropagatorWriteAtTest {

    @Test
    void aRowBetweenSamplesIsTheMarchAtItsTimeAndLeavesTheMarchAlone() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of("vk-rows", 2, new Recording(List.of("pth"), 24, 24, 0, 0));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters), new DriverCourse(sc, parameters));
        double[] z = InitialisedModels.initialState(model, sc.patient());
        VitaminKBlock vk = null;
        for (var b : model.blocks()) {
            if (b instanceof VitaminKBlock v) {
                vk = v;
            }
        }
        int off = model.layout().offset(vk.id());
        int size = vk.variables().size();
        List<Integer> warf = java.util.Arrays.stream(vk.warfarinIndices()).boxed().toList();
        int[] states = java.util.Arrays.stream(model.fastIndices())
                .filter(i -> i >= off && i < off + size && !warf.contains(i)).toArray();
        int[] slowStates = java.util.Arrays.stream(model.slowIndices()).filter(i -> i >= off && i < off + size).toArray();
        // An MK-7 dose in the gut: the block's states move within every hour.
        vk.applyIntake(new Intake(Intake.Kind.VITAMIN_MK7, 400), z);
        double[] v = new double[states.length];
        int[] pos = new int[states.length];
        for (int i = 0; i < states.length; i++) {
            pos[i] = i;
        }

        LinearBlockPropagator withRows = new LinearBlockPropagator(model, vk, states, slowStates);
        LinearBlockPropagator plain = new LinearBlockPropagator(model, vk, states, slowStates);
        for (LinearBlockPropagator p : List.of(withRows, plain)) {
            p.prepare(0, z);
            p.start(0, z, v, pos);
        }
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
            LinearBlockPropagator toRow = new LinearBlockPropagator(model, vk, states, slowStates);
            toRow.prepare(0, z);
            toRow.start(0, z, v, pos);
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
}
