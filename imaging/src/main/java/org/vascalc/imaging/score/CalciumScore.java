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
 * @param category    the minimal internal CAC-DRS label (a coronary category only with {@code arteryLabels})
 * @param thresholdHu candidate threshold used
 * @param arteryLabels whether the scan was scored with an artery label map; without one every voxel at or
 *                    above the threshold counts (bone, valves), the total is not a coronary score and no
 *                    CAC-DRS category is given ({@link #coronaryCategory()})
 */
public record CalciumScore(double agatston, double volumeMm3, double massMg, Map<Territory, VesselScore> perVessel,
                           List<Lesion> lesions, InternalCacDrs category, int thresholdHu, ScanGeometry geometry,
                           ScoringOptions options, boolean arteryLabels) {

    public CalciumScore {
        perVessel = Map.copyOf(perVessel);
        lesions = List.copyOf(lesions);
    }

    static CalciumScore of(List<Lesion> lesions, int thresholdHu, ScanGeometry geometry, ScoringOptions options,
                           boolean arteryLabels) {
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
                options, arteryLabels);
    }

    /** The internal CAC-DRS category, or empty when the scan was scored without an artery label map. */
    public java.util.Optional<InternalCacDrs> coronaryCategory() {
        return arteryLabels ? java.util.Optional.of(category) : java.util.Optional.empty();
    }

    public VesselScore vessel(Territory t) {
        return perVessel.get(t);
    }
}
