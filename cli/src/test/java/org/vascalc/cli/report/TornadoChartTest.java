package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.report.TornadoChart.Axis;
import org.vascalc.cli.report.TornadoChart.Bar;

/** The tornado chart's axis, worked by hand from its Javadoc on bars of a few made-up numbers. */
class TornadoChartTest {

    private static final double EPS = 1e-12;

    private static List<String> labels(Axis a) {
        return a.ticks().stream().map(t -> TornadoChart.tick(t, a.step())).toList();
    }

    /** Ends 8 to 13 around 10: span 5, padded by 0.2 each side; (13.2 − 7.8)/6 = 0.9 rounds to a step of 1. */
    @Test
    void theAxisHoldsTheBaselineAndEveryEndPaddedByFourPercent() {
        Axis a = Axis.of(10, List.of(new Bar("a", 8, 13), new Bar("b", 9, 11)));
        assertThat(a.lo()).isCloseTo(7.8, within(EPS));
        assertThat(a.hi()).isCloseTo(13.2, within(EPS));
        assertThat(a.cap()).isInfinite();
        assertThat(a.step()).isEqualTo(1.0);
        assertThat(labels(a)).containsExactly("8", "9", "10", "11", "12", "13");
        Axis above = Axis.of(0, List.of(new Bar("a", 2, 4)));
        assertThat(above.lo()).as("the baseline is on the axis even when every end is above it")
                .isCloseTo(-0.16, within(EPS));
        assertThat(above.hi()).isCloseTo(4.16, within(EPS));
    }

    /** 990 from the baseline against a next largest of 2: the axis stops at 1.5 × 2 = 3 from it. */
    @Test
    void aRunawayEndIsCutAtOneAndAHalfTimesTheNextLargestDistance() {
        Axis a = Axis.of(10, List.of(new Bar("a", 9, 1000), new Bar("b", 8, 12)));
        assertThat(a.cap()).isEqualTo(3.0);
        assertThat(a.lo()).isCloseTo(7.8, within(EPS));
        assertThat(a.hi()).as("1000 drawn at 10 + 3").isCloseTo(13.2, within(EPS));
        Axis below = Axis.of(10, List.of(new Bar("a", -990, 9), new Bar("b", 8, 12)));
        assertThat(below.cap()).isEqualTo(3.0);
        assertThat(below.lo()).as("−990 drawn at 10 − 3").isCloseTo(6.8, within(EPS));
        assertThat(below.hi()).isCloseTo(12.2, within(EPS));
    }

    /** Four times the next largest is not yet a runaway (more than four is); a lone or zero next largest never. */
    @Test
    void onlyMoreThanFourTimesTheNextLargestRunsAway() {
        Axis four = Axis.of(0, List.of(new Bar("a", -1, 8), new Bar("b", 2, 0)));
        assertThat(four.cap()).isInfinite();
        assertThat(four.lo()).isCloseTo(-1.36, within(EPS));
        assertThat(four.hi()).isCloseTo(8.36, within(EPS));
        assertThat(four.step()).as("9.72 / 6 = 1.62 rounds to 2").isEqualTo(2.0);
        assertThat(labels(four)).containsExactly("0", "2", "4", "6", "8");
        Axis nextIsZero = Axis.of(5, List.of(new Bar("a", 5, 100)));
        assertThat(nextIsZero.cap()).isInfinite();
        assertThat(nextIsZero.lo()).isCloseTo(1.2, within(EPS));
        assertThat(nextIsZero.hi()).isCloseTo(103.8, within(EPS));
        assertThat(labels(nextIsZero)).containsExactly("20", "40", "60", "80", "100");
        Axis lone = Axis.of(0, List.of(new Bar("a", Double.NaN, 5)));
        assertThat(lone.cap()).isInfinite();
        assertThat(lone.lo()).as("a failed end (NaN) takes no part").isCloseTo(-0.2, within(EPS));
        assertThat(lone.hi()).isCloseTo(5.2, within(EPS));
    }

    /** Every end at the baseline: ±1 % of it (±1 around 0), then the 4 % padding. */
    @Test
    void aFlatChartGetsOnePercentAroundItsBaseline() {
        Axis zero = Axis.of(0, List.of(new Bar("a", 0, 0)));
        assertThat(zero.lo()).isCloseTo(-1.08, within(EPS));
        assertThat(zero.hi()).isCloseTo(1.08, within(EPS));
        assertThat(zero.step()).as("2.16 / 6 = 0.36 rounds to 0.5").isEqualTo(0.5);
        assertThat(labels(zero)).containsExactly("-1.0", "-0.5", "0.0", "0.5", "1.0");
        Axis high = Axis.of(200, List.of(new Bar("a", 200, Double.NaN)));
        assertThat(high.lo()).isCloseTo(197.84, within(1e-9));
        assertThat(high.hi()).isCloseTo(202.16, within(1e-9));
        assertThat(labels(high)).hasSize(9).startsWith("198.0", "198.5").endsWith("202.0");
        Axis negative = Axis.of(-50, List.of());
        assertThat(negative.lo()).isCloseTo(-50.54, within(1e-9));
        assertThat(negative.hi()).isCloseTo(-49.46, within(1e-9));
    }

    @Test
    void theTickStepIsOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(TornadoChart.niceStep(1)).isEqualTo(1);
        assertThat(TornadoChart.niceStep(14.9)).isEqualTo(10);
        assertThat(TornadoChart.niceStep(15)).isEqualTo(20);
        assertThat(TornadoChart.niceStep(34.9)).isEqualTo(20);
        assertThat(TornadoChart.niceStep(35)).isEqualTo(50);
        assertThat(TornadoChart.niceStep(74.9)).isEqualTo(50);
        assertThat(TornadoChart.niceStep(75)).isEqualTo(100);
        assertThat(TornadoChart.niceStep(0.09)).isCloseTo(0.1, within(1e-15));
        assertThat(TornadoChart.niceStep(2500)).isEqualTo(2000);
        for (double bad : new double[] {0, -3, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(TornadoChart.niceStep(bad)).as("%s", bad).isEqualTo(1);
        }
    }

    @Test
    void aTickLabelHasTheDecimalsItsStepNeedsAndNoNegativeZero() {
        assertThat(TornadoChart.tick(3, 1)).isEqualTo("3");
        assertThat(TornadoChart.tick(2.5, 0.5)).isEqualTo("2.5");
        assertThat(TornadoChart.tick(0.25, 0.05)).isEqualTo("0.25");
        assertThat(TornadoChart.tick(40, 20)).isEqualTo("40");
        assertThat(TornadoChart.tick(-1e-17, 0.1)).isEqualTo("0.0");
        assertThat(TornadoChart.tick(0.04, 0.1)).as("within half a step of 0").isEqualTo("0.0");
        assertThat(TornadoChart.tick(3e-8, 1e-8)).as("eight decimals are still written out").isEqualTo("0.00000003");
        assertThat(TornadoChart.tick(1.5e-9, 1e-9)).as("more than 8 decimals: four significant digits")
                .isEqualTo("1.500e-09");
    }

    @Test
    void theChartIsAPngOfOneRowPerBar() throws Exception {
        byte[] png = TornadoChart.pngBytes("t", "x (mg)", 10, List.of(new Bar("a", 9, 1000), new Bar("b", Double.NaN, 12)));
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(470 + 560 + 130);
        assertThat(img.getHeight()).as("top 64, 26 a row, bottom 70").isEqualTo(64 + 2 * 26 + 70);
    }
}
