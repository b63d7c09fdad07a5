package org.vascalc.imaging.phantom;

import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * One deposit as the user asks for it.
 *
 * @param artery          where
 * @param layer           intimal or medial (must match the shape)
 * @param shape           form of the deposit
 * @param massMg          hydroxyapatite mass, mg
 * @param densityMgPerCm3 hydroxyapatite density of the deposit, mg/cm&sup3;
 * @param positionMm      centre, as arc length from the artery's origin, mm
 * @param angleDeg        centre of the arc around the artery, degrees (ignored by circumferential)
 */
public record LesionSpec(CoronaryArtery artery, Layer layer, DepositShape shape, double massMg,
                         double densityMgPerCm3, double positionMm, double angleDeg) {

    /** Deposit volume in mm&sup3; (mass / density). */
    public double volumeMm3() {
        return massMg / densityMgPerCm3 * 1000.0;
    }
}
