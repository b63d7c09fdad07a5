package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
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
}
