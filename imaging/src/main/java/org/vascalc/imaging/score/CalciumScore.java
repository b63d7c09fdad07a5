package org.vascalc.imaging.score;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A scan's coronary calcium: totals, per territory and per lesion, with the options and geometry
 * that produced them (so a reader can redo the arithmetic).
 *
 * @param agatston    total Agatston score (sum of the lesions)
 * @param volumeMm3   total volume score, mm&sup3;
 * @param massMg      total calibrated mass score, mg hydroxyapatite
 * @param perVessel   every territory, including those with zero
 * @param lesions     in scan order
 * @param category    the minimal internal CAC-DRS label
 * @param thresholdHu candidate threshold used
 */
public record CalciumScore(double agatston, double volumeMm3, double massMg, Map<Territory, VesselScore> perVessel,
                           List<Lesion> lesions, InternalCacDrs category, int thresholdHu, ScanGeometry geometry,
                           ScoringOptions options) {

    public CalciumScore {
        perVessel = Map.copyOf(perVessel);
        lesions = List.copyOf(lesions);
    }

    static CalciumScore of(List<Lesion> lesions, int thresholdHu, ScanGeometry geometry, ScoringOptions options) {
        Map<Territory, VesselScore> per = new EnumMap<>(Territory.class);
        for (Territory t : Territory.values()) {
            per.put(t, VesselScore.zero(t));
        }
        double a = 0;
        double v = 0;
        double m = 0;
        for (Lesion l : lesions) {
            per.put(l.territory(), per.get(l.territory()).plus(l));
            a += l.agatston();
            v += l.volumeMm3();
            m += l.massMg();
        }
        return new CalciumScore(a, v, m, per, lesions, InternalCacDrs.of(a, per.values()), thresholdHu, geometry,
                options);
    }

    public VesselScore vessel(Territory t) {
        return perVessel.get(t);
    }
}
