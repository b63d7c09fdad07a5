package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The wall's population rows on hand-made follow-ups whose answers follow from the rows' definitions:
 * a share per year, a share at a threshold, a hazard ratio built into the rates, the T50 tertiles, and
 * the bootstrap estimate around them.
 */
class PopulationRowsTest {

    private static final VirtualPopulation POP = new VirtualPopulation(11, ModelAssembly.defaultParameters());

    private static PopulationRows.Row row(String id) {
        return PopulationRows.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static FollowUp followUp(VirtualPerson p, double years, double cac0, double cacEnd, double t50, double mi,
                                     double cvDeath) {
        return new FollowUp(p, years, cac0, cacEnd, 9, t50, mi, mi, cvDeath, new FollowUp.Layers(0, 0, 0, 0));
    }

    /**
     * 80 MESA-like members (their own ages, sexes and risk factors): baseline score 0, 10, 300 or 1000 in turn
     * (10 and 300: the closed upper ends of the groups 1-10 and 101-300);
     * MI hazard 0.01 per year, twice that with a score in (100, 300], 1.5 times with one in (0, 10].
     */
    private static List<FollowUp> mesa() {
        double[] scores = {0, 10, 300, 1000};
        List<FollowUp> out = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double cac0 = scores[i % 4];
            double mi = 0.01 * (cac0 > 100 && cac0 <= 300 ? 2 : cac0 > 0 && cac0 <= 10 ? 1.5 : 1);
            // of the 20 at 0, those with i % 16 == 0 (5) have calcium at the end
            double cacEnd = cac0 == 0 ? (i % 16 == 0 ? 3 : 0) : cac0 + 10;
            out.add(followUp(POP.mesa(i), PopulationRows.MESA_YEARS, cac0, cacEnd, 300, mi, 0.001));
        }
        return out;
    }

    @Test
    void incidentCalciumIsTheShareOfThoseAtZeroPerYear() {
        PopulationSample s = new PopulationSample(mesa(), List.of());
        assertThat(row("W04").statistic().applyAsDouble(s)).isCloseTo(5.0 / 20 / PopulationRows.MESA_YEARS, within(1e-12));
        assertThat(row("W04").size().applyAsInt(s)).isEqualTo(20);
    }

    @Test
    void theAdjustedHazardRatiosAreTheRatiosBuiltIntoTheRates() {
        PopulationSample s = new PopulationSample(mesa(), List.of());
        assertThat(row("W12").statistic().applyAsDouble(s)).isCloseTo(2, within(1e-9));
        assertThat(row("W12").size().applyAsInt(s)).isEqualTo(40);
        assertThat(row("W13").statistic().applyAsDouble(s)).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void progressionOfAHundredAgatstonUnitsAYearCountsAsProgressing() {
        // CRIC-like members with calcium: changes per year of 99, 100, 150, 20 and 300: three of five progress
        double[] change = {99, 100, 150, 20, 300};
        List<FollowUp> cric = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cric.add(followUp(POP.cric(i), 2, 50, 50 + 2 * change[i], 300, 0.01, 0.001));
        }
        cric.add(followUp(POP.cric(5), 2, 0, 500, 300, 0.01, 0.001)); // none at baseline: not counted
        PopulationSample s = new PopulationSample(List.of(), cric);
        assertThat(row("W10").statistic().applyAsDouble(s)).isCloseTo(0.6, within(1e-12));
        assertThat(row("W10").size().applyAsInt(s)).isEqualTo(5);
    }

    @Test
    void theT50TertilesHoldAThirdOfTheMembersEach() {
        // nine members with eGFR < 60, T50 100..900 min: the lowest tertile is 100-300, the highest 700-900;
        // CV death 0.003 per year in the lowest tertile, 0.002 in the middle, 0.001 in the highest: ratio 3
        List<FollowUp> cric = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            VirtualPerson p = new VirtualPerson(i, Patient.referenceAdult().withEgfrMlPerMin(40), Map.of(), Optional.empty());
            double t50 = 100 * (i + 1);
            cric.add(followUp(p, 3, 0, 0, t50, 0.01, 0.001 * (3 - i / 3)));
        }
        cric.add(followUp(new VirtualPerson(9, Patient.referenceAdult().withEgfrMlPerMin(80), Map.of(), Optional.empty()),
                3, 0, 0, 50, 0.01, 1)); // eGFR 80: not in the row
        PopulationSample s = new PopulationSample(List.of(), cric);
        assertThat(row("W18").statistic().applyAsDouble(s)).isCloseTo(3, within(1e-12));
        assertThat(row("W18").size().applyAsInt(s)).isEqualTo(9);
    }

    @Test
    void anEstimateCarriesTheRowsValueSizeNoteAndABootstrapSpread() {
        PopulationSample s = new PopulationSample(mesa(), List.of());
        PopulationEstimate e = PopulationRows.estimate(row("W04"), s, 3);
        assertThat(e.targetId()).isEqualTo("W04");
        assertThat(e.value()).isCloseTo(5.0 / 20 / PopulationRows.MESA_YEARS, within(1e-12));
        assertThat(e.n()).isEqualTo(20);
        assertThat(e.note()).isEqualTo(row("W04").note());
        // resampling 80 persons: the share's standard error is about sqrt(p (1 - p) / 20) / 3.8 = 0.026
        assertThat(e.standardError()).isBetween(0.015, 0.05);
        // a statistic that is never finite has no spread
        PopulationRows.Row never = new PopulationRows.Row("X", "never", x -> Double.NaN, x -> 0);
        assertThat(PopulationRows.estimate(never, s, 3).standardError()).isNaN();
    }
}
