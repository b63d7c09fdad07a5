package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The last row of a fast run is read off the orbit as every row before it is (the orbit's sample
 * moved to the row's SLOW states, {@code FastRun.endRow}), so a FAST output does not step at the end
 * of a chart. It did: after a run's last SLOW step the state's FAST part is the orbit's start, not
 * moved; over two years of CKD G4 (examples/scenarios/ckd-stage4.yaml, orbits months apart) PTH
 * went 8.636, 8.633, then 8.570 pmol/L in the last day (the reference run: 8.623; now 8.631). Here,
 * without the wall, the last PTH row (pmol) was 0.107 off the line through the two rows before it,
 * ten times a day's change; now 6e-4.
 */
class FastEndRowTest {

    @Test
    void theLastRowOfAFastRunContinuesTheRowsBeforeIt() {
        Scenario file = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/ckd-stage4.yaml")).scenario();
        Scenario s = new Scenario(file.name(), file.description(), file.patient(), file.conditions(),
                file.interventions(), file.durationDays(),
                new Recording(List.of("pth", "serumCalciumTotal", "serumPhosphate"), 24, 24, 0, 0));
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        var t = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        int n = t.size();
        assertThat(t.time(n - 1)).isEqualTo(s.durationDays() * 24);
        for (String id : List.of("pth", "serumCalciumTotal", "serumPhosphate")) {
            double[] v = t.series(id);
            // The last two days lie in one SLOW step (728-730): the last row against the straight
            // line through the two before it, on the scale of one day's change.
            double day = Math.abs(v[n - 2] - v[n - 3]);
            double off = Math.abs(v[n - 1] - (2 * v[n - 2] - v[n - 3]));
            System.out.printf(Locale.ROOT, "%s: last row %.6g, off the line through the two before by %.3e (one day's change %.3e)%n",
                    id, v[n - 1], off, day);
            assertThat(off).as("%s: the last row off the line through the two before it", id)
                    .isLessThanOrEqualTo(2 * day + 1e-9 * Math.abs(v[n - 1]));
        }
    }
}
