package org.vascalc.clinical.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LipidUnitTest {

    @ParameterizedTest
    @ValueSource(doubles = {20, 45, 130, 200, 320, 613.7})
    void cholesterolRoundTripsBetweenUnits(double mgDl) {
        double mmol = LipidUnit.MMOL_PER_L.fromMgDl(mgDl);
        // pure arithmetic: only floating-point rounding
        assertThat(LipidUnit.MMOL_PER_L.toMgDl(mmol)).isCloseTo(mgDl, within(1e-9));
        assertThat(LipidUnit.MG_PER_DL.toMgDl(mgDl)).isEqualTo(mgDl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mg/dL", "MGDL", "mg_dl"})
    void parsesMgDlSpellings(String s) {
        assertThat(LipidUnit.parse(s)).isEqualTo(LipidUnit.MG_PER_DL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mmol/L", "mmol", "MMOL/l"})
    void parsesMmolSpellings(String s) {
        assertThat(LipidUnit.parse(s)).isEqualTo(LipidUnit.MMOL_PER_L);
    }

    @org.junit.jupiter.api.Test
    void fiveMmolIsAbout193MgDlAndPreventsFactorIsTheInverse() {
        assertThat(LipidUnit.MMOL_PER_L.toMgDl(5)).isCloseTo(193.35, within(1e-9));
        // PREVENT's published 0.02586 mmol/L per mg/dL is 1/38.67 to 4 significant digits
        assertThat(1 / LipidUnit.CHOLESTEROL_MG_DL_PER_MMOL_L).isCloseTo(0.02586, within(5e-6));
        assertThat(LipidUnit.parse("g/L")).isNull();
    }
}
