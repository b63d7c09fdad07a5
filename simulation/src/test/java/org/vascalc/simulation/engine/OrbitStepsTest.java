package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.SimulationResult;

/**
 * The orbit integration's steps per period under the benchmark regimen (meals at 8, 13, 16 and 19 h,
 * 500 mg calcium carbonate at 8:00 and 20:00, MK-7 at 8:00). Each piece between intakes starts with
 * the step its start took in the last period, not the automatic starting step (3e-5 h after the
 * 8:00 intakes, then 2–4 steps of 6-fold growth), and the transit depots' absolute tolerance no
 * longer has the error control follow the last 1e-5 mmol of a dose through the night: about 88 steps
 * a period before, 76 after (docs/performance-log.md, "orbit steps"). Counts do not depend on the
 * machine; the accuracy the steps buy is checked by the fast-versus-reference tests.
 */
class OrbitStepsTest {

    @Test
    void aDayOfTheBenchmarkRegimenTakesFewerThanEightyOrbitSteps() {
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        var sc = Scenarios.of("orbit-steps", 120, new Recording(List.of("pth"), 30 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        SimulationResult r = sim.run(sc, Mode.FAST, ProgressListener.NONE);
        long steps = r.counters().get("orbitSteps");
        long periods = r.counters().get("orbitPeriods");
        double perPeriod = steps / (double) periods;
        System.out.printf(Locale.ROOT, "orbit steps %d in %d periods: %.1f per period, %d rejected%n", steps, periods, perPeriod,
                r.counters().get("orbitRejectedSteps"));
        assertThat(periods).isPositive();
        assertThat(perPeriod).isLessThan(80);
        assertThat(r.counters().get("orbitRejectedSteps")).isLessThanOrEqualTo(periods);
    }
}
