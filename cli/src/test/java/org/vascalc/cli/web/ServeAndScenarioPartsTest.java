package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.VasCalc;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/**
 * {@code vascalc serve}'s port range at its ends (1 to 65535, as its help says), and the scenario page's
 * reading of its parameter-change lines and its table of every recorded output, on hand-made input.
 */
class ServeAndScenarioPartsTest {

    private static String serveError(String... args) {
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        assertThat(code).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        return err.toString();
    }

    @Test
    void portsZeroAnd65536AreOutsideTheRangeAndOneAnd65535InsideIt() throws Exception {
        assertThat(serveError("serve", "--port", "0")).contains("--port = 0 is outside the allowed range 1 to 65535");
        assertThat(serveError("serve", "--port", "65536")).contains("--port = 65536 is outside the allowed range 1 to 65535");
        // 1 and 65535 are ports: each held here, so that serve refuses it as taken (or, for 1 without the rights
        // to bind it, as not allowed) and does not start, never as out of range
        for (int port : new int[] {1, 65535}) {
            try (ServerSocket held = new ServerSocket()) {
                try {
                    held.bind(new InetSocketAddress("127.0.0.1", port));
                } catch (java.io.IOException alreadyTakenOrNotAllowed) {
                    // serve cannot listen on it either
                }
                assertThat(serveError("serve", "--port", Integer.toString(port)))
                        .contains("cannot listen on 127.0.0.1:" + port).doesNotContain("outside the allowed range");
            }
        }
    }

    @Test
    void anUnknownHostIsOneMessageNamingIt() {
        assertThat(serveError("serve", "--host", "no-such-host.invalid", "--port", "7071"))
                .contains("cannot listen on no-such-host.invalid:7071").contains("--host");
    }

    @Test
    void parameterChangesAreOneALineWithAnOptionalSetAndBlankLinesSkipped() {
        assertThat(ScenarioPage.assignments("--set gutParacellularRate=0.072\n\n   a=1  \n--set   b=2\r\n"))
                .containsExactly("gutParacellularRate=0.072", "a=1", "b=2");
        assertThat(ScenarioPage.assignments("")).isEmpty();
    }

    @Test
    void everyRecordedOutputIsSummarisedToFiveSignificantDigits() {
        // serum calcium 2.3, 2.45678, 2.2 at 0, 1.5, 3 h: start 2.3, min 2.2, max 2.45678 at 1.5 h, end 2.2
        Trajectory t = new Trajectory(List.of(new OutputChannel("serumCalciumTotal", "mmol/L", "serum calcium")),
                new double[] {0, 1.5, 3}, new double[][] {{2.3}, {2.456789}, {2.2}});
        assertThat(ScenarioPage.summary(t, org.vascalc.cli.MaxAtUnit.HOURS)).singleElement()
                .isEqualTo(new String[] {"serumCalciumTotal", "mmol/L", "2.3000", "2.2000", "2.4568", "1.50", "2.2000"});
    }

    /**
     * review9: the page's "max at (h)" read 2016.00 for a peak at the end of an 84-day run and 87648.00 for a
     * ten-year one, where the console says 84.00 d and 10.00 y. The page's table takes the console's unit.
     */
    @Test
    void theMaxAtColumnIsInDaysOrYearsForLongRunsAsOnTheConsole() {
        // a peak at 87 648 h = 3652 days = 3652 / 365.25 = 9.998 years
        Trajectory t = new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "CT score")),
                new double[] {0, 87648}, new double[][] {{1}, {2}});
        var years = org.vascalc.cli.MaxAtUnit.forRunOf(3652);
        assertThat(years.header()).isEqualTo("max at (y)");
        assertThat(ScenarioPage.summary(t, years).get(0)[5]).isEqualTo("10.00");
        // an 84-day run: a peak at its end, 2016 h, is day 84.00
        var days = org.vascalc.cli.MaxAtUnit.forRunOf(84);
        assertThat(days.header()).isEqualTo("max at (d)");
        Trajectory mk7 = new Trajectory(List.of(new OutputChannel("plasmaMk7", "nmol/L", "plasma MK-7")),
                new double[] {0, 2016}, new double[][] {{0}, {8.9}});
        assertThat(ScenarioPage.summary(mk7, days).get(0)[5]).isEqualTo("84.00");
    }

    /**
     * review9: an output flat to rounding (food-calcium's dp-ucMGP, 409.84 throughout) had its "max at" at a
     * last-bit maximum, "8.85" years in. The page says "flat"; the console uses the same cell.
     */
    @Test
    void theMaxAtOfAFlatOutputReadsFlat() {
        double v = 409.84;
        Trajectory t = new Trajectory(List.of(new OutputChannel("dpUcMgp", "pmol/L", "dp-ucMGP")),
                new double[] {0, 77580, 87648}, new double[][] {{v}, {Math.nextUp(v)}, {v}});
        var years = org.vascalc.cli.MaxAtUnit.forRunOf(3652);
        assertThat(ScenarioPage.summary(t, years).get(0)[5]).isEqualTo("flat");
    }

    /**
     * riskunit: the page's summary table (and simulate's console, the same rows) read {@code riskMi 1 0.041514}
     * beside a chart in per cent. A risk is shown in per cent with unit "%", as the sensitivity console and cohort.
     */
    @Test
    void aRiskIsSummarisedInPerCent() {
        Trajectory t = new Trajectory(List.of(new OutputChannel("riskMi", "1", "cumulative MI risk", true)),
                new double[] {0, 1.5, 3}, new double[][] {{0}, {0.02}, {0.041514}});
        assertThat(ScenarioPage.summary(t, org.vascalc.cli.MaxAtUnit.HOURS)).singleElement()
                .isEqualTo(new String[] {"riskMi", "%", "0.0000", "0.0000", "4.1514", "3.00", "4.1514"});
    }
}
