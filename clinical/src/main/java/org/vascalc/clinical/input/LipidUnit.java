package org.vascalc.clinical.input;

import java.util.Locale;

/**
 * Units for total and HDL cholesterol. Inside the module cholesterol is always mg/dL (the unit the
 * MESA, PCE and revised-PCE coefficients are published in); PREVENT converts to mmol/L itself with
 * its own published factor 0.02586 (Khan 2024), which is 1 / 38.67.
 */
public enum LipidUnit {
    MG_PER_DL("mg/dL"),
    MMOL_PER_L("mmol/L");

    /** mg/dL per mmol/L of cholesterol (molar mass of cholesterol 386.65 g/mol / 10). */
    public static final double CHOLESTEROL_MG_DL_PER_MMOL_L = org.vascalc.core.patient.RiskFactors.CHOLESTEROL_MG_DL_PER_MMOL_L;

    private final String symbol;

    LipidUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Converts a cholesterol concentration in this unit to mg/dL. */
    public double toMgDl(double value) {
        return this == MG_PER_DL ? value : value * CHOLESTEROL_MG_DL_PER_MMOL_L;
    }

    /** Converts a cholesterol concentration in mg/dL to this unit. */
    public double fromMgDl(double mgDl) {
        return this == MG_PER_DL ? mgDl : mgDl / CHOLESTEROL_MG_DL_PER_MMOL_L;
    }

    /** Accepts "mg/dL", "mgdl", "mmol/L", "mmol" (case-insensitive), else null. */
    public static LipidUnit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("/", "").replace("_", "");
        return switch (t) {
            case "mgdl", "mgperdl" -> MG_PER_DL;
            case "mmoll", "mmol", "mmolperl" -> MMOL_PER_L;
            default -> null;
        };
    }
}
