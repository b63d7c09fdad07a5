package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * {@link BiasProbe#layerBlock} (mineralkick, sixty-third session): with {@link BiasProbe#BLOCK_MINERAL} the onset
 * kick takes the mineral block's layer only and leaves the vitamin K block's SLOW states alone, so a warfarin stop
 * with an MK-7 start (kickgate's case: today's whole kick there set carboxylated MGP 0.213 at the switch where
 * reference mode reads 0.634) gets no kick: gate B's run is the shipped one to the bit.
 */
class MineralLayerBlockTest {

    private static final double DAY = 24;

    /**
     * Warfarin 5 mg at 18 h on days 0-20, then 1 000 µg MK-7 at 8 h, 30 days, daily rows, averaged fast mode before
     * onsetadopt ({@link OnsetDirect#OFF}, against which the kicks were measured; a probe with a kick turns the gated
     * direct onset off by itself, {@link FastSettings#withProbe}, and with it this strong onset, 104 tolerances in
     * tissue vitamin K, would be integrated directly, no longer the orbit these variants are compared with).
     */
    private static SimulationResult warfarinThenMk7(BiasProbe probe) {
        List<Integer> every = Schedule.EVERY_DAY;
        Scenario s = new Scenario("warfarin-then-mk7", "", Patient.referenceAdult(), List.of(), List.of(
                new Intervention.Warfarin(5, new Schedule(0, 20, List.of(18.0), every)),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 1000,
                        new Schedule(20, Double.POSITIVE_INFINITY, List.of(8.0), every))), 30,
                new Recording(List.of("vitk.cMgpFraction", "vitk.tissueVk", "mineral.caUrineCum"), DAY, DAY, 0, 0));
        return new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.OFF).withProbe(probe), FastSettings.DEFAULT, true).run(s, Mode.FAST, ProgressListener.NONE);
    }

    private static BiasProbe gateB(int block) {
        return BiasProbe.NONE.withInitialLayer(BiasProbe.LAYER_AT_MEAN).withFirstMeasure(14 * DAY)
                .withGate(BiasProbe.GATE_KICK_BOTH, 7.5).withLayerBlock(block);
    }

    @Test
    void aWarfarinStopGetsTheWholeKickButNotTheMineralOne() {
        SimulationResult shipped = warfarinThenMk7(BiasProbe.NONE);
        SimulationResult whole = warfarinThenMk7(gateB(BiasProbe.BLOCK_ALL));
        SimulationResult mineral = warfarinThenMk7(gateB(BiasProbe.BLOCK_MINERAL));
        // today's kick takes the vitamin K block's layer at the switch and moves carboxylated MGP on the switch's day
        int switchRow = 20;
        assertThat(whole.trajectory().series("vitk.cMgpFraction")[switchRow])
                .isNotEqualTo(shipped.trajectory().series("vitk.cMgpFraction")[switchRow]);
        // the mineral kick of these onsets is below the gate: the shipped rows and orbits, to the bit
        assertThat(mineral.trajectory().values()).isDeepEqualTo(shipped.trajectory().values());
        assertThat(mineral.counters().get("orbits")).isEqualTo(shipped.counters().get("orbits"));
    }

    @Test
    void theBlockIsAllByDefaultAndAnUnknownBlockIsRejected() {
        assertThat(BiasProbe.NONE.layerBlock()).isEqualTo(BiasProbe.BLOCK_ALL);
        assertThat(FastSettings.DEFAULT.probe().layerBlock()).isEqualTo(BiasProbe.BLOCK_ALL);
        assertThatThrownBy(() -> BiasProbe.NONE.withLayerBlock(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probe layer block 2");
    }
}
