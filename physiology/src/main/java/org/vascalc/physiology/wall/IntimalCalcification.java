package org.vascalc.physiology.wall;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

/**
 * Plaque growth and intimal calcification of one bed (model-anchors 2.5):
 * <pre>
 * dV/dt   = g·s_bed·G(risk, age, statin) − r_s·statin·V                   plaque volume, mm³
 * dμ/dt   = k_μ·V·e^{a_μ(age − 60)}·(1 − w_D + w_D·D)·(1 + w_U·U)·(1 − w_K·I_MGP) − k_c·(1 + b_c·statin)·μ   microcalcium, mg
 * dMac/dt = k_c·(1 + b_c·statin)·μ + k_s·Mac·D·(1 − w_K·I_MGP)·(1 − f)₊    macrocalcium, mg (never regresses)
 * f       = (Mac + μ)/(κ·V)                                                 calcified fraction of the plaque
 * dρ/dt   = k_ρ·(1 + b_ρ·statin)·(ρ_max − ρ) − (J_c/(Mac + m₀))·(ρ − ρ_new)    CT-apparent density, mg/cm³
 * </pre>
 * Statins lower growth through non-HDL cholesterol, regress plaque a little and speed micro→macro
 * conversion and densification (Puri 2015). Sevelamer, a phosphate binder that also binds bile acids,
 * lowers non-HDL cholesterol while it is taken ({@code sevelamerNonHdlReduction}) and so plaque growth,
 * with none of the statin's other effects. Vitamin K enters only through a small weight w_K.
 * Falling kidney function adds the media's uraemic osteogenic drive U ({@link MedialCalcification#uraemia})
 * with a weight w_U &le; 1: plaque calcification is driven by VSMC-derived osteochondrogenic cells, which
 * uraemic toxins push towards bone as they push medial VSMC (issue 3, W10).
 * Existing macrocalcium also grows on its own surface from the supersaturated serum (crystal growth
 * ∝ surface × supersaturation², model-anchors 2.1), so calcium begets calcium and a phosphate-rich
 * (CKD) milieu speeds the progression of calcium already there; this growth needs no new plaque.
 * The surface is taken proportional to the mass because plaque calcium is many deposits of a few
 * mg (the CT readout's {@code ctLesionMassMg}), whose number, not size, grows. That growth needs uncalcified
 * plaque to grow into: a plaque of volume V holds at most κ·V of mineral (κ, {@code plaqueMineralCapacityMgPerMm3},
 * the mineral of a fully calcified, bone-like tissue), so surface growth slows as the plaque's calcified fraction f
 * approaches 1 and stops at f &ge; 1; a fully calcified plaque gains calcium only with new plaque (through the
 * micro path). Without the bound the term compounds without limit (docs/model/sensitivity-audit.md, item 1).
 */
final class IntimalCalcification {

    private IntimalCalcification() {
    }

    /** Risk multiplier G of plaque growth (1 for the typical 60-year-old without statin). */
    static double growthIndex(WallParameters p, double ageYears, double nonHdlMgDl, double statin,
                              double sbpMmHg, boolean male, boolean smoker, boolean diabetes, double crpMgL) {
        return growthIndexGiven(p, Math.exp(p.plaqueAgePerYear * (ageYears - 60)),
                cholesterolFactor(p, nonHdlMgDl, statin), pressureFactor(p, sbpMmHg), inflammationFactor(p, crpMgL),
                male, smoker, diabetes);
    }

    /**
     * {@link #cholesterolFactor(WallParameters, double, double)} with non-HDL cholesterol first lowered by the
     * fraction {@code lowering} of a non-statin drug (sevelamer binds bile acids, {@code sevelamerNonHdlReduction});
     * the same bits at {@code lowering} 0.
     */
    static double cholesterolFactor(WallParameters p, double nonHdlMgDl, double statin, double lowering) {
        return cholesterolFactor(p, nonHdlMgDl * (1 - lowering), statin);
    }

    /** The non-HDL cholesterol factor of {@link #growthIndex} (statins lower non-HDL cholesterol). */
    static double cholesterolFactor(WallParameters p, double nonHdlMgDl, double statin) {
        double chol = nonHdlMgDl * (1 - p.statinLdlReduction * statin) / p.nonHdlRef;
        return Math.pow(atLeast(chol, 0.05), p.plaqueNonHdlExponent);
    }

    /** The systolic-pressure factor of {@link #growthIndex}. */
    static double pressureFactor(WallParameters p, double sbpMmHg) {
        return Math.pow(atLeast(sbpMmHg, 60) / p.sbpRef, p.plaqueSbpExponent);
    }

    /** The hs-CRP factor of {@link #growthIndex} (a per-patient constant). */
    static double inflammationFactor(WallParameters p, double crpMgL) {
        return Math.pow(atLeast(crpMgL, 0.05) / p.crpRef, p.crpExponent);
    }

    /**
     * {@link #growthIndex} from its factors, each computed (and remembered) by the derivative call on its
     * own inputs: the age factor e^{a(age − 60)} and those above. Multiplied in the same order, so the
     * same value to the bit.
     */
    static double growthIndexGiven(WallParameters p, double ageFactor, double cholesterolFactor,
                                   double pressureFactor, double inflammationFactor, boolean male, boolean smoker,
                                   boolean diabetes) {
        double g = ageFactor * cholesterolFactor * pressureFactor * inflammationFactor;
        if (male) {
            g *= p.malePlaqueFactor;
        }
        if (smoker) {
            g *= p.smokingPlaqueFactor;
        }
        if (diabetes) {
            g *= p.diabetesPlaqueFactor;
        }
        return g;
    }

    static double plaqueRate(WallParameters p, double bedScale, double growthIndex, double statin, double volume) {
        return p.plaqueGrowth * bedScale * growthIndex - p.statinPlaqueRegression * statin * atLeast(volume, 0);
    }

    /** Plaque maturity factor of micro formation, e^{a_μ(age − 60)} (once per derivative call). */
    static double maturity(WallParameters p, double ageYears) {
        return Math.exp(p.microAgePerYear * (ageYears - 60));
    }

    /**
     * Microcalcium formation, mg/h; {@code mgpInhibition} from {@link MedialCalcification#mgpInhibition},
     * {@code uraemia} from {@link MedialCalcification#uraemia}.
     */
    static double microFormation(WallParameters p, double volume, double maturity, double drive, double mgpInhibition,
                                 double uraemia) {
        double milieu = 1 - p.microMineralWeight + p.microMineralWeight * drive;
        return p.microFormation * atLeast(volume, 0) * maturity * milieu * (1 + p.intimalUraemicWeight * uraemia)
                * (1 - p.microMgpWeight * mgpInhibition);
    }

    /**
     * Growth of existing macrocalcium on its surface (∝ Mac, many small deposits) from the serum, mg/h; needs
     * {@code macro} &gt; 0 (nucleation is the micro path) and uncalcified plaque to grow into (the factor
     * {@link #uncalcifiedFraction}). Deposited from serum like medial growth.
     */
    static double surfaceGrowth(WallParameters p, double macro, double micro, double volume, double drive,
                                double mgpInhibition) {
        if (macro <= 0 || drive <= 0) {
            return 0;
        }
        double room = uncalcifiedFraction(p, macro, micro, volume);
        if (room <= 0) {
            return 0;
        }
        return p.macroSurfaceGrowth * macro * drive * (1 - p.microMgpWeight * mgpInhibition) * room;
    }

    /**
     * 1 − f, the share of the plaque's mineral capacity κ·V not yet taken by its micro- and macrocalcium
     * (negative when the mineral exceeds it; 0 without plaque).
     */
    static double uncalcifiedFraction(WallParameters p, double macro, double micro, double volume) {
        double capacity = p.plaqueMineralCapacity * volume;
        if (capacity <= 0) {
            return 0;
        }
        return 1 - (atLeast(macro, 0) + atLeast(micro, 0)) / capacity;
    }

    /** Micro to macro conversion, mg/h. */
    static double conversion(WallParameters p, double micro, double statin) {
        return p.microToMacro * (1 + p.statinConversionBoost * statin) * atLeast(micro, 0);
    }

    static double densityRate(WallParameters p, double density, double macro, double conversion, double statin) {
        double mature = p.densification * (1 + p.statinDensificationBoost * statin) * (p.macroMaxDensity - density);
        double dilution = conversion / (atLeast(macro, 0) + p.densityMassFloor) * (density - p.macroNewDensity);
        return mature - dilution;
    }
}
