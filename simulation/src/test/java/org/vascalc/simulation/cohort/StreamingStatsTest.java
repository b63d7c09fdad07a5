package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cohort summaries' one-pass accumulators against the exact two-pass values. */
class StreamingStatsTest {

    @Test
    void meanAndVarianceMatchTheTwoPassValues() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1e6 + Math.exp(2 * r.nextGaussian()); // a large offset: the naive one-pass variance would lose digits
        }
        StreamingStats.Mean mean = new StreamingStats.Mean();
        StreamingStats.Variance var = new StreamingStats.Variance();
        for (double v : x) {
            mean.add(v);
            var.add(v);
        }
        double m = Arrays.stream(x).average().orElseThrow();
        double ss = Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
        assertThat(mean.mean()).isCloseTo(m, within(1e-9));
        assertThat(var.mean()).isCloseTo(m, within(1e-9));
        assertThat(var.variance()).isCloseTo(ss, within(1e-9 * ss));
        assertThat(new StreamingStats.Mean().mean()).isNaN();
        assertThat(new StreamingStats.Variance().variance()).isNaN();
    }

    @Test
    void theMedianIsExactUpToTheLimitAndWithinHalfABinBeyondItInBoundedMemory() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[4001]; // Agatston-like: log-normal over four decades
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(4 + 2 * r.nextGaussian());
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double exactMedian = sorted[sorted.length / 2];

        StreamingStats.PositiveMedian kept = new StreamingStats.PositiveMedian();
        StreamingStats.PositiveMedian binned = new StreamingStats.PositiveMedian(1000); // exact limit passed at 1000
        for (double v : x) {
            kept.add(v);
            binned.add(v);
        }
        assertThat(kept.exact()).isTrue();
        assertThat(kept.median()).isEqualTo(exactMedian);
        assertThat(binned.exact()).as("beyond the limit only the fixed histogram is kept").isFalse();
        assertThat(binned.count()).isEqualTo(x.length);
        assertThat(binned.median()).isCloseTo(exactMedian,
                within(exactMedian * StreamingStats.PositiveMedian.BIN_RATIO_MINUS_ONE / 2 * 1.0001));
        // an even count: the exact median is the mean of the middle two
        StreamingStats.PositiveMedian even = new StreamingStats.PositiveMedian();
        even.add(1);
        even.add(3);
        assertThat(even.median()).isEqualTo(2);
        assertThat(new StreamingStats.PositiveMedian().median()).isNaN();
    }
}
