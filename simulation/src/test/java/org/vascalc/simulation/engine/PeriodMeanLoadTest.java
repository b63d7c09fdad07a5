package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * The smoothed phosphate load that drives FGF23 ({@code mineral.po4AbsorbedLoad}) follows the mean
 * absorbed phosphate of the last dosing period (docs/model/mineral.md, "FGF23 follows the daily
 * phosphate load"). With the gut calcium binding phosphate, gut phosphate swings within the day;
 * the load must not: reference mode holds the last period's mean, fast mode's partial period moves
 * the load at the period's mean rate. Before, both followed the absorbed flux within the day (relative
 * range 3.4e-2 over the reference run's second day, 2.5e-2 over the fast run's last 18 h; now 2e-5
 * and 6e-7, gut phosphate swinging by 0.58 of its mean).
 */
class PeriodMeanLoadTest {

    private static final String LOAD = "mineral.po4AbsorbedLoad";
    private static final String GUT = "mineral.po4Gut";

    private static EngineSimulator bindingOn() {
        ParameterCatalog p = ModelAssembly.defaultParameters().with(Map.of("calciumPhosphateBindingOn", 1.0));
        return new EngineSimulator(p);
    }

    private static double relativeRange(double[] x, int from) {
        double[] tail = Arrays.copyOfRange(x, from, x.length);
        double min = Arrays.stream(tail).min().orElseThrow();
        double max = Arrays.stream(tail).max().orElseThrow();
        return (max - min) / Math.abs(Arrays.stream(tail).average().orElseThrow());
    }

    @Test
    void referenceModeHoldsTheLastPeriodsMeanLoadThroughTheDay() {
        // The habitual diet only: the run starts on the run-in's orbit, so the mean is steady.
        Scenario s = Scenarios.of("hold", 2, new Recording(List.of(LOAD, GUT), 1, 1, 0, 2));
        Trajectory tr = bindingOn().run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        // Hours 24..48: the second day, after the first boundary's hold.
        int from = 24;
        assertThat(relativeRange(tr.series(GUT), from)).as("gut phosphate swings within the day").isGreaterThan(0.2);
        assertThat(relativeRange(tr.series(LOAD), from)).as("the held load does not").isLessThan(2e-4);
    }

    @Test
    void fastModesPartialPeriodMovesTheLoadAtThePeriodsMeanRate() {
        // A run that ends at 18:00: its last piece is a partial period on the cached orbit.
        Scenario s = Scenarios.of("partial", 3.75, new Recording(List.of(LOAD, GUT), 6, 6, 0, 3.75));
        Trajectory tr = bindingOn().run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        double[] load = tr.series(LOAD);
        double[] t = tr.timesHours();
        assertThat(t[t.length - 1]).isEqualTo(90.0);
        // Days 3 to 3.75: at the habitual orbit the mean rate is ~0, so the load stays put.
        int day3 = 12;
        assertThat(t[day3]).isEqualTo(72.0);
        assertThat(relativeRange(Arrays.copyOfRange(load, day3, load.length), 0)).isLessThan(2e-4);
    }
}
