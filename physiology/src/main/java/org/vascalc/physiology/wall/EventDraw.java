package org.vascalc.physiology.wall;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.vascalc.core.random.SeedStreams;

/**
 * Clinical events by the cumulative-hazard trick (model-anchors 5.5 item 6): each event type has a
 * threshold E ~ Exp(1) drawn once per patient; the event happens when its cumulative hazard Λ(t)
 * first reaches E. The stream derives from (seed, patient index, event), so one patient re-runs
 * alone with the same events and serial and parallel runs agree.
 */
public final class EventDraw {

    private EventDraw() {
    }

    /** The Exp(1) threshold of {@code event} for patient {@code patientIndex} of a run seeded {@code seed}. */
    public static double threshold(long seed, long patientIndex, WallEvent event) {
        SplittableRandom root = new SplittableRandom(seed);
        // Splitting is deterministic in the number of splits: skip to this patient's stream by mixing the index.
        SplittableRandom patient = new SplittableRandom(root.nextLong() ^ SeedStreams.mix(patientIndex));
        SplittableRandom stream = new SplittableRandom(patient.nextLong() ^ SeedStreams.mix(event.ordinal() + 1L));
        return -Math.log(1 - stream.nextDouble());
    }

    /**
     * The first time at which the cumulative hazard reaches the threshold, interpolated linearly
     * between recorded points, or empty if it never does within the record.
     *
     * @param timesHours         recording times, increasing
     * @param cumulativeHazard   Λ at those times (non-decreasing)
     */
    public static OptionalDouble firstTime(double[] timesHours, double[] cumulativeHazard, double threshold) {
        if (timesHours.length != cumulativeHazard.length) {
            throw new IllegalArgumentException("times and hazards differ in length: "
                    + timesHours.length + " vs " + cumulativeHazard.length);
        }
        double base = cumulativeHazard.length == 0 ? 0 : cumulativeHazard[0];
        for (int i = 1; i < timesHours.length; i++) {
            double h0 = cumulativeHazard[i - 1] - base;
            double h1 = cumulativeHazard[i] - base;
            if (h1 >= threshold) {
                double f = h1 == h0 ? 0 : (threshold - h0) / (h1 - h0);
                return OptionalDouble.of(timesHours[i - 1] + f * (timesHours[i] - timesHours[i - 1]));
            }
        }
        return OptionalDouble.empty();
    }
}
