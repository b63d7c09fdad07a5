package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.model.Intake;

/**
 * What sets the model's extra-hepatic potency of phylloquinone (K1) against menaquinone-7, and the
 * numbers docs/model/vitamin-k.md ("K1 against MK-7 outside the liver") quotes for it.
 *
 * <p>The carboxylation constant is derived so that the reference K1 diet gives the reference
 * carboxylated fraction, so it scales as 1 / {@code tissueUptakeFractionK1}: that fraction cancels out of
 * every K1 response (the usual diet and a K1 supplement alike) and only the ratio
 * {@code tissueUptakeFractionMk7 / tissueUptakeFractionK1} (fitted to E19/E20) moves anything. So
 * setting the K1 fraction alone cannot change the K1 : MK-7 potency once E19/E20 are refitted.
 */
class K1PotencyTest {

    /** The doc quotes dp-ucMGP in whole pmol/L and percentages to one decimal. */
    private static final double DOC_PMOL_TOLERANCE = 0.5;
    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    private final HipparchusPropagator prop = HipparchusPropagator.standard();

    /** dp-ucMGP (pmol/L) of the reference woman after {@code weeks} of a daily dose. */
    private double dpUcMgpAfter(ParameterCatalog c, Intake.Kind kind, double nmolPerDay, int weeks) {
        return PrintPotency.after(c, prop, kind, nmolPerDay, weeks)[1];
    }

    @Test
    void tissueUptakeFractionK1CancelsOutOfEveryK1Response() {
        double phiK1 = catalog.value("tissueUptakeFractionK1");
        ParameterCatalog doubled = catalog.with(Map.of("tissueUptakeFractionK1", 2 * phiK1));
        double k1Dose = MolarMass.PHYLLOQUINONE.ugToNmol(500);
        double mk7Dose = MolarMass.MENAQUINONE_7.ugToNmol(360);

        assertThat(VitaminKTargets.e21BaselineDpUcMgp(doubled, prop))
                .isCloseTo(VitaminKTargets.e21BaselineDpUcMgp(catalog, prop), within(1e-9));
        assertThat(dpUcMgpAfter(doubled, Intake.Kind.VITAMIN_K1, k1Dose, 12))
                .isCloseTo(dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_K1, k1Dose, 12), within(1e-6));
        // the MK-7 response does move: a doubled K1 fraction halves MK-7's relative reach
        double mk7Catalog = dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_MK7, mk7Dose, 12);
        double mk7Doubled = dpUcMgpAfter(doubled, Intake.Kind.VITAMIN_MK7, mk7Dose, 12);
        assertThat(mk7Doubled - mk7Catalog).isGreaterThan(30);
        // ... and doubling the MK-7 fraction with it restores every response: only the ratio is identified
        ParameterCatalog bothDoubled = doubled.with(Map.of("tissueUptakeFractionMk7",
                2 * catalog.value("tissueUptakeFractionMk7")));
        assertThat(dpUcMgpAfter(bothDoubled, Intake.Kind.VITAMIN_MK7, mk7Dose, 12)).isCloseTo(mk7Catalog, within(1e-6));
    }

    @Test
    void documentedPotencyNumbersHold() {
        double base = VitaminKTargets.e21BaselineDpUcMgp(catalog, prop);
        assertThat(base).isCloseTo(410, within(DOC_PMOL_TOLERANCE));
        // Schurgers 2007 regimen as calibration row E16 records it: 0.22 umol/d for 6 weeks
        double k1Equimolar = dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_K1, 220, 6);
        double mk7Equimolar = dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_MK7, 220, 6);
        assertThat(k1Equimolar - base).isCloseTo(-196, within(DOC_PMOL_TOLERANCE));
        assertThat(mk7Equimolar - base).isCloseTo(-105, within(DOC_PMOL_TOLERANCE));
        // equal micrograms, 12 weeks
        assertThat(dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(100), 12) - base)
                .isCloseTo(-197, within(DOC_PMOL_TOLERANCE));
        assertThat(dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(100), 12) - base)
                .isCloseTo(-80, within(DOC_PMOL_TOLERANCE));
        assertThat(dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(500), 12) - base)
                .isCloseTo(-337, within(DOC_PMOL_TOLERANCE));
        assertThat(dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(500), 12) - base)
                .isCloseTo(-224, within(DOC_PMOL_TOLERANCE));
        // the published trial regimens: K1 500 ug/d for 3 years (Shea), MK-7 720 ug/d for 2 years (AVADEC)
        assertThat(dpUcMgpAfter(catalog, Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(720), 104) - base)
                .isCloseTo(-260, within(DOC_PMOL_TOLERANCE));
    }
}
