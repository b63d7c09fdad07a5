package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.report.Panel;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

class RunChartsTest {

    private static SimulationResult run(String name, String... ids) {
        List<OutputChannel> channels = Arrays.stream(ids).map(id -> new OutputChannel(id, "u", id + " text"))
                .toList();
        double[][] values = new double[3][ids.length];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < ids.length; k++) {
                values[i][k] = i + k;
            }
        }
        Scenario s = new Scenario(name, "", Patient.referenceAdult(), List.of(), List.of(), 1000, Recording.every(24));
        return new SimulationResult(s, Mode.FAST, new Trajectory(channels, new double[] {0, 8766, 26298}, values),
                Map.of(), Map.of(), "0");
    }

    @Test
    void runsWithTheCtScoreAndItsLayersShowThemFirstSideBySide() {
        List<Panel> panels = RunCharts.panels(List.of(
                run("a", "pwv", "cacMedialMass", "cacAgatston", "sbp", "cacIntimalMass"),
                run("b", "pwv", "cacMedialMass", "cacAgatston", "sbp", "cacIntimalMass")));
        assertThat(panels).extracting(Panel::id)
                .containsExactly("cacAgatston", "cacIntimalMass", "cacMedialMass", "pwv", "sbp");
        assertThat(panels.get(0).title()).isEqualTo(RunCharts.CT_TITLE).startsWith("CT score (what a scan shows")
                .contains("steps").hasSizeLessThanOrEqualTo(RunCharts.MAX_TITLE);
        assertThat(panels.get(2).title()).isEqualTo("Ground truth: medial calcium");
        assertThat(panels.get(1).series()).extracting(s -> s.name()).containsExactly("a", "b");
        assertThat(panels.get(0).xLabel()).isEqualTo("time (years)");
    }

    private static SimulationResult flat(Mode mode, double... y) {
        Scenario s = new Scenario("ckd", "", Patient.referenceAdult(), List.of(), List.of(), 730, Recording.every(24));
        double[] times = new double[y.length];
        double[][] values = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            times[i] = 24.0 * i;
            values[i] = new double[] {y[i]};
        }
        return new SimulationResult(s, mode, new Trajectory(List.of(new OutputChannel("serumCalciumTotal", "mmol/L",
                "total serum calcium")), times, values), Map.of(), Map.of(), "0");
    }

    /**
     * A fast-mode line that varies by less than the fast mode's agreement with reference mode (1 %)
     * does not fill its axis: serum calcium over two years of CKD G4 (2.289-2.294 mmol/L, a ripple
     * between SLOW steps) drew scallops from the bottom to the top of the panel. In reference mode
     * the axis is the data's own range (a small daily cycle there is resolved, not an error).
     */
    @Test
    void aFastModeLineFlatterThanTheMethodsErrorIsNotStretchedOverItsAxis() {
        Panel fast = RunCharts.panels(List.of(flat(Mode.FAST, 2.289, 2.294, 2.291))).get(0);
        assertThat(fast.minYSpan()).isCloseTo(2 * 0.01 * 2.294, org.assertj.core.api.Assertions.within(1e-12));
        double[] range = org.vascalc.cli.report.ChartRenderer.yRange(fast);
        assertThat(range).isNotNull();
        assertThat(range[1] - range[0]).isCloseTo(fast.minYSpan(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(0.5 * (range[0] + range[1])).isCloseTo(2.2915, org.assertj.core.api.Assertions.within(1e-12));
        // the line fills under a tenth of the axis
        assertThat((2.294 - 2.289) / (range[1] - range[0])).isLessThan(0.12);

        Panel reference = RunCharts.panels(List.of(flat(Mode.REFERENCE, 2.289, 2.294, 2.291))).get(0);
        assertThat(reference.minYSpan()).isZero();
        assertThat(org.vascalc.cli.report.ChartRenderer.yRange(reference)).isNull();
        // a fast-mode line that varies by more keeps its own range
        assertThat(org.vascalc.cli.report.ChartRenderer.yRange(
                RunCharts.panels(List.of(flat(Mode.FAST, 2.2, 2.4, 2.3))).get(0))).isNull();
    }

    @Test
    void withoutTheLayersTheChartIsTheFirstChannels() {
        List<Panel> panels = RunCharts.panels(List.of(run("a", "pwv", "cacAgatston", "sbp")));
        assertThat(panels).extracting(Panel::id).containsExactly("pwv", "cacAgatston", "sbp");
        assertThat(panels.get(1).title()).isEqualTo("cacAgatston text");
    }

    @Test
    void oneQuantityRecordedInTwoUnitsIsOnePanel() {
        Scenario s = new Scenario("a", "", Patient.referenceAdult(), List.of(), List.of(), 1000, Recording.every(24));
        Trajectory t = new Trajectory(List.of(new OutputChannel("pth", "pmol/L", "intact PTH"),
                new OutputChannel("pthPgMl", "pg/mL", "intact PTH"), new OutputChannel("sbp", "mmHg", "systolic pressure")),
                new double[] {0, 24}, new double[][] {{3, 28, 120}, {3.1, 29, 121}});
        List<Panel> panels = RunCharts.panels(List.of(new SimulationResult(s, Mode.FAST, t, Map.of(), Map.of(), "0")));
        assertThat(panels).extracting(Panel::id).containsExactly("pth", "sbp");
    }

    @Test
    void theYAxisSaysWhatIsPlottedInWordsAndOmitsTheUnitOfAPureNumber() {
        assertThat(RunCharts.yLabel(new OutputChannel("cacAgatston", "AU",
                "coronary Agatston score as CT sees it (intimal macro + medial)")))
                .isEqualTo("coronary Agatston score as CT sees it (AU)");
        assertThat(RunCharts.yLabel(new OutputChannel("bmd", "1",
                "bone calcium (exchangeable + deep) relative to the reference adult"))).isEqualTo("bone calcium");
        assertThat(RunCharts.yLabel(new OutputChannel("x", "1", ""))).isEqualTo("x");
        String longOne = RunCharts.yLabel(new OutputChannel("cacMicroDensity", "mg/cm3",
                "CT-apparent density of intimal macrocalcium, LAD"));
        assertThat(longOne).hasSizeLessThanOrEqualTo(RunCharts.MAX_Y_LABEL).endsWith("… (mg/cm3)")
                .startsWith("CT-apparent density of");
        assertThat(RunCharts.panels(List.of(run("a", "pwv"))).get(0).yLabel()).isEqualTo("pwv text (u)");
    }

    @Test
    void aTitleTooLongForThePanelLosesItsParenthesisThenWords() {
        assertThat(RunCharts.title(new OutputChannel("hepaticVkh2Relative", "1",
                "hepatic vitamin K hydroquinone relative to the reference diet (drives clotting-factor synthesis)")))
                .isEqualTo("hepatic vitamin K hydroquinone relative to the reference diet");
        assertThat(RunCharts.title(new OutputChannel("serumCalciumIonised", "mmol/L",
                "ionised serum calcium (constant fraction of total)")))
                .as("one that fits stays whole").isEqualTo("ionised serum calcium (constant fraction of total)");
        String words = RunCharts.title(new OutputChannel("x", "1", "a b ".repeat(40)));
        assertThat(words).hasSizeLessThanOrEqualTo(RunCharts.MAX_TITLE).endsWith("…");
        assertThat(RunCharts.title(new OutputChannel("x", "1", ""))).isEqualTo("x");
    }

    private static SimulationResult ending(String name, Mode mode, double endHours, int channels) {
        List<OutputChannel> cs = new java.util.ArrayList<>();
        for (int k = 0; k < channels; k++) {
            cs.add(new OutputChannel("c" + k, "u", "channel " + k));
        }
        double[][] values = new double[2][channels];
        Scenario s = new Scenario(name, "", Patient.referenceAdult(), List.of(), List.of(), 1000, Recording.every(24));
        return new SimulationResult(s, mode, new Trajectory(cs, new double[] {0, endHours}, values), Map.of(), Map.of(), "0");
    }

    /**
     * The time axis: a week or less in hours, up to two years (2 × 8766 h) in days, longer in years
     * (8766 h = 365.25 days); the longest of the runs decides.
     */
    @Test
    void theTimeAxisIsInHoursUpToAWeekInDaysUpToTwoYearsThenInYears() {
        Panel week = RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 168, 1))).get(0);
        assertThat(week.xLabel()).isEqualTo("time (h)");
        assertThat(week.series().get(0).x()).containsExactly(0, 168);
        Panel moreThanAWeek = RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 120, 1),
                ending("b", Mode.REFERENCE, 180, 1))).get(0);
        assertThat(moreThanAWeek.xLabel()).isEqualTo("time (days)");
        assertThat(moreThanAWeek.series().get(0).x()).containsExactly(0, 5);
        assertThat(moreThanAWeek.series().get(1).x()).containsExactly(0, 7.5);
        Panel twoYears = RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 17532, 1))).get(0);
        assertThat(twoYears.xLabel()).isEqualTo("time (days)");
        assertThat(twoYears.series().get(0).x()).containsExactly(0, 730.5);
        Panel longer = RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 17532 + 8766, 1))).get(0);
        assertThat(longer.xLabel()).isEqualTo("time (years)");
        assertThat(longer.series().get(0).x()).containsExactly(0, 3);
    }

    /** At most six panels of the first channels (without the CT layers); a channel one run lacks is left out. */
    @Test
    void atMostSixPanelsOfChannelsEveryRunRecorded() {
        assertThat(RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 24, 8)))).extracting(Panel::id)
                .containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
        assertThat(RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 24, 3), ending("b", Mode.REFERENCE, 24, 2))))
                .extracting(Panel::id).containsExactly("c0", "c1");
    }

    /** Chosen channels (a story's figure) follow the CT panels, whatever the first run's order. */
    @Test
    void chosenChannelsAreDrawnInTheirOwnOrder() {
        assertThat(RunCharts.panels(List.of(ending("a", Mode.REFERENCE, 24, 8)), List.of("c7", "c2")))
                .extracting(Panel::id, Panel::title).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c7", "channel 7"),
                        org.assertj.core.groups.Tuple.tuple("c2", "channel 2"));
    }

    /**
     * One fast-mode run among reference ones gives the panel its floor: 2 × 1 % of the largest finite
     * |value| of any line (here −4 of the fast run; the reference run's 2 is smaller, NaN is skipped).
     */
    @Test
    void oneFastRunGivesThePanelItsFloorFromTheLargestMagnitude() {
        List<OutputChannel> x = List.of(new OutputChannel("x", "u", "x"));
        Scenario s = new Scenario("f", "", Patient.referenceAdult(), List.of(), List.of(), 1, Recording.every(1));
        SimulationResult reference = new SimulationResult(s, Mode.REFERENCE, new Trajectory(x, new double[] {0, 1},
                new double[][] {{0}, {2}}), Map.of(), Map.of(), "0");
        SimulationResult fast = new SimulationResult(s, Mode.FAST, new Trajectory(x, new double[] {0, 1, 2},
                new double[][] {{1}, {-4}, {Double.NaN}}), Map.of(), Map.of(), "0");
        assertThat(RunCharts.panels(List.of(reference, fast)).get(0).minYSpan())
                .isCloseTo(2 * 0.01 * 4, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(RunCharts.panels(List.of(fast, reference)).get(0).minYSpan())
                .isCloseTo(2 * 0.01 * 4, org.assertj.core.api.Assertions.within(1e-15));
    }

    /** 44 characters fit along the y-axis: a label of exactly 44 stays whole; a longer one loses its last words. */
    @Test
    void aYLabelOfFortyFourCharactersStaysWholeAndALongerOneLosesWordsNotItsUnit() {
        String fits = "alpha beta gamma delta epsilon zeta eta"; // 39 + " (mg)" = 44
        assertThat(RunCharts.yLabel(new OutputChannel("x", "mg", fits))).isEqualTo(fits + " (mg)").hasSize(44);
        // 45 + 5 characters: room for 44 − 5 − 1 = 38 before the ellipsis; the last space at or before 38 is at 35
        assertThat(RunCharts.yLabel(new OutputChannel("x", "mg", fits + " theta")))
                .isEqualTo("alpha beta gamma delta epsilon zeta… (mg)");
        // one word longer than the room is cut at the room
        assertThat(RunCharts.yLabel(new OutputChannel("x", "mg", "x".repeat(50))))
                .isEqualTo("x".repeat(38) + "… (mg)").hasSize(44);
    }

    /**
     * review20: the scenario page's "ground truth: coronary intimal microcalcification (CT-invisible)" panel had the
     * y-axis "ground truth: coronary intimal… (mg)", and the medial share "ground truth: medial share of coronary…":
     * a label too long loses the qualifier before ": " (the panel's title keeps it) before it loses words.
     */
    @Test
    void aLongYLabelLosesItsQualifierBeforeItsWords() {
        assertThat(RunCharts.yLabel(new OutputChannel("cacMicroMass", "mg",
                "ground truth: coronary intimal microcalcification (CT-invisible)")))
                .isEqualTo("coronary intimal microcalcification (mg)");
        assertThat(RunCharts.yLabel(new OutputChannel("cacMedialShare", "1",
                "ground truth: medial share of coronary mineral (hydroxyapatite)")))
                .isEqualTo("medial share of coronary mineral");
        assertThat(RunCharts.yLabel(new OutputChannel("cacMedialMass", "mg", "ground truth: coronary medial mineral")))
                .as("one that fits keeps it").isEqualTo("ground truth: coronary medial mineral (mg)");
    }

    /** 66 characters fit across a panel: a title of exactly 66 stays whole, a longer one loses its parenthesis, then words. */
    @Test
    void aTitleOfSixtySixCharactersStaysWhole() {
        String sixtySix = "a".repeat(50) + " (" + "b".repeat(13) + ")";
        assertThat(sixtySix).hasSize(66);
        assertThat(RunCharts.title(new OutputChannel("x", "1", sixtySix))).isEqualTo(sixtySix);
        assertThat(RunCharts.title(new OutputChannel("x", "1", sixtySix + "c"))).isEqualTo("a".repeat(50));
        // no parenthesis: cut at the last space before the 66th character, then "…"
        String words = "word ".repeat(13) + "end"; // 68 characters, spaces at 4, 9, ..., 64
        assertThat(RunCharts.title(new OutputChannel("x", "1", words))).isEqualTo("word ".repeat(12) + "word…");
    }

    /** The CT panels come first only when every run recorded the score and both layers. */
    @Test
    void theGroundTruthPanelsNeedEveryRunToHaveTheLayers() {
        List<Panel> panels = RunCharts.panels(List.of(
                run("a", "pwv", "cacMedialMass", "cacAgatston", "cacIntimalMass"),
                run("b", "pwv", "cacAgatston")));
        assertThat(panels).extracting(Panel::id).containsExactly("pwv", "cacAgatston");
    }

    private static SimulationResult index(String name, double... y) {
        Scenario s = new Scenario(name, "", Patient.referenceAdult(), List.of(), List.of(), 730, Recording.every(24));
        double[] times = new double[y.length];
        double[][] values = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            times[i] = 24.0 * i;
            values[i] = new double[] {y[i]};
        }
        return new SimulationResult(s, Mode.FAST, new Trajectory(List.of(new OutputChannel("calciumIndex", "1",
                "IVUS-like coronary calcium index")), times, values), Map.of(), Map.of(), "0");
    }

    /**
     * review9: examples/scenarios/wall/statin.yaml's heavily calcified man has the IVUS-like index at 0.99996 to 1
     * in both arms, a flat line at 1 with no word on the chart. The title says when the index is at its ceiling
     * (1.00 to two decimals) throughout, or reaches it; an index below it, or another output near 1, keeps its title.
     */
    @Test
    void theCalciumIndexSaysOnTheChartWhenItIsAtItsCeiling() {
        Panel flat = RunCharts.panels(List.of(index("statin", 0.99996, 0.99999, 1.0), index("none", 0.99996, 1.0, 1.0)))
                .get(0);
        assertThat(flat.title()).isEqualTo("IVUS-like coronary calcium index: at its ceiling (1.00) throughout")
                .hasSizeLessThanOrEqualTo(RunCharts.MAX_TITLE);
        // and drawn flat, on an axis a tenth of the index's scale tall, not stretched from the bottom to the top
        assertThat(flat.minYSpan()).isEqualTo(0.1);
        double[] range = org.vascalc.cli.report.ChartRenderer.yRange(flat);
        assertThat(range).isNotNull();
        assertThat(range[1] - range[0]).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        Panel rising = RunCharts.panels(List.of(index("statin", 0.62, 0.9, 0.996), index("none", 0.6, 0.8, 0.95))).get(0);
        assertThat(rising.title()).isEqualTo("IVUS-like coronary calcium index: reaches its ceiling (1.00)");
        assertThat(rising.minYSpan()).as("fast mode's own floor, 2 % of its size").isCloseTo(0.02 * 0.996,
                org.assertj.core.api.Assertions.within(1e-12));
        Panel below = RunCharts.panels(List.of(index("statin", 0.30, 0.31, 0.33))).get(0);
        assertThat(below.title()).isEqualTo("IVUS-like coronary calcium index");
        assertThat(RunCharts.atCeiling("bmd", "bone", List.of(new org.vascalc.cli.report.Series("a", new double[] {0},
                new double[] {1.0})))).isEqualTo("bone");
    }

    /**
     * charts: the supplement-versus-food run's chart did not say which bump of serum calcium followed the tablet and
     * which the meals; each is now marked in the chart's key (and image) at the times its scenario file gives.
     */
    @Test
    void anHourlyChartMarksTheScenariosCalciumIntakesAndALongerOneDoesNot() {
        Scenario s = org.vascalc.simulation.scenario.ScenarioFiles.load(org.vascalc.simulation.scenario.ProjectFiles.require(
                "examples/scenarios/calcium-supplement-vs-food.yaml")).scenario();
        List<String> entries = keyEntries(s, 120);
        // review18: the day-3 333 mg meals were the same "●" as the 321 mg ones; a second meal row is hollow, "○"
        assertThat(entries).containsExactly("calcium-supplement-vs-food", "\u25cf meal: 321 mg Ca",
                "\u25b2 tablet: 1000 mg Ca citrate, fasting", "\u25cb meal: 333 mg Ca");
        // a run of years is drawn in days or years: a day's meals would be one smudge there
        assertThat(keyEntries(s, 24 * 30)).containsExactly("calcium-supplement-vs-food");
    }

    /** The names in the key of the first panel of a run of {@code s} recorded hourly for {@code hours}. */
    private static List<String> keyEntries(Scenario s, int hours) {
        double[] t = new double[hours + 1];
        double[][] v = new double[hours + 1][];
        for (int i = 0; i <= hours; i++) {
            t[i] = i;
            v[i] = new double[] {2.4 + 0.01 * Math.sin(i)};
        }
        SimulationResult r = new SimulationResult(s, Mode.REFERENCE, new Trajectory(List.of(new OutputChannel(
                "serumCalciumTotal", "mmol/L", "total serum calcium")), t, v), Map.of(), Map.of(), "0");
        return org.vascalc.cli.report.ChartRenderer.key(RunCharts.panels(List.of(r)).get(0), 640, 400).entries().stream()
                .map(org.vascalc.cli.report.ChartKey.Entry::name).toList();
    }

    /**
     * storyaxis: the statin story's MI-risk panel read 0-0.06 with no unit (a fraction), while /compare's table gives
     * the risk in per cent: a reader took 0.06 for 0.06 %. A risk is drawn in per cent with "%" in its axis title, by
     * the one conversion ({@code ProbabilityAxis}); a dimensionless share and a channel with a unit are drawn as
     * recorded.
     */
    @Test
    void aRiskIsDrawnInPerCentWithTheUnitInItsAxisTitle() {
        List<OutputChannel> channels = List.of(
                new OutputChannel("riskMi", "1", "cumulative MI risk since t = 0, 1 - exp(-hazard)", true),
                new OutputChannel("cacMedialShare", "1", "medial share of coronary mineral"),
                new OutputChannel("pwv", "m/s", "aortic pulse-wave velocity"));
        double[][] values = {{0, 0.2, 7.0}, {0.03, 0.25, 7.5}, {0.0639, 0.3, 8.0}};
        Scenario s = new Scenario("statin", "", Patient.referenceAdult(), List.of(), List.of(), 1000, Recording.every(24));
        SimulationResult r = new SimulationResult(s, Mode.REFERENCE, new Trajectory(channels,
                new double[] {0, 8766, 26298}, values), Map.of(), Map.of(), "0");
        List<Panel> panels = RunCharts.panels(List.of(r));
        assertThat(panels).extracting(Panel::id).containsExactly("riskMi", "cacMedialShare", "pwv");
        assertThat(panels.get(0).yLabel()).isEqualTo("cumulative MI risk since t = 0 (%)");
        assertThat(panels.get(0).series().get(0).y()).containsExactly(new double[] {0, 3, 6.39},
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(panels.get(1).yLabel()).isEqualTo("medial share of coronary mineral");
        assertThat(panels.get(1).series().get(0).y()).containsExactly(0.2, 0.25, 0.3);
        assertThat(panels.get(2).yLabel()).isEqualTo("aortic pulse-wave velocity (m/s)");
        assertThat(panels.get(2).series().get(0).y()).containsExactly(7.0, 7.5, 8.0);
    }

    /**
     * leftovers25: a channel is drawn in per cent because its output marks it a probability, not because its
     * description says "risk" (storyaxis read the words: a reworded description changed a chart's unit). A marked
     * channel described without the word is in per cent.
     */
    @Test
    void aChannelMarkedAsAProbabilityIsInPerCentWhateverItsDescriptionSays() {
        Panel p = onlyPanel(new OutputChannel("eventChance", "1", "chance of a first event", true),
                0, 0.02, 0.05);
        assertThat(p.yLabel()).isEqualTo("chance of a first event (%)");
        assertThat(p.series().get(0).y()).containsExactly(new double[] {0, 2, 5},
                org.assertj.core.api.Assertions.within(1e-12));
    }

    /** leftovers25, the reverse: an unmarked dimensionless channel whose description says "risk" is drawn as recorded. */
    @Test
    void anUnmarkedChannelDescribedAsARiskIsDrawnAsRecorded() {
        Panel p = onlyPanel(new OutputChannel("riskScore", "1", "a relative risk score"), 1.0, 1.5, 2.5);
        assertThat(p.yLabel()).isEqualTo("a relative risk score");
        assertThat(p.series().get(0).y()).containsExactly(1.0, 1.5, 2.5);
    }

    private static Panel onlyPanel(OutputChannel channel, double... values) {
        double[][] rows = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            rows[i] = new double[] {values[i]};
        }
        Scenario s = new Scenario("mark", "", Patient.referenceAdult(), List.of(), List.of(), 1000, Recording.every(24));
        SimulationResult r = new SimulationResult(s, Mode.REFERENCE, new Trajectory(List.of(channel),
                new double[] {0, 8766, 26298}, rows), Map.of(), Map.of(), "0");
        List<Panel> panels = RunCharts.panels(List.of(r));
        assertThat(panels).extracting(Panel::id).containsExactly(channel.id());
        return panels.get(0);
    }
}
