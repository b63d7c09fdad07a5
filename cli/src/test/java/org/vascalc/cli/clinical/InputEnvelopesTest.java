package org.vascalc.cli.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.simulation.scenario.ScenarioRanges;

class InputEnvelopesTest {

    /**
     * The sentences give the ranges the checks use, and the reason the risk tools' eGFR goes past the simulation's
     * holds: CKD-EPI 2021's highest computed eGFR lies above the simulation's limit and within the risk tools'.
     */
    @Test
    void theSentencesGiveBothEnvelopesAndTheReasonHolds() {
        assertThat(InputEnvelopes.simulation()).startsWith("eGFR 1 to 200 mL/min/1.73 m² and systolic 70 to 260 mmHg "
                + "are the simulation's hard limits").contains("(eGFR 1 to 250 mL/min/1.73 m², systolic 60 to 280 mmHg)");
        assertThat(InputEnvelopes.risk()).startsWith("eGFR 1 to 250 mL/min/1.73 m² and systolic 60 to 280 mmHg are the "
                + "risk equations' input limits").contains("CKD-EPI 2021 gives up to 246.5 from the lowest accepted "
                + "creatinine");
        double highest = InputEnvelopes.highestComputedEgfr();
        assertThat(highest).isGreaterThan(ScenarioRanges.EGFR.hardHigh()).isLessThanOrEqualTo(RiskInput.EGFR.hardHigh());
    }
}
