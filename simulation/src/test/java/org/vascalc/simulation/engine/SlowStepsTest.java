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
 * The SLOW steps of the benchmark decade (reference adult, 500 mg calcium carbonate at 8:00 and 20:00,
 * 180 ug MK-7 at 8:00, ten years). With the ETD2RK step, whose error estimate was the first-order
 * step's error, and steps of at most 32 days it took 176; with the third-order step ({@link Etd3Stages})
 * and at most 128 days, 69 (docs/performance-log.md, "fewer SLOW steps"). Each step costs two (before)
 * or three (now) averages of the SLOW derivatives over the orbit's samples. Counts do not depend on
 * the machine; the accuracy of the steps is checked by the fast-versus-reference tests.
 */
class SlowStepsTest {

    @Test
    void theBenchmarkDecadeTakesAtMostNinetySlowSteps() {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        var sc = Scenarios.of("slow-steps", 3652.5, new Recording(List.of("bmd"), 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        SimulationResult r = sim.run(sc, Mode.FAST, ProgressListener.NONE);
        long steps = r.counters().get("slowSteps");
        System.out.printf(Locale.ROOT, "benchmark decade: %d SLOW steps, %d derivative calls%n", steps,
                r.counters().get("derivativeEvaluations"));
        assertThat(steps).isPositive().isLessThanOrEqualTo(90);
    }
}
