package org.vascalc.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void everyKindSaysWhereTheNumberComesFrom() {
        assertThat(new Evidence.Literature("Hokanson2004", "Results").describe())
                .isEqualTo("literature: Hokanson2004, Results");
        assertThat(new Evidence.Calibrated("E06,E07", "").describe()).isEqualTo("calibrated to E06,E07");
        assertThat(new Evidence.Calibrated("E06", null).describe()).isEqualTo("calibrated to E06");
        assertThat(new Evidence.Calibrated("E06", "gut fit").describe()).isEqualTo("calibrated to E06 (gut fit)");
        assertThat(new Evidence.Assumption("no data").describe()).isEqualTo("assumption: no data");
        assertThat(new Evidence.Derived("steady state").describe()).isEqualTo("derived: steady state");
    }

    @Test
    void aNumberWithoutItsSourceIsRefused() {
        // the standing rule: every model number carries its evidence
        assertThatThrownBy(() -> new Evidence.Literature(" ", "Table 1")).hasMessageContaining("bibKey must not be blank");
        assertThatThrownBy(() -> new Evidence.Literature("Key2020", "")).hasMessageContaining("locator must not be blank");
        assertThatThrownBy(() -> new Evidence.Calibrated("", "x")).hasMessageContaining("targetIds must not be blank");
        assertThatThrownBy(() -> new Evidence.Assumption("")).hasMessageContaining("rationale must not be blank");
        assertThatThrownBy(() -> new Evidence.Derived("\t")).hasMessageContaining("rule must not be blank");
    }
}
