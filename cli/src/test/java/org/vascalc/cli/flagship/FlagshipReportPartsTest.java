package org.vascalc.cli.flagship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.Series;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.flagship.FlagshipComparison;

/**
 * The flagship report's parts on hand-made trajectories (the whole command runs three ten-year arms):
 * the two-day serum-calcium chart cut from the reference run it is drawn from, the years on the
 * long charts' axis, the table's numbers and layout, and the sentences under them.
 */
class FlagshipReportPartsTest {

    private static final List<FlagshipComparison.Arm> ARMS = new FlagshipComparison(Patient.referenceAdult(), 1).arms();

    /**
     * The two-day chart starts at day 7 (FlagshipComparison.PROFILE_FROM_DAY, 168 h) and shows hours since
     * that midnight: a reference run recorded at 150, 168, 176, 180, 192 and 216 h gives x = 0, 8, 12, 24, 48,
     * and the excursion after the breakfast tablet (2.40 at midnight to 2.55 at 8 h) is the run's own.
     */
    @Test
    void theTwoDayChartIsTheReferenceRunFromDaySevenInHoursSinceThatMidnight() {
        double[] hours = {0, 150, 168, 176, 180, 192, 216};
        double[] ca = {2.30, 2.35, 2.40, 2.55, 2.45, 2.41, 2.40};
        Series s = FlagshipReport.lastTwoDays("arm", hours, ca);
        assertThat(s.name()).isEqualTo("arm");
        assertThat(s.x()).containsExactly(0, 8, 12, 24, 48);
        assertThat(s.y()).containsExactly(2.40, 2.55, 2.45, 2.41, 2.40);
        // a record a rounding error before 168 h belongs to the chart (1e-9 h tolerance); one 1e-6 h before does not
        assertThat(FlagshipReport.lastTwoDays("a", new double[] {167.9999999999, 170}, new double[] {1, 2}).y())
                .containsExactly(1, 2);
        assertThat(FlagshipReport.lastTwoDays("a", new double[] {168 - 1e-9, 170}, new double[] {1, 2}).y())
                .as("at the tolerance's edge").containsExactly(1, 2);
        assertThat(FlagshipReport.lastTwoDays("a", new double[] {167.999999, 170}, new double[] {1, 2}).y())
                .containsExactly(2);
        assertThat(FlagshipReport.lastTwoDays("a", new double[] {10, 20}, new double[] {1, 2}).x()).isEmpty();

        List<SimulationResult> days = List.of(dayRun(ARMS.get(0), hours, ca), dayRun(ARMS.get(1), hours,
                new double[] {2.30, 2.35, 2.40, 2.60, 2.50, 2.42, 2.40}));
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(false), days));
        Panel day = report.panels().get(0);
        assertThat(day.id()).isEqualTo("serum-calcium-day");
        assertThat(day.xLabel()).isEqualTo("hours since midnight");
        assertThat(day.yLabel()).isEqualTo("mmol/L");
        assertThat(day.series()).extracting(Series::name).containsExactly("Calcium from food", "Food + supplement");
        double[] supplement = day.series().get(1).y();
        assertThat(supplement[1] - supplement[0]).as("the tablet's excursion: 2.60 - 2.40").isCloseTo(0.20, offset(1e-12));
        // no serum calcium in the long runs: the caption says only that the MK-7 arm is not run hour by hour
        assertThat(day.caption()).endsWith(" The Food + supplement + MK-7 arm is not run hour by hour.");
    }

    /** One reference run only: two arms unshown, named together, compared with the food arm's serum calcium. */
    @Test
    void twoUnshownArmsAreNamedTogether() {
        double[] hours = {168, 180};
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(true),
                List.of(dayRun(ARMS.get(0), hours, new double[] {2.4, 2.5}))));
        assertThat(report.panels().get(0).caption()).contains(" The Food + supplement, Food + supplement + MK-7 arms are "
                + "not run hour by hour: at the end of the run its serum calcium at midnight is 2.430 mmol/L, the "
                + "Calcium from food arm's 2.410.");
        // every arm run hour by hour: nothing to explain
        List<SimulationResult> all = new ArrayList<>();
        for (FlagshipComparison.Arm a : ARMS) {
            all.add(dayRun(a, hours, new double[] {2.4, 2.5}));
        }
        assertThat(new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(true), all)).panels().get(0).caption())
                .endsWith("in the supplement arm.");
    }

    /** The long charts' x axis is years: 8766 h (365.25 days) is one year, 87660 h ten. */
    @Test
    void theLongChartsAreInYearsAndAnOutputNoRunHasIsNamedAsMissing(@TempDir Path dir) throws Exception {
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(false), List.of()));
        List<Panel> panels = report.panels();
        assertThat(panels).extracting(Panel::id).containsExactly("cacAgatston", "cacIntimalMass", "cacMedialMass");
        Panel score = panels.get(0);
        assertThat(score.xLabel()).isEqualTo("years");
        assertThat(score.series()).hasSize(3);
        assertThat(score.series().get(2).x()).containsExactly(new double[] {0, 1, 10}, offset(1e-12));
        assertThat(score.series().get(2).y()).containsExactly(0, 60, 90);
        FlagshipReport fresh = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(false), List.of()));
        String html = Files.readString(fresh.html("test").write(dir.resolve("r")));
        assertThat(html).contains("Not shown because this model build does not produce them: serumCalciumTotal, pwv, sbp, "
                + "lvMass, riskMi, dpUcMgp, bmd.");
        assertThat(html).as("the arms' run length, 1 year").contains("in three arms over 1 year.");
    }

    /**
     * Bug (thirty-ninth session): {@code panels()} added the outputs it could not draw to the report's list on
     * every call, so a caller that read the panels before the HTML got each missing output named twice under
     * "Not shown because". Latent: the command calls only html(), the /compare page only panels().
     */
    @Test
    void readingThePanelsFirstDoesNotNameAMissingOutputTwice(@TempDir Path dir) throws Exception {
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(false), List.of()));
        assertThat(report.panels()).hasSize(3);
        String html = Files.readString(report.html("test").write(dir.resolve("r")));
        assertThat(html).contains("Not shown because this model build does not produce them: serumCalciumTotal, pwv, sbp, "
                + "lvMass, riskMi, dpUcMgp, bmd.");
    }

    /**
     * The table: one row per arm, the end-of-run value of each column (shares in percent), "n/a" where the run
     * lacks the output. The console turns it (review10: it was about 270 characters wide and wrapped on an
     * ordinary terminal): one line per output, one column per arm, every cell kept, within 100 characters;
     * numbers right-aligned under the arms' names two spaces apart, the output left-aligned.
     */
    @Test
    void theConsoleTableGivesEveryEndValueWithinAHundredColumns() {
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(true), List.of()));
        List<String[]> rows = report.summaryRows();
        String[] header = report.header();
        assertThat(header[0]).isEqualTo("arm (end of run)");
        assertThat(header).hasSize(12);
        // MK-7 arm: score 90 AU, plaque 45 mg, medial 5 mg, intimal share 0.9 -> 90 %
        assertThat(rows.get(2)).containsExactly("Food + supplement + MK-7", "90.00", "45.00", "5.00", "90.00", "n/a",
                "n/a", "n/a", "n/a", "n/a", "n/a", "2.43");
        String[] lines = report.formatTable(rows).split("\n");
        assertThat(lines).hasSize(2 + 11);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        int first = "serum Ca at midnight (mmol/L)".length(); // the widest cell of the first column
        int mk7 = "Food + supplement + MK-7".length();
        assertThat(lines[0]).isEqualTo("end of run" + " ".repeat(first - 10) + "  Calcium from food  Food + supplement"
                + "  Food + supplement + MK-7");
        assertThat(lines[1]).isEqualTo("-".repeat(first) + "  " + "-".repeat(17) + "  " + "-".repeat(17) + "  "
                + "-".repeat(mk7));
        // every cell of every arm's row is on the line of its output, in the arms' order
        for (int k = 1; k < header.length; k++) {
            String line = lines[k + 1];
            assertThat(line).startsWith(header[k] + " ".repeat(first - header[k].length()) + "  ");
            assertThat(line.substring(first).trim().split(" +"))
                    .containsExactly(rows.get(0)[k], rows.get(1)[k], rows.get(2)[k]);
            assertThat(line).hasSameSizeAs(lines[0]);
        }
        assertThat(lines[2]).isEqualTo("CT score (AU)" + " ".repeat(first - 13) + "  " + " ".repeat(17 - 5) + "70.00"
                + "  " + " ".repeat(17 - 5) + "80.00" + "  " + " ".repeat(mk7 - 5) + "90.00");
    }

    /** Numbers: whole from 100, two decimals from 1, three below, "0" for zero, signs kept. */
    @Test
    void numbersKeepTheirDigitsByMagnitude() {
        assertThat(FlagshipReport.format(0)).isEqualTo("0");
        assertThat(FlagshipReport.format(100)).isEqualTo("100");
        assertThat(FlagshipReport.format(-150.4)).isEqualTo("-150");
        assertThat(FlagshipReport.format(99.994)).isEqualTo("99.99");
        assertThat(FlagshipReport.format(1)).isEqualTo("1.00");
        assertThat(FlagshipReport.format(-1)).isEqualTo("-1.00");
        assertThat(FlagshipReport.format(0.9994)).isEqualTo("0.999");
        assertThat(FlagshipReport.format(-0.25)).isEqualTo("-0.250");
        // a change from 0 has no percentage; a fall has its own sign, a rise a "+"
        assertThat(FlagshipReport.change(5, 0, "mg")).isEqualTo("+5.00 mg");
        assertThat(FlagshipReport.change(3, 4, "AU")).isEqualTo("-1.00 AU (-25.0 %)");
        assertThat(FlagshipReport.change(4, 4, "AU")).isEqualTo("+0 AU (+0.0 %)");
        assertThat(FlagshipReport.faster(0.9, 1)).isEqualTo("10.0 % slower");
        assertThat(FlagshipReport.faster(0.995, 1)).isEqualTo("0.50 % slower");
        assertThat(FlagshipReport.faster(1, 1)).isEqualTo("0.00 % faster");
    }

    /** The run's length as a reader says it: "2.5 years", "10 years". */
    @Test
    void theFindingsNameTheRunsLength() {
        for (double years : new double[] {2.5, 10}) {
            List<FlagshipComparison.Arm> arms = new FlagshipComparison(Patient.referenceAdult(), years).arms();
            List<SimulationResult> runs = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                runs.add(run(arms.get(i), new double[] {0, 1, 2}, new double[] {10 + i, 20 + i, 30 + i},
                        new double[] {1, 2, 3 + i}));
            }
            String f = new FlagshipReport(new FlagshipComparison.Results(arms, runs, List.of())).findings();
            assertThat(f).startsWith(years == 10 ? "After 10 years, " : "After 2.5 years, ")
                    .contains(years == 10 ? "Growth over the 10 years" : "Growth over the 2.5 years");
        }
    }

    /**
     * The verdict's two sentences at their edges (supplement arm: 100 AU, 32 mg plaque, 4 mg medial): plaque
     * calcium 0.06 % lower still "does not" fall (the 1e-3 tolerance); plaque falling exactly a quarter as
     * much as medial calcium (31/32 - 1 = -1/32, (3.5/4 - 1) / 4 = -1/32, both exact in binary) is not "only"
     * a little; a score that is equal, not lower, gives no verdict.
     */
    @Test
    void theVerdictsEdges() {
        assertThat(verdict(new double[] {99, 31.98, 3.6})).startsWith(" The CT score ends lower on MK-7, but plaque calcium does not");
        assertThat(verdict(new double[] {99, 31.84, 3.6})).as("plaque -0.5 %, medial -10 %: under a quarter")
                .isEqualTo(" The CT score ends lower on MK-7 (-1.0 %): medial calcium, which MK-7 slows, falls 10.0 %, "
                        + "plaque calcium only 0.5 %. The score cannot tell which layer moved: a falling score on vitamin "
                        + "K2 is no sign of less plaque.");
        assertThat(verdict(new double[] {99, 31, 3.5})).as("plaque -1/32, exactly a quarter of medial's -1/8").isEmpty();
        assertThat(verdict(new double[] {99, 31.5, 3.5})).as("plaque -1/64, under a quarter of -1/8").isNotEmpty();
        assertThat(verdict(new double[] {100, 32, 3.6})).as("score equal, plaque equal").isEmpty();
        assertThat(verdict(new double[] {100, 31.84, 3.6})).as("score equal, plaque a little lower").isEmpty();
        assertThat(verdict(new double[] {99, 31.84, 4.4})).as("medial higher").isEmpty();
    }

    /**
     * No end-of-run comparison when the supplement arm's plaque or medial calcium ends at 0 (the percentages
     * would divide by it); the growth still is said. No growth sentence when the food arm's plaque did not grow
     * (10 mg to 10 mg), since each arm's growth is compared with it.
     */
    @Test
    void aLayerEndingAtZeroOrFoodsPlaqueNotGrowingLeavesItsSentenceOut() {
        List<SimulationResult> plaqueZero = List.of(
                run(ARMS.get(0), new double[] {0, 90}, new double[] {0, 2}, new double[] {1, 3.5}),
                run(ARMS.get(1), new double[] {0, 100}, new double[] {0, 0}, new double[] {1, 4}),
                run(ARMS.get(2), new double[] {0, 99}, new double[] {0, 0}, new double[] {1, 3.6}));
        FlagshipReport a = new FlagshipReport(new FlagshipComparison.Results(ARMS, plaqueZero, List.of()));
        assertThat(a.findings()).startsWith("Growth over the 1 year").doesNotContain("CT score");
        assertThat(a.verdict()).isEmpty();
        List<SimulationResult> medialZero = List.of(
                run(ARMS.get(0), new double[] {0, 90}, new double[] {10, 38}, new double[] {0, 1}),
                run(ARMS.get(1), new double[] {0, 100}, new double[] {10, 40}, new double[] {0, 0}),
                run(ARMS.get(2), new double[] {0, 99}, new double[] {10, 39}, new double[] {0, 0}));
        assertThat(new FlagshipReport(new FlagshipComparison.Results(ARMS, medialZero, List.of())).findings())
                .startsWith("Growth over the 1 year").doesNotContain("CT score");
        List<SimulationResult> foodPlaqueFlat = List.of(
                run(ARMS.get(0), new double[] {0, 90}, new double[] {10, 10}, new double[] {1, 3.5}),
                run(ARMS.get(1), new double[] {0, 100}, new double[] {10, 40}, new double[] {1, 4}),
                run(ARMS.get(2), new double[] {0, 99}, new double[] {10, 39}, new double[] {1, 3.6}));
        FlagshipReport flat = new FlagshipReport(new FlagshipComparison.Results(ARMS, foodPlaqueFlat, List.of()));
        assertThat(flat.growth()).isEmpty();
        assertThat(flat.findings()).startsWith("After 1 year, ").doesNotContain("Growth").doesNotContain("Infinity");
    }

    /**
     * The overview at the top of the report shows its four charts, in README's order: the two days of serum
     * calcium, the CT score, then the intimal and medial layers it cannot tell apart.
     */
    @Test
    void theOverviewShowsTheFourChartsInOrder(@TempDir Path dir) throws Exception {
        double[] hours = {168, 176, 216};
        List<SimulationResult> days = List.of(dayRun(ARMS.get(0), hours, new double[] {2.4, 2.45, 2.4}),
                dayRun(ARMS.get(1), hours, new double[] {2.4, 2.6, 2.4}));
        FlagshipReport report = new FlagshipReport(new FlagshipComparison.Results(ARMS, longRuns(true), days));
        String html = Files.readString(report.html("test").write(dir.resolve("r")));
        org.jsoup.nodes.Element overview = org.jsoup.Jsoup.parse(html).selectFirst("figure.overview");
        List<String> alts = overview.select("> div.one-by-one > div.chart img").eachAttr("alt");
        assertThat(alts).hasSize(4);
        String[] titles = {"Serum total calcium over two days", "CT calcium score (Agatston", "Coronary intimal (plaque) calcium",
            "Coronary medial calcium"};
        for (int i = 0; i < 4; i++) {
            assertThat(alts.get(i)).contains(titles[i]);
        }
        // the findings under the charts: the supplement arm's score 80 AU against food's 70, +10 / 70 = +14.3 %
        assertThat(html).contains("After 1 year, Food + supplement against Calcium from food: CT score +10.00 AU (+14.3 %)");
    }

    private static String verdict(double[] mk7End) {
        List<SimulationResult> runs = List.of(
                run(ARMS.get(0), new double[] {0, 90}, new double[] {10, 30}, new double[] {1, 3.5}),
                run(ARMS.get(1), new double[] {0, 100}, new double[] {10, 32}, new double[] {1, 4}),
                run(ARMS.get(2), new double[] {0, mk7End[0]}, new double[] {10, mk7End[1]}, new double[] {1, mk7End[2]}));
        return new FlagshipReport(new FlagshipComparison.Results(ARMS, runs, List.of())).verdict();
    }

    /** A two-record run (0 and 87660 h, ten years) of the CT score and both layers. */
    private static SimulationResult run(FlagshipComparison.Arm arm, double[] score, double[] plaque, double[] medial) {
        Trajectory t = new Trajectory(List.of(new OutputChannel("cacAgatston", "AU", "score"),
                new OutputChannel("cacIntimalMass", "mg", "intimal"), new OutputChannel("cacMedialMass", "mg", "medial")),
                new double[] {0, 87660}, new double[][] {{score[0], plaque[0], medial[0]}, {score[1], plaque[1], medial[1]}});
        return new SimulationResult(arm.scenario(), Mode.FAST, t, Map.of(), Map.of(), "sha");
    }

    /**
     * Long runs recorded at 0, 8766 and 87660 h: arm i ends at a score of 70 + 10 i AU, plaque 40 + 2.5 i mg and
     * medial 5 mg, intimal share 0.9; with {@code serum}, serum calcium ending at 2.41 + 0.01 i mmol/L.
     */
    private static List<SimulationResult> longRuns(boolean serum) {
        List<SimulationResult> runs = new ArrayList<>();
        for (int i = 0; i < ARMS.size(); i++) {
            List<OutputChannel> ch = new ArrayList<>(List.of(new OutputChannel("cacAgatston", "AU", "score"),
                    new OutputChannel("cacIntimalMass", "mg", "intimal"), new OutputChannel("cacMedialMass", "mg", "medial"),
                    new OutputChannel("cacIntimalShare", "1", "share")));
            double end = 70 + 10 * i;
            double[][] v = {{0, 10, 1, 0.9}, {end * 2 / 3, 20, 2, 0.9}, {end, 40 + 2.5 * i, 5, 0.9}};
            if (serum) {
                ch.add(new OutputChannel("serumCalciumTotal", "mmol/L", "Ca"));
                v = new double[][] {{0, 10, 1, 0.9, 2.4}, {end * 2 / 3, 20, 2, 0.9, 2.4},
                        {end, 40 + 2.5 * i, 5, 0.9, 2.41 + 0.01 * i}};
            }
            Trajectory t = new Trajectory(ch, new double[] {0, 8766, 87660}, v);
            runs.add(new SimulationResult(ARMS.get(i).scenario(), Mode.FAST, t, Map.of(), Map.of(), "sha"));
        }
        return runs;
    }

    private static SimulationResult dayRun(FlagshipComparison.Arm arm, double[] hours, double[] ca) {
        double[][] v = new double[hours.length][];
        for (int i = 0; i < hours.length; i++) {
            v[i] = new double[] {ca[i]};
        }
        Trajectory t = new Trajectory(List.of(new OutputChannel("serumCalciumTotal", "mmol/L", "Ca")), hours, v);
        return new SimulationResult(arm.scenario(), Mode.REFERENCE, t, Map.of(), Map.of(), "sha");
    }
}
