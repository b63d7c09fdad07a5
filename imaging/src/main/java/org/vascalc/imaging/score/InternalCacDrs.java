package org.vascalc.imaging.score;

import java.util.Collection;

/**
 * A minimal CAC-DRS "A/N" label for the imaging report only: Agatston category A0 (0), A1 (&gt; 0 to
 * &lt; 100), A2 (100 to &lt; 300), A3 (&ge; 300) and the number N of coronary arteries with calcium
 * (Hecht et al. 2018, SCCT; bands as in the clinical reference note, section 1.5, not checked against the
 * paper: not found, see {@code clinical}'s {@code CacDrs} for the secondary sources). The full CAC-DRS
 * with its input checks lives in module {@code clinical} (neither has the treatment recommendations);
 * callers that have it should prefer it.
 * Scores below 1 but above 0 are A1: a scored lesion is never reported as "no calcium".
 *
 * @param category 0..3
 * @param vessels  0..4; 0 exactly when the category is 0
 */
public record InternalCacDrs(int category, int vessels) {

    public static InternalCacDrs of(double agatston, Collection<VesselScore> perVessel) {
        int a = agatston <= 0 ? 0 : agatston < 100 ? 1 : agatston < 300 ? 2 : 3;
        int n = 0;
        for (VesselScore v : perVessel) {
            if (v.territory().isArtery() && v.agatston() > 0) {
                n++;
            }
        }
        return new InternalCacDrs(a, a == 0 ? 0 : n);
    }

    /** E.g. "A2/N3", or "A0"; "A1" alone when calcium was scored without a label map. */
    public String label() {
        if (category == 0 || vessels == 0) {
            return "A" + category;
        }
        return "A" + category + "/N" + vessels;
    }
}
