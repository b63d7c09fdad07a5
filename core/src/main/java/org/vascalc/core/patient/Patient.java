package org.vascalc.core.patient;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The person a scenario simulates. Their own values set the model's baseline where the published
 * models allow (e.g. a measured serum calcium re-derives the dependent constants, as Peterson &amp;
 * Riggs 2010 do from initial conditions); absent labs take the model's reference adult values.
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

    /** A 60-year-old woman with normal labs and kidney function: the reference adult of the examples. */
    public static Patient referenceAdult() {
        return new Patient("reference-adult", 60, Sex.FEMALE, 70, 165, 95,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
    }
}
