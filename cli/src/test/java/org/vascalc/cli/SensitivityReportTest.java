package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis.ParameterResult;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis.Plan;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis.Role;

/**
 * The sensitivity analysis as the reader gets it (console table, CSV, Markdown page) from a hand-made
 * result: two outputs, five parameters, numbers chosen so every swing, percentage and rank is worked out
 * by hand from the definitions in {@code sensitivity --help} and the page's Method section (swing = the
 * spread of the baseline and the ends that ran; a swing below 1e-6 of the baseline is no effect).
 *
 * <pre>
 * output ca (mmol/L), baseline 2.5; pth (pg/mL), baseline 40
 * gutRate  assumption 1 1/h, 0.5-2    ca 2.25 / 2.75    swing 0.5    20.0 %  el +0.1  | pth 40 / 40  swing 0: no effect
 * snack    assumption 15 h, 10-22     ca failed / 2.625 swing 0.125   5.00 %  el n/a   | pth failed / 41  swing 1   2.50 %
 * hillN    literature 3, 1-5 (+copy)  ca 2.46875/2.53125 swing 0.0625 2.50 % el -0.02 | pth 30 / 50  swing 20  50.0 %
 * noise    assumption 2 d, 1-4        ca 2.5 / 2.5+1e-9 (no effect)                     | pth 40 / 42  swing 2   5.00 %
 * plaqueLogSd  between-person SD: not run
 * ranks: ca gutRate, snack, hillN; pth hillN, noise, snack
 * </pre>
 */
class SensitivityReportTest {

    private static final double NAN = Double.NaN;

    private static ParameterResult result(Parameter p, Role role, double[] low, double[] high, double[] el,
                                          String failure, String... together) {
        return new ParameterResult(new Plan(p, role, p.low(), p.high(), p.value() * Math.exp(-0.05),
                p.value() * Math.exp(0.05), List.of(together)), low, high, el, failure);
    }

    private static final String FAILURE = "run failed at low end (10 h): meals, then snacks, must ascend";

    private static SensitivityReport report() {
        return report(List.of("gutRate", "snack", "hillN", "noise", "plaqueLogSd"));
    }

    private static SensitivityReport report(List<String> names) {
        Parameter gut = new Parameter("gutRate", 1, "1/h", 0.5, 2, new Evidence.Assumption("guessed | roughly"), "gut");
        Parameter snack = new Parameter("snack", 15, "h", 10, 22, new Evidence.Assumption("habit"), "snack hour");
        Parameter hill = new Parameter("hillN", 3, "1", 1, 5, new Evidence.Literature("Brown1991", "Fig. 2"), "Hill");
        Parameter noise = new Parameter("noise", 2, "d", 1, 4, new Evidence.Assumption("tiny"), "noise");
        Parameter sd = new Parameter("plaqueLogSd", 0.5, "1", 0.1, 1, new Evidence.Assumption("spread"), "SD");
        List<ParameterResult> parameters = List.of(
                result(gut, Role.RANGE, new double[] {2.25, 40}, new double[] {2.75, 40}, new double[] {0.1, 0}, ""),
                result(snack, Role.RANGE, new double[] {NAN, NAN}, new double[] {2.625, 41}, new double[] {NAN, NAN},
                        FAILURE),
                result(hill, Role.RANGE, new double[] {2.46875, 30}, new double[] {2.53125, 50},
                        new double[] {-0.02, -1.5}, "", "hillCopy"),
                result(noise, Role.RANGE, new double[] {2.5, 40}, new double[] {2.5 + 1e-9, 42}, new double[] {0, 0.05}, ""),
                result(sd, Role.POPULATION_SPREAD, new double[] {NAN, NAN}, new double[] {NAN, NAN},
                        new double[] {NAN, NAN}, ""));
        Scenario s = new Scenario("two-years", "", Patient.referenceAdult(), List.of(), List.of(), 730.5,
                Recording.every(24));
        SensitivityAnalysis.Result r = new SensitivityAnalysis.Result(s, Mode.FAST,
                List.of(new OutputChannel("ca", "mmol/L", "serum calcium"), new OutputChannel("pth", "pg/mL", "PTH")),
                new double[] {2.5, 40}, parameters.stream().filter(p -> names.contains(p.plan().name())).toList(),
                "cat-sha", "in-sha", 17, java.util.Optional.empty());
        return new SensitivityReport(r, "`two.yaml` (`two-years`)");
    }

    /**
     * leftovers26: sensitivity.summary.json names each output's unit and whether it is a probability (a fraction 0 to 1
     * in the CSV, per cent on its tornado chart) beside the list of ids old readers read, which stays as it was.
     */
    @Test
    void theSummaryNamesEachOutputsUnitAndProbabilityMarkBesideTheIds() throws Exception {
        Scenario s = new Scenario("two-years", "", Patient.referenceAdult(), List.of(), List.of(), 730.5,
                Recording.every(24));
        SensitivityAnalysis.Result r = new SensitivityAnalysis.Result(s, Mode.FAST,
                List.of(new OutputChannel("ca", "mmol/L", "serum calcium"), new OutputChannel("riskMi", "1", "MI risk", true)),
                new double[] {2.5, 0.01}, List.of(), "cat-sha", "in-sha", 1, java.util.Optional.empty());
        String json = new SensitivityReport(r, "`two.yaml` (`two-years`)").summaryJson(
                new org.vascalc.simulation.output.Provenance("1", "abc", "two.yaml", "s", "p", "FAST"), "sensitivity.csv", "h");
        com.fasterxml.jackson.databind.JsonNode analysis = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)
                .get("analysis");
        assertThat(analysis.get("outputs").toString()).isEqualTo("[\"ca\",\"riskMi\"]");
        assertThat(analysis.get("outputChannels").toString()).isEqualTo("[{\"id\":\"ca\",\"unit\":\"mmol/L\","
                + "\"probability\":false},{\"id\":\"riskMi\",\"unit\":\"1\",\"probability\":true}]");
    }

    /** A risk (a probability, recorded as a fraction) and a dimensionless share that is none, one parameter. */
    private static SensitivityReport riskReport() {
        Parameter gut = new Parameter("gutRate", 1, "1/h", 0.5, 2, new Evidence.Assumption("guessed"), "gut");
        Scenario s = new Scenario("two-years", "", Patient.referenceAdult(), List.of(), List.of(), 730.5,
                Recording.every(24));
        SensitivityAnalysis.Result r = new SensitivityAnalysis.Result(s, Mode.FAST,
                List.of(new OutputChannel("riskMi", "1", "MI risk", true), new OutputChannel("share", "1", "a share")),
                new double[] {0.25, 0.5}, List.of(result(gut, Role.RANGE, new double[] {0.125, 0.375},
                        new double[] {0.375, 0.625}, new double[] {0.2, 0.1}, "")),
                "cat-sha", "in-sha", 3, java.util.Optional.empty());
        return new SensitivityReport(r, "`two.yaml` (`two-years`)");
    }

    /**
     * leftovers30: a risk's CSV unit is the trajectory CSV's {@code {probability}} (it was "1", like any fraction's);
     * its numbers stay fractions, as the trajectory CSV's; a dimensionless output that is no probability keeps "1".
     */
    @Test
    void aRisksCsvUnitSaysProbabilityAsTheTrajectoryCsvsHeader() {
        assertThat(riskReport().csv().lines().toList()).containsSubsequence(
                "gutRate,assumption,RANGE,1.0,1/h,0.5,2.0,riskMi,{probability},0.25,0.125,0.375,0.25,100.0,0.2,1,",
                "gutRate,assumption,RANGE,1.0,1/h,0.5,2.0,share,1,0.5,0.375,0.625,0.25,50.0,0.1,1,");
        assertThat(new OutputChannel("riskMi", "1", "MI risk", true).header())
                .isEqualTo("riskMi(" + new OutputChannel("riskMi", "1", "MI risk", true).tableUnit() + ")");
    }

    /**
     * leftovers30: a risk on the console in per cent with "%", as its tornado chart, the tables and cohort's shares
     * give it (it was a fraction headed "(1)"); the swing % is relative and unchanged; a share that is no probability
     * stays as it was.
     */
    @Test
    void aRiskIsPrintedOnTheConsoleInPerCent() {
        assertThat(squeezed(riskReport().console(1))).containsSubsequence(
                "riskMi (%): baseline 25.00 at the end of the run; top 1 by swing",
                "1 gutRate assumption 1.000 0.5000 to 2.000 1/h 12.50 37.50 100 +0.200",
                "share (1): baseline 0.5000 at the end of the run; top 1 by swing",
                "1 gutRate assumption 1.000 0.5000 to 2.000 1/h 0.3750 0.6250 50.0 +0.100");
    }

    /**
     * riskunit: the generated pages (docs/model/sensitivity*.md) headed a risk {@code ## riskMi (1)} with fractions
     * while the console gives it in per cent. The page follows the console: "(%)", baseline and ends times 100, the
     * swing % and elasticity unchanged; a share that is no probability as it was.
     */
    @Test
    void aRiskIsInPerCentOnTheGeneratedPage() {
        String page = riskReport().markdown(1, "./vascalc sensitivity --write x.md");
        assertThat(page).contains("## riskMi (%)\n", "Baseline at the end of the run: 25.00 %.",
                "| 1/h | 12.50 | 37.50 | 100 | +0.200 |", "## share (1)\n", "Baseline at the end of the run: 0.5000 1.",
                "| 1/h | 0.3750 | 0.6250 | 50.0 | +0.100 |").doesNotContain("riskMi (1)");
    }

    private static List<String> squeezed(String text) {
        return text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void theConsoleRanksByTheSwingAndShowsItAsAPercentageOfTheBaseline() {
        List<String> three = squeezed(report().console(3));
        assertThat(three).containsSubsequence(
                "ca (mmol/L): baseline 2.500 at the end of the run; top 3 by swing",
                "# parameter evidence value range varied unit at low at high swing % elasticity",
                "1 gutRate assumption 1.000 0.5000 to 2.000 1/h 2.250 2.750 20.0 +0.100",
                "2 snack assumption 15.00 10.00 to 22.00 h failed 2.625 5.00 n/a",
                FAILURE,
                "3 hillN + hillCopy literature 3.000 1.000 to 5.000 1 2.469 2.531 2.50 -0.0200",
                "pth (pg/mL): baseline 40.00 at the end of the run; top 3 by swing",
                "1 hillN + hillCopy literature 3.000 1.000 to 5.000 1 30.00 50.00 50.0 -1.50",
                "2 noise assumption 2.000 1.000 to 4.000 d 40.00 42.00 5.00 +0.0500",
                "3 snack assumption 15.00 10.00 to 22.00 h failed 41.00 2.50 n/a",
                "Runs that failed (1 parameter):",
                "snack: " + FAILURE);
        assertThat(three).as("every shown parameter fits in the top 3: no line about the others")
                .noneMatch(l -> l.contains("the other"));
        assertThat(three).as("the sd is not run, so never ranked").noneMatch(l -> l.contains("plaqueLogSd"));

        List<String> two = squeezed(report().console(2));
        assertThat(two).contains("2 snack assumption 15.00 10.00 to 22.00 h failed 2.625 5.00 n/a")
                .noneMatch(l -> l.startsWith("3 "));

        List<String> four = squeezed(report().console(4));
        // ca: noise's swing 1e-9 is below 1e-6 x 2.5; pth: gutRate's is 0
        assertThat(four).containsSubsequence("ca (mmol/L): baseline 2.500 at the end of the run; top 4 by swing",
                "(the other 1 parameter moves it by less than 1e-06 of its baseline: no effect beyond solver round-off)",
                "pth (pg/mL): baseline 40.00 at the end of the run; top 4 by swing",
                "(the other 1 parameter moves it by less than 1e-06 of its baseline: no effect beyond solver round-off)");
        assertThat(four).noneMatch(l -> l.startsWith("4 "));
    }

    @Test
    void theHeadingPromisesNoMoreRowsThanParametersWereRun() {
        // review19: "--parameter caTotalRef" headed each output "top 10 by swing" over its one row
        List<String> ten = squeezed(report().console(10));
        assertThat(ten).contains("ca (mmol/L): baseline 2.500 at the end of the run; top 4 by swing",
                "pth (pg/mL): baseline 40.00 at the end of the run; top 4 by swing");
        assertThat(ten).noneMatch(l -> l.contains("top 10"));
    }

    @Test
    void theCsvHoldsEveryParameterAndOutputWithItsRank() {
        List<String> csv = report().csv().lines().toList();
        assertThat(csv.get(0)).isEqualTo("parameter,evidence,role,value,unit,low,high,output,outputUnit,baseline,"
                + "atLow,atHigh,swing,swingPercentOfBaseline,elasticity,rank,failure");
        assertThat(csv).hasSize(1 + 5 * 2).containsSubsequence(
                "gutRate,assumption,RANGE,1.0,1/h,0.5,2.0,ca,mmol/L,2.5,2.25,2.75,0.5,20.0,0.1,1,",
                "snack,assumption,RANGE,15.0,h,10.0,22.0,ca,mmol/L,2.5,,2.625,0.125,5.0,,2,\""
                        + FAILURE + "\"",
                "hillN,literature,RANGE,3.0,1,1.0,5.0,ca,mmol/L,2.5,2.46875,2.53125,0.0625,2.5,-0.02,3,",
                "plaqueLogSd,assumption,POPULATION_SPREAD,0.5,1,0.1,1.0,ca,mmol/L,2.5,,,,,,,",
                "gutRate,assumption,RANGE,1.0,1/h,0.5,2.0,pth,pg/mL,40.0,40.0,40.0,0.0,0.0,0.0,4,",
                "hillN,literature,RANGE,3.0,1,1.0,5.0,pth,pg/mL,40.0,30.0,50.0,20.0,50.0,-1.5,1,");
        // ranked 4th on ca though below the no-effect floor: the CSV keeps every number
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("noise,assumption,RANGE,2.0,d,1.0,4.0,ca,mmol/L,2.5,2.5,")
                .endsWith(",0.0,4,"));
    }

    @Test
    void thePageListsTheTopAssumptionsMostOutputsFirstTheFailuresAndWhatWasNotRun() {
        String page = report().markdown(3, "./vascalc sensitivity two.yaml --top 3 --write x.md");
        assertThat(page).contains("<!-- generated by `./vascalc sensitivity two.yaml --top 3 --write x.md`; do not edit")
                // 730.5 days = 2 years of 365.25 days
                .contains("- Scenario: `two.yaml` (`two-years`) (2.000 years, fast mode).")
                .contains("- 17 model runs; inputs sha256 `in-sha`").contains("`SensitivityPagesTest` fails")
                .contains("parameter set sha256 `cat-sha`")
                .contains("## ca (mmol/L)\n\nserum calcium. Baseline at the end of the run: 2.500 mmol/L.")
                .contains("| 1 | `gutRate` | assumption | 1.000 | 0.5000 to 2.000 | 1/h | 2.250 | 2.750 | 20.0 | +0.100 |")
                .contains("| 3 | `hillN + hillCopy` | literature | 3.000 | 1.000 to 5.000 | 1 | 2.469 | 2.531 | 2.50 | -0.0200 |")
                .contains("| 1 | `hillN + hillCopy` | literature | 3.000 | 1.000 to 5.000 | 1 | 30.00 | 50.00 | 50.0 | -1.50 |")
                .contains("\nFailed runs among these: `snack`: " + FAILURE + "\n")
                .contains("## The assumptions that most need evidence")
                .contains("in the top 3 of any output above with a swing of at least 0.1 % of the baseline")
                .contains("- `snack`: " + FAILURE + "\n")
                .contains("## Not run\n\n- `plaqueLogSd`: between-person SD, used only when drawing a cohort: not run\n");
        assertThat(page).as("three shown of three: no 'no other parameter' line").doesNotContain("No other parameter");
        // snack is in two outputs' top 3 (ca #2, pth #3); gutRate (ca #1) and noise (pth #2) in one each, the better
        // rank first; the bars of a rationale would end the table's cell
        List<String> rows = page.lines().filter(l -> l.startsWith("| `")).toList();
        assertThat(rows).containsExactly(
                "| `snack` | 15.00 | 10.00 to 22.00 | h | ca #2, pth #3 | habit |",
                "| `gutRate` | 1.000 | 0.5000 to 2.000 | 1/h | ca #1 | guessed / roughly |",
                "| `noise` | 2.000 | 1.000 to 4.000 | d | pth #2 | tiny |");

        String four = report().markdown(4, "cmd");
        assertThat(four).contains("\nNo other parameter moves it by more than 0.000001 of its baseline (1 parameter: no "
                + "effect beyond solver round-off).\n");
        // every parameter run is shown (hillN and snack move both outputs): no line about "0 parameters", as on
        // the console
        SensitivityReport all = report(List.of("hillN", "snack"));
        assertThat(all.markdown(10, "cmd")).contains("## ca (mmol/L)").doesNotContain("No other parameter");
        assertThat(all.console(10)).doesNotContain("the other");
    }

    @Test
    void smallNumbersAreFormattedAsTheTablesShowThem() {
        assertThat(SensitivityReport.pct(0, 0)).isEqualTo("0");
        assertThat(SensitivityReport.pct(1, 0)).isEqualTo("n/a");
        assertThat(SensitivityReport.pct(1, -4)).as("of the baseline's size").isEqualTo("25.0");
        assertThat(SensitivityReport.pct(NAN, 4)).isEqualTo("failed");
        assertThat(SensitivityReport.el(0)).isEqualTo("0");
        assertThat(SensitivityReport.el(0.5)).isEqualTo("+0.500");
        assertThat(SensitivityReport.el(NAN)).isEqualTo("n/a");
        assertThat(SensitivityReport.g(NAN)).isEqualTo("failed");
        assertThat(SensitivityReport.g(1234.5)).isEqualTo("1235");
    }

    @Test
    void noNumberIsWrittenInENotation() {
        // leftovers33: the pages showed a swing of 1.45e+03 % and "1e-06 of its baseline" ("%.3g", "%.0e")
        assertThat(SensitivityReport.pct(14.5, 1)).isEqualTo("1450");
        assertThat(SensitivityReport.pct(0.000012345, 1)).isEqualTo("0.00123");
        assertThat(SensitivityReport.el(-0.00002468)).isEqualTo("-0.0000247");
        assertThat(SensitivityReport.el(12345)).isEqualTo("+12300");
        assertThat(SensitivityReport.g(0.00002)).isEqualTo("0.00002000");
        assertThat(SensitivityReport.g(123456)).isEqualTo("123500");
        assertThat(report().markdown(4, "cmd")).doesNotContain("1e-06").contains("0.000001 of");
    }
}
