package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/** Fast mode against reference mode on every SLOW output (issue 2: within 1 %). */
class FastVersusReferenceTest {

    static List<String> slowChannels() {
        List<String> ids = new ArrayList<>();
        var model = new AssembledModel(ModelAssembly.standardBlocks(ModelAssembly.defaultParameters()), null);
        for (StateVariable v : model.layout().variables()) {
            if (v.timeScale() == TimeScale.SLOW) {
                ids.add(v.id());
            }
        }
        ids.add("bmd");
        return ids;
    }

    /** Largest relative difference of the SLOW outputs over all recorded rows; prints each channel's. */
    static double worstRelativeDifference(Scenario s) {
        return worstRelativeDifference(s, new EngineSimulator(ModelAssembly.defaultParameters()));
    }

    /** As {@link #worstRelativeDifference(Scenario)} on {@code sim} (e.g. fast mode averaged in the direct class). */
    static double worstRelativeDifference(Scenario s, EngineSimulator sim) {
        Trajectory ref = sim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        Trajectory fast = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        assertThat(fast.timesHours()).containsExactly(ref.timesHours());
        double worst = 0;
        for (var c : ref.channels()) {
            double[] r = ref.series(c.id());
            double[] f = fast.series(c.id());
            double channelWorst = 0;
            double changeRef = r[r.length - 1] - r[0];
            for (int i = 0; i < r.length; i++) {
                double scale = Math.max(Math.abs(r[i]), 1e-6);
                channelWorst = Math.max(channelWorst, Math.abs(f[i] - r[i]) / scale);
            }
            double changeDiff = changeRef == 0 ? 0 : Math.abs((f[f.length - 1] - f[0]) - changeRef) / Math.abs(changeRef);
            System.out.printf(Locale.ROOT, "%s %-28s level %.2e  change %.2e (ref change %.4g)%n", s.name(), c.id(),
                    channelWorst, changeDiff, changeRef);
            worst = Math.max(worst, channelWorst);
        }
        return worst;
    }

    @Test
    void oneYearOfTwiceDailyCalciumAndDailyMk7AgreesWithinOnePercent() {
        Scenario s = AgreementScenarios.oneYearTwiceDailyWithMk7();
        // Issue 2 asks for 1 % on every slow output; the levels agree far better (see docs/performance.md).
        assertThat(worstRelativeDifference(s)).isLessThan(0.01);
    }
}
