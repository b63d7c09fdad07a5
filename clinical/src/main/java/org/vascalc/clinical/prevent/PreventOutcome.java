package org.vascalc.clinical.prevent;

/** The outcomes of the PREVENT base model (Khan 2024). */
public enum PreventOutcome {
    /** Total cardiovascular disease: ASCVD or heart failure. */
    CVD("total CVD (ASCVD or heart failure)"),
    /** Atherosclerotic CVD: CHD death, non-fatal MI, fatal or non-fatal stroke. */
    ASCVD("ASCVD (CHD death, non-fatal MI, fatal or non-fatal stroke)"),
    /** Heart failure (hospitalisation or death). */
    HF("heart failure");

    private final String description;

    PreventOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
