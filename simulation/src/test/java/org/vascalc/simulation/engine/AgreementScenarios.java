package org.vascalc.simulation.engine;

import java.util.List;
import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The scenarios on which fast mode is held to the reference mode, defined once so that the tests
 * ({@code FastVersusReferenceTest}, {@code FastVersusReferenceIT}, {@code FastModeSchedulesTest}) and
 * the developer runner ({@code AgreementRunner}) measure the same runs. Each records the slow channels.
 */
final class AgreementScenarios {

    private AgreementScenarios() {
    }

    /** One year of 500 mg carbonate with breakfast and dinner plus 180 µg MK-7 daily. */
    static Scenario oneYearTwiceDailyWithMk7() {
        return Scenarios.of("1y-bid-mk7", 365, new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
    }

    /**
     * The same year for the reference adult with an eGFR of 65 (a typical older cohort member): the
     * supplement's first days trip the orbit reuse's start guard, so the orbits are error-controlled
     * from the first week and most warm orbits are accepted at their quasi-Newton estimate (the path
     * where fast mode differs most from the reference adult's; docs/performance-log.md, "egfr",
     * "firstdays", "periods").
     */
    static Scenario oneYearTwiceDailyWithMk7AtEgfr65() {
        Scenario s = oneYearTwiceDailyWithMk7();
        org.vascalc.core.patient.Patient r = s.patient();
        org.vascalc.core.patient.Patient p = new org.vascalc.core.patient.Patient(r.id() + "-egfr65", r.ageYears(),
                r.sex(), r.weightKg(), r.heightCm(), 65, r.serumCalciumMmolL(), r.serumPhosphateMmolL(), r.pthPgMl(),
                r.risk());
        return new Scenario("1y-bid-mk7-egfr65", "", p, s.conditions(), s.interventions(), s.durationDays(), s.recording());
    }

    /** Five years of three 300 mg meals, 1000 mg citrate fasting and 180 µg MK-7 daily. */
    static Scenario fiveYearsWithMeals() {
        return Scenarios.of("5y-meals", 5 * 365.25,
                new Recording(FastVersusReferenceTest.slowChannels(), 365.25 * 24, 365.25 * 24, 0, 0),
                new Intervention.DietaryCalcium(300, Schedule.daily(7, 12, 19)),
                Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 8),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
    }

    /**
     * 120 days of weekly regimens: citrate three times a week from day 10.5 (mid-day start), MK-7 on
     * three other days until day 60 (a regimen change), eGFR falling from 70 to 50 over a year.
     */
    static Scenario weeklyWithMidDayStartAndCkdCourse() {
        return Scenarios.of("weekly", 120,
                new Recording(FastVersusReferenceTest.slowChannels(), 30 * 24, 30 * 24, 0, 0),
                List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 70),
                        new Condition.GfrPoint(1, 50)))),
                new Intervention.CalciumSupplement(600, Intervention.CalciumSalt.CITRATE, true,
                        new Schedule(10.5, Double.POSITIVE_INFINITY, List.of(9.0), List.of(0, 2, 4))),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 360,
                        new Schedule(0, 60, List.of(8.0), List.of(1, 3, 5))));
    }

    /**
     * One year of 500 mg carbonate with breakfast and dinner plus 180 µg MK-7 daily for a patient
     * with CKD at {@code stage} and no labs (so stabilised into the stage by the run-in).
     */
    static Scenario oneYearCkdWithCarbonate(Condition.CkdStage stage) {
        return Scenarios.of("1y-ckd-" + stage + "-carbonate", 365,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(stage)),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
    }

    /**
     * One year of 667 mg calcium acetate with three meals (a phosphate binder: the serum phosphate
     * of the CKD homeostasis falls over months) for a patient with CKD at {@code stage} and no labs.
     */
    static Scenario oneYearCkdWithBinder(Condition.CkdStage stage) {
        return Scenarios.of("1y-ckd-" + stage + "-binder", 365,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(stage)),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667,
                        Schedule.daily(8, 13, 19)));
    }

    /**
     * One year of 1250 mg calcium carbonate (500 mg calcium) with three meals as a phosphate binder for
     * a patient with CKD at {@code stage} and no labs: the binder's phosphate effect of the acetate
     * year with 1.5 times its calcium.
     */
    static Scenario oneYearCkdWithCarbonateBinder(Condition.CkdStage stage) {
        return Scenarios.of("1y-ckd-" + stage + "-carbonate-binder", 365,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(stage)),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE, 1250,
                        Schedule.daily(8, 13, 19)));
    }

    /**
     * {@code base} (a CKD year of this class) for a patient who brings labs instead of a staged kidney
     * course: at G4 eGFR 22 with serum calcium 2.30 mmol/L, phosphate 1.40 mmol/L and PTH 120 pg/mL, at
     * G5 eGFR 10 with 2.25 / 1.70 / 250 (the forty-ninth session's {@code ckdcalc} patients). Her start
     * is derived from the labs (no run-in into the stage; the kidney function is her constant eGFR).
     */
    static Scenario withCkdLabs(Scenario base, Condition.CkdStage stage) {
        boolean g4 = stage == Condition.CkdStage.G4;
        double egfr = g4 ? 22 : 10;
        Patient a = base.patient();
        Patient p = new Patient(a.id() + "-labs", a.ageYears(), a.sex(), a.weightKg(), a.heightCm(), egfr,
                OptionalDouble.of(g4 ? 2.30 : 2.25), OptionalDouble.of(g4 ? 1.40 : 1.70),
                OptionalDouble.of(g4 ? 120 : 250), a.risk());
        return new Scenario(base.name() + "-labs", "", p, List.of(), base.interventions(), base.durationDays(),
                base.recording());
    }
}
