package org.vascalc.core.random;

import java.util.SplittableRandom;

/**
 * Deterministic random streams for members of a virtual sample: a member's draws depend only on a key (a run's
 * seed combined with an id of what is drawn) and the member's index, never on the thread that runs it or on
 * which members ran before, so a member has the same draws alone, in any batch and on any thread count.
 * Built on SplitMix64's finaliser (Steele, Lea and Flood, OOPSLA 2014), the generator behind
 * {@link SplittableRandom}: a bijection of the longs that spreads nearby inputs (seeds 1, 2, 3; indices 0, 1,
 * 2) over the whole range. One place for it; four classes had their own copies.
 */
public final class SeedStreams {

    /** SplitMix64's increment, the odd constant nearest 2^64 divided by the golden ratio. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SeedStreams() {
    }

    /** SplitMix64's finaliser (variant 13 of Stafford's mixers): a bijection of the longs. */
    public static long mix(long v) {
        long z = v;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The stream of member {@code index} under {@code key}: the key mixed, the index's step added, mixed again. */
    public static SplittableRandom stream(long key, long index) {
        return new SplittableRandom(mix(mix(key) + GOLDEN_GAMMA * (index + 1)));
    }
}
