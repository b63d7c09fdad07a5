package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialResult;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * The forest plot's drawing rules, as its Javadoc states them: each row's axis spans every number drawn and the
 * value of no effect, padded by 6 % of the span (logarithmic for ratios, in decades); round ticks of 1, 2 or 5
 * times a power of ten, three to six of them; the published effect a square, the model's a dot, each interval from
 * its low end to its high end; the verdict coloured green inside, red below or above.
 */
class TrialForestTest {

    private static final double NONE = Double.NaN;

    private static TrialResult.OutcomeResult outcome(TrialSpec.Measure measure, double value, double low, double high,
                                                     double estimate, double mcLow, double mcHigh) {
        TrialSpec.Published p = new TrialSpec.Published(optional(value), optional(low), optional(high), "test");
        TrialSpec.Outcome o = new TrialSpec.Outcome("an outcome", "cacAgatston", "AU", measure,
                measure.takesThreshold() ? 0 : Double.NaN, "b", p);
        return new TrialResult.OutcomeResult(o, measure.unit("AU"), 10, estimate, mcLow, mcHigh);
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @Test
    void aDifferencesAxisSpansEveryNumberAndNoEffectPaddedBySixPercentOfTheSpan() {
        // numbers from 1 to 5 and no effect at 0: a span of 5, padded by 0.3 at each end
        TrialForest.Axis a = TrialForest.Axis.of(outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, 2, 1, 3, 4, 3.5, 5));
        assertThat(a.log()).isFalse();
        assertThat(a.lo()).isCloseTo(-0.3, within(1e-12));
        assertThat(a.hi()).isCloseTo(5.3, within(1e-12));
        // all below no effect: -8 to 0, a span of 8, padded by 0.48
        TrialForest.Axis below = TrialForest.Axis.of(outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, -5, -8, -2, -3, -4, -1));
        assertThat(below.lo()).isCloseTo(-8.48, within(1e-12));
        assertThat(below.hi()).isCloseTo(0.48, within(1e-12));
        // every number at 0 (no span): still an axis around it, so that its points have a place
        TrialForest.Axis flat = TrialForest.Axis.of(outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, 0, 0, 0, 0, 0, 0));
        assertThat(flat.lo()).isLessThan(0);
        assertThat(flat.hi()).isGreaterThan(0);
        assertThat(flat.x(0)).isCloseTo((TrialForest.PLOT_LEFT + TrialForest.PLOT_RIGHT) / 2.0, within(1e-9));
        assertThat(TrialForest.Axis.of(outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, NONE, NONE, NONE, NONE, NONE, NONE)))
                .as("nothing to draw").isNull();
    }

    @Test
    void aRatiosAxisIsPaddedInDecadesSoThatItStaysSymmetricAboutOne() {
        // 1/4 to 4: two decades' worth of log10(16) = 1.204, padded by 6 % of it at each end
        TrialForest.Axis a = TrialForest.Axis.of(outcome(TrialSpec.Measure.HAZARD_RATIO, 0.5, 0.25, 1, 2, 1, 4));
        double pad = 0.06 * Math.log10(16);
        assertThat(a.log()).isTrue();
        assertThat(Math.log10(a.lo())).isCloseTo(Math.log10(0.25) - pad, within(1e-12));
        assertThat(Math.log10(a.hi())).isCloseTo(Math.log10(4) + pad, within(1e-12));
        // a ratio barely different from 1: at least 0.02 decades of padding
        TrialForest.Axis narrow = TrialForest.Axis.of(outcome(TrialSpec.Measure.HAZARD_RATIO, 1, 1, 1, 1, 1, 1));
        assertThat(Math.log10(narrow.lo())).isCloseTo(-0.02, within(1e-12));
        assertThat(Math.log10(narrow.hi())).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void anAxisRunsLeftToRightFromItsLowEndToItsHighEndAndKeepsPointsInsideThePlot() {
        TrialForest.Axis lin = new TrialForest.Axis(-10, 30, false);
        assertThat(lin.x(-10)).isEqualTo(TrialForest.PLOT_LEFT);
        assertThat(lin.x(30)).isEqualTo(TrialForest.PLOT_RIGHT);
        assertThat(lin.x(0)).isCloseTo(TrialForest.PLOT_LEFT + 0.25 * (TrialForest.PLOT_RIGHT - TrialForest.PLOT_LEFT), within(1e-9));
        assertThat(lin.x(-50)).isEqualTo(TrialForest.PLOT_LEFT);
        assertThat(lin.x(99)).isEqualTo(TrialForest.PLOT_RIGHT);
        TrialForest.Axis log = new TrialForest.Axis(0.1, 10, true);
        assertThat(log.x(1)).isCloseTo((TrialForest.PLOT_LEFT + TrialForest.PLOT_RIGHT) / 2.0, within(1e-9));
        assertThat(log.x(0.1)).isCloseTo(TrialForest.PLOT_LEFT, within(1e-9));
        assertThat(lin.contains(-10)).isTrue();
        assertThat(lin.contains(30)).isTrue();
        assertThat(lin.contains(30.001)).isFalse();
        assertThat(lin.contains(-10.001)).isFalse();
    }

    /** Steps of 1, 2 or 5 times a power of ten, three to six ticks, both ends included when round. */
    @Test
    void ticksAreRoundStepsThreeToSixOfThemEndsIncluded() {
        assertThat(new TrialForest.Axis(0, 10, false).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(new TrialForest.Axis(-1, 9, false).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
        // a fifth of the span at 1.5, 3.5 and 7.5 times a power of ten: the next step up, else seven or more ticks
        assertThat(new TrialForest.Axis(0, 7.5, false).ticks()).containsExactly(0.0, 2.0, 4.0, 6.0);
        assertThat(new TrialForest.Axis(0, 17.5, false).ticks()).containsExactly(0.0, 5.0, 10.0, 15.0);
        assertThat(new TrialForest.Axis(0, 37.5, false).ticks()).containsExactly(0.0, 10.0, 20.0, 30.0);
        assertThat(new TrialForest.Axis(0, 0.5, false).ticks()).containsExactly(0.0, 0.1, 0.2,
                0.30000000000000004, 0.4, 0.5); // i × 0.1, as drawn
        // a ratio: 1, 2 and 5 times a power of ten inside the axis, its ends included
        assertThat(new TrialForest.Axis(0.5, 2, true).ticks()).containsExactly(0.5, 1.0, 2.0);
        assertThat(labels(new TrialForest.Axis(0.04, 15, true).ticks()))
                .containsExactly("0.0500000", "0.100000", "0.200000", "0.500000", "1.00000", "2.00000", "5.00000", "10.0000");
        // more than eight: only the powers of ten
        List<Double> wide = new TrialForest.Axis(0.001, 1000, true).ticks();
        assertThat(labels(wide))
                .containsExactly("0.00100000", "0.0100000", "0.100000", "1.00000", "10.0000", "100.000", "1000.00");
        // fewer than two round ratios inside: the linear ticks
        assertThat(new TrialForest.Axis(1.1, 1.9, true).ticks()).hasSize(4)
                .satisfies(t -> assertThat(t.get(0)).isCloseTo(1.2, within(1e-12)))
                .satisfies(t -> assertThat(t.get(3)).isCloseTo(1.8, within(1e-12)));
    }

    private static List<String> labels(List<Double> ticks) {
        return ticks.stream().map(t -> String.format(Locale.ROOT, "%g", t)).toList();
    }

    @Test
    void aTickLabelHasTheDecimalsTheTicksNeedAndATrueMinus() {
        assertThat(TrialForest.tickLabel(5, List.of(0.0, 5.0, 10.0))).isEqualTo("5");
        assertThat(TrialForest.tickLabel(-0.12, List.of(-0.12, 0.0, 0.12))).isEqualTo("\u22120.12");
        assertThat(TrialForest.tickLabel(0.5, List.of(0.5, 1.0, 2.0))).isEqualTo("0.5");
        assertThat(TrialForest.tickLabel(-1e-12, List.of(-1.0, 0.0, 1.0))).as("no minus zero").isEqualTo("0");
        assertThat(TrialForest.tickLabel(1000, List.of(0.0, 1000.0, 2000.0))).isEqualTo("1000");
    }

    @Test
    void aLongNameWrapsIntoTwoLinesTheRestCutWithAnEllipsis() {
        assertThat(TrialForest.wrap("aaa bbb", 7)).containsExactly("aaa bbb");
        assertThat(TrialForest.wrap("aaa bbbb", 7)).containsExactly("aaa", "bbbb");
        assertThat(TrialForest.wrap("  inside ", 14)).containsExactly("inside");
        assertThat(TrialForest.wrap("aa bb cc dd ee ff", 5)).containsExactly("aa bb", "cc d…");
        assertThat(TrialForest.wrap("aa bb cc", 5)).containsExactly("aa bb", "cc");
        assertThat(TrialForest.wrap("aa bb cc d", 5)).as("the rest fits").containsExactly("aa bb", "cc d");
    }

    @Test
    void thePublishedEffectIsASquareTheModelsADotEachIntervalFromItsLowToItsHighEndAndTheVerdictColoured() {
        TrialSpec spec = TrialFiles.load(TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER)).get("saltire"));
        List<TrialResult.OutcomeResult> rows = List.of(
                outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, 2, 1, 3, 4, 3.5, 5), // above
                outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, 2, 1, 3, 2.5, 2, 3), // inside
                outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, 2, 1, 3, -1, -2, 0), // below
                outcome(TrialSpec.Measure.CHANGE_DIFFERENCE, 2, NONE, NONE, 2, 1, 3)); // no published interval
        Document d = Jsoup.parse(TrialForest.svg(new TrialResult(spec, 10, 10, 1, 1.0, rows)), "", Parser.xmlParser());
        assertThat(d.select("text.verdict")).extracting(e -> e.attr("fill"))
                .containsExactly("#b71c1c", "#2e7d32", "#b71c1c", "#555");
        assertThat(d.select("text.verdict")).extracting(e -> String.join(" ", e.select("tspan").eachText()))
                .containsExactly("above", "inside", "below", "no published interval");

        TrialForest.Axis axis = TrialForest.Axis.of(rows.get(0));
        List<Element> groups = d.select("g:has(> title)");
        Element published = groups.get(0);
        Element model = groups.get(1);
        assertThat(published.selectFirst("title").text()).startsWith("published ");
        assertThat(model.selectFirst("title").text()).startsWith("model ");
        Element pubLine = published.selectFirst("line");
        assertThat(pubLine.attr("stroke")).isEqualTo(TrialForest.PUBLISHED);
        assertThat(Double.parseDouble(pubLine.attr("x1"))).isCloseTo(axis.x(1), within(0.05));
        assertThat(Double.parseDouble(pubLine.attr("x2"))).isCloseTo(axis.x(3), within(0.05));
        assertThat(published.select("circle")).isEmpty();
        Element square = published.selectFirst("rect");
        assertThat(square.attr("fill")).isEqualTo(TrialForest.PUBLISHED);
        assertThat(Double.parseDouble(square.attr("x")) + Double.parseDouble(square.attr("width")) / 2)
                .as("the square centred on the published value").isCloseTo(axis.x(2), within(0.05));
        Element modLine = model.selectFirst("line");
        assertThat(modLine.attr("stroke")).isEqualTo(TrialForest.MODEL);
        assertThat(Double.parseDouble(modLine.attr("x1"))).isCloseTo(axis.x(3.5), within(0.05));
        assertThat(Double.parseDouble(modLine.attr("x2"))).isCloseTo(axis.x(5), within(0.05));
        assertThat(model.select("rect")).isEmpty();
        assertThat(Double.parseDouble(model.selectFirst("circle").attr("cx"))).isCloseTo(axis.x(4), within(0.05));
        assertThat(model.selectFirst("circle").attr("fill")).isEqualTo(TrialForest.MODEL);
        // a point without its interval: no interval line, the point and the words
        Element alone = groups.get(6);
        assertThat(alone.selectFirst("title").text()).startsWith("published ");
        assertThat(alone.select("line")).isEmpty();
        assertThat(alone.select("rect")).hasSize(1);
        assertThat(alone.text()).contains("interval not reported");
        assertThat(groups.get(7).select("line")).as("the model's interval is drawn").hasSize(3);
        assertThat(groups.get(7).text()).doesNotContain("interval not reported");
        // the line of no effect on each row, dashed, where the axis puts 0
        assertThat(d.select("line[stroke-dasharray]")).hasSize(1 + rows.size());
    }
}
