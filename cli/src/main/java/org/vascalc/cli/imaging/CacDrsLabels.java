package org.vascalc.cli.imaging;

import java.util.OptionalInt;
import org.vascalc.clinical.cacdrs.CacDrs;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.score.VesselScore;

/**
 * The clinical module's CAC-DRS (Hecht 2018) for a scored scan: imaging depends only on core and
 * carries a minimal internal label; where both modules are on the class path, as in the CLI, the
 * clinical one is used. Mapping only: the score's total Agatston and, when the scan was scored with
 * an artery label map, the number of arteries with calcium.
 */
public final class CacDrsLabels {

    private CacDrsLabels() {
    }

    public static String of(CalciumScore s) {
        boolean labelled = s.vessel(Territory.UNLABELLED).lesionCount() == 0;
        int vessels = 0;
        for (VesselScore v : s.perVessel().values()) {
            if (v.territory().isArtery() && v.agatston() > 0) {
                vessels++;
            }
        }
        OptionalInt n = labelled && s.agatston() > 0 ? OptionalInt.of(vessels) : OptionalInt.empty();
        // CAC-DRS A3 is open-ended (>= 300 AU); the clinical input range stops at 50 000 AU, which an
        // unlabelled scan full of bone can exceed, so larger totals are classified at that bound.
        return CacDrs.classify(Math.min(s.agatston(), CacDrs.AGATSTON.hardHigh()), n).label();
    }
}
