package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;

/**
 * The one form in which {@code simulate} and {@code sensitivity} print a warning (labrecord: it was
 * written out four times): {@code vascalc: warning: SOURCE: PATH: MESSAGE}, one line each, in order.
 */
class WarningLinesTest {

    @Test
    void eachWarningIsOneLineNamingTheSourceTheFieldAndTheMessage() {
        StringWriter s = new StringWriter();
        PrintWriter err = new PrintWriter(s);
        WarningLines.print(err, Path.of("a", "mk7.yaml"), List.of(
                InputProblem.warning("interventions[0].microgramsPerDose", "far below the doses studied"),
                InputProblem.warning("patient.pthPgMl", "the run does not start at the measured intact PTH")));
        WarningLines.print(err, "flagship-supplement", List.of());
        err.flush();
        String sep = System.lineSeparator();
        assertThat(s.toString()).isEqualTo("vascalc: warning: " + Path.of("a", "mk7.yaml")
                + ": interventions[0].microgramsPerDose: far below the doses studied" + sep
                + "vascalc: warning: " + Path.of("a", "mk7.yaml") + ": patient.pthPgMl: the run does not start at the "
                + "measured intact PTH" + sep);
    }
}
