package org.vascalc.physiology.wall;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

/**
 * MI hazard from plaque: burden (relative to the reference adult's coronary plaque), the
 * microcalcified share (stress concentration in thin caps, Vengrenyuk 2006) and the stabilising
 * macrocalcified share; and the direct factor of serum calcium ({@link #serumCalciumFactor}); the
 * stroke hazard's atherosclerotic part ({@link #strokeAtheroma}, {@link #strokeComposition}).
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
        return Math.pow(atLeast(relativePlaque, 0), p.miPlaqueExponent);
    }

    /** {@link #myocardialInfarction} with {@link #plaqueBurden} already computed (remembered by the derivative call). */
    static double myocardialInfarctionGivenBurden(WallParameters p, double burden, double microMg, double macroMg) {
        // written out (not through vulnerability) to keep the MI hazard's bits: the product's order matters
        double total = microMg + macroMg + p.densityMassFloor;
        double microShare = microMg / total;
        double macroShare = macroMg / total;
        return p.miBase * burden
                * (1 + p.miMicroGain * microShare) * (1 - p.miMacroProtection * macroShare);
    }

    /**
     * The plaque-composition factor (1 + g_μ·μ/(μ + Mac + m₀))·(1 − p_M·Mac/(μ + Mac + m₀)): microcalcium
     * in thin caps raises the rupture hazard, dense macrocalcium lowers it. The MI hazard's, and the
     * stroke hazard's atherosclerotic part's (on the aortic plaque).
     */
    static double vulnerability(WallParameters p, double microMg, double macroMg) {
        double total = microMg + macroMg + p.densityMassFloor;
        double microShare = microMg / total;
        double macroShare = macroMg / total;
        return (1 + p.miMicroGain * microShare) * (1 - p.miMacroProtection * macroShare);
    }

    /**
     * The atherosclerotic factor of the stroke hazard, (relative aortic plaque)^κ_s times the aortic
     * plaque's composition factor ({@link #vulnerability}) relative to the reference adult's
     * ({@code referenceVulnerability}): the reference adult's aortic plaque gives 1. The aortic intima
     * stands for the arch and carotid atheroma that cause large-artery and aortic-embolic strokes
     * (docs/model/wall.md, "Stroke and atheroma").
     */
    static double strokeAtheroma(WallParameters p, double relativeAorticPlaque, double microMg, double macroMg,
                                 double referenceVulnerability) {
        return Math.pow(atLeast(relativeAorticPlaque, 0), p.strokePlaqueExponent)
                * vulnerability(p, microMg, macroMg) / referenceVulnerability;
    }

    /**
     * The stroke hazard's composition (1 − s)·ageFactor + s·atheroma, by which the base level is
     * multiplied: the part not caused by atheroma (cardioembolic, small-vessel, haemorrhagic) keeps the
     * age factor e^{a(age − 60)}; the atherosclerotic part follows the plaque, which carries age itself
     * (as the MI hazard does). Both equal 1 for the reference adult at 60. With s = 0 it is the age
     * factor bit for bit.
     */
    static double strokeComposition(WallParameters p, double ageFactor, double atheroma) {
        return (1 - p.strokeAtheroShare) * ageFactor + p.strokeAtheroShare * atheroma;
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
