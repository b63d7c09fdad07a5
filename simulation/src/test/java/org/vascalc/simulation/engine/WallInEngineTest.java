package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.wall.Bed;
import org.vascalc.physiology.wall.WallBlock;
import org.vascalc.physiology.wall.WallEvent;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/** The vascular wall inside the standard assembly: coupling, run-in, mass balance. */
class WallInEngineTest {

    private static final EngineSimulator SIM = new EngineSimulator(ModelAssembly.defaultParameters());

    private static final List<String> WALL_MINERAL = new ArrayList<>();

    static {
        for (Bed b : Bed.values()) {
            WALL_MINERAL.add(WallBlock.stateId(b, "medialMineral"));
            WALL_MINERAL.add(WallBlock.stateId(b, "microCalcium"));
            WALL_MINERAL.add(WallBlock.stateId(b, "macroCalcium"));
        }
    }

    private static Recording recording() {
        List<String> ids = new ArrayList<>(MassBalance.CHANNELS);
        ids.addAll(WALL_MINERAL);
        ids.addAll(List.of(WallEvent.MYOCARDIAL_INFARCTION.stateId(), "cacAgatston", "pwv", "sbp", "t50",
                "vitk.cMgpFraction"));
        return new Recording(ids, 24, 24, 0, 0);
    }

    private static double wallCalciumMmol(Trajectory tr) {
        double mg = 0;
        for (String id : WALL_MINERAL) {
            mg += MassBalance.delta(tr, id);
        }
        return 10 * MolarMass.HYDROXYAPATITE.mgToMmol(mg);
    }

    @Test
    void dialysisPatientsWallDrawsItsMineralFromTheMineralBlock() {
        Scenario s = Scenarios.of("wall-hd", 60, recording(), List.of(new Condition.Haemodialysis()),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        Trajectory tr = SIM.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        double sinkCa = wallCalciumMmol(tr);
        // 60 days of a dialysis wall: about 0.6 mg hydroxyapatite (0.006 mmol Ca). The books close to about
        // 1e-9 mmol (fluxes written to both ends); 1e-6 leaves room for integrator round-off
        assertThat(sinkCa).isGreaterThan(0.003);
        assertThat(MassBalance.calciumResidual(tr, sinkCa)).isCloseTo(0, within(1e-6));
        assertThat(MassBalance.phosphorusResidual(tr, 0.6 * sinkCa, 0.464)).isCloseTo(0, within(1e-6));
        // without the sink the books would not close: the wall really drew the mineral
        assertThat(Math.abs(MassBalance.calciumResidual(tr, 0))).isGreaterThan(0.5 * sinkCa);
    }

    @Test
    void theRunInNeitherGrowsTheWallNorCountsHazardBeforeTimeZero() {
        Scenario s = Scenarios.of("wall-ref", 10, recording());
        Trajectory tr = SIM.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        assertThat(tr.series(WallEvent.MYOCARDIAL_INFARCTION.stateId())[0]).isZero();
        double[] sbp = tr.series("sbp");
        // the reference adult's office pressure is 125 mmHg; the Windkessel is fitted to it exactly
        assertThat(sbp[0]).isCloseTo(125, within(1e-6));
        assertThat(tr.series("vitk.cMgpFraction")[0]).isBetween(0.8, 0.9);
    }

    @Test
    void fastAndReferenceModesAgreeOnTheWallWithDailySupplements() {
        Scenario s = Scenarios.of("wall-modes", 120, recording(),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, false, 8, 20));
        Trajectory ref = SIM.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        Trajectory fast = SIM.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        double gainRef = wallCalciumMmol(ref);
        double gainFast = wallCalciumMmol(fast);
        // architecture: the two engines agree within 1 % on slow outputs
        assertThat(gainFast).isCloseTo(gainRef, within(0.01 * gainRef));
        assertThat(fast.last("pwv")).isCloseTo(ref.last("pwv"), within(0.01 * ref.last("pwv")));
    }
}
