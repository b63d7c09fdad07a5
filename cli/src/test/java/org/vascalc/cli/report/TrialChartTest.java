package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.ArmComparison.Outcome;
import org.vascalc.simulation.cohort.TrialArm;

/** The trial chart's bars: each arm's difference as a percentage of the control arm's yearly gain, by hand. */
class TrialChartTest {

    private static List<Double> values(java.util.Collection<? extends Number> c) {
        List<Double> out = new ArrayList<>();
        c.forEach(n -> out.add(n.doubleValue()));
        return out;
    }

    @Test
    void eachBarIsTheDifferenceAsAPercentOfTheControlsGainWithHalfItsInterval() {
        // listed in another order than drawn, with an outcome the chart does not draw first
        ArmComparison mk7 = new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(
                new Outcome("MI rate", "per 1000 person-years", 9, 8, -1, -2, 0),
                new Outcome("medial calcium change", "mg/year", 0, 0, 0, -1, 1),
                new Outcome("intimal calcium change", "mg/year", -20, -15, 5, 1, 9),
                new Outcome("CT score change", "Agatston/year", 40, 30, -10, -14, -6)));
        ArmComparison statin = new ArmComparison(TrialArm.STATIN, TrialArm.NONE, List.of(
                new Outcome("CT score change", "Agatston/year", 40, 50, 10, Double.NaN, Double.NaN),
                new Outcome("intimal calcium change", "mg/year", 8, 6, -2, -3, -1),
                new Outcome("medial calcium change", "mg/year", 2, 2, 0.5, 0, 1)));
        CategoryChart chart = TrialChart.chart(List.of(mk7, statin), "tiny");
        assertThat(chart.getSeriesMap().keySet()).containsExactly("mk7 vs none", "statin vs none");
        CategorySeries s = chart.getSeriesMap().get("mk7 vs none");
        // −10 of 40 = −25 %, ± 8/2 of 40 = 10 %; +5 of |−20| = 25 % ± 20 %; a control gain of 0: no bar
        assertThat(values(s.getYData())).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : 1)
                .containsExactly(-25.0, 25.0, 0.0);
        assertThat(values(s.getExtraValues())).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : 1)
                .containsExactly(10.0, 20.0, 0.0);
        CategorySeries t = chart.getSeriesMap().get("statin vs none");
        // an interval that is not a number: no bar; −2 of 8 = −25 % ± 12.5 %; 0.5 of 2 = 25 % ± 25 %
        assertThat(values(t.getYData())).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : 1)
                .containsExactly(0.0, -25.0, 25.0);
        assertThat(values(t.getExtraValues())).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : 1)
                .containsExactly(0.0, 12.5, 25.0);
        assertThat(chart.getTitle()).isEqualTo("Coronary calcium gained per year, each arm against none (tiny)");
        assertThat(chart.getYAxisTitle()).isEqualTo("difference from none, % of its yearly gain");
    }

    @Test
    void aTinyControlGainIsNoBarAndAChartWithoutArmsIsRefused() {
        ArmComparison c = new ArmComparison(TrialArm.CALCIUM, TrialArm.NONE, List.of(
                new Outcome("CT score change", "Agatston/year", 1e-13, 1, 1, 0, 2),
                new Outcome("intimal calcium change", "mg/year", 1e-12, 1, 1e-12, 0, 2e-12),
                new Outcome("medial calcium change", "mg/year", 2e-12, 1, 1e-12, 0, 2e-12)));
        CategorySeries s = TrialChart.chart(List.of(c), "x").getSeriesMap().get("calcium vs none");
        assertThat(values(s.getYData()).get(0)).isEqualTo(0.0);
        assertThat(values(s.getYData()).get(1)).as("1e-12 is not above the 1e-12 floor").isEqualTo(0.0);
        assertThat(values(s.getYData()).get(2)).isCloseTo(50.0, within(1e-6));
        assertThatThrownBy(() -> TrialChart.chart(List.of(), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one compared arm");
    }
}
