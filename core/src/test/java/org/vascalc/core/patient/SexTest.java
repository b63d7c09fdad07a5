package org.vascalc.core.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SexTest {

    @Test
    void takesTheNamesAndTheCommonAbbreviationsInAnyCase() {
        for (String f : new String[] {"female", "F", " f ", "Woman", "FEMALE"}) {
            assertThat(Sex.parse(f)).as(f).contains(Sex.FEMALE);
        }
        for (String m : new String[] {"male", "M", "man", " Male "}) {
            assertThat(Sex.parse(m)).as(m).contains(Sex.MALE);
        }
        for (String bad : new String[] {"x", "", "females", "w", "other"}) {
            assertThat(Sex.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Sex.parse(null)).isEmpty();
        assertThat(Sex.MALE.spelling()).isEqualTo("male");
    }
}
