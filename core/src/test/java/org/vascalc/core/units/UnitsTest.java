package org.vascalc.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void molarMassesConvertBetweenMassAndAmount() {
        // calcium 40.078 g/mol: 40.078 mg is 1 mmol
        assertThat(MolarMass.CALCIUM.mgToMmol(40.078)).isCloseTo(1.0, within(1e-12));
        assertThat(MolarMass.CALCIUM.mmolToMg(2.5)).isCloseTo(100.195, within(1e-9));
        // menaquinone-7 649.00 g/mol: 180 µg (a common supplement dose) is 180 000 / 649 = 277.35 nmol
        assertThat(MolarMass.MENAQUINONE_7.ugToNmol(180)).isCloseTo(277.3497688751926, within(1e-9));
        assertThat(MolarMass.PHYLLOQUINONE.gramsPerMol()).isEqualTo(450.70);
    }

    @Test
    void timeIsCountedInHours() {
        assertThat(Time.days(2)).isEqualTo(48.0);
        assertThat(Time.years(1)).isEqualTo(8766.0); // 365.25 days of 24 h
        assertThat(Time.years(0.5)).isEqualTo(4383.0);
    }
}
