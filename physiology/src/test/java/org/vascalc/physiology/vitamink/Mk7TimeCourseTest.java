package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Intake;

/**
 * The model's time course of dp-ucMGP under a constant daily MK-7 dose, the numbers
 * docs/model/vitamin-k.md ("Does dp-ucMGP keep falling after 12 weeks?") quotes.
 *
 * <p>The block has no slow vitamin K or MGP pool: its slowest rate is MGP turnover (half-life ~30 d),
 * so a healthy adult's response is complete by 8 weeks and a 3-year trial gives the 12-week response.
 * The larger published long-trial effects (Knapen 2015 −50 %, RenaKvit −40 %) were examined for a
 * slow component; the evidence read pointed to baseline status and to the form of the comparison
 * instead, so nothing was added. These assertions pin what the doc says the block does (plateau, and
 * the baseline dependence that can produce −50 % at 180 µg/d), so the doc cannot silently go stale if a
 * slow state or a new fit ever changes it.
 */
class Mk7TimeCourseTest {

    /** The doc quotes percentages to one decimal and baselines to the pmol/L. */
    private static final double DOC_PERCENT_TOLERANCE = 0.05;
    private static final double DOC_PMOL_TOLERANCE = 0.5;
    /** Sampling days: 4, 8, 12 weeks, 26 weeks, 1, 2 and 3 years. */
    private static final int[] DAYS = {28, 56, 84, 182, 365, 730, 1095};
    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    private final HipparchusPropagator prop = HipparchusPropagator.standard();

    /**
     * Percent change of dp-ucMGP from baseline at each of {@link #DAYS}, sampled before that day's dose
     * (the E19/E20 convention: one dose at the start of every day from day 0).
     */
    private static double[] percentChanges(VitaminKTargets.Run r, double ugPerDay) {
        double before = r.dpUcMgp();
        double dose = MolarMass.MENAQUINONE_7.ugToNmol(ugPerDay);
        double[] out = new double[DAYS.length];
        int next = 0;
        for (int day = 0; next < DAYS.length; day++) {
            r.advanceTo(Time.days(day));
            if (day == DAYS[next]) {
                out[next++] = 100 * (r.dpUcMgp() / before - 1);
            }
            r.take(new Intake(Intake.Kind.VITAMIN_MK7, dose));
        }
        return out;
    }

    @Test
    void healthyResponseToMk7_180IsCompleteWellBefore12Weeks() {
        double[] p = percentChanges(VitaminKTargets.Run.healthy(catalog, prop), 180);
        assertThat(p[0]).isCloseTo(-29.2, within(DOC_PERCENT_TOLERANCE));
        assertThat(p[2]).isCloseTo(-30.3, within(DOC_PERCENT_TOLERANCE));
        // no slow component: 3 years gives the 12-week response (Knapen 2015 reported -50 % at 3 years)
        assertThat(p[6] - p[2]).isCloseTo(0, within(0.01));
    }

    @Test
    void healthyResponseToMk7_360IsCompleteWellBefore12Weeks() {
        double[] p = percentChanges(VitaminKTargets.Run.healthy(catalog, prop), 360);
        assertThat(p[0]).isCloseTo(-45.7, within(DOC_PERCENT_TOLERANCE));
        assertThat(p[6]).isCloseTo(-46.6, within(DOC_PERCENT_TOLERANCE));
    }

    @Test
    void haemodialysisResponseToMk7_360LevelsOffAfterAboutSixMonths() {
        double[] p = percentChanges(VitaminKTargets.Run.haemodialysis(catalog, prop), 360);
        assertThat(p[0]).isCloseTo(-18.3, within(DOC_PERCENT_TOLERANCE));
        assertThat(p[1]).isCloseTo(-27.5, within(DOC_PERCENT_TOLERANCE));
        assertThat(p[2]).isCloseTo(-30.1, within(DOC_PERCENT_TOLERANCE));
        assertThat(p[4]).isCloseTo(-31.1, within(DOC_PERCENT_TOLERANCE));
        assertThat(p[5] - p[4]).isCloseTo(0, within(0.01));
    }

    @Test
    void lowerUsualIntakeMovesTheHaemodialysisResponseLittle() {
        // the uraemic factor, not intake, sets the haemodialysis level: a quarter of the usual diet adds ~5 points
        ParameterCatalog low = catalog.with(Map.of("vitaminKIntakeFactor", 0.25));
        assertThat(VitaminKTargets.Run.haemodialysis(low, prop).dpUcMgp()).isCloseTo(2296, within(DOC_PMOL_TOLERANCE));
        assertThat(percentChanges(VitaminKTargets.Run.haemodialysis(low, prop), 360)[4]).isCloseTo(-35.9,
                within(DOC_PERCENT_TOLERANCE));
    }

    @Test
    void lowerUsualIntakeGivesTheLargerPublishedFallAtTheSameDose() {
        // a woman eating a third of the Adequate Intake starts near 930 pmol/L and falls by about half
        ParameterCatalog low = catalog.with(Map.of("vitaminKIntakeFactor", 0.33));
        assertThat(VitaminKTargets.Run.healthy(low, prop).dpUcMgp()).isCloseTo(932, within(DOC_PMOL_TOLERANCE));
        assertThat(percentChanges(VitaminKTargets.Run.healthy(low, prop), 180)[6]).isCloseTo(-49.8,
                within(DOC_PERCENT_TOLERANCE));
        ParameterCatalog half = catalog.with(Map.of("vitaminKIntakeFactor", 0.5));
        assertThat(VitaminKTargets.Run.healthy(half, prop).dpUcMgp()).isCloseTo(704, within(DOC_PMOL_TOLERANCE));
        assertThat(percentChanges(VitaminKTargets.Run.healthy(half, prop), 180)[6]).isCloseTo(-42.8,
                within(DOC_PERCENT_TOLERANCE));
    }
}
