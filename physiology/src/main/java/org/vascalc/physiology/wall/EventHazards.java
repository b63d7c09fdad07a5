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
        double total = microMg + macroMg + p.densityMassFloor;
        double microShare = microMg / total;
        double macroShare = macroMg / total;
        return p.miBase * Math.pow(Math.max(relativePlaque, 0), p.miPlaqueExponent)
                * (1 + p.miMicroGain * microShare) * (1 - p.miMacroProtection * macroShare);
    }
}
