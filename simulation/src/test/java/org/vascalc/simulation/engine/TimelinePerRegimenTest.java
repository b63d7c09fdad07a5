package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * The simulator keeps the last run's intake timeline for the next run on the same regimen
 * (docs/performance-log.md, "runsetup"): a run after runs on other regimens or durations gives the
 * bits of a fresh simulator's run, and so does a run on an equal (not the same) regimen.
 */
class TimelinePerRegimenTest {

    private static final ParameterCatalog PARAMETERS = new EngineSimulatorFactory().defaultParameters();

    private static Scenario scenario(double mg, double stopDay, double days) {
        return new Scenario("timeline", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(mg, Intervention.CalciumSalt.CARBONATE, true,
                        new Schedule(0, stopDay, List.of(8.0, 19.0), Schedule.EVERY_DAY))),
                days, Recording.every(24));
    }

    private static SimulationResult fresh(Scenario s) {
        return EngineSimulator.withoutWall(PARAMETERS).run(s, Mode.FAST, ProgressListener.NONE);
    }

    private static void assertSameBits(SimulationResult a, SimulationResult b) {
        assertThat(a.trajectory().timesHours()).containsExactly(b.trajectory().timesHours());
        double[][] x = a.trajectory().values();
        double[][] y = b.trajectory().values();
        assertThat(x.length).isEqualTo(y.length);
        for (int r = 0; r < x.length; r++) {
            assertThat(x[r]).as("row %d", r).containsExactly(y[r]);
        }
        assertThat(a.counters().get("derivativeEvaluations")).isEqualTo(b.counters().get("derivativeEvaluations"));
    }

    @Test
    void aRunAfterOtherRegimensGivesAFreshSimulatorsBits() {
        Scenario first = scenario(500, 20, 30);
        Scenario otherDose = scenario(1000, 20, 30);
        Scenario otherStop = scenario(500, 10, 30);
        Scenario otherDuration = scenario(500, 20, 25);
        EngineSimulator sim = EngineSimulator.withoutWall(PARAMETERS);
        SimulationResult once = sim.run(first, Mode.FAST, ProgressListener.NONE);
        for (Scenario s : List.of(otherDose, otherStop, otherDuration)) {
            SimulationResult r = sim.run(s, Mode.FAST, ProgressListener.NONE);
            assertSameBits(r, fresh(s));
            // the regimens differ in what the run gives, so a stale timeline could not pass unseen
            assertThat(r.trajectory().values()).isNotEqualTo(once.trajectory().values());
        }
        // an equal regimen in a new scenario object, then the very same scenario again
        assertSameBits(sim.run(scenario(500, 20, 30), Mode.FAST, ProgressListener.NONE), once);
        assertSameBits(sim.run(first, Mode.FAST, ProgressListener.NONE), once);
    }
}
