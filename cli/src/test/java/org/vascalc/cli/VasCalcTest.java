package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VasCalcTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: vascalc");
    }

    /** The command list shows each command's first header line; a cut-off description reads badly. */
    @Test
    void everyCommandHasAOneLineHeaderForTheCommandList() {
        CommandLine cli = new CommandLine(new VasCalc());
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            String[] header = sub.getCommandSpec().usageMessage().header();
            assertThat(header).as(name).hasSize(1);
            assertThat(header[0]).as(name).endsWith(".").hasSizeLessThan(110 - 13);
        });
    }

    @Test
    void anUnknownOptionIsBadInputWithExitOne() {
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "--frobnicate");
        assertThat(code).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Unknown option").doesNotContain("Exception");
    }
}
