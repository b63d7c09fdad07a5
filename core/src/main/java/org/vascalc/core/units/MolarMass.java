package org.vascalc.core.units;

/**
 * Molar masses in g/mol (equivalently mg/mmol), IUPAC 2021 standard atomic weights. All
 * mass-to-molar conversions go through these, never through a loose constant.
 */
public enum MolarMass {
    /** Elemental calcium. */
    CALCIUM(40.078),
    /** Elemental phosphorus (labs report "phosphate" as mg of P per dL). */
    PHOSPHORUS(30.973762),
    /** Hydroxyapatite Ca10(PO4)6(OH)2, the formula unit. */
    HYDROXYAPATITE(1004.62),
    /** Warfarin C19H16O4. */
    WARFARIN(308.33),
    /** Phylloquinone (vitamin K1) C31H46O2. */
    PHYLLOQUINONE(450.70),
    /** Menaquinone-4 C31H40O2. */
    MENAQUINONE_4(444.66),
    /** Menaquinone-7 C46H64O2. */
    MENAQUINONE_7(649.00);

    private final double gramsPerMol;

    MolarMass(double gramsPerMol) {
        this.gramsPerMol = gramsPerMol;
    }

    public double gramsPerMol() {
        return gramsPerMol;
    }

    /** mg to mmol. */
    public double mgToMmol(double mg) {
        return mg / gramsPerMol;
    }

    /** mmol to mg. */
    public double mmolToMg(double mmol) {
        return mmol * gramsPerMol;
    }

    /** µg to nmol. */
    public double ugToNmol(double ug) {
        return ug * 1000.0 / gramsPerMol;
    }
}
