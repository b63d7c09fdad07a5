package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.ArmComparison.Outcome;
import org.vascalc.simulation.cohort.TrialArm;

/**
 * The trial chart's bars: each arm's difference as a percentage of the control arm's yearly gain, by hand; each
 * quantity a row on its own axis (charts).
 */
class TrialChartTest {

    private static List<Double> of(TrialChart.Row row, java.util.function.ToDoubleFunction<TrialChart.Bar> f) {
        return row.bars().stream().mapToDouble(f).boxed().toList();
    }

    @Test
    void eachBarIsTheDifferenceAsAPercentOfTheControlsGainWithItsInterval() {
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
        List<TrialChart.Row> rows = TrialChart.rows(List.of(mk7, statin));
        assertThat(rows).extracting(TrialChart.Row::label).containsExactlyElementsOf(TrialChart.LABELS);
        for (TrialChart.Row r : rows) {
            assertThat(r.bars()).extracting(TrialChart.Bar::arm).containsExactly("mk7 vs none", "statin vs none");
        }
        // CT: −10 of 40 = −25 % in [−35, −15]; a statin interval that is not a number: no bar
        assertThat(rows.get(0).bars().get(0)).isEqualTo(new TrialChart.Bar("mk7 vs none", -25, -35, -15));
        assertThat(rows.get(0).bars().get(1).drawn()).isFalse();
        // intimal: +5 of |−20| = 25 % in [5, 45]; −2 of 8 = −25 % in [−37.5, −12.5]
        assertThat(of(rows.get(1), TrialChart.Bar::percent)).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : 1)
                .containsExactly(25.0, -25.0);
        assertThat(of(rows.get(1), TrialChart.Bar::low)).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : 1)
                .containsExactly(5.0, -37.5);
        // medial: a control gain of 0: no bar; 0.5 of 2 = 25 % in [0, 50]
        assertThat(rows.get(2).bars().get(0).drawn()).isFalse();
        assertThat(of(rows.get(2), TrialChart.Bar::high).get(1)).isCloseTo(50.0, within(1e-9));
        assertThat(TrialChart.title(List.of(mk7, statin), "tiny"))
                .isEqualTo("Coronary calcium gained per year, each arm against none (tiny)");
        assertThat(TrialChart.key(List.of(mk7, statin), "tiny").entries()).extracting(ChartKey.Entry::name)
                .containsExactly("mk7 vs none", "statin vs none");
    }

    /**
     * charts: a cohort of 10 had a medial interval of −35 to +2 % of the control's gain beside CT-score and intimal
     * bars of a few tenths of a per cent, all on one axis, which drew those as slivers; each row's axis now holds 0
     * and its own bars and intervals only.
     */
    @Test
    void aWideIntervalStaysOnItsOwnRowsAxis() {
        ArmComparison c = new ArmComparison(TrialArm.MK7, TrialArm.NONE, List.of(
                new Outcome("CT score change", "Agatston/year", 10, 9.98, -0.02, -0.03, -0.01),
                new Outcome("intimal calcium change", "mg/year", 1, 0.997, -0.003, -0.006, 0),
                new Outcome("medial calcium change", "mg/year", 0.5, 0.42, -0.08, -0.175, 0.01)));
        List<TrialChart.Row> rows = TrialChart.rows(List.of(c));
        // CT: −0.2 % in [−0.3, −0.1]; the axis from a little below −0.3 to a little above 0
        assertThat(rows.get(0).axis().lo()).isBetween(-0.4, -0.3);
        assertThat(rows.get(0).axis().hi()).isBetween(0.0, 0.1);
        assertThat(rows.get(1).axis().lo()).isBetween(-0.7, -0.6);
        // medial: −16 % in [−35, +2]
        assertThat(rows.get(2).axis().lo()).isBetween(-40.0, -35.0);
        assertThat(rows.get(2).axis().hi()).isBetween(2.0, 5.0);
        assertThat(rows.get(0).axis().ticks()).as("round ticks on the CT row").hasSizeBetween(4, 12);
    }

    @Test
    void aTinyControlGainIsNoBarAndAChartWithoutArmsIsRefused() {
        ArmComparison c = new ArmComparison(TrialArm.CALCIUM, TrialArm.NONE, List.of(
                new Outcome("CT score change", "Agatston/year", 1e-13, 1, 1, 0, 2),
                new Outcome("intimal calcium change", "mg/year", 1e-12, 1, 1e-12, 0, 2e-12),
                new Outcome("medial calcium change", "mg/year", 2e-12, 1, 1e-12, 0, 2e-12)));
        List<TrialChart.Row> rows = TrialChart.rows(List.of(c));
        assertThat(rows.get(0).bars().get(0).drawn()).isFalse();
        assertThat(rows.get(1).bars().get(0).drawn()).as("1e-12 is not above the 1e-12 floor").isFalse();
        assertThat(rows.get(2).bars().get(0).percent()).isCloseTo(50.0, within(1e-6));
        // a row with no bar gets an axis around 0 instead of one of no width
        assertThat(rows.get(0).axis().lo()).isLessThan(-1);
        assertThat(rows.get(0).axis().hi()).isGreaterThan(1);
        assertThatThrownBy(() -> TrialChart.rows(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one compared arm");
    }
}
