package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Trajectory;

/**
 * The last row of a run that ends off the orbit's two-hourly sample grid, inside the piece after
 * its last whole period ({@code FastRun.partialPeriod}), takes its FAST outputs from the orbit's
 * end-phase sample ({@code FastRun.endSample}: the orbit's state at that phase, interpolated within
 * the orbit's step by the solver's continuous extension, {@code FastRun.sampleWithin}). It is
 * therefore about as close to reference mode as the rows on the sample grid before it, which are
 * read off the same orbit: here (40 days of 500 mg calcium carbonate at 08:00 and 20:00 and 180 µg
 * MK-7) 0.1-1.3 times the largest relative difference among the two-hourly rows since day 39, which
 * the test holds to twice that. The end sample taken at the end of the orbit's step instead of at
 * the end phase (a PIT mutant, docs/testing.md, forty-third session) put total calcium 2.0e-3 and
 * 2.3e-3 off reference mode at 07:12 and 00:54, three and five times the rows' worst; the counters
 * and the books ({@link PartialPeriodQuickTest}) did not see it.
 */
class PartialPeriodEndRowTest {

    private static final List<String> IDS = List.of("pth", "serumCalciumTotal", "serumPhosphate");

    @ParameterizedTest
    @ValueSource(doubles = {0.525, 0.0375, 0.3})
    void theEndRowOffTheSampleGridIsAsCloseToReferenceModeAsTheRowsBeforeIt(double fraction) {
        // 12:36, 00:54 (before the day's first sample) and 07:12 (before the 08:00 doses).
        double days = 40 + fraction;
        var sc = PartialPeriodScenarios.of("end-" + days, days, new Recording(IDS, 24, 2, 39, 41));
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        Trajectory ref = sim.run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        Trajectory fast = sim.run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        assertThat(fast.timesHours()).containsExactly(ref.timesHours());
        int last = fast.size() - 1;
        assertThat(fast.time(last)).isEqualTo(days * 24);
        for (String id : IDS) {
            double[] r = ref.series(id);
            double[] f = fast.series(id);
            // The two-hourly rows from day 39 up to the end row (the orbit's samples, moved to the row's SLOW states).
            double rows = 0;
            for (int i = 0; i < last; i++) {
                if (ref.time(i) >= 39 * 24 - 1e-9) {
                    rows = Math.max(rows, Math.abs(f[i] - r[i]) / Math.abs(r[i]));
                }
            }
            double end = Math.abs(f[last] - r[last]) / Math.abs(r[last]);
            System.out.printf(Locale.ROOT, "%.4f days, %s: end row off reference mode by %.3e, the two-hourly rows by at most %.3e%n",
                    days, id, end, rows);
            assertThat(end).as("%s: the end row's relative difference from reference mode", id).isLessThanOrEqualTo(2 * rows);
        }
    }
}
