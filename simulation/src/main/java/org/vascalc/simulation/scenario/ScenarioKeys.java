package org.vascalc.simulation.scenario;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys each object of a scenario file may hold, by the name of its definition in
 * {@code docs/scenario.schema.json} (a test checks that the schema says the same). Condition and
 * intervention kinds are keyed by their {@code type} value.
 */
final class ScenarioKeys {

    private ScenarioKeys() {
    }

    static final Set<String> SCENARIO = keys("name", "description", "patient", "conditions", "interventions",
            "durationDays", "recording", "parameters");
    static final Set<String> PATIENT = keys("id", "ageYears", "sex", "weightKg", "heightCm", "egfrMlPerMin",
            "serumCalciumMmolL", "serumPhosphateMmolL", "pthPgMl", "risk");
    static final Set<String> RISK = keys("totalCholesterolMgDl", "hdlCholesterolMgDl", "systolicBpMmHg",
            "diastolicBpMmHg", "smoker", "diabetes", "hsCrpMgL");
    static final Set<String> SCHEDULE = keys("startDay", "stopDay", "clockHours", "daysOfWeek");
    static final Set<String> RECORDING = keys("outputs", "intervalHours", "fineIntervalHours", "fineFromDay",
            "fineToDay");
    static final Set<String> GFR_POINT = keys("years", "egfrMlPerMin");

    /** Condition kinds: {@code type} value to its keys. */
    static final Map<String, Set<String>> CONDITIONS = ordered(
            Map.entry("kidneyFunctionCourse", keys("type", "points")),
            Map.entry("ckdStage", keys("type", "stage")),
            Map.entry("haemodialysis", keys("type", "dialysateCalciumMmolL", "residualGfrMlPerMin")),
            Map.entry("diabetes", keys("type")));

    /** Intervention kinds: {@code type} value to its keys. */
    static final Map<String, Set<String>> INTERVENTIONS = ordered(
            Map.entry("dietaryCalcium", keys("type", "mgPerMeal", "schedule")),
            Map.entry("calciumDrink", keys("type", "mgPerDrink", "schedule")),
            Map.entry("calciumSupplement", keys("type", "elementalMgPerDose", "salt", "withFood", "schedule")),
            Map.entry("dietaryPhosphate", keys("type", "mgPhosphorusPerMeal", "schedule")),
            Map.entry("vitaminK", keys("type", "form", "microgramsPerDose", "schedule")),
            Map.entry("warfarin", keys("type", "mgPerDose", "schedule")),
            Map.entry("phosphateBinder", keys("type", "kind", "mgPerDose", "schedule")),
            Map.entry("statin", keys("type", "intensity", "schedule")));

    /** Every object definition and its keys, as the schema's {@code $defs} name them. */
    static Map<String, Set<String>> all() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("scenario", SCENARIO);
        m.put("patient", PATIENT);
        m.put("risk", RISK);
        m.put("schedule", SCHEDULE);
        m.put("recording", RECORDING);
        m.put("gfrPoint", GFR_POINT);
        m.putAll(CONDITIONS);
        m.putAll(INTERVENTIONS);
        return m;
    }

    private static Set<String> keys(String... k) {
        return java.util.Collections.unmodifiableSequencedSet(new LinkedHashSet<>(List.of(k))); // in order: InputProblem.unknownKey lists them so
    }

    @SafeVarargs
    private static Map<String, Set<String>> ordered(Map.Entry<String, Set<String>>... entries) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
