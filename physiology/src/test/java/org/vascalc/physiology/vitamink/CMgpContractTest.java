package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;

/**
 * The values of {@code vitk.cMgpFraction} that docs/model/vitamin-k.md promises the vascular-wall block
 * (baseline, MK-7, haemodialysis, warfarin). If the model changes, this test fails until the table in
 * the doc is updated: the doc stays true. Tolerance 0.005: the doc gives three decimals.
 */
class CMgpContractTest {

    private static final double DOC_TOLERANCE = 0.005;
    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    private final HipparchusPropagator prop = HipparchusPropagator.standard();

    static double baseline(ParameterCatalog catalog, Sex sex) {
        VitaminKBlock b = new VitaminKBlock(catalog);
        b.bind(new StateLayout(List.of(b)));
        double[] y = new double[b.variables().size()];
        Patient ref = Patient.referenceAdult();
        b.initialise(new Patient("x", ref.ageYears(), sex, ref.weightKg(), ref.heightCm(), ref.egfrMlPerMin(),
                ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk()), y);
        return b.cMgpFraction(y);
    }

    static double afterDaily(ParameterCatalog catalog, VitaminKTargets.Propagator prop, Intake.Kind kind,
                             double amount, int days) {
        VitaminKTargets.Run r = VitaminKTargets.Run.healthy(catalog, prop);
        for (int day = 0; day < days; day++) {
            r.advanceTo(Time.days(day));
            r.take(new Intake(kind, amount));
        }
        r.advanceTo(Time.days(days));
        return r.block.cMgpFraction(r.y);
    }

    static double haemodialysis(ParameterCatalog catalog, VitaminKTargets.Propagator prop) {
        VitaminKTargets.Run r = VitaminKTargets.Run.haemodialysis(catalog, prop);
        double[] dydt = new double[r.y.length];
        r.block.addRates(0, r.y, r.drivers, dydt);
        assertThat(dydt[r.block.index(VitaminKBlock.CMGP)]).isCloseTo(0, within(1e-12)); // it is a steady state
        return r.block.cMgpFraction(r.y);
    }

    @Test
    void documentedCarboxylatedMgpFractionsHold() {
        double mk7 = MolarMass.MENAQUINONE_7.ugToNmol(180);
        double female = baseline(catalog, Sex.FEMALE);
        double male = baseline(catalog, Sex.MALE);
        double mk7At12Weeks = afterDaily(catalog, prop, Intake.Kind.VITAMIN_MK7, mk7, 84);
        double mk7At1Year = afterDaily(catalog, prop, Intake.Kind.VITAMIN_MK7, mk7, 365);
        double hd = haemodialysis(catalog, prop);
        double warfarin60 = afterDaily(catalog, prop, Intake.Kind.WARFARIN, 5, 60);
        System.out.printf("cMGP female %.4f male %.4f mk7-12wk %.4f mk7-1y %.4f hd %.4f warf-60d %.4f%n",
                female, male, mk7At12Weeks, mk7At1Year, hd, warfarin60);
        assertThat(female).isCloseTo(0.836, within(DOC_TOLERANCE));
        assertThat(male).isCloseTo(0.872, within(DOC_TOLERANCE));
        assertThat(mk7At12Weeks).isCloseTo(0.886, within(DOC_TOLERANCE));
        assertThat(mk7At1Year).isCloseTo(0.886, within(DOC_TOLERANCE));
        assertThat(hd).isCloseTo(0.262, within(DOC_TOLERANCE));
        assertThat(warfarin60).isCloseTo(0.571, within(DOC_TOLERANCE));
    }
}
