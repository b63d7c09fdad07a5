package org.vascalc.simulation.trial;

import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * What a trial's runs cost, counted (trialstart, fifty-second session): for each trial of
 * {@code -Dvascalc.scratch.trials} (default "care2,renakvit") at {@code -Dvascalc.scratch.size} members per arm
 * (default 200), seed 1, 2 threads: the simulator runs, those refused at the derivation, the run-ins, the
 * candidates examined and left out, the wall time, and each outcome's estimate's bits (to compare two codes). A
 * runner, not a test: asserts nothing, runs only with -Dvascalc.scratch=true.
 */
class TrialStartCountsRunner {

    @Test
    void count() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        int size = Integer.getInteger("vascalc.scratch.size", 200);
        for (String key : System.getProperty("vascalc.scratch.trials", "care2,renakvit").split(",")) {
            CountingSimulatorFactory counting = new CountingSimulatorFactory();
            long t0 = System.nanoTime();
            TrialResult r = new TrialRunner(counting, ModelAssembly.defaultParameters(), 2)
                    .run(ExampleTrials.load(key), size, 1, (d, n) -> { });
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s size %d: runs %d, refused %d, run-ins %d, arms %d, examined %d, %.1f s%n",
                    key, size, counting.runs.get(), counting.refused.get(), counting.runIns(), r.spec().arms().size(),
                    r.screened(), seconds);
            System.out.printf(Locale.ROOT, "  threads %s%n  labs %s%n", counting.threads, r.labsLeftOut());
            r.outcomes().forEach(o -> System.out.printf(Locale.ROOT, "  %s: %s %s %s%n", o.outcome().name(),
                    Double.doubleToLongBits(o.estimate()), Double.doubleToLongBits(o.low()),
                    Double.doubleToLongBits(o.high())));
        }
    }
}
