package org.vascalc.clinical.cacdrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vascalc.core.input.InvalidInputException;

class CacDrsTest {

    /** Hecht 2018 bands; 299/300/301 are the Radulator boundary vectors of the research note §1.5. */
    @ParameterizedTest(name = "{0} AU -> {1}")
    @CsvSource({"0, A0", "0.4, A1", "1, A1", "99, A1", "99.9, A1", "100, A2", "299, A2", "299.9, A2",
        "300, A3", "301, A3", "4000, A3"})
    void bandsTheAgatstonScore(double agatston, String label) {
        assertThat(CacDrs.classify(agatston).label()).isEqualTo(label);
    }

    @Test
    void addsTheVesselModifierExceptForAZeroScore() {
        assertThat(CacDrs.classify(150, OptionalInt.of(3)).label()).isEqualTo("A2/N3");
        assertThat(CacDrs.classify(450, OptionalInt.of(4)).label()).isEqualTo("A3/N4");
        assertThat(CacDrs.classify(0, OptionalInt.of(0)).label()).isEqualTo("A0");
    }

    @Test
    void rejectsContradictionsAndImpossibleValuesNamingThem() {
        assertThatThrownBy(() -> CacDrs.classify(0, OptionalInt.of(2)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("contradicts an Agatston score of 0");
        assertThatThrownBy(() -> CacDrs.classify(50, OptionalInt.of(5)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0 to 4");
        assertThatThrownBy(() -> CacDrs.classify(-3))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Agatston score = -3 Agatston units");
        assertThatThrownBy(() -> CacDrs.classify(Double.NaN)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aScoreAboveZeroWithNoCalcifiedArteryIsAContradiction() {
        // CAC-DRS N1-N4: a positive score means calcium in at least one artery
        assertThatThrownBy(() -> CacDrs.classify(50, OptionalInt.of(0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("number of coronary arteries with calcium = 0 contradicts an Agatston score of 50"
                        + " (must be 1 to 4)");
        assertThat(CacDrs.classify(50, OptionalInt.of(1))).hasToString("A1/N1");
    }
}
