package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;

/**
 * Menaquinones in the hepatic vitamin K cycle (docs/model/vitamin-k.md, "Menaquinones in the hepatic
 * cycle"): MK-7 counteracts warfarin, more per µg than phylloquinone, and the hepatic term leaves the
 * extra-hepatic fits (E19/E20) and the warfarin check (E25) untouched.
 *
 * <p>Published direction, not a fitted number: MK-7 45 µg/d lowered the INR and uncarboxylated
 * prothrombin of acenocoumarol-treated volunteers by ~40 % and 10-20 µg/d lowered the INR in a subset
 * (Theuwissen 2013, abstract), whereas K1 supplements first lowered the INR significantly at 150 µg/d
 * (Schurgers 2004, abstract) and 100 µg/d K1 "does not significantly interfere"; Schurgers 2007 (abstract)
 * warns of interference from 50 µg/d MK-7. So per µg MK-7 acts more in the liver than K1.
 */
class HepaticMenaquinoneTest {

    private static final double[] THEUWISSEN_UG = {10, 20, 45};
    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
    private final HipparchusPropagator prop = HipparchusPropagator.standard();

    private double ratio(ParameterCatalog c, Intake.Kind kind, double ug, int weeks) {
        return VitaminKTargets.warfarinSupplementSynthesisRatio(c, prop, kind, new double[] {ug}, weeks)[0];
    }

    @Test
    void mk7CounteractsWarfarinInTheLiverAndRisesWithDose() {
        double[] stepped = VitaminKTargets.warfarinSupplementSynthesisRatio(catalog, prop, Intake.Kind.VITAMIN_MK7,
                THEUWISSEN_UG, 2);
        // each step raises clotting-factor synthesis above warfarin alone, more with each larger dose
        assertThat(stepped[0]).isGreaterThan(1.05);
        assertThat(stepped[1]).isGreaterThan(stepped[0]);
        assertThat(stepped[2]).isGreaterThan(stepped[1]);
        // the effect scales with the hepatic availability (the bottom of its range gives a tenth of the excess)
        ParameterCatalog low = catalog.with(Map.of("hepaticAvailabilityMk7", 0.1));
        double lowExcess = ratio(low, Intake.Kind.VITAMIN_MK7, 45, 2) - 1;
        double excess = ratio(catalog, Intake.Kind.VITAMIN_MK7, 45, 2) - 1;
        assertThat(lowExcess / excess).isCloseTo(0.1 / catalog.value("hepaticAvailabilityMk7"), within(1e-6));
    }

    @Test
    void perMicrogramMk7ActsMoreInTheLiverThanK1() {
        for (double ug : THEUWISSEN_UG) {
            double mk7 = ratio(catalog, Intake.Kind.VITAMIN_MK7, ug, 4) - 1;
            double k1 = ratio(catalog, Intake.Kind.VITAMIN_K1, ug, 4) - 1;
            assertThat(k1).as("K1 %s ug/d acts in the liver", ug).isGreaterThan(0);
            assertThat(mk7).as("MK-7 %s ug/d against K1 at the same dose", ug).isGreaterThan(k1);
        }
        // the published K1 threshold for an INR change (150 ug/d) acts less than MK-7 45 ug/d (a ~40 % INR fall)
        assertThat(ratio(catalog, Intake.Kind.VITAMIN_MK7, 45, 4))
                .isGreaterThan(ratio(catalog, Intake.Kind.VITAMIN_K1, 150, 1));
    }

    @Test
    void theHepaticTermFeedsNoOtherState() {
        // every rate except that of vitk.mkh2 is the same, bit for bit, whatever the availabilities: the hepatic
        // menaquinone cycle is catalytic and feeds neither plasma MK, the K1 cycle nor the tissue pool
        ParameterCatalog low = catalog.with(Map.of("hepaticAvailabilityMk7", 0.1, "hepaticAvailabilityMk4", 0.1));
        VitaminKBlock a = new VitaminKBlock(catalog);
        VitaminKBlock b = new VitaminKBlock(low);
        StateLayout layoutA = new StateLayout(List.of(a));
        a.bind(layoutA);
        b.bind(new StateLayout(List.of(b)));
        double[] y = new double[layoutA.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.5 + 0.37 * i;  // every state non-zero, warfarin on board
        }
        double[] ra = new double[y.length];
        double[] rb = new double[y.length];
        Drivers d = new Drivers();
        a.addRates(0, y, d, ra);
        b.addRates(0, y, d, rb);
        for (int i = 0; i < y.length; i++) {
            if (i == a.index(VitaminKBlock.MKH2)) {
                assertThat(ra[i]).as("the hepatic menaquinone hydroquinone itself moves").isNotEqualTo(rb[i]);
            } else {
                assertThat(ra[i]).as("rate of state %d", i).isEqualTo(rb[i]);
            }
        }
    }

    @Test
    void theExtraHepaticFitsAndE25AreUnchanged() {
        // the values of docs/model/vitamin-k.md "Calibration and checks" (E17 68.0 h, E19 -30.3 %, E20 -46.6 %,
        // E25 0.274), which were fitted or checked before the hepatic term existed
        assertThat(VitaminKTargets.e17Mk7HalfLifeHours(catalog, prop)).isCloseTo(68.0, within(0.05));
        assertThat(VitaminKTargets.e19DpUcMgpChangeMk7_180(catalog, prop)).isCloseTo(-0.303, within(5e-4));
        assertThat(VitaminKTargets.e20DpUcMgpChangeMk7_360(catalog, prop)).isCloseTo(-0.466, within(5e-4));
        assertThat(VitaminKTargets.e25WarfarinVkh2Fraction(catalog, prop)).isCloseTo(0.274, within(5e-4));
    }

    @Test
    void withoutMenaquinonesFactorSynthesisIsTheK1Hydroquinone() {
        VitaminKTargets.Run r = VitaminKTargets.Run.healthy(catalog, prop);
        r.take(new Intake(Intake.Kind.WARFARIN, 5));
        r.advanceTo(30);
        assertThat(r.block.clottingFactorSynthesisRelative(r.y)).isEqualTo(r.block.hepaticVkh2Relative(r.y));
        r.take(new Intake(Intake.Kind.VITAMIN_MK4, MolarMass.MENAQUINONE_4.ugToNmol(15_000)));
        r.advanceTo(36);
        assertThat(r.block.clottingFactorSynthesisRelative(r.y)).isGreaterThan(r.block.hepaticVkh2Relative(r.y));
    }

    /** The numbers of the comparison table in docs/model/vitamin-k.md (three decimals). */
    @Test
    void documentedComparisonNumbersHold() {
        double[] stepped = VitaminKTargets.warfarinSupplementSynthesisRatio(catalog, prop, Intake.Kind.VITAMIN_MK7,
                THEUWISSEN_UG, 2);
        assertThat(stepped[0]).isCloseTo(1.554, within(5e-4));
        assertThat(stepped[1]).isCloseTo(2.127, within(5e-4));
        assertThat(stepped[2]).isCloseTo(3.532, within(5e-4));
        assertThat(ratio(catalog, Intake.Kind.VITAMIN_K1, 45, 4)).isCloseTo(1.475, within(5e-4));
        assertThat(ratio(catalog, Intake.Kind.VITAMIN_K1, 100, 1)).isCloseTo(1.996, within(5e-4));
        assertThat(ratio(catalog, Intake.Kind.VITAMIN_K1, 150, 1)).isCloseTo(2.494, within(5e-4));
    }
}
