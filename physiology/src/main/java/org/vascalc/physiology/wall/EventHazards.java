package org.vascalc.physiology.wall;

/**
 * MI hazard from plaque: burden (relative to the reference adult's coronary plaque), the
 * microcalcified share (stress concentration in thin caps, Vengrenyuk 2006) and the stabilising
 * macrocalcified share. Stroke, HF and CV death are composed in {@link WallBlock}.
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
}
