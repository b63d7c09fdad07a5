package org.vascalc.physiology.wall;

/**
 * MI hazard from plaque: burden (relative to the reference adult's coronary plaque), the
 * microcalcified share (stress concentration in thin caps, Vengrenyuk 2006) and the stabilising
 * macrocalcified share; and the direct factor of serum calcium ({@link #serumCalciumFactor}).
 * Stroke, HF and CV death are composed in {@link WallBlock}.
 */
final class EventHazards {

    private EventHazards() {
    }

    /** Per hour. */
    static double myocardialInfarction(WallParameters p, double relativePlaque, double microMg, double macroMg) {
        return myocardialInfarctionGivenBurden(p, plaqueBurden(p, relativePlaque), microMg, macroMg);
    }

    /** The plaque-burden factor (relative plaque)^exponent of the MI hazard. */
    static double plaqueBurden(WallParameters p, double relativePlaque) {
        return Math.pow(Math.max(relativePlaque, 0), p.miPlaqueExponent);
    }

    /** {@link #myocardialInfarction} with {@link #plaqueBurden} already computed (remembered by the derivative call). */
    static double myocardialInfarctionGivenBurden(WallParameters p, double burden, double microMg, double macroMg) {
        double total = microMg + macroMg + p.densityMassFloor;
        double microShare = microMg / total;
        double macroShare = macroMg / total;
        return p.miBase * burden
                * (1 + p.miMicroGain * microShare) * (1 - p.miMacroProtection * macroShare);
    }

    /**
     * The direct serum-calcium factor of the MI hazard, exp(β·(Ca − Ca_ref)), at total serum calcium
     * {@code caMmolL} (mmol/L): the part of the Mendelian-randomisation total effect of serum calcium
     * on MI (Larsson 2017) that the model's calcification paths do not already carry
     * (docs/model/wall.md, "Serum calcium and MI"). Applied to the instantaneous serum calcium; the
     * cumulative hazard integrates it, so it acts through its time average (a supplement's peaks
     * through their area). Exactly 1 when β is 0.
     */
    static double serumCalciumFactor(WallParameters p, double caMmolL) {
        return p.miCalciumLogHr == 0 ? 1 : Math.exp(p.miCalciumLogHr * (caMmolL - p.miCalciumRef));
    }
}
