package org.vascalc.physiology.wall;

/**
 * A coronary calcium readout: the three CT scores (what a scan reports of both layers together) and the
 * ground truth split that no scan has.
 *
 * @param agatston          Agatston score, AU
 * @param volumeMm3         volume score, mm³
 * @param massMg            mass score, mg calcium hydroxyapatite
 * @param intimalMineralMg  intimal mineral (micro + macro), mg
 * @param medialMineralMg   medial mineral, mg
 * @param microMineralMg    intimal microcalcification (CT-invisible), mg
 */
public record CoronaryCalcium(double agatston, double volumeMm3, double massMg, double intimalMineralMg,
                              double medialMineralMg, double microMineralMg) {

    public double intimalShare() {
        double total = intimalMineralMg + medialMineralMg;
        return total <= 0 ? 0 : intimalMineralMg / total;
    }

    public double medialShare() {
        double total = intimalMineralMg + medialMineralMg;
        return total <= 0 ? 0 : medialMineralMg / total;
    }
}
