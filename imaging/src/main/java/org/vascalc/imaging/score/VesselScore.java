package org.vascalc.imaging.score;

/** Scores of one territory: Agatston units, volume in mm&sup3;, calibrated mass in mg, lesion count. */
public record VesselScore(Territory territory, double agatston, double volumeMm3, double massMg, int lesionCount) {

    static VesselScore zero(Territory t) {
        return new VesselScore(t, 0, 0, 0, 0);
    }

    VesselScore plus(Lesion l) {
        return new VesselScore(territory, agatston + l.agatston(), volumeMm3 + l.volumeMm3(), massMg + l.massMg(),
                lesionCount + 1);
    }
}
