package org.vascalc.core.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskFactorsTest {

    @Test
    void hdlMustBeBelowTotalCholesterol() {
        assertThat(RiskFactors.hdlNotBelowTotal(200, 55)).isNull();
        assertThat(RiskFactors.hdlNotBelowTotal(200, 199.5)).isNull();
        assertThat(RiskFactors.hdlNotBelowTotal(150, 150))
                .isEqualTo("HDL cholesterol (150 mg/dL) must be below total cholesterol (150 mg/dL)");
        assertThat(RiskFactors.hdlNotBelowTotal(140, 150.5))
                .isEqualTo("HDL cholesterol (150.5 mg/dL) must be below total cholesterol (140 mg/dL)");
    }

    @Test
    void typicalValuesAndEachWitherChangeOnlyTheirOwnFields() {
        RiskFactors t = RiskFactors.typical();
        assertThat(t).isEqualTo(new RiskFactors(200, 55, 125, 78, false, false, 1.5));
        assertThat(t.withCholesterolMgDl(240, 40)).isEqualTo(new RiskFactors(240, 40, 125, 78, false, false, 1.5));
        assertThat(t.withBloodPressureMmHg(150, 90)).isEqualTo(new RiskFactors(200, 55, 150, 90, false, false, 1.5));
        assertThat(t.withHabits(true, true)).isEqualTo(new RiskFactors(200, 55, 125, 78, true, true, 1.5));
    }
}
