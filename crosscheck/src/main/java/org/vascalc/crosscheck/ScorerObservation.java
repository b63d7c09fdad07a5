package org.vascalc.crosscheck;

import org.vascalc.physiology.wall.CtScoreSurrogate;

/**
 * What the imaging scorer reported for one artery's layer of wall mineral (means over noise seeds).
 *
 * @param layer            wall layer
 * @param massMg           true hydroxyapatite mass of the artery's layer, mg
 * @param densityMgPerCm3  its density, mg/cm³
 * @param deposits         number of phantom deposits it was cut into
 * @param agatston         Agatston score, AU
 * @param volumeMm3        volume score, mm³
 * @param massScoreMg      mass score, mg
 * @param peakHu           volume-weighted mean of the lesions' peak CT numbers, HU (NaN if nothing scored)
 */
public record ScorerObservation(CtScoreSurrogate.Layer layer, double massMg, double densityMgPerCm3, int deposits,
                                double agatston, double volumeMm3, double massScoreMg, double peakHu) {
}
