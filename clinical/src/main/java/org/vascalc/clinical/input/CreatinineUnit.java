package org.vascalc.clinical.input;

import java.util.Locale;

/** Units for serum creatinine; CKD-EPI 2021 is written in mg/dL. */
public enum CreatinineUnit {
    MG_PER_DL("mg/dL"),
    UMOL_PER_L("µmol/L");

    /** µmol/L per mg/dL of creatinine (molar mass 113.12 g/mol), as CKD-EPI and preventr use. */
    public static final double UMOL_L_PER_MG_DL = 88.4;

    private final String symbol;

    CreatinineUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public double toMgDl(double value) {
        return this == MG_PER_DL ? value : value / UMOL_L_PER_MG_DL;
    }

    public double fromMgDl(double mgDl) {
        return this == MG_PER_DL ? mgDl : mgDl * UMOL_L_PER_MG_DL;
    }

    /** Accepts "mg/dL", "umol/L", "µmol/L" (case-insensitive), else null. */
    public static CreatinineUnit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("/", "").replace("µ", "u").replace("μ", "u");
        return switch (t) {
            case "mgdl" -> MG_PER_DL;
            case "umoll", "umol" -> UMOL_PER_L;
            default -> null;
        };
    }
}
