package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.FakeModel;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.flagship.FlagshipComparison;

/**
 * The comparison page's parts that need no model run: how a form becomes a person (the cross-field
 * checks), the number format of its sentences, the story paragraph on hand-made end-of-run values, and
 * the remembered comparisons (a counting model double, never the engine).
 */
class ComparePageReadTest {

    @Test
    void anEmptiedFieldIsRefusedWithItsRangeAndAnUnsentOneTakesTheDefault() {
        // review18: an emptied age ran the reference adult's 55 years unsaid, the form showing 55 again
        var emptied = ComparePage.read(form("age", "", "years", "", "sex", "female"));
        assertThat(emptied.key()).isNull();
        assertThat(emptied.problems().all()).extracting(org.vascalc.core.input.InputProblem::message)
                .containsExactly("age is empty; the allowed range is 18 to 110 years",
                        "simulated years is empty; the allowed range is 1 to 40 years");
        var unsent = ComparePage.read(form("sex", "female"));
        assertThat(unsent.problems().hasErrors()).isFalse();
        assertThat(unsent.key().patient().ageYears()).isEqualTo(org.vascalc.core.patient.Patient.referenceAdult().ageYears());
        String page = ((Response) new ComparePage(null).html(form("age", "", "sex", "female"))).body();
        assertThat(page).contains("name=\"age\" value=\"\"");
    }

    @Test
    void aDiastolicPressureEqualToTheSystolicIsRefusedOnTheDiastolicField() {
        var equal = ComparePage.read(form("sbp", "105", "dbp", "105"));
        assertThat(equal.key()).isNull();
        assertThat(equal.problems().all()).filteredOn(p -> p.severity() == org.vascalc.core.input.InputProblem.Severity.ERROR)
                .singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("dbp");
            assertThat(p.message()).isEqualTo("diastolic blood pressure = 105 mmHg must be below the systolic 105 mmHg");
        });
        var below = ComparePage.read(form("sbp", "105", "dbp", "104"));
        assertThat(below.problems().hasErrors()).isFalse();
        assertThat(below.key().patient().risk().diastolicBpMmHg()).isEqualTo(104);
    }

    @Test
    void theFormsValuesBecomeThePersonAndTheRunLength() {
        var req = ComparePage.read(form("age", "61", "sex", "m", "weight", "80", "height", "175", "egfr", "45",
                "sbp", "140", "dbp", "85", "tc", "210", "hdl", "40", "years", "7", "smoker", "true", "diabetes", "true"));
        assertThat(req.problems().all()).isEmpty();
        var p = req.key().patient();
        assertThat(p.ageYears()).isEqualTo(61);
        assertThat(p.sex()).isEqualTo(org.vascalc.core.patient.Sex.MALE);
        assertThat(p.weightKg()).isEqualTo(80);
        assertThat(p.heightCm()).isEqualTo(175);
        assertThat(p.egfrMlPerMin()).isEqualTo(45);
        assertThat(p.risk().systolicBpMmHg()).isEqualTo(140);
        assertThat(p.risk().totalCholesterolMgDl()).isEqualTo(210);
        assertThat(p.risk().hdlCholesterolMgDl()).isEqualTo(40);
        assertThat(p.risk().smoker()).isTrue();
        assertThat(p.risk().diabetes()).isTrue();
        assertThat(req.key().years()).isEqualTo(7);
    }

    @Test
    void anUnknownSexIsNamedAndTheOtherFieldsStillChecked() {
        var req = ComparePage.read(form("sex", "x", "age", "200"));
        assertThat(req.key()).isNull();
        assertThat(req.problems().all()).extracting(org.vascalc.core.input.InputProblem::path)
                .containsExactlyInAnyOrder("sex", "age");
    }

    @Test
    void numbersAreWholeWhenWholeOneDecimalFromTenAndTwoBelow() {
        assertThat(ComparePage.fmt(12)).isEqualTo("12");
        assertThat(ComparePage.fmt(-3)).isEqualTo("-3");
        assertThat(ComparePage.fmt(12.34)).isEqualTo("12.3");
        assertThat(ComparePage.fmt(10.04)).isEqualTo("10.0");
        assertThat(ComparePage.fmt(-12.34)).isEqualTo("-12.3");
        assertThat(ComparePage.fmt(9.876)).isEqualTo("9.88");
        assertThat(ComparePage.fmt(-0.5)).isEqualTo("-0.50");
        assertThat(ComparePage.fmt(2e9)).isEqualTo("2000000000.0"); // past a long's safe whole-number display: as a decimal
        assertThat(FormFields.hint(ComparePage.YEARS)).isEqualTo("years, 1 to 40");
    }

    private static SimulationResult run(double ct, double intimal, double medial) {
        return new SimulationResult(null, null, new Trajectory(List.of(
                new OutputChannel("cacAgatston", "AU", "CT score"),
                new OutputChannel("cacIntimalMass", "mg", "intimal"),
                new OutputChannel("cacMedialMass", "mg", "medial")),
                new double[] {0, 1}, new double[][] {{0, 0, 0}, {ct, intimal, medial}}), Map.of(), Map.of(), "sha");
    }

    private static FlagshipComparison.Results results(SimulationResult... runs) {
        return new FlagshipComparison.Results(List.of(), List.of(runs), List.of());
    }

    @Test
    void theStoryReadsTheEndOfEachArm() {
        // food 100 AU (40 + 10 mg); supplement 120 AU (45 + 25 mg): +20 % and 70 - 50 = 20 mg extra, of which
        // 25 - 10 = 15 mg (75 %) medial; MK-7 110 AU with 44.5 mg plaque and 18.4 mg medial calcium
        String story = ComparePage.story(results(run(100, 40, 10), run(120, 45, 25), run(110, 44.5, 18.4)));
        assertThat(story).isEqualTo("<p>CT score at the end: 100 AU from food, 120 AU with the supplement (+20.0 %), "
                + "110 AU with the supplement and MK-7. Of the extra coronary calcium, 75 % is medial. With MK-7, "
                + "medial calcium ends 18.4 mg against 25 mg without it, plaque calcium 44.5 mg against 45 mg.</p>\n");
    }

    @Test
    void theStorySaysNothingOfTheLayersWhenTheSupplementAddsNoCalcium() {
        // 20 mg in both arms; the CT score fell 200 -> 150 AU: -25 %
        String story = ComparePage.story(results(run(200, 15, 5), run(150, 12, 8), run(150, 12, 8)));
        assertThat(story).contains("(-25.0 %)").doesNotContain("is medial");
    }

    @Test
    void aSupplementsScoreAgainstAFoodScoreOfZeroIsNoPercentage() {
        // a score that rises from 0 AU has no relative change: 12 AU against 0 is not "+1200000000000.0 %"
        String story = ComparePage.story(results(run(0, 5, 1), run(12, 8, 7), run(10, 7, 4)));
        assertThat(story).startsWith("<p>CT score at the end: 0 AU from food, 12 AU with the supplement, 10 AU with the "
                + "supplement and MK-7.").doesNotContain("%)");
        // (8 + 7) - (5 + 1) = 9 mg extra, of which 7 - 1 = 6 mg medial: 67 %
        assertThat(story).contains(" Of the extra coronary calcium, 67 % is medial.");
    }

    @Test
    void noStoryWithoutThreeArmsOrWithoutTheLayerChannels() {
        assertThat(ComparePage.story(results(run(1, 1, 1), run(2, 2, 2)))).isEmpty();
        SimulationResult noLayers = new SimulationResult(null, null, new Trajectory(List.of(
                new OutputChannel("cacAgatston", "AU", "CT score")), new double[] {0}, new double[][] {{1}}),
                Map.of(), Map.of(), "sha");
        assertThat(ComparePage.story(results(run(1, 1, 1), run(2, 2, 2), noLayers))).isEmpty();
    }

    /** FakeModel, counting the simulators made: one comparison makes the same number each time. */
    private static final class Counting implements SimulatorFactory {
        final AtomicInteger made = new AtomicInteger();
        private final FakeModel fake = new FakeModel();

        @Override
        public ParameterCatalog defaultParameters() {
            return fake.defaultParameters();
        }

        @Override
        public Simulator create(ParameterCatalog p) {
            made.incrementAndGet();
            return fake.create(p);
        }
    }

    @Test
    void theLastTwelveComparisonsAreRememberedTheLeastRecentlyAskedForgotten() throws Exception {
        Counting model = new Counting();
        ComparisonRuns runs = new ComparisonRuns(model);
        List<ComparisonRuns.Key> keys = new ArrayList<>();
        for (int age = 30; age < 43; age++) { // 13 people
            keys.add(ComparePage.read(form("age", Integer.toString(age), "years", "1")).key());
        }
        runs.results(keys.get(0));
        int perRun = model.made.get();
        assertThat(perRun).isPositive();
        assertThat(runs.results(keys.get(0))).isSameAs(runs.results(keys.get(0)));
        assertThat(model.made.get()).as("asked again: remembered").isEqualTo(perRun);
        for (int i = 1; i < 12; i++) {
            runs.results(keys.get(i));
        }
        assertThat(model.made.get()).isEqualTo(12 * perRun);
        runs.results(keys.get(0)); // the 12 fit: the first is still remembered, and now the most recent
        assertThat(model.made.get()).isEqualTo(12 * perRun);
        runs.results(keys.get(12)); // the 13th pushes out the least recently asked: the second
        assertThat(model.made.get()).isEqualTo(13 * perRun);
        runs.results(keys.get(0));
        assertThat(model.made.get()).isEqualTo(13 * perRun);
        runs.results(keys.get(1));
        assertThat(model.made.get()).isEqualTo(14 * perRun);
    }
}
