package org.vascalc.clinical.input;

/**
 * Race / ethnicity as the published equations define it. MESA (risk and percentiles) knows the
 * four MESA groups; the PCE have white and African-American equations and use the white ones for
 * everyone else (Goff 2013); PREVENT has no race term.
 */
public enum Race {
    WHITE, BLACK, CHINESE, HISPANIC, OTHER;

    /** Accepts the enum name and a few common spellings (case-insensitive), else null. */
    public static Race parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (t) {
            case "WHITE", "CAUCASIAN" -> WHITE;
            case "BLACK", "AFRICAN_AMERICAN", "AA" -> BLACK;
            case "CHINESE", "CHINESE_AMERICAN" -> CHINESE;
            case "HISPANIC", "LATINO", "LATINA" -> HISPANIC;
            case "OTHER" -> OTHER;
            default -> null;
        };
    }
}
