package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/** The report's structure and its reading of each row, on made-up results (no runs). */
class TrialReportTest {

    private static TrialSpec.Outcome outcome(String name, Measure m, TrialSpec.Published p) {
        return new TrialSpec.Outcome(name, "cacAgatston", "AU", m, Double.NaN, "treated", p);
    }

    private static TrialResult result() {
        TrialSpec.Published interval = new TrialSpec.Published(OptionalDouble.of(7), OptionalDouble.of(-3),
                OptionalDouble.of(18), "abstract");
        TrialSpec.Published bare = new TrialSpec.Published(OptionalDouble.of(-50), OptionalDouble.empty(),
                OptionalDouble.empty(), "abstract, no interval");
        TrialSpec.Published ratio = new TrialSpec.Published(OptionalDouble.of(2.12), OptionalDouble.of(1.01),
                OptionalDouble.of(4.47), "abstract");
        List<TrialSpec.Outcome> os = List.of(outcome("inside", Measure.ANNUAL_PROGRESSION_RATIO, interval),
                outcome("bare", Measure.PERCENT_CHANGE_DIFFERENCE, bare), outcome("below", Measure.HAZARD_RATIO, ratio));
        TrialSpec s = new TrialSpec("t", "a trial", "Key2000", "design", Population.MESA, TrialSpec.Inclusion.everyone(),
                List.of(), 2, List.of(new TrialSpec.Arm("placebo", "nothing", List.of()),
                new TrialSpec.Arm("treated", "something", List.of())), os, "mapping");
        return new TrialResult(s, 10, 12, 1, 0.5, List.of(
                new TrialResult.OutcomeResult(os.get(0), "%/y", 10, -1.2, -1.5, -0.9,
                        new TrialResult.Levels(18.5, 17.1, "%/y, geometric mean")),
                new TrialResult.OutcomeResult(os.get(1), "percentage points", 10, -30, -31, -29),
                new TrialResult.OutcomeResult(os.get(2), "ratio", 10, 1.005, 1.0, 1.02)));
    }

    @Test
    void eachOutcomeIsATableRowWithThePublishedAndTheModelIntervalAndAVerdict() {
        TrialResult r = result();
        String md = TrialReport.markdown(List.of(r), "tool x\nseed 1");
        assertThat(md).startsWith("# Published trials run in silico").contains("```\ntool x\nseed 1\n```")
                .contains("| trial | outcome | published [95 % CI] | model [MC 95 %] | model inside? | reading |");
        List<String> rows = md.lines().filter(l -> l.startsWith("| t [Key2000]")).toList();
        assertThat(rows).hasSize(3);
        for (String row : rows) {
            assertThat(row.chars().filter(c -> c == '|').count()).as(row).isEqualTo(7);
        }
        assertThat(rows.get(0)).contains("| inside, treated vs placebo (%/y) | 7.00 [-3.00, 18.0] | -1.20 [-1.50, -0.90] | inside |")
                .contains("model a decrease (interval excludes no effect), trial an increase (interval includes no effect)");
        assertThat(rows.get(1)).contains("-50.0 [not reported]").contains("| no published interval |")
                .contains("trial reported a decrease without an interval");
        assertThat(rows.get(2)).contains("| below |").contains("model below the published interval");
        assertThat(md).contains("1 trials, 3 outcome rows; 2 rows have a published interval: the model's estimate "
                + "lies inside it in 1, outside in 1, and on the same side of no effect as the published estimate in 1 of the 2.");
        assertThat(rows.get(1)).doesNotContain("no width");
        assertThat(md).contains("model -1.20 [-1.50, -0.90]; the arms on their own: placebo 18.5, treated 17.1 "
                + "(%/y, geometric mean).");
        assertThat(md).contains("### t: a trial").contains("arm `treated`: something")
                .contains("**Mapping and limits**: mapping");
        assertThat(TrialReport.lines(r)).hasSize(11).anySatisfy(l -> assertThat(l).contains("below"))
                .as("the terminal gives each row's reading too, as trial --help says")
                .contains("      reading   model below the published interval; " + rows.get(2).split("model below the published interval; ")[1]
                        .replaceAll(" \\|$", ""));
    }

    /**
     * labwarn2: members whose runs do not start at their labs are one line per lab in the terminal's lines
     * (so also on /trials) and in the trial's section of the Markdown report; a trial without them has neither.
     */
    @Test
    void membersNotStartingAtTheirLabsAreOneLineInTheTerminalAndTheReport() {
        TrialResult plain = result();
        String line = "3 of 10 members do not start at their measured phosphate (largest +85 %, member cric-5): see x";
        TrialResult warned = new TrialResult(plain.spec(), plain.members(), plain.screened(), plain.seed(), plain.seconds(),
                plain.outcomes(), Optional.empty(), List.of(line));
        assertThat(TrialReport.lines(warned)).hasSize(TrialReport.lines(plain).size() + 1)
                .element(2).isEqualTo("labs       " + line);
        assertThat(TrialReport.markdown(List.of(warned), "p")).contains("**Mapping and limits**: mapping\n"
                + "- **Start not at the labs**: " + line + "\n");
        assertThat(TrialReport.lines(plain)).noneMatch(l -> l.startsWith("labs"));
        assertThat(TrialReport.markdown(List.of(plain), "p")).doesNotContain("Start not at the labs");
    }

    /** review9: a one-year trial (k4kidneys, saltire's 1-year arms, care2) printed "seed 1, 1 years, arms ...". */
    @Test
    void theTerminalsRunLineSaysOneYearInTheSingular() {
        TrialResult two = result();
        TrialSpec s = two.spec();
        TrialSpec oneYear = new TrialSpec(s.key(), s.title(), s.citation(), s.design(), s.population(), s.inclusion(),
                s.conditions(), 1, s.arms(), s.outcomes(), s.mapping());
        TrialResult one = new TrialResult(oneYear, 10, 12, 1, 0.5, two.outcomes());
        assertThat(TrialReport.lines(one).get(1)).contains("seed 1, 1 year, arms placebo vs treated");
        assertThat(TrialReport.lines(two).get(1)).contains("seed 1, 2 years, arms placebo vs treated");
    }

    @Test
    void aDiagnosedReasonForAMissIsReadOnlyWhenTheEstimateIsOutside() {
        TrialSpec.Published ratio = new TrialSpec.Published(OptionalDouble.of(1.22), OptionalDouble.of(1.07),
                OptionalDouble.of(1.39), "abstract");
        TrialSpec.Outcome o = new TrialSpec.Outcome("incident", "cacAgatston", "AU", Measure.END_RISK_RATIO, 0,
                "treated", ratio, "the path is missing (docs/model/wall.md)");
        var below = new TrialResult.OutcomeResult(o, "ratio", 200, 1.0, 1.0, 1.0);
        assertThat(TrialReport.reading(below)).startsWith("model below the published interval")
                .endsWith("so the interval has no width; why: the path is missing (docs/model/wall.md)");
        var inside = new TrialResult.OutcomeResult(o, "ratio", 200, 1.2, 1.1, 1.3);
        assertThat(TrialReport.reading(inside)).startsWith("model inside").doesNotContain("why:");
        assertThat(TrialReport.reading(new TrialResult.OutcomeResult(outcome("plain", Measure.END_RISK_RATIO, ratio),
                "ratio", 200, 1.0, 0.9, 1.05))).doesNotContain("why:");
    }

    /**
     * "Published in a form the row cannot hold" and "nothing published (or read)" read differently (review,
     * forty-first session: both read "trial no number verified"): the table's published column and the reading.
     */
    @Test
    void aFigurePublishedInAnotherFormIsQuotedNotReadAsNothingPublished() {
        TrialSpec.Published other = new TrialSpec.Published(OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "abstract", "log-mass coefficient 0.50 (95% CI -0.23 to 1.36)");
        TrialSpec.Published none = published(Double.NaN, Double.NaN, Double.NaN);
        var quoted = new TrialResult.OutcomeResult(outcome("q", Measure.PERCENT_CHANGE_DIFFERENCE, other),
                "percentage points", 10, -0.7, -0.8, -0.6);
        var nothing = new TrialResult.OutcomeResult(outcome("n", Measure.PERCENT_CHANGE_DIFFERENCE, none),
                "percentage points", 10, -0.7, -0.8, -0.6);
        assertThat(quoted.verdict()).isEqualTo(TrialResult.Verdict.NO_INTERVAL);
        assertThat(TrialReport.published(quoted)).isEqualTo("other form [see reading]");
        assertThat(TrialReport.reading(quoted)).isEqualTo("no published interval to test; model a decrease (interval "
                + "excludes no effect), trial published in a form this measure cannot hold: log-mass coefficient 0.50 "
                + "(95% CI -0.23 to 1.36)");
        assertThat(TrialReport.published(nothing)).isEqualTo("n/a [not reported]");
        assertThat(TrialReport.reading(nothing)).endsWith("trial no number verified");
        assertThatThrownBy(() -> new TrialSpec.Published(OptionalDouble.of(0.5), OptionalDouble.empty(),
                OptionalDouble.empty(), "abstract", "log 0.5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVerdictComparesTheEstimateWithThePublishedInterval() {
        TrialResult r = result();
        assertThat(r.outcomes()).extracting(TrialResult.OutcomeResult::verdict).containsExactly(
                TrialResult.Verdict.INSIDE, TrialResult.Verdict.NO_INTERVAL, TrialResult.Verdict.BELOW);
        assertThat(r.outcomes().get(2).intervalsOverlap()).isTrue();
        var nan = new TrialResult.OutcomeResult(r.outcomes().get(0).outcome(), "%/y", 0, Double.NaN, Double.NaN, Double.NaN);
        assertThat(nan.verdict()).isEqualTo(TrialResult.Verdict.NOT_COMPUTABLE);
        assertThat(TrialReport.reading(nan)).contains("could not be computed");
        var above = new TrialResult.OutcomeResult(r.outcomes().get(0).outcome(), "%/y", 5, 30, 25, 35);
        assertThat(above.verdict()).isEqualTo(TrialResult.Verdict.ABOVE);
        assertThat(above.intervalsOverlap()).isFalse();
        var alike = new TrialResult.OutcomeResult(r.outcomes().get(0).outcome(), "%/y", 5, 2, 2, 2);
        assertThat(TrialReport.reading(alike)).startsWith("model inside").endsWith("so the interval has no width");
    }

    private static TrialSpec.Published published(double value, double low, double high) {
        return new TrialSpec.Published(Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value),
                Double.isNaN(low) ? OptionalDouble.empty() : OptionalDouble.of(low),
                Double.isNaN(high) ? OptionalDouble.empty() : OptionalDouble.of(high), "abstract");
    }

    private static TrialSpec spec(double years, List<TrialSpec.Outcome> os) {
        return new TrialSpec("r", "ratios", "Key2001", "design", Population.MESA, TrialSpec.Inclusion.everyone(),
                List.of(), years, List.of(new TrialSpec.Arm("placebo", "nothing", List.of()),
                new TrialSpec.Arm("treated", "something", List.of())), os, "mapping");
    }

    @Test
    void theSummaryCountsRowsInsideAndOnTheSameSideOfNoEffectAndEachReadingSaysWhichSide() {
        double nan = Double.NaN;
        List<TrialSpec.Outcome> os = List.of(
                outcome("below", Measure.HAZARD_RATIO, published(2, 1.5, 3)),
                outcome("inside", Measure.HAZARD_RATIO, published(0.8, 0.6, 0.95)),
                outcome("bare", Measure.HAZARD_RATIO, published(1.2, nan, nan)),
                outcome("noValue", Measure.HAZARD_RATIO, published(nan, 1.0, 1.5)),
                outcome("above", Measure.HAZARD_RATIO, published(1.5, 1.0, 2.0)),
                outcome("none", Measure.HAZARD_RATIO, published(1.2, 1.0, 1.5)),
                outcome("inside2", Measure.HAZARD_RATIO, published(0.8, 0.6, 0.95)));
        List<TrialResult.OutcomeResult> rs = List.of(
                new TrialResult.OutcomeResult(os.get(0), "ratio", 10, 0.5, 0.4, 0.6),
                new TrialResult.OutcomeResult(os.get(1), "ratio", 10, 0.7, 0.6, 1.0),
                new TrialResult.OutcomeResult(os.get(2), "ratio", 10, 1.0, 0.9, 1.1),
                new TrialResult.OutcomeResult(os.get(3), "ratio", 10, 1.2, 1.1, 1.3),
                new TrialResult.OutcomeResult(os.get(4), "ratio", 10, 2.5, 1.9, 3.1),
                new TrialResult.OutcomeResult(os.get(5), "ratio", 10, nan, nan, nan),
                new TrialResult.OutcomeResult(os.get(6), "ratio", 10, 0.9, 0.85, 0.95));
        TrialResult r = new TrialResult(spec(2, os), 10, 10, 1, 0.1, rs);
        assertThat(rs).extracting(TrialResult.OutcomeResult::verdict).containsExactly(TrialResult.Verdict.BELOW,
                TrialResult.Verdict.INSIDE, TrialResult.Verdict.NO_INTERVAL, TrialResult.Verdict.INSIDE,
                TrialResult.Verdict.ABOVE, TrialResult.Verdict.NOT_COMPUTABLE, TrialResult.Verdict.INSIDE);
        // five rows with an interval, three inside; the same side as published: "inside" and "inside2" (both
        // below 1) and "above" (both above), not "below" (0.5 against 2) nor "noValue" (no published value)
        assertThat(TrialReport.summary(List.of(r))).isEqualTo("1 trials, 7 outcome rows; 5 rows have a published "
                + "interval: the model's estimate lies inside it in 3, outside in 2, and on the same side of no effect "
                + "as the published estimate in 3 of the 5.");
        assertThat(TrialReport.reading(rs.get(0))).isEqualTo("model below the published interval; model a decrease "
                + "(interval excludes no effect), trial an increase (interval excludes no effect)");
        // an interval that ends at no effect includes it
        assertThat(TrialReport.reading(rs.get(1))).isEqualTo("model inside the published interval; model a decrease "
                + "(interval includes no effect), trial a decrease (interval excludes no effect)");
        assertThat(TrialReport.reading(rs.get(2))).isEqualTo("no published interval to test; model no change "
                + "(interval includes no effect), trial reported an increase without an interval");
        assertThat(TrialReport.reading(rs.get(3))).endsWith("trial no estimate");
        assertThat(TrialReport.reading(rs.get(4))).isEqualTo("model above the published interval; model an increase "
                + "(interval excludes no effect), trial an increase (interval includes no effect) (the intervals overlap)");
        assertThat(TrialReport.model(rs.get(5))).isEqualTo("n/a");
        assertThat(TrialReport.model(new TrialResult.OutcomeResult(os.get(0), "ratio", 1, 0.5, nan, nan)))
                .isEqualTo("0.50 [n/a]");
        assertThat(TrialReport.published(rs.get(3))).isEqualTo("n/a [1.00, 1.50]");
    }

    @Test
    void numbersHaveAboutThreeSignificantFiguresAndRoundingNoiseIsZero() {
        assertThat(TrialReport.num(100)).isEqualTo("100");
        assertThat(TrialReport.num(-99.96)).isEqualTo("-100.0");
        assertThat(TrialReport.num(10)).isEqualTo("10.0");
        assertThat(TrialReport.num(9.999)).isEqualTo("10.00");
        assertThat(TrialReport.num(0.1)).isEqualTo("0.10");
        assertThat(TrialReport.num(0.012345)).isEqualTo("0.012");
        assertThat(TrialReport.num(1e-9)).isEqualTo("1.0e-09");
        assertThat(TrialReport.num(-9e-10)).isEqualTo("0");
        assertThat(TrialReport.fmt(2)).isEqualTo("2");
        assertThat(TrialReport.fmt(0.5)).isEqualTo("0.5");
    }

    @Test
    void theSpreadAcrossParameterSetsIsReadAgainstNoEffectAndTheMonteCarloWidth() {
        TrialSpec.Outcome hr = outcome("hr", Measure.HAZARD_RATIO, published(1.2, 1.0, 1.5));
        List<TrialResult.Driver> four = List.of(new TrialResult.Driver("a", 0.851), new TrialResult.Driver("b", -0.4),
                new TrialResult.Driver("c", 0.1), new TrialResult.Driver("d", 0.05));
        var above = new TrialResult.OutcomeResult(hr, "ratio", 10, 1.2, 1.1, 1.3)
                .withSpread(new TrialResult.Spread(1.21, 1.05, 1.60, 20, List.of(), four));
        assertThat(TrialReport.spread(above)).isEqualTo("1.21 [1.05, 1.60] (20 sets)");
        // widths 0.55 against 0.2
        assertThat(TrialReport.spreadReading(above)).isEqualTo("range above no effect, 2.75 times the width of the MC "
                + "interval; goes most with a (+0.85), b (-0.40), c (+0.10) (rank correlation across the sets)");
        var lowAtNull = new TrialResult.OutcomeResult(hr, "ratio", 10, 1.2, 1.1, 1.3)
                .withSpread(new TrialResult.Spread(1.2, 1.0, 1.4, 20, List.of(), List.of()));
        assertThat(TrialReport.spreadReading(lowAtNull)).isEqualTo("range includes no effect, 2.00 times the width of "
                + "the MC interval");
        var highAtNull = new TrialResult.OutcomeResult(hr, "ratio", 10, 0.9, 0.9, 0.9)
                .withSpread(new TrialResult.Spread(0.9, 0.8, 1.0, 20, List.of(), List.of()));
        assertThat(TrialReport.spreadReading(highAtNull)).isEqualTo("range includes no effect, the MC interval has no width");
        var below = new TrialResult.OutcomeResult(hr, "ratio", 10, 0.8, nan(), nan())
                .withSpread(new TrialResult.Spread(0.8, 0.7, 0.95, 20, List.of(), List.of()));
        assertThat(TrialReport.spreadReading(below)).isEqualTo("range below no effect, the MC interval has no width");
        var none = new TrialResult.OutcomeResult(hr, "ratio", 10, 1.2, 1.1, 1.3);
        assertThat(TrialReport.spread(none)).isEqualTo("n/a");
        assertThat(TrialReport.spreadReading(none)).isEqualTo("no set gave an effect");
        assertThat(TrialReport.drivers(none)).isEmpty();
    }

    private static double nan() {
        return Double.NaN;
    }

    @Test
    void aReportWithParameterSetsHasTheirColumnAndSaysWhichSetsFailed() {
        TrialSpec.Outcome hr = outcome("hr", Measure.HAZARD_RATIO, published(1.2, 1.0, 1.5));
        ParameterDraws.Drawn x = new ParameterDraws.Drawn("x", Set.of("cacAgatston"), ParameterDraws.Shape.TRIANGULAR,
                Double.NaN, 1, 2, 4, "1", "assumption", "b");
        TrialResult.Spread sp = new TrialResult.Spread(1.21, 1.05, 1.60, 20, List.of(), List.of());
        TrialSpec oneYear = spec(1, List.of(hr));
        TrialResult failed = new TrialResult(oneYear, 10, 10, 1, 0.1,
                List.of(new TrialResult.OutcomeResult(hr, "ratio", 10, 1.2, 1.1, 1.3).withSpread(sp)),
                Optional.of(new TrialResult.ParameterUncertainty(20, 5, List.of(x), 1, "boom")));
        TrialResult allRan = new TrialResult(oneYear, 10, 10, 1, 0.1,
                List.of(new TrialResult.OutcomeResult(hr, "ratio", 10, 1.2, 1.1, 1.3).withSpread(sp)),
                Optional.of(new TrialResult.ParameterUncertainty(20, 5, List.of(x), 0, "")));
        TrialResult plain = new TrialResult(spec(2, List.of(hr)), 10, 10, 1, 0.1,
                List.of(new TrialResult.OutcomeResult(hr, "ratio", 10, 1.2, 1.1, 1.3)));
        String md = TrialReport.markdown(List.of(failed, allRan, plain), "p");
        assertThat(md).contains(TrialReport.PARAMETER_SETS_TEXT)
                .contains("| trial | outcome | published [95 % CI] | model [MC 95 %] | model across parameter sets, "
                        + "median [2.5-97.5 %] | model inside? | reading |\n| --- | --- | --- | --- | --- | --- | --- |\n")
                .contains("| 1.20 [1.10, 1.30] | 1.21 [1.05, 1.60] (20 sets) | inside |")
                .contains("| 1.20 [1.10, 1.30] | not run | inside |")
                .contains(" 1 year, seed 1.").contains(" 2 years, seed 1.")
                .contains("- **Parameter sets**: 20 sets drawn with seed 5, every arm of each run over the same members; "
                        + "1 failed and are left out (boom). Drawn")
                .contains("- **Parameter sets**: 20 sets drawn with seed 5, every arm of each run over the same members. Drawn")
                .contains("  - `x` (assumption): triangular 1.00-4.00 1, mode 2.00\n");
        assertThat(TrialReport.lines(failed).get(2)).isEqualTo("parameters 20 sets (seed 5) of 1 drawn parameters, "
                + "the same members in each, 1 failed (boom): x");
        assertThat(TrialReport.lines(allRan).get(2)).isEqualTo("parameters 20 sets (seed 5) of 1 drawn parameters, "
                + "the same members in each: x");
        String without = TrialReport.markdown(List.of(plain), "p");
        assertThat(without).doesNotContain("parameter sets").contains("| model [MC 95 %] | model inside? |")
                .contains("| --- | --- | --- | --- | --- | --- |\n");
    }

    @Test
    void theInclusionInWordsNamesEveryBoundGiven() {
        OptionalDouble none = OptionalDouble.empty();
        var inc = new TrialSpec.Inclusion(Optional.of(Sex.FEMALE),
                new TrialSpec.Range(OptionalDouble.of(45), OptionalDouble.of(84)),
                new TrialSpec.Range(OptionalDouble.of(15), none), new TrialSpec.Range(none, OptionalDouble.of(100)),
                true, Optional.of(true), new TrialSpec.Range(none, OptionalDouble.of(90)),
                new TrialSpec.Range(OptionalDouble.of(1.1), OptionalDouble.of(2)),
                new TrialSpec.Range(OptionalDouble.of(10), none));
        assertThat(TrialReport.inclusion(inc)).isEqualTo("female, age 45-84 y, eGFR >= 15 mL/min/1.73 m², baseline CT "
                + "score <= 100 AU, no statin at baseline, with diabetes, usual dietary vitamin K <= 90 ug/d, baseline "
                + "serum phosphate 1.1-2 mmol/L, baseline PWV >= 10 m/s");
        assertThat(TrialReport.inclusion(new TrialSpec.Inclusion(Optional.empty(), TrialSpec.Range.ANY, TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, false, Optional.of(false), TrialSpec.Range.ANY))).isEqualTo("without diabetes");
        assertThat(TrialReport.inclusion(TrialSpec.Inclusion.everyone())).isEqualTo("everyone");
    }

    @Test
    void intervalsThatTouchOverlap() {
        TrialSpec.Outcome o = outcome("hr", Measure.HAZARD_RATIO, published(2, 1.5, 3));
        assertThat(new TrialResult.OutcomeResult(o, "ratio", 10, 1.2, 1.0, 1.5).intervalsOverlap()).isTrue();
        assertThat(new TrialResult.OutcomeResult(o, "ratio", 10, 3.2, 3.0, 3.5).intervalsOverlap()).isTrue();
        assertThat(new TrialResult.OutcomeResult(o, "ratio", 10, 1.2, 1.0, 1.49).intervalsOverlap()).isFalse();
        // an estimate at an end of the published interval is inside it
        assertThat(new TrialResult.OutcomeResult(o, "ratio", 10, 1.5, 1.0, 1.6).verdict()).isEqualTo(TrialResult.Verdict.INSIDE);
        assertThat(new TrialResult.OutcomeResult(o, "ratio", 10, 3, 2.5, 3.5).verdict()).isEqualTo(TrialResult.Verdict.INSIDE);
    }

    @Test
    void aRangeOfOnePointHoldsItsEndsAndFollowUpMustBeLongerThanZero() {
        var one = new TrialSpec.Range(OptionalDouble.of(5), OptionalDouble.of(5));
        assertThat(one.contains(5)).isTrue();
        var r = new TrialSpec.Range(OptionalDouble.of(1), OptionalDouble.of(2));
        assertThat(List.of(r.contains(1), r.contains(2), r.contains(0.999), r.contains(2.001)))
                .containsExactly(true, true, false, false);
        assertThatThrownBy(() -> spec(0, List.of(outcome("x", Measure.HAZARD_RATIO,
                published(1, 0.5, 2))))).hasMessage("follow-up must be > 0 years, got 0.0");
    }
}
