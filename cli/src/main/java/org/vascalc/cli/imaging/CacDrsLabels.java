package org.vascalc.cli.imaging;

import java.util.OptionalInt;
import org.vascalc.clinical.cacdrs.CacDrs;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.VesselScore;

/**
 * The clinical module's CAC-DRS (Hecht 2018) for a scored scan: imaging depends only on core and
 * carries a minimal internal label; where both modules are on the class path, as in the CLI, the
 * clinical one is used. Mapping only: the score's total Agatston and the number of arteries with
 * calcium. A scan scored without an artery label map has no category (every voxel at or above the
 * threshold counted, bone too: not a coronary score), so {@link #of} gives null and the reports say so.
 */
public final class CacDrsLabels {

    private CacDrsLabels() {
    }

    /** The CAC-DRS label (e.g. "A2/N1"), or null when the scan was scored without an artery label map. */
    public static String of(CalciumScore s) {
        if (!s.arteryLabels()) {
            return null; // "A3" beside "not a coronary calcium score" read as a coronary category
        }
        int vessels = 0;
        for (VesselScore v : s.perVessel().values()) {
            if (v.territory().isArtery() && v.agatston() > 0) {
                vessels++;
            }
        }
        OptionalInt n = s.agatston() > 0 ? OptionalInt.of(vessels) : OptionalInt.empty();
        // CAC-DRS A3 is open-ended (>= 300 AU); the clinical input range stops at 50 000 AU, so larger
        // totals are classified at that bound.
        return CacDrs.classify(Math.min(s.agatston(), CacDrs.AGATSTON.hardHigh()), n).label();
    }
}
