package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The dialysate calcium exchange is an exit of the mineral block's books: on haemodialysis with a
 * calcium binder (examples/scenarios/haemodialysis.yaml, 90 days, fast mode, no wall) calcium in =
 * faeces + urine-and-dialysate (caUrineCum) + the change of the pools, while the dialysis fluid
 * removes tens of mmol (so a flux left out of the books would show as a residual of that size).
 * {@code WholeModelInvariantIT}'s plausible patients are not on dialysis.
 */
class HaemodialysisCalciumBalanceTest {

    @Test
    void theDialysateCalciumIsBookedSoTheCalciumBalanceCloses() {
        Scenario file = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        List<String> channels = new ArrayList<>(MassBalance.CHANNELS);
        channels.add("dialysedCalcium");
        Scenario s = new Scenario(file.name(), file.description(), file.patient(), file.conditions(),
                file.interventions(), 90, new Recording(channels, 3, 3, 0, 0));
        Trajectory t = EngineSimulator.withoutWall(ModelAssembly.defaultParameters())
                .run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        double[] rate = t.series("dialysedCalcium");
        double dialysed = 0;
        for (int i = 1; i < rate.length; i++) {
            dialysed += 0.5 * (rate[i] + rate[i - 1]) * 3 / 24.0;
        }
        double intake = MassBalance.delta(t, "mineral.caIntakeCum");
        double residual = MassBalance.calciumResidual(t, 0);
        System.out.printf(Locale.ROOT, "90 days: Ca intake %.1f mmol, to the dialysis fluid %.1f mmol, residual %.3e mmol%n",
                intake, dialysed, residual);
        assertThat(dialysed).as("the dialysis fluid removes calcium on a calcium binder").isGreaterThan(50);
        assertThat(Math.abs(residual)).as("calcium residual, mmol").isLessThan(1e-3 * intake);
    }
}
