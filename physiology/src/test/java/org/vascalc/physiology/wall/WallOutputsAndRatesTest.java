package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.DerivedOutput;

/**
 * The wall's recorded outputs read what their descriptions say (the ground-truth layer shares are
 * intimal / (intimal + medial) over the four coronaries, 0 without mineral; PP = SBP − DBP; the
 * CT scores are the readout's), and its catalog's per-year rates are stored per hour (÷ 8766 h/y:
 * 365.25 days of 24 h), as {@link WallParameters} says.
 */
class WallOutputsAndRatesTest {

    private static final List<String> IDS = List.of("cacAgatston", "cacVolume", "cacMass", "cacIntimalShare",
            "cacMedialShare", "cacIntimalMass", "cacMedialMass", "cacMicroMass", "calciumIndex", "pwv", "sbp", "dbp",
            "pp", "lvMass", "t50", "riskMi", "riskStroke", "riskHf", "riskCvDeath");

    private static double out(WallHarness h, String id) {
        for (DerivedOutput o : h.wall.outputs()) {
            if (o.id().equals(id)) {
                return o.value(h.t, h.y, h.drivers);
            }
        }
        throw new AssertionError("no output " + id);
    }

    /** Sets micro, macro and medial mineral of one bed, mg. */
    private static void mineral(WallHarness h, Bed b, double micro, double macro, double medial) {
        String q = "wall." + b.key() + ".";
        h.y[h.layout.index(q + "microCalcium")] = micro;
        h.y[h.layout.index(q + "macroCalcium")] = macro;
        h.y[h.layout.index(q + "medialMineral")] = medial;
    }

    @Test
    void theOutputsAreListedWithTheirUnits() {
        WallHarness h = WallHarness.of(TestPatients.man(60)).build();
        assertThat(h.wall.outputs()).extracting(DerivedOutput::id).containsExactlyElementsOf(IDS);
        assertThat(h.wall.outputs()).extracting(DerivedOutput::unit).containsExactly("AU", "mm3", "mg", "1", "1", "mg",
                "mg", "mg", "1", "m/s", "mmHg", "mmHg", "mmHg", "g", "min", "1", "1", "1", "1");
        assertThat(h.wall.outputs()).allSatisfy(o -> assertThat(o.description()).isNotBlank());
    }

    /**
     * leftovers25: the four cumulative risks, and only they, are declared probabilities (fractions, unit "1"): the
     * charts and tables show them in per cent by this mark, not by their descriptions' words. The two layer shares and
     * the calcium index are dimensionless too, but not probabilities.
     */
    @Test
    void theFourRisksAndOnlyThemAreMarkedAsProbabilities() {
        WallHarness h = WallHarness.of(TestPatients.man(60)).build();
        assertThat(h.wall.outputs()).filteredOn(DerivedOutput::probability).extracting(DerivedOutput::id)
                .containsExactly("riskMi", "riskStroke", "riskHf", "riskCvDeath");
        assertThat(h.wall.outputs()).filteredOn(DerivedOutput::probability).extracting(DerivedOutput::unit)
                .containsOnly("1");
    }

    @Test
    void theLayerSharesAndMassesSumTheFourCoronaries() {
        WallHarness h = WallHarness.of(TestPatients.man(60)).build();
        for (Bed b : Bed.values()) {
            mineral(h, b, 0, 0, 0);
        }
        assertThat(out(h, "cacIntimalShare")).isZero();
        assertThat(out(h, "cacMedialShare")).isZero();
        // intimal 10 + 20 (LM) + 30 (LAD) = 60 mg, medial 10 (LCX) + 10 (RCA) = 20 mg; the aorta and the leg do not count
        mineral(h, Bed.LM, 10, 20, 0);
        mineral(h, Bed.LAD, 0, 30, 0);
        mineral(h, Bed.LCX, 0, 0, 10);
        mineral(h, Bed.RCA, 0, 0, 10);
        mineral(h, Bed.AORTA, 50, 50, 50);
        mineral(h, Bed.LEG, 50, 50, 50);
        assertThat(out(h, "cacIntimalMass")).isEqualTo(60);
        assertThat(out(h, "cacMedialMass")).isEqualTo(20);
        assertThat(out(h, "cacMicroMass")).isEqualTo(10);
        assertThat(out(h, "cacIntimalShare")).isEqualTo(0.75);
        assertThat(out(h, "cacMedialShare")).isEqualTo(0.25);
        CoronaryCalcium ct = h.wall.coronaryCalcium(h.y);
        assertThat(ct.agatston()).isPositive();
        assertThat(out(h, "cacAgatston")).isEqualTo(ct.agatston());
        assertThat(out(h, "cacVolume")).isEqualTo(ct.volumeMm3());
        assertThat(out(h, "cacMass")).isEqualTo(ct.massMg());
    }

    @Test
    void pulsePressureIsSystolicMinusDiastolic() {
        WallHarness h = WallHarness.of(TestPatients.man(60)).build();
        double sbp = out(h, "sbp");
        double dbp = out(h, "dbp");
        assertThat(sbp).isGreaterThan(dbp).isPositive();
        assertThat(out(h, "pp")).isEqualTo(sbp - dbp);
    }

    @Test
    void perYearRatesAreStoredPerHour() {
        ParameterCatalog c = WallBlock.defaultCatalog();
        WallParameters p = new WallParameters(c);
        double hoursPerYear = 365.25 * 24;
        assertThat(p.miBase).isCloseTo(c.value("miBasePerYear") / hoursPerYear, within(1e-15));
        assertThat(p.strokeBase).isCloseTo(c.value("strokeBasePerYear") / hoursPerYear, within(1e-15));
        assertThat(p.hfBase).isCloseTo(c.value("hfBasePerYear") / hoursPerYear, within(1e-15));
        assertThat(p.lvGrowth).isCloseTo(c.value("lvGrowthPerYear") / hoursPerYear, within(1e-15));
        assertThat(p.miBase).isPositive();
    }
}
