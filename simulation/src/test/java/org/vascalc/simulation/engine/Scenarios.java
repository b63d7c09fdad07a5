package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/** Scenarios built in code for the engine tests. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario of(String name, double days, Recording rec, List<Condition> conditions, Intervention... ivs) {
        return new Scenario(name, "", Patient.referenceAdult(), conditions, new ArrayList<>(List.of(ivs)), days, rec);
    }

    static Scenario of(String name, double days, Recording rec, Intervention... ivs) {
        return of(name, days, rec, List.of(), ivs);
    }

    static Intervention supplement(double mg, Intervention.CalciumSalt salt, boolean food, double... hours) {
        return new Intervention.CalciumSupplement(mg, salt, food, Schedule.daily(hours));
    }
}
