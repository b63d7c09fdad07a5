package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.MolarMass;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.trial.BaselineLabs;
import org.vascalc.simulation.trial.TrialSpec;
import org.vascalc.simulation.trial.Vintage;

/** Trial files: the published examples read, and each kind of mistake is reported with its field and the allowed values. */
class TrialFilesTest {

    private static final String GOOD = """
            title: "a trial"
            citation: Houslay2006
            design: "two arms"
            population: mesa
            inclusion:
              sex: female
              ageYears: {low: 55, high: 65}
              baselineCacAgatston: {low: 1}
              noStatin: true
            years: 2
            arms:
              - label: placebo
                description: "nothing"
                interventions: []
              - label: statin
                description: "a high-intensity statin"
                interventions:
                  - type: statin
                    intensity: high
                    schedule: {clockHours: [20]}
            outcomes:
              - name: progression
                output: cacAgatston
                measure: annualProgressionRatio
                published: {value: 7, low: -3, high: 18, locator: "abstract"}
            mapping: "as is"
            """;

    @Test
    void everyPublishedTrialFileReads() {
        Map<String, Path> all = TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER));
        assertThat(all.keySet()).contains("saltire", "manson2010", "bolland2008", "knapen2015", "avadec", "anderson2016",
                "anderson2016diet", "chertow2002", "care2", "shea2009", "shea2009cac10", "zwakenberg2019", "renakvit", "ipackhd",
                "block2012", "improveckd", "win2019", "schmermund2006", "fulton2016", "kurnatowska2015", "naiyarakseree2023",
                "naiyarakseree2023dm", "valkyrie", "k4kidneys");
        for (Map.Entry<String, Path> e : all.entrySet()) {
            TrialSpec s = TrialFiles.load(e.getValue());
            assertThat(s.key()).isEqualTo(e.getKey());
            assertThat(s.arms()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(s.outcomes()).isNotEmpty();
        }
    }

    @Test
    void theGeneratedReportHoldsEveryPublishedTrialAndEachCitationIsInTheBibliography() throws Exception {
        String report = Files.readString(ProjectFiles.require("docs/trials.md"));
        String bib = Files.readString(ProjectFiles.require("docs/references.bib"));
        for (Map.Entry<String, Path> e : TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER)).entrySet()) {
            TrialSpec s = TrialFiles.load(e.getValue());
            assertThat(report).as("docs/trials.md is stale: run ./vascalc trial --all --write docs/trials.md")
                    .contains("### " + s.key() + ": " + s.title());
            assertThat(bib).as(s.citation()).containsPattern("@\\w+\\{" + s.citation() + ",");
        }
    }

    /** The food and tablet calcium of an arm, mg a day (every schedule here is daily). */
    private static double[] calciumMgPerDay(TrialSpec.Arm arm) {
        double food = 0;
        double tablets = 0;
        for (Intervention iv : arm.interventions()) {
            if (iv instanceof Intervention.DietaryCalcium d) {
                food += d.mgPerMeal() * d.schedule().intakesPerWeek() / 7.0;
            } else if (iv instanceof Intervention.CalciumSupplement c) {
                tablets += c.elementalMgPerDose() * c.schedule().intakesPerWeek() / 7.0;
            }
        }
        return new double[] {food, tablets};
    }

    @Test
    void theMesaCalciumFilesGiveTheIntakesTheirDesignsState() {
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        double habitualMg = MolarMass.CALCIUM.mmolToMg(catalog.value("caHabitualIntake"));
        Path folder = ProjectFiles.require(TrialFiles.FOLDER);
        // anderson2016 mirrors "after accounting for total calcium intake": the supplement arm's food plus
        // tablet equals the non-users' habitual total (within the files' 0.1 mg rounding)
        TrialSpec supplement = TrialFiles.load(folder.resolve("anderson2016.yaml"));
        assertThat(supplement.control().interventions()).as("non-users eat the habitual diet").isEmpty();
        double[] arm = calciumMgPerDay(supplement.arm("supplement").orElseThrow());
        assertThat(arm[1]).isEqualTo(500);
        assertThat(arm[0] + arm[1]).isCloseTo(habitualMg, within(0.5));
        // anderson2016diet: the quintile means, in the habitual meals' shares
        TrialSpec diet = TrialFiles.load(folder.resolve("anderson2016diet.yaml"));
        double[] q1 = calciumMgPerDay(diet.control());
        double[] q5 = calciumMgPerDay(diet.arm("q5-2157mg").orElseThrow());
        assertThat(q1[0]).isCloseTo(313.3, within(0.5));
        assertThat(q5[0]).isCloseTo(2157.4, within(0.5));
        assertThat(q1[1] + q5[1]).as("no tablets in the diet comparison").isZero();
        double shareSum = catalog.value("habitualBreakfastCalciumShare") + catalog.value("habitualLunchCalciumShare")
                + catalog.value("habitualSnackCalciumShare") + catalog.value("habitualDinnerCalciumShare");
        var breakfast = (Intervention.DietaryCalcium) diet.arm("q5-2157mg").orElseThrow().interventions().get(0);
        assertThat(breakfast.mgPerMeal() / q5[0]).isCloseTo(catalog.value("habitualBreakfastCalciumShare") / shareSum,
                within(1e-3));
    }

    @Test
    void aGoodFileMapsOntoTheRecords() {
        TrialSpec s = TrialFiles.parse(GOOD, "t", "test");
        assertThat(s.population()).isEqualTo(Population.MESA);
        assertThat(s.inclusion().sex()).contains(Sex.FEMALE);
        assertThat(s.inclusion().ageYears().contains(54.9)).isFalse();
        assertThat(s.inclusion().ageYears().contains(60)).isTrue();
        assertThat(s.inclusion().needsBaselineScan()).isTrue();
        assertThat(s.inclusion().noStatin()).isTrue();
        assertThat(s.control().label()).isEqualTo("placebo");
        assertThat(s.arms().get(1).interventions()).singleElement().isInstanceOf(Intervention.Statin.class);
        assertThat(s.arms().get(1).givesStatin()).isTrue();
        TrialSpec.Outcome o = s.outcomes().get(0);
        assertThat(o.arm()).as("the outcome's arm defaults to the first compared arm").isEqualTo("statin");
        assertThat(o.measure()).isEqualTo(TrialSpec.Measure.ANNUAL_PROGRESSION_RATIO);
        assertThat(o.unit()).isEqualTo("AU");
        assertThat(o.published().low()).hasValue(-3);
        assertThat(o.whyOutside()).as("no diagnosed reason unless the file gives one").isEmpty();
        String why = GOOD.replace("locator: \"abstract\"}", "locator: \"abstract\"}\n    whyOutside: \" a reason \"");
        assertThat(TrialFiles.parse(why, "t", "test").outcomes().get(0).whyOutside()).isEqualTo("a reason");
        String notText = GOOD.replace("locator: \"abstract\"}", "locator: \"abstract\"}\n    whyOutside: [1]");
        assertThatThrownBy(() -> TrialFiles.parse(notText, "t", "test"))
                .hasMessageContaining("outcomes[0].whyOutside").hasMessageContaining("expected text");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceWithItsFieldAndTheAllowedValues() {
        String bad = GOOD.replace("population: mesa", "population: framingham")
                .replace("measure: annualProgressionRatio", "measure: meanRatio")
                .replace("output: cacAgatston", "output: cac")
                .replace("intensity: high", "intensity: extreme")
                .replace("published: {value: 7, low: -3, high: 18,", "published: {value: 7, low: -3,")
                .replace("years: 2", "years: 2\nsize: 3");
        assertThatThrownBy(() -> TrialFiles.parse(bad, "t", "trial file t.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    var problems = ((InvalidInputException) e).problems();
                    assertThat(problems).extracting(InputProblem::path).contains("population", "size",
                            "outcomes[0].measure", "outcomes[0].output", "arms[1].interventions[0].intensity",
                            "outcomes[0].published.high");
                })
                .hasMessageContaining("trial file t.yaml has")
                .hasMessageContaining("[mesa, cric, plausible]")
                .hasMessageContaining("changeDifference")
                .hasMessageContaining("wall.hazardMi")
                .hasMessageContaining("unknown key 'size'");
    }

    @Test
    void anOutcomeMustNameAComparedArmAndAMeasureItsOutputSuits() {
        String bad = GOOD.replace("measure: annualProgressionRatio", "measure: hazardRatio\n    arm: placebo");
        assertThatThrownBy(() -> TrialFiles.parse(bad, "t", "t"))
                .hasMessageContaining("outcomes[0].arm").hasMessageContaining("[statin]")
                .hasMessageContaining("a hazardRatio needs a cumulative-hazard output");
        String threshold = GOOD.replace("measure: annualProgressionRatio", "measure: endOddsRatio");
        assertThatThrownBy(() -> TrialFiles.parse(threshold, "t", "t"))
                .hasMessageContaining("outcomes[0].threshold").hasMessageContaining("missing");
        String risk = GOOD.replace("measure: annualProgressionRatio", "measure: endRiskRatio");
        assertThatThrownBy(() -> TrialFiles.parse(risk, "t", "t"))
                .hasMessageContaining("outcomes[0].threshold").hasMessageContaining("missing");
        TrialSpec withThreshold = TrialFiles.parse(risk.replace("measure: endRiskRatio", "measure: endRiskRatio\n    threshold: 0"),
                "t", "t");
        assertThat(withThreshold.outcomes().get(0).threshold()).isZero();
        String median = GOOD.replace("measure: annualProgressionRatio", "measure: medianChangeDifference\n    threshold: 0");
        assertThatThrownBy(() -> TrialFiles.parse(median, "t", "t"))
                .hasMessageContaining("outcomes[0].threshold").hasMessageContaining("only an endOddsRatio or an endRiskRatio");
    }

    /**
     * A trial designer's usual slips in names, each refused with the allowed names and the one nearest to what was
     * typed, in the form of an unknown key's (review11: "expected one of [mesa, cric, plausible], found 'crick'"
     * named no near one; an outcome naming an arm whose label was misspelt listed the arms as "[]").
     */
    @Test
    void aDesignersSlipInANameIsNamedWithTheNearestAllowedOne() {
        String slips = GOOD.replace("population: mesa", "population: crick")
                .replace("intensity: high", "intensity: hihg")
                .replace("output: cacAgatston", "output: cacagatston")
                .replace("measure: annualProgressionRatio", "measure: annualProgresionRatio\n    arm: statn");
        assertThatThrownBy(() -> TrialFiles.parse(slips, "t", "t")).satisfies(e -> assertThat(
                ((InvalidInputException) e).problems().stream().map(p -> p.path() + ": " + p.message()).toList()).containsExactly(
                "population: expected one of [mesa, cric, plausible], found 'crick' (did you mean 'cric'?)",
                "arms[1].interventions[0].intensity: expected one of [moderate, high], found text 'hihg' (did you mean "
                        + "'high'?)",
                "outcomes[0].output: expected one of [cacAgatston, cacIntimalMass, cacMedialMass, pwv, sbp, dpUcMgp, t50, "
                        + "wall.hazardMi, wall.hazardStroke, wall.hazardHf, wall.hazardCvDeath, wall.leg.medialMineral, "
                        + "wall.leg.macroCalcium, serumPhosphate], found 'cacagatston' (did you mean 'cacAgatston'?)",
                "outcomes[0].measure: expected one of [changeDifference, percentChangeDifference, annualProgressionRatio, "
                        + "hazardRatio, endOddsRatio, endRiskRatio, medianChangeDifference, "
                        + "medianPercentChangeDifference], found 'annualProgresionRatio' (did you mean "
                        + "'annualProgressionRatio'?)",
                "outcomes[0].arm: expected one of the arms compared with the control [statin], found 'statn' (did you "
                        + "mean 'statin'?)"));
        // the arm the outcome names is there, its label misspelt: not "the arms ... [], found 'statin'"
        String label = GOOD.replace("  - label: statin", "  - lable: statin")
                .replace("measure: annualProgressionRatio", "measure: annualProgressionRatio\n    arm: statn");
        assertThatThrownBy(() -> TrialFiles.parse(label, "t", "t")).satisfies(e -> assertThat(
                ((InvalidInputException) e).problems().stream().map(p -> p.path() + ": " + p.message()).toList()).contains(
                "arms[1].lable: unknown key 'lable' (did you mean 'label'?); allowed here: label, description, "
                        + "interventions",
                "outcomes[0].arm: expected one of the arms compared with the control [], found 'statn'; arms[1] has no "
                        + "label to name"));
    }

    /** A trial of one's own has no published result: the messages say how to state that (review11). */
    @Test
    void aTrialNotPublishedIsToldHowToSaySo() {
        String none = GOOD.replace("    published: {value: 7, low: -3, high: 18, locator: \"abstract\"}\n", "");
        assertThatThrownBy(() -> TrialFiles.parse(none, "t", "t")).hasMessageContaining("outcomes[0].published: missing; "
                + "give the published effect").hasMessageContaining("a trial not published: published: {locator: "
                + "\"not published\"}");
        String empty = GOOD.replace("{value: 7, low: -3, high: 18, locator: \"abstract\"}", "{}");
        assertThatThrownBy(() -> TrialFiles.parse(empty, "t", "t")).hasMessageContaining("outcomes[0].published.locator: "
                + "missing; say where in the source the numbers are, e.g. locator: \"Table 2\" (a trial not published: "
                + "locator: \"not published\")");
        TrialSpec own = TrialFiles.parse(GOOD.replace("{value: 7, low: -3, high: 18, locator: \"abstract\"}",
                "{locator: \"not published\"}"), "t", "t");
        assertThat(own.outcomes().get(0).published().value()).isEmpty();
    }

    @Test
    void aTrialNeedsTwoArmsDistinctLabelsAndAPublishedIntervalInsideItsBounds() {
        String oneArm = GOOD.substring(0, GOOD.indexOf("  - label: statin")) + "outcomes: []\nmapping: x\n";
        assertThatThrownBy(() -> TrialFiles.parse(oneArm, "t", "t"))
                .hasMessageContaining("give at least two arms").hasMessageContaining("give at least one outcome");
        String twice = GOOD.replace("label: statin", "label: placebo");
        assertThatThrownBy(() -> TrialFiles.parse(twice, "t", "t")).hasMessageContaining("arms[1].label")
                .hasMessageContaining("names another arm");
        String outside = GOOD.replace("value: 7,", "value: 30,");
        assertThatThrownBy(() -> TrialFiles.parse(outside, "t", "t")).hasMessageContaining("outcomes[0].published.value")
                .hasMessageContaining("outside its own interval");
        String range = GOOD.replace("ageYears: {low: 55, high: 65}", "ageYears: {low: 65, high: 55}");
        // review16: the field and its unit, numbers as typed ("low = 65.0 is above high = 55.0" had neither)
        assertThatThrownBy(() -> TrialFiles.parse(range, "t", "t"))
                .hasMessageContaining("inclusion.ageYears.low: age low = 65 years is above high = 55 years");
        String egfr = GOOD.replace("ageYears: {low: 55, high: 65}", "egfrMlPerMin: {low: 60.5, high: 30}");
        assertThatThrownBy(() -> TrialFiles.parse(egfr, "t", "t")).hasMessageContaining(
                "inclusion.egfrMlPerMin.low: eGFR low = 60.5 mL/min/1.73 m² is above high = 30 mL/min/1.73 m²");
        String age = GOOD.replace("ageYears: {low: 55, high: 65}", "ageYears: {low: 5}");
        assertThatThrownBy(() -> TrialFiles.parse(age, "t", "t")).hasMessageContaining("inclusion.ageYears.low")
                .hasMessageContaining("outside the allowed range");
    }

    /**
     * The edges the order checks allow: an interval of one point (low = high) and a published value
     * at an end of its own interval are taken (mutation testing found these boundaries untested).
     */
    @Test
    void anIntervalOfOnePointAndAValueAtAnEndOfItsIntervalAreTaken() {
        TrialSpec ages = TrialFiles.parse(GOOD.replace("ageYears: {low: 55, high: 65}", "ageYears: {low: 60, high: 60}"),
                "t", "t");
        assertThat(ages.inclusion().ageYears().low()).hasValue(60);
        assertThat(ages.inclusion().ageYears().high()).hasValue(60);
        for (String edge : new String[] {"value: -3,", "value: 18,"}) {
            assertThat(TrialFiles.parse(GOOD.replace("value: 7,", edge), "t", "t").outcomes()).hasSize(1);
        }
        assertThat(TrialFiles.parse(GOOD.replace("low: -3, high: 18", "low: 7, high: 7"), "t", "t").outcomes()).hasSize(1);
        assertThatThrownBy(() -> TrialFiles.parse(GOOD.replace("value: 7,", "value: 18.5,"), "t", "t"))
                .hasMessageContaining("outcomes[0].published.value: value = 18.5 lies outside its own interval [-3.0, 18.0]");
        String onDialysis = GOOD.replace("years: 2", "conditions:\n  - type: haemodialysis\nyears: 2");
        assertThat(TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: {low: 3, high: 3}\nyears: 2"), "t", "t")
                .vintage()).isEqualTo(new Vintage(3, 3));
    }

    /**
     * A figure published in a form no measure holds (Zwakenberg 2019's coefficient of the log-transformed CT mass)
     * is quoted as text in {@code otherForm}, never beside a value; the rows could not say so before (review,
     * forty-first session: they read "no number verified", as a row with nothing published).
     */
    @Test
    void aFigurePublishedInAnotherFormIsQuotedWithoutAValue() {
        String quoted = GOOD.replace("published: {value: 7, low: -3, high: 18, locator: \"abstract\"}",
                "published: {otherForm: \" coefficient of the log mass 0.50 (95% CI -0.23 to 1.36) \", locator: \"abstract\"}");
        TrialSpec.Published p = TrialFiles.parse(quoted, "t", "t").outcomes().get(0).published();
        assertThat(p.otherForm()).isEqualTo("coefficient of the log mass 0.50 (95% CI -0.23 to 1.36)");
        assertThat(p.inOtherForm()).isTrue();
        assertThat(p.value()).isEmpty();
        assertThat(TrialFiles.parse(GOOD, "t", "t").outcomes().get(0).published().inOtherForm()).isFalse();
        String both = GOOD.replace("published: {value: 7,", "published: {otherForm: \"log 0.5\", value: 7,");
        assertThatThrownBy(() -> TrialFiles.parse(both, "t", "t")).hasMessageContaining("outcomes[0].published.otherForm")
                .hasMessageContaining("given with value = 7.0");
        String blank = GOOD.replace("published: {value: 7, low: -3, high: 18,", "published: {otherForm: \"  \",");
        assertThatThrownBy(() -> TrialFiles.parse(blank, "t", "t")).hasMessageContaining("outcomes[0].published.otherForm")
                .hasMessageContaining("is empty");
        // the stored file: its two CT rows quote the coefficient, its dp-ucMGP row (cut in every copy) does not
        TrialSpec z = TrialFiles.load(ProjectFiles.require(TrialFiles.FOLDER).resolve("zwakenberg2019.yaml"));
        assertThat(z.outcomes().stream().map(o -> o.published().inOtherForm()).toList()).containsExactly(true, true, false);
        assertThat(z.outcomes().get(0).published().otherForm()).contains("0.50 (95% CI -0.23 to 1.36, P = 0.18)");
    }

    @Test
    void conditionsAreTheScenarioFilesOnes() {
        TrialSpec s = TrialFiles.parse(GOOD.replace("years: 2", "conditions:\n  - type: haemodialysis\nyears: 2"), "t", "t");
        assertThat(s.conditions()).containsExactly(new Condition.Haemodialysis());
        assertThatThrownBy(() -> TrialFiles.parse(GOOD.replace("years: 2", "conditions:\n  - type: dialysis\nyears: 2"),
                "t", "t")).hasMessageContaining("conditions[0].type").hasMessageContaining("haemodialysis");
    }

    @Test
    void aVintageIsOneNumberOrARangeOfYearsOnTheConditionsAndBadOnesAreNamedWithTheirRange() {
        String onDialysis = GOOD.replace("years: 2", "conditions:\n  - type: haemodialysis\nyears: 2");
        assertThat(TrialFiles.parse(onDialysis, "t", "t").vintage()).isEqualTo(Vintage.NONE);
        TrialSpec fixed = TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: 4\nyears: 2"), "t", "t");
        assertThat(fixed.vintage()).isEqualTo(Vintage.fixed(4));
        TrialSpec drawn = TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: {low: 1, high: 8}\nyears: 2"),
                "t", "t");
        assertThat(drawn.vintage()).isEqualTo(new Vintage(1, 8));
        assertThatThrownBy(() -> TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: 45\nyears: 2"), "t", "t"))
                .hasMessageContaining("vintageYears")
                .hasMessageContaining("time on the conditions before randomisation = 45 years is outside the allowed "
                        + "range 0 to 30");
        assertThatThrownBy(() -> TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: -1\nyears: 2"), "t", "t"))
                .hasMessageContaining("vintageYears").hasMessageContaining("outside the allowed range");
        assertThatThrownBy(() -> TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: four\nyears: 2"), "t",
                "t")).hasMessageContaining("vintageYears").hasMessageContaining("must be a number from 0 to 30");
        assertThatThrownBy(() -> TrialFiles.parse(onDialysis.replace("years: 2",
                "vintageYears: {low: 8, high: 1}\nyears: 2"), "t", "t"))
                .hasMessageContaining("vintageYears.low: low = 8 years is above high = 1 years"); // not 8.0 (review16)
        assertThatThrownBy(() -> TrialFiles.parse(onDialysis.replace("years: 2", "vintageYears: {low: 1}\nyears: 2"),
                "t", "t")).hasMessageContaining("vintageYears").hasMessageContaining("give both low and high");
        assertThatThrownBy(() -> TrialFiles.parse(GOOD.replace("years: 2", "vintageYears: 4\nyears: 2"), "t", "t"))
                .hasMessageContaining("vintageYears").hasMessageContaining("conditions is empty");
        assertThat(TrialFiles.parse(GOOD.replace("years: 2", "vintageYears: 0\nyears: 2"), "t", "t").vintage())
                .as("a vintage of 0 needs no condition").isEqualTo(Vintage.NONE);
    }

    /**
     * {@code baselineLabs}: each lab a {@code {mean, sd}} in the unit its key names, read onto the record with the
     * lab's hard limits as the draws' bounds; every bad value is named with its path, value, unit and range, all at
     * once (hdtrials, fifty-first session).
     */
    @Test
    void baselineLabsAreReadWithTheirUnitsAndEveryBadValueIsNamedAtOnce() {
        String labs = GOOD.replace("years: 2", """
                baselineLabs:
                  serumCalciumMmolL: {mean: 2.22, sd: 0.22}
                  serumPhosphateMmolL: {mean: 1.68, sd: 0.52}
                  pthPgMl: {mean: 293, sd: 334}
                years: 2""");
        TrialSpec s = TrialFiles.parse(labs, "t", "t");
        assertThat(s.baselineLabs().calcium()).hasValue(new BaselineLabs.Lab(2.22, 0.22, 1.5, 4.0, false));
        assertThat(s.baselineLabs().phosphate()).hasValue(new BaselineLabs.Lab(1.68, 0.52, 0.3, 4.0, false));
        assertThat(s.baselineLabs().pth()).hasValue(new BaselineLabs.Lab(293, 334, 1, 3000, true));
        assertThat(TrialFiles.parse(GOOD, "t", "t").baselineLabs()).isEqualTo(BaselineLabs.NONE);
        TrialSpec onlyP = TrialFiles.parse(GOOD.replace("years: 2",
                "baselineLabs:\n  serumPhosphateMmolL: {mean: 1.8, sd: 0}\nyears: 2"), "t", "t");
        assertThat(onlyP.baselineLabs().calcium()).isEmpty();
        assertThat(onlyP.baselineLabs().pth()).isEmpty();

        String bad = GOOD.replace("years: 2", """
                baselineLabs:
                  serumCalciumMmolL: {mean: 9.2, sd: 0.22}
                  serumPhosphateMmolL: {mean: 1.68, sd: -1}
                  pthPgMl: {mean: 293}
                  fgf23: {mean: 1, sd: 1}
                years: 2""");
        assertThatThrownBy(() -> TrialFiles.parse(bad, "t", "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("baselineLabs.serumCalciumMmolL.mean")
                .hasMessageContaining("serum total calcium = 9.2 mmol/L is outside the allowed range 1.5 to 4 mmol/L")
                .hasMessageContaining("if it is in mg/dL, 9.2 mg/dL is 2.30 mmol/L")
                .hasMessageContaining("baselineLabs.serumPhosphateMmolL.sd")
                .hasMessageContaining("SD of serum phosphate = -1 mmol/L is outside the allowed range 0 to 1.5 mmol/L")
                .hasMessageContaining("baselineLabs.pthPgMl.sd: missing")
                .hasMessageContaining("baselineLabs.fgf23: unknown key 'fgf23'");
        assertThatThrownBy(() -> TrialFiles.parse(GOOD.replace("years: 2", "baselineLabs: {}\nyears: 2"), "t", "t"))
                .hasMessageContaining("baselineLabs: give at least one of serumCalciumMmolL, serumPhosphateMmolL, pthPgMl");
        assertThatThrownBy(() -> TrialFiles.parse(GOOD.replace("years: 2",
                "baselineLabs:\n  pthPgMl: 300\nyears: 2"), "t", "t"))
                .hasMessageContaining("baselineLabs.pthPgMl").hasMessageContaining("expected an object with keys [mean, sd]");
    }

    @Test
    void badSyntaxAndWrongFilesAreNamed(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> TrialFiles.parse("title: [unclosed", "t", "t")).hasMessageContaining("line")
                .hasMessageContaining("not valid YAML");
        Path txt = Files.writeString(dir.resolve("t.txt"), GOOD);
        assertThatThrownBy(() -> TrialFiles.load(txt)).hasMessageContaining("must end in .yaml or .yml");
        assertThatThrownBy(() -> TrialFiles.load(dir.resolve("missing.yaml"))).hasMessageContaining("no such file");
        Path ok = Files.writeString(dir.resolve("mine.yaml"), GOOD);
        assertThat(TrialFiles.load(ok).key()).isEqualTo("mine");
    }

    @Test
    void theInclusionReadsDiabetesAndTheUsualVitaminKIntakeAndAnOutcomeMayReadTheLegBed() {
        TrialSpec plain = TrialFiles.parse(GOOD, "t", "t");
        assertThat(plain.inclusion().diabetes()).isEmpty();
        assertThat(plain.inclusion().vitaminKIntakeUgPerDay().isAny()).isTrue();
        String text = GOOD.replace("  noStatin: true", "  noStatin: true\n  diabetes: true\n  vitaminKIntakeUgPerDay: {high: 120}")
                .replace("output: cacAgatston", "output: wall.leg.medialMineral");
        TrialSpec s = TrialFiles.parse(text, "t", "t");
        assertThat(s.inclusion().diabetes()).contains(true);
        assertThat(s.inclusion().vitaminKIntakeUgPerDay().isAny()).isFalse();
        assertThat(s.inclusion().vitaminKIntakeUgPerDay().contains(120)).isTrue();
        assertThat(s.inclusion().vitaminKIntakeUgPerDay().contains(120.1)).isFalse();
        assertThat(s.outcomes().get(0).unit()).isEqualTo("mg");
        assertThat(TrialFiles.parse(GOOD.replace("  noStatin: true", "  diabetes: false"), "t", "t").inclusion().diabetes())
                .contains(false);
        String bad = GOOD.replace("  noStatin: true", "  diabetes: yes please\n  vitaminKIntakeUgPerDay: {low: 200, high: 100}");
        assertThatThrownBy(() -> TrialFiles.parse(bad, "t", "t"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InputProblem::path)
                        .contains("inclusion.diabetes", "inclusion.vitaminKIntakeUgPerDay.low"))
                .hasMessageContaining("expected true or false")
                .hasMessageContaining("above high");
        String outside = GOOD.replace("  noStatin: true", "  vitaminKIntakeUgPerDay: {high: 90000}");
        assertThatThrownBy(() -> TrialFiles.parse(outside, "t", "t"))
                .hasMessageContaining("inclusion.vitaminKIntakeUgPerDay.high").hasMessageContaining("outside the allowed range");
        String empty = GOOD.replace("  noStatin: true", "  vitaminKIntakeUgPerDay: {}");
        assertThatThrownBy(() -> TrialFiles.parse(empty, "t", "t"))
                .hasMessageContaining("inclusion.vitaminKIntakeUgPerDay").hasMessageContaining("give low, high or both");
    }

    @Test
    void theInclusionReadsABaselineSerumPhosphateAndAnOutcomeMayReadTheSerumPhosphate() {
        TrialSpec plain = TrialFiles.parse(GOOD, "t", "t");
        assertThat(plain.inclusion().serumPhosphateMmolPerL().isAny()).isTrue();
        String text = GOOD.replace("  baselineCacAgatston: {low: 1}\n", "")
                .replace("  noStatin: true", "  serumPhosphateMmolPerL: {low: 1.13, high: 1.94}")
                .replace("output: cacAgatston", "output: serumPhosphate")
                .replace("measure: annualProgressionRatio", "measure: changeDifference");
        TrialSpec s = TrialFiles.parse(text, "t", "t");
        assertThat(s.inclusion().baselineCac().isAny()).as("the phosphate alone asks for the screening run").isTrue();
        assertThat(s.inclusion().needsBaselineScan()).isTrue();
        assertThat(s.inclusion().serumPhosphateMmolPerL().contains(1.13)).isTrue();
        assertThat(s.inclusion().serumPhosphateMmolPerL().contains(1.95)).isFalse();
        assertThat(s.outcomes().get(0).unit()).isEqualTo("mmol/L");
        String outside = GOOD.replace("  noStatin: true", "  serumPhosphateMmolPerL: {high: 12}");
        assertThatThrownBy(() -> TrialFiles.parse(outside, "t", "t"))
                .hasMessageContaining("inclusion.serumPhosphateMmolPerL.high").hasMessageContaining("outside the allowed range");
    }

    @Test
    void theInclusionReadsABaselinePulseWaveVelocity() {
        assertThat(TrialFiles.parse(GOOD, "t", "t").inclusion().baselinePwvMPerS().isAny()).isTrue();
        String text = GOOD.replace("  baselineCacAgatston: {low: 1}\n", "")
                .replace("  noStatin: true", "  baselinePwvMPerS: {low: 10}");
        TrialSpec s = TrialFiles.parse(text, "t", "t");
        assertThat(s.inclusion().baselineCac().isAny()).as("the PWV alone asks for the screening run").isTrue();
        assertThat(s.inclusion().needsBaselineScan()).isTrue();
        assertThat(s.inclusion().baselinePwvMPerS().contains(10)).isTrue();
        assertThat(s.inclusion().baselinePwvMPerS().contains(9.99)).isFalse();
        String cmPerS = GOOD.replace("  noStatin: true", "  baselinePwvMPerS: {low: 1000}");
        assertThatThrownBy(() -> TrialFiles.parse(cmPerS, "t", "t"))
                .hasMessageContaining("inclusion.baselinePwvMPerS.low").hasMessageContaining("outside the allowed range")
                .hasMessageContaining("m/s");
    }

    @Test
    void aTrialFileWithASecondDocumentIsRefused() throws Exception {
        // robust (thirty-third session): a second document after --- was read past in silence
        String avadec = Files.readString(ProjectFiles.require(TrialFiles.FOLDER).resolve("avadec.yaml"));
        assertThat(TrialFiles.parse(avadec, "avadec", "t").key()).isEqualTo("avadec");
        assertThatThrownBy(() -> TrialFiles.parse(avadec + "\n---\nyears: 9\n", "avadec", "t"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("second YAML document");
    }

    @Test
    void aTrialFileWithAYamlAliasIsRefusedByName() throws Exception {
        String avadec = Files.readString(ProjectFiles.require(TrialFiles.FOLDER).resolve("avadec.yaml"));
        assertThatThrownBy(() -> TrialFiles.parse(avadec + "\nx: &n 1\ny: *n\n", "avadec", "t"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("YAML alias *n");
    }

    @Test
    void aTrialFileFarLargerThanAnyRealOneIsRefusedAtOnceAndTheLargestExamplePaddedToTheLimitReads(@TempDir Path dir)
            throws Exception {
        ScenarioFilesTest.assertAFiveMegabyteLineIsRefusedAtOnce(dir, TrialFiles::load, "a trial file");
        ScenarioFilesTest.assertAOneMegabyteLineIsRefusedByItsLength(dir, TrialFiles::load, "a trial file");
        Path padded = dir.resolve("block2012.yaml");
        Files.writeString(padded, ScenarioFilesTest.padded(Files.readString(ProjectFiles.require("examples/trials/block2012.yaml")),
                (int) org.vascalc.core.input.FileKind.TRIAL.maxBytes()));
        assertThat(TrialFiles.load(padded).arms()).hasSizeGreaterThanOrEqualTo(2);
    }

}
