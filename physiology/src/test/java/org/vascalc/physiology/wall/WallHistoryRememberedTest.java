package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;

/**
 * A remembered wall history is the integrated one, bit for bit, for a new wall of the same catalog
 * too; what a caller does with its copy does not change the next one; and another person or
 * susceptibility gets their own.
 */
class WallHistoryRememberedTest {

    @Test
    void aRememberedHistoryIsTheIntegratedOne() {
        Patient patient = TestPatients.diabeticSmoker(63);
        Susceptibility susceptibility = new Susceptibility(1.3, 0.8);
        WallBlock first = new WallBlock();
        double[] integrated = first.integrateHistory(patient, susceptibility);
        double[] remembered = first.history(patient, susceptibility);
        assertThat(remembered).containsExactly(integrated);

        remembered[0] = -1; // a caller's copy
        WallBlock second = new WallBlock(first.catalog());
        assertThat(second.history(patient, susceptibility)).containsExactly(integrated);

        assertThat(second.history(patient, Susceptibility.TYPICAL)).containsExactly(
                second.integrateHistory(patient, Susceptibility.TYPICAL)).isNotEqualTo(integrated);
        Patient older = TestPatients.diabeticSmoker(70);
        assertThat(second.history(older, susceptibility)).containsExactly(second.integrateHistory(older, susceptibility))
                .isNotEqualTo(integrated);
    }
}
