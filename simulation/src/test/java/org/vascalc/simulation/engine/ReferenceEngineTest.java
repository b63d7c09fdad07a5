package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;

class ReferenceEngineTest {

    private static final EngineSimulator SIM = new EngineSimulator(ModelAssembly.defaultParameters());

    private static Recording balanceRecording(double every) {
        List<String> ids = new ArrayList<>(MassBalance.CHANNELS);
        ids.add("serumCalciumTotal");
        ids.add("pth");
        return new Recording(ids, every, every, 0, 0);
    }

    @Test
    void theFactoryIsFoundThroughTheServiceLoader() {
        assertThat(SimulatorFactory.load()).isInstanceOf(EngineSimulatorFactory.class);
    }

    @Test
    void calciumAndPhosphorusBalanceCloseWithMealsSupplementsAndABinder() {
        Scenario s = Scenarios.of("balance", 20, balanceRecording(24),
                new Intervention.DietaryCalcium(300, Schedule.daily(7, 12, 19)),
                new Intervention.DietaryPhosphate(350, Schedule.daily(7, 12, 19)),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 7, 19),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.SEVELAMER, 800,
                        Schedule.daily(7, 12, 19)));
        SimulationResult r = SIM.run(s, Mode.REFERENCE, ProgressListener.NONE);
        double intake = MassBalance.delta(r.trajectory(), "mineral.caIntakeCum");
        // 20 days of ~1900 mg/d = ~950 mmol: integration error of 1e-7 relative on pools of ~25 000 mmol
        // allows a residual of a few 1e-3 mmol; 1e-2 mmol is 1e-5 of the intake.
        assertThat(intake).isGreaterThan(900);
        assertThat(MassBalance.calciumResidual(r.trajectory(), 0)).isCloseTo(0, within(1e-2));
        assertThat(MassBalance.phosphorusResidual(r.trajectory(), 0, 0.464)).isCloseTo(0, within(1e-2));
    }

    @Test
    void aFastingSupplementRaisesSerumCalciumAndLowersPthForHours() {
        Scenario s = Scenarios.of("dose", 2, Recording.every(0.5),
                Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 8));
        var tr = SIM.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        double[] ca = tr.series("serumCalciumTotal");
        double[] pth = tr.series("pth");
        double peak = 0;
        double trough = Double.MAX_VALUE;
        for (int i = 0; i < ca.length; i++) {
            peak = Math.max(peak, ca[i]);
            trough = Math.min(trough, pth[i]);
        }
        assertThat(peak - ca[0]).as("serum Ca rise, mmol/L").isBetween(0.02, 0.2);
        assertThat(trough / pth[0]).as("PTH nadir relative").isLessThan(0.9);
    }

    @Test
    void runsAreDeterministic() {
        Scenario s = Scenarios.of("det", 3, Recording.every(6),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        var a = SIM.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        var b = new EngineSimulator(ModelAssembly.defaultParameters()).run(s, Mode.REFERENCE, ProgressListener.NONE)
                .trajectory();
        assertThat(a.values()).isDeepEqualTo(b.values());
    }
}
