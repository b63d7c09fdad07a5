package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The scenario's slow inputs as the drivers carry them, read at the edges of their windows: the eGFR
 * course (linear between its points, flat outside), haemodialysis in place of it, age, statin windows
 * (start included, stop excluded, the stronger of two overlapping), the meal-by-meal phosphate in place of
 * the background, and the run-in holding everything at t = 0 without interventions.
 */
class DriverCourseTest {

    private static final ParameterCatalog P = ModelAssembly.defaultParameters();

    private static Scenario scenario(Patient patient, List<Condition> conditions, List<Intervention> interventions) {
        return new Scenario("drivers", "", patient, conditions, interventions, 2000,
                new Recording(List.of("serumPhosphate"), 24, 24, 0, 0));
    }

    /** The drivers at {@code hours}, applied over values left from elsewhere (so each must be set). */
    private static Drivers at(DriverCourse c, double hours) {
        Drivers d = new Drivers();
        d.setHaemodialysis(true);
        d.setDiabetes(true);
        d.setStatinIntensity(0.5);
        d.setDietCalciumMmolPerHour(5);
        d.setDietPhosphateMmolPerHour(5);
        d.setNonHdlLowering(0.5);
        c.apply(hours, d);
        return d;
    }

    @Test
    void theEgfrCourseIsLinearBetweenItsPointsAndFlatOutside() {
        DriverCourse c = new DriverCourse(scenario(Patient.referenceAdult().withEgfrMlPerMin(90),
                List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(1, 60),
                        new Condition.GfrPoint(3, 40), new Condition.GfrPoint(4, 30)))), List.of()), P);
        assertThat(c.egfrVaries()).isTrue();
        assertThat(c.stabilising()).isFalse();
        assertThat(c.egfrAtStart()).isEqualTo(60);
        assertThat(c.egfr(0)).isEqualTo(60);
        assertThat(c.egfr(Time.years(1))).isEqualTo(60);
        assertThat(c.egfr(Time.years(2))).isCloseTo(50, within(1e-12));
        assertThat(c.egfr(Time.years(3))).isCloseTo(40, within(1e-12));
        assertThat(c.egfr(Time.years(3.5))).isCloseTo(35, within(1e-12));
        assertThat(c.egfr(Time.years(4))).isEqualTo(30);
        assertThat(c.egfr(Time.years(9))).isEqualTo(30);
        assertThat(at(c, Time.years(2)).egfrMlPerMin()).isCloseTo(50, within(1e-12));
        c.setStabilising(true);
        assertThat(c.stabilising()).isTrue();
        assertThat(at(c, Time.years(2)).egfrMlPerMin()).as("the run-in holds t = 0").isEqualTo(60);

        DriverCourse plain = new DriverCourse(scenario(Patient.referenceAdult().withEgfrMlPerMin(75), List.of(), List.of()), P);
        assertThat(plain.egfrVaries()).isFalse();
        assertThat(plain.egfr(Time.years(5))).isEqualTo(75);
        assertThat(plain.patient().egfrMlPerMin()).isEqualTo(75);
    }

    @Test
    void haemodialysisReplacesTheCourseAndCarriesItsDialysate() {
        DriverCourse hd = new DriverCourse(scenario(Patient.referenceAdult(), List.of(
                new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 20), new Condition.GfrPoint(1, 10))),
                Condition.Haemodialysis.withDialysateCalcium(1.25)), List.of()), P);
        Drivers d = at(hd, Time.years(0.5));
        assertThat(hd.egfrVaries()).isFalse();
        assertThat(d.egfrMlPerMin()).isEqualTo(P.value("haemodialysisEgfr"));
        assertThat(d.haemodialysis()).isTrue();
        assertThat(d.dialysateCalciumMmolL()).isEqualTo(1.25);
        Drivers byDefault = at(new DriverCourse(scenario(Patient.referenceAdult(), List.of(new Condition.Haemodialysis()),
                List.of()), P), 0);
        assertThat(byDefault.dialysateCalciumMmolL()).isEqualTo(P.value("haemodialysisDialysateCalcium"));
        Drivers residual = at(new DriverCourse(scenario(Patient.referenceAdult(),
                List.of(Condition.Haemodialysis.withResidualGfr(4)), List.of()), P), 0);
        assertThat(residual.residualGfrMlPerMin()).isEqualTo(4);
        Drivers none = at(new DriverCourse(scenario(Patient.referenceAdult(), List.of(), List.of()), P), 0);
        assertThat(none.haemodialysis()).isFalse();
    }

    @Test
    void ageAdvancesWithTimeAndDiabetesComesFromTheConditionOrThePatient() {
        DriverCourse c = new DriverCourse(scenario(Patient.referenceAdult().withAgeYears(60), List.of(new Condition.Diabetes()),
                List.of()), P);
        assertThat(at(c, Time.years(2.5)).ageYears()).isCloseTo(62.5, within(1e-12));
        assertThat(at(c, 0).diabetes()).isTrue();
        assertThat(at(new DriverCourse(scenario(Patient.referenceAdult(), List.of(), List.of()), P), 0).diabetes()).isFalse();
    }

    @Test
    void statinWindowsIncludeTheirStartExcludeTheirStopAndTheStrongerOneCounts() {
        double moderate = P.value("statinModerateIntensity");
        assertThat(moderate).isStrictlyBetween(0.0, 1.0);
        DriverCourse c = new DriverCourse(scenario(Patient.referenceAdult(), List.of(), List.of(
                new Intervention.Statin(Intervention.StatinIntensity.MODERATE, new Schedule(10, 20, List.of(20.0),
                        Schedule.EVERY_DAY)),
                new Intervention.Statin(Intervention.StatinIntensity.HIGH, new Schedule(15, 30, List.of(20.0),
                        Schedule.EVERY_DAY)))), P);
        assertThat(at(c, Time.days(9.99)).statinIntensity()).isZero();
        assertThat(at(c, Time.days(10)).statinIntensity()).isEqualTo(moderate);
        assertThat(at(c, Time.days(14.99)).statinIntensity()).isEqualTo(moderate);
        assertThat(at(c, Time.days(15)).statinIntensity()).isEqualTo(1.0);
        assertThat(at(c, Time.days(20)).statinIntensity()).isEqualTo(1.0);
        assertThat(at(c, Time.days(29.99)).statinIntensity()).isEqualTo(1.0);
        assertThat(at(c, Time.days(30)).statinIntensity()).isZero();
        c.setStabilising(true);
        assertThat(at(c, Time.days(12)).statinIntensity()).as("no interventions in the run-in").isZero();
    }

    @Test
    void mealByMealPhosphateReplacesTheBackgroundInsideItsWindowOnly() {
        double background = P.value("po4HabitualIntake") / Time.HOURS_PER_DAY;
        DriverCourse c = new DriverCourse(scenario(Patient.referenceAdult(), List.of(), List.of(
                new Intervention.DietaryPhosphate(300, new Schedule(5, 8, List.of(8.0, 13.0, 19.0), Schedule.EVERY_DAY)))), P);
        assertThat(at(c, Time.days(4.5)).dietPhosphateMmolPerHour()).isEqualTo(background);
        assertThat(at(c, Time.days(5)).dietPhosphateMmolPerHour()).isZero();
        assertThat(at(c, Time.days(7.9)).dietPhosphateMmolPerHour()).isZero();
        assertThat(at(c, Time.days(8)).dietPhosphateMmolPerHour()).isEqualTo(background);
        assertThat(at(c, Time.days(6)).dietCalciumMmolPerHour()).as("calcium comes as meals").isZero();
        c.setStabilising(true);
        assertThat(at(c, Time.days(6)).dietPhosphateMmolPerHour()).isEqualTo(background);
    }
}
