package org.vascalc.simulation.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/** The CSV's number format (whole numbers in full, others to 9 significant digits) and its header. */
class TrajectoryCsvTest {

    private static String row(double... v) {
        double[][] values = {v};
        List<OutputChannel> channels = new java.util.ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            channels.add(new OutputChannel("c" + k, "1", ""));
        }
        return TrajectoryCsv.format(new Trajectory(channels, new double[] {0}, values)).lines().toList().get(1);
    }

    @Test
    void wholeNumbersBelow1e15AreWrittenInFullAndTheRestTo9SignificantDigits() {
        assertThat(row(0, 24, -3)).isEqualTo("0,0,24,-3");
        assertThat(row(1234567890, 999_999_999_999_999d)).as("a whole number keeps every digit")
                .isEqualTo("0,1234567890,999999999999999");
        assertThat(row(1e15, 1e20)).isEqualTo("0,1e+15,1e+20");
        assertThat(row(2.35, 0.1234567891234, 1.5e-7)).isEqualTo("0,2.35,0.123456789,1.5e-07");
        assertThat(row(Double.NaN)).isEqualTo("0,NaN");
    }

    @Test
    void aHeaderWithACommaOrQuoteIsQuoted() {
        Trajectory t = new Trajectory(List.of(new OutputChannel("a", "mg,d", ""), new OutputChannel("b", "\"x\"", "")),
                new double[0], new double[0][]);
        assertThat(TrajectoryCsv.format(t)).isEqualTo("time(h),\"a(mg,d)\",\"b(\"\"x\"\")\"\n");
    }

    /**
     * leftovers29: the CSV was the one output without the probability mark (the header said {@code riskMi(1)} like a
     * fraction's). A probability's header now names the unit {@code {probability}} (UCUM's 1, annotated); every
     * header still parses as docs/scenario-format.md promises, {@code id(unit)}, to the channel's own id, and a
     * fraction that is not a probability keeps {@code (1)}.
     */
    @Test
    void aProbabilitysHeaderCarriesTheMarkAndStaysIdOfUnit() {
        List<OutputChannel> channels = List.of(new OutputChannel("riskMi", "1", "cumulative MI risk", true),
                new OutputChannel("cacIntimalShare", "1", "intimal share"),
                new OutputChannel("serumCalciumTotal", "mmol/L", "serum total calcium"));
        String header = TrajectoryCsv.format(new Trajectory(channels, new double[0], new double[0][])).strip();
        assertThat(header).isEqualTo("time(h),riskMi({probability}),cacIntimalShare(1),serumCalciumTotal(mmol/L)");
        java.util.regex.Pattern idOfUnit = java.util.regex.Pattern.compile("([^(]+)\\((.*)\\)");
        List<String> columns = List.of(header.split(","));
        for (int k = 0; k < channels.size(); k++) {
            var m = idOfUnit.matcher(columns.get(k + 1));
            assertThat(m.matches()).as(columns.get(k + 1)).isTrue();
            assertThat(m.group(1)).isEqualTo(channels.get(k).id());
            assertThat(m.group(2).equals(OutputChannel.PROBABILITY_UNIT)).as(columns.get(k + 1))
                    .isEqualTo(channels.get(k).probability());
        }
    }
}
