package org.vascalc.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedStreamsTest {

    /** SplitMix64's published first outputs for seed 0 are mix(gamma), mix(2 gamma), ... (Vigna's splitmix64.c). */
    @Test
    void theMixIsSplitMix64sFinaliser() {
        assertThat(SeedStreams.mix(0x9E3779B97F4A7C15L)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SeedStreams.mix(0)).isZero();
    }

    @Test
    void aMembersStreamDependsOnlyOnTheKeyAndItsIndex() {
        assertThat(SeedStreams.stream(7, 3).nextLong()).isEqualTo(SeedStreams.stream(7, 3).nextLong());
        Set<Long> firsts = new HashSet<>();
        for (long key = 0; key < 4; key++) {
            for (long index = 0; index < 250; index++) {
                firsts.add(SeedStreams.stream(key, index).nextLong());
            }
        }
        assertThat(firsts).as("neighbouring keys and indices give different streams").hasSize(1000);
    }
}
