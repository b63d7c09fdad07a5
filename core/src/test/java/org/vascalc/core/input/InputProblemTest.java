package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputProblemTest {

    @Test
    void aMultiLineParserMessageLosesItsTrailingBlankLine() {
        InputProblem p = InputProblem.error("(line 3, column 13)",
                "not valid YAML: expected ',' or '}'\n in 'reader', line 3:\n    durationDays: 1\n                ^\n");
        assertThat(p.message()).endsWith("^").contains("\n in 'reader'");
        assertThat(p.toString()).doesNotEndWith("\n");
        assertThat(InputProblem.warning("x", "fine  \n\n").message()).isEqualTo("fine");
    }
}
