package org.vascalc.physiology.wall;

/**
 * The arterial beds the wall block tracks, each with a medial and an intimal compartment. The four
 * coronary arteries make up the CT calcium score; the thoracic aorta sets pulse-wave velocity; the
 * lower-limb arteries carry the medial (Mönckeberg) calcification common in diabetes and CKD.
 */
public enum Bed {
    LM("lm", true, "LM"),
    LAD("lad", true, "LAD"),
    LCX("lcx", true, "LCX"),
    RCA("rca", true, "RCA"),
    AORTA("aorta", false, "Aorta"),
    LEG("leg", false, "Leg");

    private final String key;
    private final boolean coronary;
    private final String catalogSuffix;

    Bed(String key, boolean coronary, String catalogSuffix) {
        this.key = key;
        this.coronary = coronary;
        this.catalogSuffix = catalogSuffix;
    }

    /** Lower-case key used in state ids, e.g. {@code wall.lad.medialMineral}. */
    public String key() {
        return key;
    }

    /** Whether the bed is a coronary artery, i.e. part of the CT calcium score. */
    public boolean coronary() {
        return coronary;
    }

    String catalogSuffix() {
        return catalogSuffix;
    }
}
