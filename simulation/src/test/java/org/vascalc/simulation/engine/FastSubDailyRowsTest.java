package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Trajectory;

/**
 * Rows recorded within a day in fast mode take the FAST outputs from the orbit's sample at the
 * row's phase of the day ({@code FastRun.recordWithin}: the phase from the SLOW step's start, which
 * lies on the period grid), so two-hourly rows (the orbit's sample grid, {@link FastSettings#samples})
 * show the day's cycle as reference mode's rows do. Under 500 mg calcium carbonate at 08:00 and 20:00
 * PTH swings by about a third within a day (reference mode, day 8: 36 %), total calcium by 4 % and
 * serum phosphate by 0.4 %; fast mode's rows agree with reference mode's to its row-level accuracy
 * (PTH within 0.5-1 % at a run's end row, FastEndRowTest, PartialPeriodTest; 2 % here, in the
 * regimen's first days), which the test holds to a tenth of each channel's swing. Rows that take
 * the day's first sample, or another phase's, miss by a large part of the swing (PTH 25 %). No test
 * recorded fast rows within a day before (PIT on FastRun, docs/testing.md, forty-second session:
 * the phase's {@code %} turned into {@code *}, which maps every whole hour to the first sample,
 * survived). Its rows all lie on the sample grid; rows between the samples (hourly rows, which took
 * the nearest sample until the forty-third session) are {@link FastHourlyRowsTest}'s.
 */
class FastSubDailyRowsTest {

    @Test
    void twoHourlyRowsFollowReferenceModesDailyCycle() {
        List<String> ids = List.of("pth", "serumPhosphate", "serumCalciumTotal");
        // Ten days, rows every two hours through day 8 (a day at the end of a SLOW step of several days).
        var sc = Scenarios.of("sub-daily", 10, new Recording(ids, 24, 2, 8, 9),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        EngineSimulator sim = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
        Trajectory ref = sim.run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        Trajectory fast = sim.run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        assertThat(fast.timesHours()).containsExactly(ref.timesHours());
        for (String id : ids) {
            double[] r = ref.series(id);
            double[] f = fast.series(id);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double worst = 0;
            int rows = 0;
            for (int i = 0; i < r.length; i++) {
                double h = ref.time(i);
                if (h >= 8 * 24 - 1e-9 && h <= 9 * 24 + 1e-9) {
                    rows++;
                    lo = Math.min(lo, r[i]);
                    hi = Math.max(hi, r[i]);
                    worst = Math.max(worst, Math.abs(f[i] - r[i]) / Math.abs(r[i]));
                }
            }
            double swing = (hi - lo) / lo;
            System.out.printf(Locale.ROOT, "%s: reference's swing within the day %.3e, fast rows off by at most %.3e%n",
                    id, swing, worst);
            assertThat(rows).isEqualTo(13);
            assertThat(worst).as("%s: fast rows against reference mode's, relative", id).isLessThanOrEqualTo(0.1 * swing);
        }
    }
}
