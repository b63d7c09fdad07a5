package org.vascalc.core.patient;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The person a scenario simulates. Their own values set the model's baseline where the published
 * models allow (e.g. a measured serum calcium re-derives the dependent constants, as Peterson &amp;
 * Riggs 2010 do from initial conditions); absent labs take the model's reference adult values.
 * An immutable value: the {@code with...} methods return a changed copy. The record itself does not
 * check ranges; a scenario file's loader does, and for a patient built in code the simulator does
 * before it integrates ({@code org.vascalc.simulation.scenario.ScenarioCheck}), with the same
 * limits and messages.
 *
 * @param id                 free text identifier written to outputs
 * @param ageYears           age at the start of the scenario, years
 * @param sex                sex
 * @param weightKg           body weight, kg
 * @param heightCm           height, cm
 * @param egfrMlPerMin       baseline eGFR, mL/min/1.73 m² (a CKD condition may override its course)
 * @param serumCalciumMmolL  measured total serum calcium, mmol/L, if known
 * @param serumPhosphateMmolL measured serum phosphate, mmol/L, if known
 * @param pthPgMl            measured intact PTH, pg/mL, if known
 * @param risk               cardiovascular risk factors (used by the vascular wall and events)
 */
public record Patient(String id, double ageYears, Sex sex, double weightKg, double heightCm,
                      double egfrMlPerMin, OptionalDouble serumCalciumMmolL,
                      OptionalDouble serumPhosphateMmolL, OptionalDouble pthPgMl,
                      RiskFactors risk) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(serumCalciumMmolL, "serumCalciumMmolL");
        Objects.requireNonNull(serumPhosphateMmolL, "serumPhosphateMmolL");
        Objects.requireNonNull(pthPgMl, "pthPgMl");
        Objects.requireNonNull(risk, "risk");
    }

    /**
     * A 60-year-old woman with normal labs and kidney function: the reference adult of the examples
     * (70 kg, 165 cm, eGFR 95 mL/min/1.73 m², no measured labs, {@link RiskFactors#typical()}).
     * Start from her and change what differs: {@code referenceAdult().withAgeYears(72).withSex(Sex.MALE)}.
     */
    public static Patient referenceAdult() {
        return new Patient("reference-adult", 60, Sex.FEMALE, 70, 165, 95,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
    }

    /** This patient under another identifier. */
    public Patient withId(String newId) {
        return new Patient(newId, ageYears, sex, weightKg, heightCm, egfrMlPerMin, serumCalciumMmolL,
                serumPhosphateMmolL, pthPgMl, risk);
    }

    /** This patient at another age, years. */
    public Patient withAgeYears(double years) {
        return new Patient(id, years, sex, weightKg, heightCm, egfrMlPerMin, serumCalciumMmolL,
                serumPhosphateMmolL, pthPgMl, risk);
    }

    /** This patient of the other sex (or the same). */
    public Patient withSex(Sex newSex) {
        return new Patient(id, ageYears, newSex, weightKg, heightCm, egfrMlPerMin, serumCalciumMmolL,
                serumPhosphateMmolL, pthPgMl, risk);
    }

    /** This patient with another body weight (kg) and height (cm). */
    public Patient withBody(double newWeightKg, double newHeightCm) {
        return new Patient(id, ageYears, sex, newWeightKg, newHeightCm, egfrMlPerMin, serumCalciumMmolL,
                serumPhosphateMmolL, pthPgMl, risk);
    }

    /** This patient with another baseline eGFR, mL/min/1.73 m². */
    public Patient withEgfrMlPerMin(double egfr) {
        return new Patient(id, ageYears, sex, weightKg, heightCm, egfr, serumCalciumMmolL,
                serumPhosphateMmolL, pthPgMl, risk);
    }

    /**
     * This patient with measured labs (empty = not measured: the model's reference value):
     * total serum calcium (mmol/L), serum phosphate (mmol/L) and intact PTH (pg/mL).
     */
    public Patient withLabs(OptionalDouble calciumMmolL, OptionalDouble phosphateMmolL, OptionalDouble pthPgPerMl) {
        return new Patient(id, ageYears, sex, weightKg, heightCm, egfrMlPerMin, calciumMmolL,
                phosphateMmolL, pthPgPerMl, risk);
    }

    /** This patient with other cardiovascular risk factors. */
    public Patient withRisk(RiskFactors newRisk) {
        return new Patient(id, ageYears, sex, weightKg, heightCm, egfrMlPerMin, serumCalciumMmolL,
                serumPhosphateMmolL, pthPgMl, newRisk);
    }
}
