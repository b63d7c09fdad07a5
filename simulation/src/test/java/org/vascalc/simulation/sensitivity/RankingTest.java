package org.vascalc.simulation.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure arithmetic of the sensitivity analysis on toy numbers. */
class RankingTest {

    @Test
    void swingIsTheSpreadOfTheBaselineAndTheEndsThatRan() {
        assertThat(Ranking.swing(10, 8, 13)).isEqualTo(5);
        assertThat(Ranking.swing(10, 13, 8)).isEqualTo(5);
        // non-monotone: both ends above the baseline, the spread includes the baseline
        assertThat(Ranking.swing(10, 12, 11)).isEqualTo(2);
        // a failed end is left out
        assertThat(Ranking.swing(10, Double.NaN, 7)).isEqualTo(3);
        assertThat(Ranking.swing(10, Double.NaN, Double.NaN)).isNaN();
        assertThat(Ranking.swing(10, 10, 10)).isZero();
    }

    @Test
    void elasticityOfAPowerLawIsItsExponent() {
        // y = p^2 at p = 3: central difference over exp(-+0.05) gives exactly 2 sinh(0.1)/0.1 ~ 2.0033
        double p = 3;
        double down = p * Math.exp(-0.05);
        double up = p * Math.exp(0.05);
        double e = Ranking.elasticity(p * p, down * down, up * up, down, up);
        assertThat(e).isCloseTo(2, within(0.01));
        // y = 1/p: -1
        assertThat(Ranking.elasticity(1 / p, 1 / down, 1 / up, down, up)).isCloseTo(-1, within(0.01));
        // one-sided (value at the top of its range): the up point is the value itself
        assertThat(Ranking.elasticity(p * p, down * down, p * p, down, p)).isCloseTo(2, within(0.1));
    }

    @Test
    void elasticityIsZeroForAnOutputThatDoesNotMoveAndNaNWhenUndefined() {
        assertThat(Ranking.elasticity(0, 0, 0, 0.95, 1.05)).isZero();
        assertThat(Ranking.elasticity(5, 5, 5, 0.95, 1.05)).isZero();
        assertThat(Ranking.elasticity(0, -1, 1, 0.95, 1.05)).isNaN();
        assertThat(Ranking.elasticity(5, Double.NaN, 6, 0.95, 1.05)).isNaN();
        assertThat(Ranking.elasticity(5, 4, 6, Double.NaN, Double.NaN)).isNaN();
        assertThat(Ranking.elasticity(5, 4, 6, 0, 0)).isNaN();
    }

    @Test
    void rankingIsBySwingWithFailuresOfBothEndsLastAndTiesByElasticityThenName() {
        List<Ranking.Entry> ranked = Ranking.rank(List.of(
                Ranking.entry("small", 10, 9.5, 10.5, 0.1, ""),
                Ranking.entry("bothFailed", 10, Double.NaN, Double.NaN, Double.NaN,
                        "run failed at low end: x; run failed at high end: y"),
                Ranking.entry("large", 10, 2, 30, 1.5, ""),
                Ranking.entry("zeroB", 10, 10, 10, 0, ""),
                Ranking.entry("zeroA", 10, 10, 10, 0, ""),
                Ranking.entry("oneEndFailed", 10, Double.NaN, 14, 0.4, "run failed at low end: boom"),
                Ranking.entry("flatButElastic", 10, 10, 10, 0.3, "")), 10);
        assertThat(ranked).extracting(Ranking.Entry::parameter).containsExactly(
                "large", "oneEndFailed", "small", "flatButElastic", "zeroA", "zeroB", "bothFailed");
        assertThat(ranked.get(0).swing()).isEqualTo(28);
        assertThat(ranked.get(1).failed()).isTrue();
        assertThat(ranked.get(1).swing()).isEqualTo(4);
        assertThat(ranked.get(2).failed()).isFalse();
    }

    @Test
    void aSwingAtTheLevelOfSolverRoundOffIsNoEffectAndTwoFailedEndsMayHaveOne() {
        assertThat(Ranking.hasEffect(Ranking.entry("p", 2.4, 2.4 + 1e-7, 2.4, 0, ""), 2.4)).isFalse();
        assertThat(Ranking.hasEffect(Ranking.entry("p", 2.4, 2.4 + 1e-5, 2.4, 0, ""), 2.4)).isTrue();
        // one end failed, the other shows nothing: no effect seen (the failure is reported apart)
        assertThat(Ranking.hasEffect(Ranking.entry("p", 2.4, Double.NaN, 2.4, 0, "run failed at low end: x"), 2.4))
                .isFalse();
        assertThat(Ranking.hasEffect(Ranking.entry("p", 2.4, Double.NaN, 2.6, 0, "run failed at low end: x"), 2.4))
                .isTrue();
        // both ends failed: unknown, so it stays on the list (ranked last)
        assertThat(Ranking.hasEffect(Ranking.entry("p", 2.4, Double.NaN, Double.NaN, Double.NaN, "both"), 2.4)).isTrue();
    }

    @Test
    void rankingDoesNotDependOnTheOrderOfTheEntries() {
        List<Ranking.Entry> a = List.of(Ranking.entry("p", 1, 0, 2, 1, ""), Ranking.entry("q", 1, 0, 2, 1, ""),
                Ranking.entry("r", 1, 0, 3, 1, ""));
        List<Ranking.Entry> b = List.of(a.get(2), a.get(1), a.get(0));
        assertThat(Ranking.rank(a, 1)).isEqualTo(Ranking.rank(b, 1));
        assertThat(Ranking.rank(a, 1)).extracting(Ranking.Entry::parameter).containsExactly("r", "p", "q");
    }

    @Test
    void elasticityNeedsAPositiveLowerPointAndAStep() {
        // a lower point at 0 has no logarithm; equal points have no step (ln 1 = 0)
        assertThat(Ranking.elasticity(5, 4, 6, 0, 1)).isNaN();
        assertThat(Ranking.elasticity(5, 4, 6, 1, 1)).isNaN();
        // (6 - 4) / (ln(2) * 5)
        assertThat(Ranking.elasticity(5, 4, 6, 1, 2)).isCloseTo(2 / (Math.log(2) * 5), within(1e-12));
    }

    @Test
    void noEffectIsRelativeToTheBaselineAndAnUnmovedZeroHasNone() {
        // 1e-4 on a baseline of 1000 is 1e-7 of it: below the 1e-6 floor
        assertThat(Ranking.hasEffect(Ranking.entry("p", 1000, 1000.0001, 1000, 0, ""), 1000)).isFalse();
        assertThat(Ranking.hasEffect(Ranking.entry("p", 1000, 1000.01, 1000, 0, ""), 1000)).isTrue();
        assertThat(Ranking.hasEffect(Ranking.entry("p", 0, 0, 0, 0, ""), 0)).isFalse();
    }

    @Test
    void equalSwingsAreOrderedByTheSizeOfTheElasticityWithAnUndefinedOneLast() {
        List<Ranking.Entry> ranked = Ranking.rank(List.of(Ranking.entry("a", 1, 1, 1, 0, ""),
                Ranking.entry("b", 1, 1, 1, 0.5, ""), Ranking.entry("c", 1, 1, 1, Double.NaN, ""),
                Ranking.entry("d", 1, 1, 1, -0.7, "")), 1);
        assertThat(ranked).extracting(Ranking.Entry::parameter).containsExactly("d", "b", "a", "c");
    }

    @Test
    void swingsEqualButForTheirLastBitsAreOrderedByTheElasticityThenByName() {
        // Two symmetric parameters (the LAD's and the RCA's medial scale) whose swings and elasticities
        // differ in the last bit: 249 % and +0.331 printed for both. Exact comparison puts the larger
        // bits first (RCA here); at the ranked digits they tie, and the name decides (LAD).
        double baseline = 2.13;
        double swing = 2.49 * baseline;
        double larger = Math.nextUp(swing);
        List<Ranking.Entry> ranked = Ranking.rank(List.of(
                new Ranking.Entry("medialScaleRCA", 1.6, 7.4, larger, Math.nextUp(0.331), ""),
                new Ranking.Entry("medialScaleLAD", 1.6, 7.4, swing, 0.331, ""),
                new Ranking.Entry("smaller", 1.6, 7.4, 2.48 * baseline, 0.9, "")), baseline);
        assertThat(ranked).extracting(Ranking.Entry::parameter)
                .containsExactly("medialScaleLAD", "medialScaleRCA", "smaller");
        // Swings equal but for the last bit, elasticities that differ (-0.332 and +0.331): the larger size first.
        ranked = Ranking.rank(List.of(
                new Ranking.Entry("a", 1.6, 7.4, larger, 0.331, ""),
                new Ranking.Entry("b", 1.6, 7.4, swing, -0.332, "")), baseline);
        assertThat(ranked).extracting(Ranking.Entry::parameter).containsExactly("b", "a");
    }

    @Test
    void swingsThatPrintAlikeButReallyDifferKeepTheirOrder() {
        // 160.3 % and 160.0 % both print as 160 %: the larger still ranks first, although its name
        // comes later and its elasticity is smaller (a top-ten cut-off must not drop it for its name).
        double baseline = 2;
        List<Ranking.Entry> ranked = Ranking.rank(List.of(
                new Ranking.Entry("aSmaller", 1, 4, 1.600 * baseline, 2.9, ""),
                new Ranking.Entry("zLarger", 1, 4, 1.603 * baseline, 0.5, "")), baseline);
        assertThat(ranked).extracting(Ranking.Entry::parameter).containsExactly("zLarger", "aSmaller");
    }

    @Test
    void roundedIsTheValueAtTheGivenSignificantDigitsAndRankedKeepsNineOfThem() {
        assertThat(Ranking.rounded(249.4999, 3)).isEqualTo(249);
        assertThat(Ranking.rounded(249.5, 3)).isEqualTo(250);
        assertThat(Ranking.rounded(0.0012345, 3)).isEqualTo(0.00123);
        assertThat(Ranking.rounded(123456, 3)).isEqualTo(123000);
        assertThat(Ranking.rounded(0, 3)).isZero();
        assertThat(Ranking.ranked(160.3)).isNotEqualTo(Ranking.ranked(160.0));
        assertThat(Ranking.ranked(Math.nextUp(116.9))).isEqualTo(Ranking.ranked(116.9));
    }
}
