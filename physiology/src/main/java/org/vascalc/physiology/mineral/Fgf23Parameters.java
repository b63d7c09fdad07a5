package org.vascalc.physiology.mineral;

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

    /** The last catalog read and its parameters (catalogs are immutable: the same catalog, the same values). */
    private record Read(ParameterCatalog catalog, Fgf23Parameters parameters) {
    }

    private static volatile Read last;

    /**
     * The parameters of {@code c}: read once per catalog, not at every run (a simulator builds its
     * blocks at every run with its one catalog; the look-ups by name were ~0.7 % of a fast-mode decade
     * for the three parameter records, docs/performance-log.md, "overhead"). Keyed on the catalog's
     * identity, so a run with another catalog reads that one.
     */
    static Fgf23Parameters from(ParameterCatalog c) {
        Read kept = last;
        if (kept != null && kept.catalog() == c) {
            return kept.parameters();
        }
        Fgf23Parameters read = read(c);
        last = new Read(c, read);
        return read;
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
