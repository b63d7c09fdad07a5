package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndAdjacentSwaps() {
        assertThat(EditDistance.between("size", "size")).isZero();
        assertThat(EditDistance.between("szie", "size")).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("gutParacelularRate", "gutParacellularRate")).isEqualTo(1);
    }

    @Test
    void deletingEveryCharacterCostsOneEach() {
        assertThat(EditDistance.between("abc", "")).isEqualTo(3);
        assertThat(EditDistance.between("abcd", "ab")).isEqualTo(2);
        assertThat(EditDistance.between("ab", "ba")).isEqualTo(1);
    }
}
