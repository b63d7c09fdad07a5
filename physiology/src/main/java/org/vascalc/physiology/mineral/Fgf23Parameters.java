package org.vascalc.physiology.mineral;

import org.vascalc.core.param.LastCatalogRead;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The FGF23 feedback constants of the mineral block, compiled from its catalog (a separate record so
 * the FGF23 part can change without touching the rest of {@link MineralParameters}). Every effect is
 * normalised to 1 at the reference adult (FGF23 = {@code fgf23Baseline}), so healthy baselines do not
 * move; see docs/model/mineral.md, "FGF23".
 *
 * @param nephronGamma     exponent of nephron loss (reference GFR / GFR) on FGF23 production
 * @param dietGamma        exponent of absorbed dietary phosphate (relative to the habitual diet) on FGF23 production
 * @param loadRate         1/h, rate at which the smoothed load follows absorbed phosphate
 * @param phosphaturiaSlope fall of the renal phosphate threshold per unit rise of FGF23/baseline
 * @param hydroxylaseGamma exponent of FGF23/baseline suppressing 1-alpha-hydroxylase synthesis
 * @param thresholdFloor   lowest initial renal phosphate threshold, as a fraction of the measured phosphate
 */
record Fgf23Parameters(double nephronGamma, double dietGamma, double loadRate, double phosphaturiaSlope, double hydroxylaseGamma,
        double thresholdFloor) {

    Fgf23Parameters {
        if (!(phosphaturiaSlope >= 0)) {
            throw new IllegalArgumentException("fgf23PhosphaturiaSlope must be >= 0, got " + phosphaturiaSlope);
        }
    }

    private static final LastCatalogRead<Fgf23Parameters> READ = new LastCatalogRead<>(Fgf23Parameters::read);

    /** The parameters of {@code c}, read once per catalog ({@link LastCatalogRead}). */
    static Fgf23Parameters from(ParameterCatalog c) {
        return READ.of(c);
    }

    private static Fgf23Parameters read(ParameterCatalog c) {
        return new Fgf23Parameters(c.value("fgf23NephronGamma"), c.value("fgf23DietGamma"), c.value("po4LoadRate"),
                c.value("fgf23PhosphaturiaSlope"), c.value("fgf23HydroxylaseGamma"),
                c.value("po4ThresholdFloorFraction"));
    }

    /**
     * Factor on the renal phosphate threshold (TmP/GFR) at FGF23 = {@code ratio} × baseline:
     * {@code 1 / (1 + slope·(ratio − 1))} above baseline, falling hyperbolically as FGF23 rises; 1 at
     * and below baseline (assumption: the reabsorbing transporters are near their maximum in the
     * reference adult, as ACOP's PhosSTIM acts only above baseline; a symmetric form made a
     * low-phosphate diet raise serum phosphate).
     */
    double phosphaturia(double ratio) {
        return 1 / (1 + phosphaturiaSlope * Math.max(ratio - 1, 0));
    }

    /** Factor on 1-alpha-hydroxylase synthesis: {@code ratio^−gamma}, 1 at baseline. */
    double hydroxylaseEffect(double ratio) {
        return Math.pow(Math.max(ratio, 1e-6), -hydroxylaseGamma);
    }
}
