package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.model.Intake;

/**
 * The MK-4 parameters of the catalog are derived from published menatetrenone pharmacokinetics at
 * pharmacological doses (docs/model/vitamin-k.md, "MK-4 kinetics"). These tests re-run the block on
 * the very doses of those sources, so the derivations stay true when someone edits one of the four
 * numbers without the others. They are not calibration rows: E18 (Sato 2012) is a check row and is
 * not used here.
 */
class Mk4PharmacokineticsTest {

    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    private final HipparchusPropagator prop = HipparchusPropagator.standard();

    /** Serum MK-4 (ng/mL) every {@code step} hours for {@code hours} after one oral dose of {@code ug} µg. */
    private double[] profile(double ug, double hours, double step) {
        VitaminKTargets.Run r = VitaminKTargets.Run.healthy(catalog, prop);
        r.take(new Intake(Intake.Kind.VITAMIN_MK4, MolarMass.MENAQUINONE_4.ugToNmol(ug)));
        int n = (int) Math.round(hours / step);
        double[] c = new double[n + 1];
        double ngPerNmol = MolarMass.MENAQUINONE_4.gramsPerMol() / 1000;
        c[0] = r.block.plasmaMk4NmolPerL(r.y) * ngPerNmol;
        for (int i = 1; i <= n; i++) {
            r.advanceTo(i * step);
            c[i] = r.block.plasmaMk4NmolPerL(r.y) * ngPerNmol;
        }
        return c;
    }

    private static double auc(double[] c, double step) {
        double s = 0;
        for (int i = 1; i < c.length; i++) {
            s += 0.5 * (c[i - 1] + c[i]) * step;
        }
        return s;
    }

    private static double max(double[] c) {
        double m = 0;
        for (double v : c) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void fifteenMilligramsAfterATwentyGramFatBreakfastGiveUematsusAuc() {
        // Uematsu 1996, meal B (20.0 g fat): AUC(0-24) 485 ± 150 ng·h/mL; source of mk4AbsorbedFraction
        double step = 0.05;
        assertThat(auc(profile(15_000, 24, step), step)).isCloseTo(485, within(485 * 0.03));
    }

    @Test
    void peakOverAreaMatchesTheOralThirtyMilligramStudy() {
        // Kaytwo syrup label 16.1 (Morishita 1981): Cmax 325 ng/mL, AUC(0-inf) 1463 ng·h/mL; source of mk4AbsorptionPerH
        double step = 0.02;
        double[] c = profile(30_000, 48, step);
        assertThat(max(c) / auc(c, step)).isCloseTo(325.0 / 1463.0, within(0.222 * 0.03));
    }

    @Test
    void satoSamplesAfterANutritionalDoseAreTheOnesTheDocQuotes() {
        // docs/model/vitamin-k.md (E18) quotes these; a change of the MK-4 kinetics must update the E18 analysis too
        double[] c = VitaminKTargets.mk4AtSatoSamplesNgPerMl(catalog, prop);
        double[] documented = {2.90, 1.66, 0.78, 0.34, 0.15};
        for (int i = 0; i < documented.length; i++) {
            assertThat(c[i]).as("MK-4 at %s h", VitaminKTargets.SATO_SAMPLE_HOURS[i]).isCloseTo(documented[i], within(documented[i] * 0.03));
        }
        assertThat(c[5]).as("MK-4 at 24 h").isLessThan(0.001);
    }

    @Test
    void clearanceIsThatOfTheIntravenousStudy() {
        // Kaytwo N label 16.1: 10 mg IV, AUC(0-48) 3.90 µg·h/mL, so CL = 2.56 L/h = k·V
        double clearance = catalog.value("mk4EliminationPerH") * catalog.value("mk4VolumeL");
        assertThat(clearance).isCloseTo(10.0 / 3.90, within(0.05));
    }
}
