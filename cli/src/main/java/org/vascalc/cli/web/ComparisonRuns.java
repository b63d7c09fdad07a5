package org.vascalc.cli.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.flagship.FlagshipComparison;

/**
 * Runs flagship comparisons for the web app: one at a time (a comparison already uses every core
 * for its arms), and remembers the last few, because the model is deterministic and people reload
 * a page or go back to it.
 */
final class ComparisonRuns {

    /** What a comparison depends on: the person and the run length. */
    record Key(Patient patient, double years) {
    }

    private static final int REMEMBERED = 12;

    private final SimulatorFactory factory;
    private final Semaphore oneAtATime = new Semaphore(1, true);
    private final Map<Key, FlagshipComparison.Results> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, FlagshipComparison.Results> eldest) {
            return size() > REMEMBERED;
        }
    };

    ComparisonRuns(SimulatorFactory factory) {
        this.factory = factory;
    }

    FlagshipComparison.Results results(Key key) throws InterruptedException {
        return results(key, ProgressListener.NONE);
    }

    /** The comparison for {@code key}, remembered or run (then telling {@code progress} how far it got). */
    FlagshipComparison.Results results(Key key, ProgressListener progress) throws InterruptedException {
        synchronized (recent) {
            FlagshipComparison.Results hit = recent.get(key);
            if (hit != null) {
                return hit;
            }
        }
        oneAtATime.acquire();
        try {
            synchronized (recent) {
                FlagshipComparison.Results hit = recent.get(key);
                if (hit != null) {
                    return hit;
                }
            }
            FlagshipComparison.Results r = new FlagshipComparison(key.patient(), key.years())
                    .run(factory, progress);
            synchronized (recent) {
                recent.put(key, r);
            }
            return r;
        } finally {
            oneAtATime.release();
        }
    }
}
