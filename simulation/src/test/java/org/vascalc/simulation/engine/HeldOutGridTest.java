package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Scenario;

/**
 * The pieces the held-out developer runners share ({@link HeldOutGrid}), which no run of a runner checks: a class
 * line's clauses at their edges, the even/odd split of a grid between two JVMs, and the worst level's place.
 */
class HeldOutGridTest {

    private static final ParameterCatalog PARAMS = ModelAssembly.defaultParameters();

    /** Calcium citrate (no binder) twice daily at a constant eGFR: {@code 2 × mg} calcium a day. */
    private static Scenario citrate(double mgPerDose, double egfr) {
        return HeldOutGrid.year("t", Patient.referenceAdult(), HeldOutGrid.constantEgfr(egfr),
                List.of(Scenarios.supplement(mgPerDose, CalciumSalt.CITRATE, false, 8, 20)), 365);
    }

    @Test
    void aLineHoldsFromItsDoseAndBelowItsEgfrAndItsLastClauseMayBeAbsent() {
        // heldout4's final line: 1 500 mg a day anywhere, 700 mg a day below eGFR 30, no third clause
        HeldOutGrid.ClassLine line = HeldOut4Runner.FINAL_LINE;
        assertThat(line.in(citrate(350, 29), PARAMS)).as("700 mg a day at eGFR 29").isTrue();
        assertThat(line.in(citrate(350, 30), PARAMS)).as("700 mg a day at eGFR 30: not below 30").isFalse();
        assertThat(line.in(citrate(349, 29), PARAMS)).as("698 mg a day at eGFR 29").isFalse();
        assertThat(line.in(citrate(750, 95), PARAMS)).as("1 500 mg a day at eGFR 95").isTrue();
        assertThat(line.in(citrate(749, 95), PARAMS)).as("1 498 mg a day at eGFR 95").isFalse();
        assertThat(line.in(citrate(349, 5), PARAMS)).as("no third clause: 698 mg a day at eGFR 5").isFalse();
        // heldout3's adopted line: its third clause, 1 000 mg a day below eGFR 20
        assertThat(HeldOut3Runner.ADOPTED_LINE.in(citrate(500, 19), PARAMS)).isTrue();
        assertThat(HeldOut3Runner.ADOPTED_LINE.in(citrate(500, 20), PARAMS)).isFalse();
        assertThat(HeldOut3Runner.ADOPTED_LINE.in(citrate(499, 19), PARAMS)).isFalse();
    }

    @Test
    void onDialysisAnyCalciumBinderIsInButASupplementOnlyByItsDose() {
        Scenario hd = haemodialysis();
        Scenario binder = HeldOutGrid.year("t", hd.patient(), hd.conditions(), List.of(HeldOutGrid.binder(
                PhosphateBinderKind.CALCIUM_CARBONATE, 100, Schedule.daily(13))), 365);
        Scenario sevelamer = HeldOutGrid.year("t", hd.patient(), hd.conditions(), List.of(HeldOutGrid.binder(
                PhosphateBinderKind.SEVELAMER, 800, Schedule.daily(13))), 365);
        Scenario supplement = HeldOutGrid.year("t", hd.patient(), hd.conditions(),
                List.of(Scenarios.supplement(300, CalciumSalt.CITRATE, false, 8, 20)), 365);
        HeldOutGrid.ClassLine line = HeldOut4Runner.FINAL_LINE;
        assertThat(HeldOutGrid.lowestEgfr(binder)).isNaN();
        assertThat(line.in(binder, PARAMS)).as("(a): 40 mg calcium a day from a binder on dialysis").isTrue();
        assertThat(line.in(sevelamer, PARAMS)).as("sevelamer holds no calcium").isFalse();
        assertThat(line.in(supplement, PARAMS)).as("600 mg a day from a supplement on dialysis").isFalse();
        assertThat(HeldOutGrid.calciumAndEgfr(supplement, PARAMS)).isEqualTo("600\thd");
    }

    @Test
    void twoJvmsTakeAlternateRunsAndLabelsTakeAll() {
        List<HeldOutGrid.Run> all = List.of(run("a"), run("b"), run("c"), run("d"), run("e"));
        assertThat(HeldOutGrid.half(all, "even")).extracting(HeldOutGrid.Run::key).containsExactly("a", "c", "e");
        assertThat(HeldOutGrid.half(all, "odd")).extracting(HeldOutGrid.Run::key).containsExactly("b", "d");
        assertThat(HeldOutGrid.half(all, "all")).isEqualTo(all);
        assertThat(HeldOutGrid.half(all, "labels")).isEqualTo(all);
    }

    @Test
    void theWorstLevelIsTheFirstLargestRelativeDifferenceWithItsChannelAndRow() {
        double[][] ref = {{1, 0}, {2, 4}, {4, 8}};
        double[][] fast = {{1, 1e-7}, {2.5, 5}, {4, 8}};
        // x@1 and y@1 both 0.25: the first channel's wins; y@0 is 1e-7 against the 1e-6 floor, 0.1
        HeldOutGrid.Level worst = HeldOutGrid.Level.of(List.of("x", "y"), ref, fast);
        assertThat(worst).isEqualTo(new HeldOutGrid.Level(0.25, "x@1"));
        assertThat(HeldOutGrid.Level.of(List.of("x"), new double[][] {{0}}, new double[][] {{5e-7}}).level())
                .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(HeldOutGrid.Level.of(List.of("x", "y"), ref, ref)).isEqualTo(new HeldOutGrid.Level(0, "-"));
    }

    private static HeldOutGrid.Run run(String key) {
        return new HeldOutGrid.Run(key, citrate(100, 50), false);
    }

    /** A year of the map's haemodialysis patient without labs (examples/scenarios/haemodialysis.yaml). */
    private static Scenario haemodialysis() {
        MissMapRunner.Column c = MissMapRunner.columns().get("hd-nolabs");
        assertThat(c.conditions()).anyMatch(x -> x instanceof Condition.Haemodialysis);
        return HeldOutGrid.year("hd", c.patient(), c.conditions(), List.of(), 365);
    }
}
