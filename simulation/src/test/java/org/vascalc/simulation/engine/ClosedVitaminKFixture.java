package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The warfarin-free vitamin K block of the standard model as {@link LinearBlockPropagator} takes it
 * in closed form: the model, the block, the reference adult's initial state (no dose yet) and the
 * block's FAST states (the two warfarin ones left out) and SLOW states. Shared by
 * {@link LinearBlockPropagatorTest} and {@link LinearBlockPropagatorWriteAtTest}.
 */
record ClosedVitaminKFixture(AssembledModel model, VitaminKBlock vk, double[] z, int[] states, int[] slowStates) {

    /** The fixture for a two-day scenario named {@code name} (daily PTH rows; no intervention). */
    static ClosedVitaminKFixture make(String name) {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of(name, 2, new Recording(List.of("pth"), 24, 24, 0, 0));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters), new DriverCourse(sc, parameters));
        double[] z = InitialisedModels.initialState(model, sc.patient());
        VitaminKBlock vk = null;
        for (var b : model.blocks()) {
            if (b instanceof VitaminKBlock v) {
                vk = v;
            }
        }
        if (vk == null) {
            return new ClosedVitaminKFixture(model, null, z, new int[0], new int[0]);
        }
        int off = model.layout().offset(vk.id());
        int size = vk.variables().size();
        List<Integer> warf = java.util.Arrays.stream(vk.warfarinIndices()).boxed().toList();
        int[] states = java.util.Arrays.stream(model.fastIndices())
                .filter(i -> i >= off && i < off + size && !warf.contains(i)).toArray();
        int[] slowStates = java.util.Arrays.stream(model.slowIndices()).filter(i -> i >= off && i < off + size).toArray();
        return new ClosedVitaminKFixture(model, vk, z, states, slowStates);
    }
}
