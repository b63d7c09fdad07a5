package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VasCalcTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: vascalc");
    }

    @Test
    void anUnknownOptionIsBadInputWithExitOne() {
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "--frobnicate");
        assertThat(code).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Unknown option").doesNotContain("Exception");
    }
}
