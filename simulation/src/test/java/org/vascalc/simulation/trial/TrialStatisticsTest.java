package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/** The effect measures on hand-made paired data, and their bootstrap interval. */
class TrialStatisticsTest {

    private static final int[] ALL3 = {0, 1, 2};

    private static TrialStatistics.Paired paired(double[] baseC, double[] endC, double[] baseT, double[] endT) {
        return new TrialStatistics.Paired(baseC, endC, baseT, endT, 2);
    }

    @Test
    void differencesOfChangeAndOfPercentChange() {
        var d = paired(new double[] {10, 20, 0}, new double[] {12, 26, 1}, new double[] {10, 20, 0},
                new double[] {11, 22, 1});
        // changes control 2, 6, 1; treated 1, 2, 1: differences -1, -4, 0
        assertThat(TrialStatistics.measure(Measure.CHANGE_DIFFERENCE, Double.NaN, d, ALL3)).isCloseTo(-5.0 / 3, within(1e-12));
        // the member at 0 at baseline has no percent change: (10 - 20) and (10 - 30) points, mean -15
        assertThat(TrialStatistics.measure(Measure.PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, ALL3)).isCloseTo(-15, within(1e-9));
    }

    @Test
    void theAnnualProgressionRatioIsTheRatioOfGeometricMeanYearlyFactors() {
        // over 2 years: control x1.21 (10 %/y), treated x1.44 (20 %/y) for every eligible member
        var d = paired(new double[] {100, 50, 0}, new double[] {121, 60.5, 5}, new double[] {100, 50, 0},
                new double[] {144, 72, 9});
        assertThat(TrialStatistics.measure(Measure.ANNUAL_PROGRESSION_RATIO, Double.NaN, d, ALL3))
                .isCloseTo(100 * (1.2 / 1.1 - 1), within(1e-9));
        TrialResult.Levels l = TrialStatistics.levels(Measure.ANNUAL_PROGRESSION_RATIO, Double.NaN, d, "AU");
        assertThat(l.control()).isCloseTo(10, within(1e-9));
        assertThat(l.arm()).isCloseTo(20, within(1e-9));
        var none = paired(new double[] {0}, new double[] {1}, new double[] {0}, new double[] {1});
        assertThat(TrialStatistics.measure(Measure.ANNUAL_PROGRESSION_RATIO, Double.NaN, none, new int[] {0})).isNaN();
    }

    @Test
    void hazardAndOddsRatios() {
        var h = paired(new double[] {0, 0}, new double[] {0.01, 0.03}, new double[] {0, 0}, new double[] {0.02, 0.04});
        assertThat(TrialStatistics.measure(Measure.HAZARD_RATIO, Double.NaN, h, new int[] {0, 1})).isCloseTo(1.5, within(1e-12));
        // ends: control above 5 in 1 of 4, treated in 2 of 4: odds 1/3 and 1, ratio 3
        var o = paired(new double[4], new double[] {0, 6, 1, 2}, new double[4], new double[] {7, 6, 1, 2});
        assertThat(TrialStatistics.measure(Measure.END_ODDS_RATIO, 5, o, new int[] {0, 1, 2, 3})).isCloseTo(3, within(1e-12));
        assertThat(TrialStatistics.levels(Measure.END_ODDS_RATIO, 5, o, "AU")).isEqualTo(
                new TrialResult.Levels(25, 50, "% above the threshold at the end"));
        // two years: control 0.02 per member, i.e. 10 per 1000 person-years; treated 15
        TrialResult.Levels hl = TrialStatistics.levels(Measure.HAZARD_RATIO, Double.NaN, h, "1");
        assertThat(hl.control()).isCloseTo(10, within(1e-9));
        assertThat(hl.arm()).isCloseTo(15, within(1e-9));
        // an empty cell: Haldane-Anscombe, (2.5/0.5)/(0.5/2.5) = 25 rather than infinity
        assertThat(TrialStatistics.oddsRatio(2, 0, 0, 2)).isCloseTo(25, within(1e-12));
    }

    @Test
    void theRiskRatioIsTheRatioOfSharesAboveTheThreshold() {
        // ends: control above 5 in 1 of 4, treated in 2 of 4: shares 25 % and 50 %, risk ratio 2 (odds ratio 3)
        var o = paired(new double[4], new double[] {0, 6, 1, 2}, new double[4], new double[] {7, 6, 1, 2});
        assertThat(TrialStatistics.measure(Measure.END_RISK_RATIO, 5, o, new int[] {0, 1, 2, 3})).isCloseTo(2, within(1e-12));
        assertThat(TrialStatistics.levels(Measure.END_RISK_RATIO, 5, o, "AU")).isEqualTo(
                new TrialResult.Levels(25, 50, "% above the threshold at the end"));
        // no one above in the control: 0.5 added to each count above, (2.5/5)/(0.5/5) = 5 rather than infinity
        assertThat(TrialStatistics.riskRatio(2, 0, 4)).isCloseTo(5, within(1e-12));
        // 2 of 10 above against 4 of 10: 0.2 / 0.4
        assertThat(TrialStatistics.riskRatio(2, 4, 10)).isCloseTo(0.5, within(1e-12));
        assertThat(Measure.END_RISK_RATIO.nullValue()).isEqualTo(1);
        assertThat(Measure.END_ODDS_RATIO.nullValue()).isEqualTo(1);
        assertThat(Measure.HAZARD_RATIO.nullValue()).isEqualTo(1);
        assertThat(Measure.MEDIAN_CHANGE_DIFFERENCE.nullValue()).isZero();
        assertThat(Measure.END_RISK_RATIO.takesThreshold()).isTrue();
        assertThat(Measure.CHANGE_DIFFERENCE.takesThreshold()).isFalse();
    }

    @Test
    void theMedianChangeDifferenceIsTheDifferenceOfTheArmsMedians() {
        // changes control 0, 0, 10, 1 (median 0.5); treated 5, 40, 30, 0 (median 17.5): difference 17
        var d = paired(new double[] {10, 20, 30, 40}, new double[] {10, 20, 40, 41}, new double[] {10, 20, 30, 40},
                new double[] {15, 60, 60, 40});
        assertThat(TrialStatistics.measure(Measure.MEDIAN_CHANGE_DIFFERENCE, Double.NaN, d, new int[] {0, 1, 2, 3}))
                .isCloseTo(17, within(1e-12));
        // not the median of the paired differences (5, 40, 20, -1: median 12.5)
        assertThat(TrialStatistics.levels(Measure.MEDIAN_CHANGE_DIFFERENCE, Double.NaN, d, "AU")).isEqualTo(
                new TrialResult.Levels(0.5, 17.5, "AU over follow-up, median"));
        // an odd count takes the middle one; a resample with repeats counts each repeat
        assertThat(TrialStatistics.medianChange(new double[] {0, 0, 0}, new double[] {3, 1, 2}, new int[] {0, 1, 2}, false))
                .isEqualTo(2);
        assertThat(TrialStatistics.medianChange(new double[] {0, 0, 0}, new double[] {3, 1, 2}, new int[] {0, 0, 1}, false))
                .isEqualTo(3);
        assertThat(Measure.MEDIAN_CHANGE_DIFFERENCE.unit("AU")).isEqualTo("AU");
    }

    @Test
    void theMedianPercentChangeDifferenceLeavesOutMembersAtZeroAtBaseline() {
        // percent changes control 0, 0, 33.3 (member 3 at 0 is left out: median 0); treated 50, 100, 100 (median 100)
        var d = paired(new double[] {10, 20, 30, 0}, new double[] {10, 20, 40, 5}, new double[] {10, 20, 30, 0},
                new double[] {15, 40, 60, 9});
        assertThat(TrialStatistics.measure(Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, new int[] {0, 1, 2, 3}))
                .isCloseTo(100, within(1e-9));
        assertThat(TrialStatistics.levels(Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, "AU")).isEqualTo(
                new TrialResult.Levels(0, 100, "% change over follow-up, median"));
        assertThat(TrialStatistics.estimate(Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, 3).used()).isEqualTo(3);
        assertThat(TrialStatistics.measure(Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, new int[] {3, 3})).isNaN();
        assertThat(Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE.unit("AU")).isEqualTo("percentage points");
    }

    @Test
    void theBootstrapIntervalHoldsTheEstimateAndIsTheSameForTheSameSeed() {
        int n = 40;
        double[] bc = new double[n];
        double[] ec = new double[n];
        double[] bt = new double[n];
        double[] et = new double[n];
        for (int i = 0; i < n; i++) {
            bc[i] = 100;
            bt[i] = 100;
            ec[i] = 110 + i;
            et[i] = 105 + 0.5 * i;
        }
        var d = paired(bc, ec, bt, et);
        var a = TrialStatistics.estimate(Measure.CHANGE_DIFFERENCE, Double.NaN, d, 7);
        var b = TrialStatistics.estimate(Measure.CHANGE_DIFFERENCE, Double.NaN, d, 7);
        assertThat(a).isEqualTo(b);
        assertThat(a.used()).isEqualTo(n);
        assertThat(a.value()).isCloseTo(-5 - 0.5 * (n - 1) / 2.0, within(1e-9));
        assertThat(a.low()).isLessThan(a.value());
        assertThat(a.high()).isGreaterThan(a.value());
        // about +-1.96 standard errors of the mean difference (SD of -5 - 0.5 i over 40 members is 5.84)
        double se = 0.5 * Math.sqrt((n * n - 1) / 12.0) / Math.sqrt(n);
        assertThat(a.high() - a.low()).isCloseTo(2 * 1.96 * se, within(0.25 * 2 * 1.96 * se));
    }

    @Test
    void theSpreadAcrossParameterSetsAndItsDriversByRankCorrelation() {
        // effect rises with a (monotone, not linear), falls with b weakly, c is constant
        double[] a = {0.1, 0.5, 0.3, 0.9, 0.7};
        double[] b = {5, 1, 4, 2, 3};
        List<java.util.Map<String, Double>> sets = new java.util.ArrayList<>();
        double[] effects = new double[a.length + 1];
        for (int j = 0; j < a.length; j++) {
            java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
            m.put("c", 1.0);
            m.put("b", b[j]);
            m.put("a", a[j]);
            sets.add(m);
            effects[j] = Math.exp(10 * a[j]);
        }
        sets.add(java.util.Map.of("c", 1.0, "b", 9.0, "a", 0.0));
        effects[a.length] = Double.NaN; // a failed set: left out
        List<TrialResult.Driver> d = TrialStatistics.drivers(effects, sets);
        assertThat(d).extracting(TrialResult.Driver::parameter).containsExactly("a", "b");
        assertThat(d.get(0).rankCorrelation()).isCloseTo(1, within(1e-12));
        // ranks of b 5,1,4,2,3 against the effect's 1,3,2,5,4: sum of squared rank differences 34,
        // rho = 1 - 6 * 34 / (5 * (25 - 1)) = -0.7
        assertThat(d.get(1).rankCorrelation()).isCloseTo(-0.7, within(1e-12));
        assertThat(TrialStatistics.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
        TrialResult.Spread s = TrialStatistics.spread(effects);
        assertThat(s.used()).isEqualTo(5);
        assertThat(s.median()).isEqualTo(Math.exp(5));
        assertThat(s.effects()).hasSize(6);
        assertThat(s.low()).isGreaterThan(Math.exp(1)).isLessThan(Math.exp(3));
        assertThat(TrialStatistics.drivers(new double[] {1, Double.NaN}, sets.subList(0, 2))).isEmpty();
    }

    @Test
    void theHazardRatioAndItsLevelsCountOnlyTheHazardOfFollowUp() {
        // after a vintage the cumulative hazard at randomisation is not 0: control accrues 0.01 and 0.03
        // during follow-up (sum 0.04), treated 0.02 and 0.04 (0.06): ratio 1.5; over 2 years 10 and 15 per 1000
        var h = paired(new double[] {0.5, 1.0}, new double[] {0.51, 1.03}, new double[] {0.5, 1.0},
                new double[] {0.52, 1.04});
        assertThat(TrialStatistics.measure(Measure.HAZARD_RATIO, Double.NaN, h, new int[] {0, 1})).isCloseTo(1.5, within(1e-9));
        TrialResult.Levels l = TrialStatistics.levels(Measure.HAZARD_RATIO, Double.NaN, h, "1");
        assertThat(l.control()).isCloseTo(10, within(1e-9));
        assertThat(l.arm()).isCloseTo(15, within(1e-9));
        // no hazard in the control: no ratio, and no interval either (every resample is undefined)
        var none = paired(new double[2], new double[2], new double[2], new double[] {0.1, 0.2});
        TrialStatistics.Estimate e = TrialStatistics.estimate(Measure.HAZARD_RATIO, Double.NaN, none, 1);
        assertThat(e.value()).isNaN();
        assertThat(e.low()).isNaN();
        assertThat(e.high()).isNaN();
        assertThat(e.used()).isEqualTo(2);
    }

    @Test
    void aboveTheThresholdIsStrictlyAboveInEachArm() {
        // threshold 5: treated ends 5, 7, 8, 9 (3 of 4 above; the one at 5 is not), control 5, 6, 1, 2 (1 of 4)
        var o = paired(new double[4], new double[] {5, 6, 1, 2}, new double[4], new double[] {5, 7, 8, 9});
        int[] all = {0, 1, 2, 3};
        assertThat(TrialStatistics.measure(Measure.END_RISK_RATIO, 5, o, all)).isCloseTo(3, within(1e-12));
        // odds 3/1 against 1/3
        assertThat(TrialStatistics.measure(Measure.END_ODDS_RATIO, 5, o, all)).isCloseTo(9, within(1e-12));
        assertThat(TrialStatistics.levels(Measure.END_RISK_RATIO, 5, o, "AU")).isEqualTo(
                new TrialResult.Levels(25, 75, "% above the threshold at the end"));
    }

    @Test
    void theArmsLevelsOfAChangeAndOfAPercentChange() {
        // changes control 2, 6, 1 (mean 3); treated 1, 2, 1 (mean 4/3)
        var d = paired(new double[] {10, 20, 0}, new double[] {12, 26, 1}, new double[] {10, 20, 0},
                new double[] {11, 22, 1});
        TrialResult.Levels c = TrialStatistics.levels(Measure.CHANGE_DIFFERENCE, Double.NaN, d, "AU");
        assertThat(c.control()).isCloseTo(3, within(1e-12));
        assertThat(c.arm()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(c.unit()).isEqualTo("AU over follow-up");
        // percent changes of the members above 0 at baseline: control 20 and 30 (mean 25), treated 10 and 10
        TrialResult.Levels p = TrialStatistics.levels(Measure.PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, "AU");
        assertThat(p.control()).isCloseTo(25, within(1e-9));
        assertThat(p.arm()).isCloseTo(10, within(1e-9));
        assertThat(p.unit()).isEqualTo("% change over follow-up");
    }

    @Test
    void aRelativeMeasureNeedsTheMemberAboveZeroInBothArms() {
        // only member 4 is above 0 at baseline in both arms (and, for the progression ratio, at the end):
        // member 0 ends at 0 in the control, 1 at 0 in the treated arm, 2 and 3 start at 0 in one arm each
        var d = paired(new double[] {10, 10, 0, 10, 10}, new double[] {0, 12.1, 5, 11, 12.1},
                new double[] {10, 10, 10, 0, 10}, new double[] {14.4, 0, 11, 5, 14.4});
        int[] all = {0, 1, 2, 3, 4};
        // over 2 years x1.21 (10 %/y) against x1.44 (20 %/y)
        assertThat(TrialStatistics.measure(Measure.ANNUAL_PROGRESSION_RATIO, Double.NaN, d, all))
                .isCloseTo(100 * (1.2 / 1.1 - 1), within(1e-9));
        // members 0, 1 and 4 are above 0 at baseline in both arms: 100 (1.44 - 0), 100 (0 - 1.21), 100 (1.44 - 1.21)
        assertThat(TrialStatistics.measure(Measure.PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, all))
                .isCloseTo((144 - 121 + 23) / 3.0, within(1e-9));
        assertThat(TrialStatistics.estimate(Measure.ANNUAL_PROGRESSION_RATIO, Double.NaN, d, 1).used()).isEqualTo(1);
        assertThat(TrialStatistics.estimate(Measure.PERCENT_CHANGE_DIFFERENCE, Double.NaN, d, 1).used()).isEqualTo(3);
    }

    @Test
    void threeSetsAreEnoughForDriversWhichAreOrderedByTheSizeOfTheirCorrelation() {
        // a falls as the effect rises (rho -1); b's ranks 1, 3, 2 against 1, 2, 3: rho = 1 - 6 * 2 / (3 * 8) = 0.5
        List<java.util.Map<String, Double>> sets = List.of(java.util.Map.of("b", 1.0, "a", 3.0),
                java.util.Map.of("b", 3.0, "a", 2.0), java.util.Map.of("b", 2.0, "a", 1.0));
        List<TrialResult.Driver> d = TrialStatistics.drivers(new double[] {1, 2, 3}, sets);
        assertThat(d).extracting(TrialResult.Driver::parameter).containsExactly("a", "b");
        assertThat(d.get(0).rankCorrelation()).isCloseTo(-1, within(1e-12));
        assertThat(d.get(1).rankCorrelation()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aSpreadOfOneFiniteSetIsThatSet() {
        TrialResult.Spread s = TrialStatistics.spread(new double[] {Double.NaN, 3});
        assertThat(s.used()).isEqualTo(1);
        assertThat(List.of(s.median(), s.low(), s.high())).containsExactly(3.0, 3.0, 3.0);
        // type-7 quantiles of 1..5: position q (n - 1)
        double[] five = {1, 2, 3, 4, 5};
        assertThat(TrialStatistics.quantile(five, 0.025)).isCloseTo(1.1, within(1e-12));
        assertThat(TrialStatistics.quantile(five, 0.975)).isCloseTo(4.9, within(1e-12));
        assertThat(TrialStatistics.spread(new double[] {Double.NaN}).used()).isZero();
    }
}
