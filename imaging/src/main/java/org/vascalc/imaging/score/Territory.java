package org.vascalc.imaging.score;

import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * Where a lesion is counted: one of the four coronary arteries of a label map, or
 * {@link #UNLABELLED} when the scan is scored without one (then every candidate counts).
 */
public enum Territory {
    LM, LAD, LCX, RCA, UNLABELLED;

    /** The territory of a label code 1..4 ({@link CoronaryArtery}); 0 is never scored with labels. */
    static Territory ofCode(int code) {
        return switch (CoronaryArtery.ofCode(code)) {
            case LM -> LM;
            case LAD -> LAD;
            case LCX -> LCX;
            case RCA -> RCA;
        };
    }

    /** Whether this is a coronary artery (counts toward the CAC-DRS vessel number). */
    public boolean isArtery() {
        return this != UNLABELLED;
    }
}
