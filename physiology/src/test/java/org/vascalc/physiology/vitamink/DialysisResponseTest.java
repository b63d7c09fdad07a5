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
 * The two properties of the block behind docs/model/vitamin-k.md "dp-ucMGP response on dialysis", the
 * diagnosis of why the model's haemodialysis members respond less to MK-7 than Caluwé 2014 (E23) and
 * RenaKvit report:
 *
 * <ol>
 *   <li>the steady-state response does not depend on how fast plasma MK-7 is cleared: tissue uptake is a
 *       fixed fraction of MK-7 elimination, and at steady state elimination equals the absorbed dose, so
 *       a slower MK-7 clearance in dialysis (which would raise serum MK-7, as RenaKvit's 40-fold rise might
 *       suggest) raises plasma MK-7 and leaves the MGP response where it was;</li>
 *   <li>the uraemic factor multiplies a supplement's carboxylation drive exactly as it multiplies the
 *       diet's: the extra drive of the same MK-7 dose in haemodialysis is (1 − u_HD) times that in health.
 *       That is the lever: E22 fixes the product of the diet factor and (1 − u_HD), so the split between
 *       them, not MK-7 kinetics, sets the size of the dialysis response.</li>
 * </ol>
 *
 * Both are relations between runs of the block, not its numbers; they fail if tissue uptake becomes
 * concentration-driven or the uraemic factor stops acting on the supplement as on the diet.
 */
class DialysisResponseTest {

    private static final int TWO_YEARS_DAYS = 730;
    private static final double DOSE_UG_PER_DAY = 360;
    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    private final HipparchusPropagator prop = HipparchusPropagator.standard();

    /** Carboxylation drive over MGP turnover, D/k = c/(1 − c), of the block's state. */
    private static double driveOverTurnover(VitaminKTargets.Run r) {
        double c = r.block.cMgpFraction(r.y);
        return c / (1 - c);
    }

    /** The run after two years of MK-7 once a day (steady state in health and in haemodialysis). */
    private static VitaminKTargets.Run afterTwoYears(VitaminKTargets.Run r) {
        double dose = MolarMass.MENAQUINONE_7.ugToNmol(DOSE_UG_PER_DAY);
        for (int day = 0; day < TWO_YEARS_DAYS; day++) {
            r.advanceTo(Time.days(day));
            r.take(new Intake(Intake.Kind.VITAMIN_MK7, dose));
        }
        r.advanceTo(Time.days(TWO_YEARS_DAYS));
        return r;
    }

    private static double relativeChange(VitaminKTargets.Run r) {
        double before = r.dpUcMgp();
        return afterTwoYears(r).dpUcMgp() / before - 1;
    }

    @Test
    void steadyStateDialysisResponseDoesNotDependOnMk7Clearance() {
        ParameterCatalog slower = catalog.with(Map.of("mk7EliminationPerH", catalog.value("mk7EliminationPerH") / 2));
        VitaminKTargets.Run asIs = VitaminKTargets.Run.haemodialysis(catalog, prop);
        VitaminKTargets.Run halved = VitaminKTargets.Run.haemodialysis(slower, prop);
        double changeAsIs = relativeChange(asIs);
        double changeHalved = relativeChange(halved);
        // plasma MK-7 about doubles (its mean doubles; the trough 24 h after the last dose rises 2.1-fold) ...
        assertThat(halved.block.plasmaMk7NmolPerL(halved.y) / asIs.block.plasmaMk7NmolPerL(asIs.y))
                .isGreaterThan(1.9);
        // ... and the dp-ucMGP response stays (within 0.1 percentage point)
        assertThat(changeHalved).isCloseTo(changeAsIs, within(0.001));
    }

    @Test
    void uraemicFactorDampsASupplementAsItDampsTheDiet() {
        VitaminKTargets.Run healthy = VitaminKTargets.Run.healthy(catalog, prop);
        VitaminKTargets.Run hd = VitaminKTargets.Run.haemodialysis(catalog, prop);
        double healthyBefore = driveOverTurnover(healthy);
        double hdBefore = driveOverTurnover(hd);
        double extraHealthy = driveOverTurnover(afterTwoYears(healthy)) - healthyBefore;
        double extraHd = driveOverTurnover(afterTwoYears(hd)) - hdBefore;
        double uraemic = catalog.value("haemodialysisUraemicInhibition");
        assertThat(extraHd / extraHealthy).isCloseTo(1 - uraemic, within(0.002 * (1 - uraemic)));
        // and the baseline drive carries both factors: diet x (1 - u_HD)
        assertThat(hdBefore / healthyBefore)
                .isCloseTo(catalog.value("haemodialysisDietFactor") * (1 - uraemic), within(1e-6));
    }
}
