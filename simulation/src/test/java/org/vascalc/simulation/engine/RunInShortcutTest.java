package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * One predicate chooses the run-in's shortcut ({@link RunInShortcut}), and {@link SteadyStart},
 * {@link BoneCellSettling} and {@link SlowPath} each apply exactly where it says.
 */
class RunInShortcutTest {

    /** A CRIC-like member: eGFR 40, measured serum calcium and phosphate (their baseline is derived at eGFR 40). */
    static Patient ckdWithLabs() {
        return new Patient("ckd-labs", 60, Sex.MALE, 88, 175, 40, OptionalDouble.of(2.3), OptionalDouble.of(1.2),
                OptionalDouble.empty(), RiskFactors.typical());
    }

    private static RunInShortcut shortcut(ParameterCatalog p, Patient patient, List<Condition> conditions) {
        double[][] y = new double[1][];
        AssembledModel model = InitialisedModels.stable(p, patient, conditions, y);
        RunInShortcut s = RunInShortcut.of(model, p);
        boolean near = s == RunInShortcut.NEAR_STEADY;
        assertThat(SteadyStart.forPatient(model, p) != null).as("SteadyStart").isEqualTo(near);
        assertThat(BoneCellSettling.forPatient(model, p) != null).as("BoneCellSettling").isEqualTo(near);
        assertThat(SlowPath.forPatient(model, p) != null).as("SlowPath").isEqualTo(s == RunInShortcut.PATH);
        return s;
    }

    @Test
    void nearTheSteadyStateWhereTheBaselineIsDerivedAtTheEgfrTheRunInHolds() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Patient reference = Patient.referenceAdult();
        assertThat(shortcut(p, reference, List.of())).isEqualTo(RunInShortcut.NEAR_STEADY);
        assertThat(shortcut(p, reference, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G1))))
                .isEqualTo(RunInShortcut.NEAR_STEADY);
        assertThat(shortcut(p, ckdWithLabs(), List.of())).isEqualTo(RunInShortcut.NEAR_STEADY);
    }

    @Test
    void aPathFromAnyOtherStart() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Patient reference = Patient.referenceAdult();
        for (Condition.CkdStage s : new Condition.CkdStage[] {Condition.CkdStage.G3A, Condition.CkdStage.G3B,
                Condition.CkdStage.G4}) {
            assertThat(shortcut(p, reference, List.of(Condition.KidneyFunctionCourse.stage(s)))).as(s.name())
                    .isEqualTo(RunInShortcut.PATH);
        }
        assertThat(shortcut(p, reference, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5))))
                .isEqualTo(RunInShortcut.PLAIN);
        assertThat(shortcut(p, reference, List.of(new Condition.Haemodialysis()))).isEqualTo(RunInShortcut.PATH);
        // labs measured at eGFR 40, but on haemodialysis or with a course that starts elsewhere
        assertThat(shortcut(p, ckdWithLabs(), List.of(new Condition.Haemodialysis()))).isEqualTo(RunInShortcut.PATH);
        assertThat(shortcut(p, ckdWithLabs(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4))))
                .isEqualTo(RunInShortcut.PATH);
    }
    /** A fixed kidney function course at {@code egfr} mL/min/1.73 m² from t = 0. */
    private static List<Condition> course(double egfr) {
        return List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, egfr))));
    }

    /**
     * The two boundaries of the predicate, taken exactly: KDIGO 2012 defines CKD as GFR below 60 and G5 as
     * below 15 (G4 is 15–29), and the Javadoc: NEAR_STEADY "at or above {@code ckdEgfrThreshold}" (60 in the
     * catalog), PLAIN "below" {@link RunInShortcut#G5_EGFR}. The reference adult (eGFR 95, no labs) with a
     * course starting elsewhere, so her own-baseline clause does not decide: the threshold comparison does.
     */
    @Test
    void theBoundariesSixtyAndFifteenBelongToTheBandAbove() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        assertThat(p.value("ckdEgfrThreshold")).isEqualTo(60.0);
        assertThat(RunInShortcut.G5_EGFR).isEqualTo(15.0);
        Patient reference = Patient.referenceAdult();
        assertThat(shortcut(p, reference, course(60))).as("eGFR 60").isEqualTo(RunInShortcut.NEAR_STEADY);
        assertThat(shortcut(p, reference, course(59.9))).as("eGFR 59.9").isEqualTo(RunInShortcut.PATH);
        assertThat(shortcut(p, reference, course(15))).as("eGFR 15").isEqualTo(RunInShortcut.PATH);
        assertThat(shortcut(p, reference, course(14.9))).as("eGFR 14.9").isEqualTo(RunInShortcut.PLAIN);
        // her own eGFR exactly 60 without labs: not CKD, derived at her own eGFR (MineralBlock.derivedAtOwnEgfr)
        Patient sixty = new Patient("egfr-60", 60, Sex.FEMALE, 70, 165, 60, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
        assertThat(shortcut(p, sixty, List.of())).as("own eGFR 60").isEqualTo(RunInShortcut.NEAR_STEADY);
    }
}
