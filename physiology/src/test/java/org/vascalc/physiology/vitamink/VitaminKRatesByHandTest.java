package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.LinearTransfer;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;

/**
 * Every row of the block's rates at one state away from any steady state, against the equations of
 * docs/model/vitamin-k.md ("Equations") written out here with the catalog's numbers: every state a
 * different positive amount, warfarin on board, with and without haemodialysis. A steady state
 * cannot tell a dropped or sign-flipped term from its partner (they cancel there), so this is the
 * test that each term of each row is present with its sign and factor (the mutation review of
 * 2026-12-04 found rows whose terms no test checked).
 */
class VitaminKRatesByHandTest {

    private final ParameterCatalog c = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);

    private double v(String name) {
        return c.value(name);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyRowIsItsDocumentedEquation(boolean hd) {
        VitaminKBlock b = new VitaminKBlock(c);
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        double[] y = new double[layout.size()];
        // the reference adult is a woman (usual intake 90 µg/d); the haemodialysis case takes a man (120 µg/d)
        Patient patient = hd ? Patient.referenceAdult().withSex(Sex.MALE) : Patient.referenceAdult();
        b.initialise(patient, y);
        // a state off every steady state: each variable a different amount
        double gutK1 = 310, gutMk4 = 95, gutMk7 = 420, vk = 31, vkp = 170, vkh2 = 2.9, vko = 3.7, mk4 = 1.3,
                mk7 = 22, wGut = 4.1, w = 6.3, tissue = 260, cmgp = 0.71, mkh2 = 0.44;
        double[] values = {gutK1, gutMk4, gutMk7, vk, vkp, vkh2, vko, mk4, mk7, wGut, w, tissue, cmgp, mkh2};
        for (int i = 0; i < values.length; i++) {
            y[b.index(i)] = values[i];
        }
        Drivers d = new Drivers();
        d.setHaemodialysis(hd);
        double[] dydt = new double[y.length];
        b.addRates(0, y, d, dydt);

        // inputs: usual diet R_diet = F_K1 · intake_usual · (HD ? f_HD,diet : 1), µg/d → nmol/h
        double usual = MolarMass.PHYLLOQUINONE.ugToNmol(v(hd ? "usualK1IntakeMaleUgPerDay" : "usualK1IntakeFemaleUgPerDay"))
                / 24;
        double rDiet = v("k1AbsorbedFraction") * usual * (hd ? v("haemodialysisDietFactor") : 1);
        // warfarin: I_W = C/(EC50 + C), C = W/V_W
        double cw = w / v("warfarinVolumeL");
        double iw = cw / (v("warfarinEc50MgPerL") + cw);
        assertThat(b.warfarinInhibition(y)).isCloseTo(iw, within(1e-15));
        double k1 = v("vkorReductionPerH"), k2 = v("carboxylationOxidationPerH"), k3 = v("epoxideReductionPerH");
        double kel = v("vkEliminationPerH"), k12 = v("vkToPeripheralPerH"), k21 = v("vkFromPeripheralPerH");
        double[] expected = new double[values.length];
        expected[VitaminKBlock.GUT_K1] = -v("k1AbsorptionPerH") * gutK1;
        expected[VitaminKBlock.GUT_MK4] = -v("mk4AbsorptionPerH") * gutMk4;
        expected[VitaminKBlock.GUT_MK7] = -v("mk7AbsorptionPerH") * gutMk7;
        expected[VitaminKBlock.VK] = rDiet + v("k1AbsorbedFraction") * v("k1AbsorptionPerH") * gutK1 - kel * vk
                - k1 * vk * (1 - iw) + k3 * vko * (1 - iw) - k12 * vk + k21 * vkp;
        expected[VitaminKBlock.VK_PERIPH] = k12 * vk - k21 * vkp;
        expected[VitaminKBlock.VKH2] = k1 * vk * (1 - iw) - k2 * vkh2;
        expected[VitaminKBlock.VKO] = k2 * vkh2 - k3 * vko * (1 - iw);
        expected[VitaminKBlock.MK4] = v("mk4AbsorbedFraction") * v("mk4AbsorptionPerH") * gutMk4
                - v("mk4EliminationPerH") * mk4;
        expected[VitaminKBlock.MK7] = v("mk7AbsorbedFraction") * v("mk7AbsorptionPerH") * gutMk7
                - v("mk7EliminationPerH") * mk7;
        expected[VitaminKBlock.WARF_GUT] = -v("warfarinAbsorptionPerH") * wGut;
        expected[VitaminKBlock.WARF] = v("warfarinAbsorptionPerH") * wGut - v("warfarinEliminationPerH") * w;
        // tissue: dT/dt = φ_K1·k_el·VK + φ_MK4·k_MK4·MK4 + φ_MK7·k_MK7·MK7 − k_T·T
        expected[VitaminKBlock.TISSUE] = v("tissueUptakeFractionK1") * kel * vk
                + v("tissueUptakeFractionMk4") * v("mk4EliminationPerH") * mk4
                + v("tissueUptakeFractionMk7") * v("mk7EliminationPerH") * mk7 - v("tissueVkTurnoverPerH") * tissue;
        // MGP: k_carb from c* = cRef at the reference diet's tissue pool T_ref = φ_K1·F_K1·R_ref/k_T
        double rRef = v("k1AbsorbedFraction") * MolarMass.PHYLLOQUINONE.ugToNmol(v("referenceK1IntakeUgPerDay")) / 24;
        double tRef = v("tissueUptakeFractionK1") * rRef / v("tissueVkTurnoverPerH");
        double cRef = v("carboxylatedMgpFractionReference");
        double kMgp = v("mgpTurnoverPerH");
        double kCarb = kMgp * cRef / ((1 - cRef) * tRef);
        double drive = kCarb * tissue * (1 - iw) * (hd ? 1 - v("haemodialysisUraemicInhibition") : 1);
        expected[VitaminKBlock.CMGP] = drive * (1 - cmgp) - kMgp * cmgp;
        // dMKH2/dt = k1·V_VK·(a_MK7·MK7/V_MK7 + a_MK4·MK4/V_MK4)·(1 − I_W) − k2·MKH2
        expected[VitaminKBlock.MKH2] = k1 * v("vkVolumeL") * (v("hepaticAvailabilityMk7") * mk7 / v("mk7VolumeL")
                + v("hepaticAvailabilityMk4") * mk4 / v("mk4VolumeL")) * (1 - iw) - k2 * mkh2;

        for (int i = 0; i < expected.length; i++) {
            // the block's own order of operations: agreement to rounding, ~1e-15 of the largest term
            assertThat(dydt[b.index(i)]).as("d%s/dt (hd=%s)", b.variables().get(i).id(), hd)
                    .isCloseTo(expected[i], within(1e-12 * (1 + Math.abs(expected[i]))));
        }
        // the SLOW rows alone are the same rows
        double[] slow = new double[y.length];
        b.addSlowRates(0, y, d, slow);
        assertThat(slow[b.index(VitaminKBlock.TISSUE)]).isEqualTo(dydt[b.index(VitaminKBlock.TISSUE)]);
        assertThat(slow[b.index(VitaminKBlock.CMGP)]).isEqualTo(dydt[b.index(VitaminKBlock.CMGP)]);

        // outputs: concentrations are amounts over volumes; dp-ucMGP = U_max·(1 − c)
        assertThat(b.plasmaK1NmolPerL(y)).isCloseTo(vk / v("vkVolumeL"), within(1e-15));
        assertThat(b.plasmaMk4NmolPerL(y)).isCloseTo(mk4 / v("mk4VolumeL"), within(1e-15));
        assertThat(b.plasmaMk7NmolPerL(y)).isCloseTo(mk7 / v("mk7VolumeL"), within(1e-15));
        assertThat(b.warfarinMgPerL(y)).isCloseTo(cw, within(1e-15));
        assertThat(b.dpUcMgpPmolPerL(y)).isCloseTo(v("dpUcMgpFullyUncarboxylatedPmolPerL") * (1 - cmgp), within(1e-9));
        // VKH2₀ = k1·VK_ref/k2 with VK_ref = R_ref/k_el (the reference diet's steady state)
        double vkh2Ref = k1 * (rRef / kel) / k2;
        assertThat(b.hepaticVkh2Relative(y)).isCloseTo(vkh2 / vkh2Ref, within(1e-12));
        assertThat(b.clottingFactorSynthesisRelative(y)).isCloseTo((vkh2 + mkh2) / vkh2Ref, within(1e-12));
    }

    /**
     * The block's recorded outputs are the accessors checked above (a recorder reads these, not the
     * accessors), its gut depots are the linear transfers fast mode uses, and the warfarin-free
     * condition of fast mode's closed form holds exactly when both warfarin amounts are 0.
     */
    @Test
    void outputsTransfersAndTheWarfarinFreeConditionAreTheBlocks() {
        VitaminKBlock b = new VitaminKBlock(c);
        assertThatThrownBy(() -> b.initialise(Patient.referenceAdult(), new double[14]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bind");
        assertThatThrownBy(() -> b.steadyState(new Drivers(), new double[14])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.index(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.warfarinFree(new double[14])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(b::warfarinIndices).isInstanceOf(IllegalStateException.class);
        // a block after another's three states, so its offset is not 0
        StateLayout layout = new StateLayout(List.of(new Other(), b));
        b.bind(layout);
        double[] y = new double[layout.size()];
        b.initialise(Patient.referenceAdult(), y);
        assertThat(b.index(0)).isEqualTo(3);
        assertThat(b.warfarinIndices()).containsExactly(3 + VitaminKBlock.WARF_GUT, 3 + VitaminKBlock.WARF);
        assertThat(b.warfarinFree(y)).isTrue();
        y[3 + VitaminKBlock.WARF_GUT] = 1e-9;
        assertThat(b.warfarinFree(y)).isFalse();
        y[3 + VitaminKBlock.WARF_GUT] = 0;
        y[3 + VitaminKBlock.WARF] = 1e-9;
        assertThat(b.warfarinFree(y)).isFalse();
        y[3 + VitaminKBlock.WARF] = 2.0;
        y[3 + VitaminKBlock.MK7] = 5;
        y[3 + VitaminKBlock.MK4] = 0.5;
        y[3 + VitaminKBlock.MKH2] = 0.1;
        Drivers d = new Drivers();
        java.util.Map<String, Double> expected = java.util.Map.of(
                "dpUcMgp", b.dpUcMgpPmolPerL(y), "plasmaK1", b.plasmaK1NmolPerL(y), "plasmaMk4", b.plasmaMk4NmolPerL(y),
                "plasmaMk7", b.plasmaMk7NmolPerL(y), "plasmaWarfarin", b.warfarinMgPerL(y),
                "hepaticVkh2Relative", b.hepaticVkh2Relative(y),
                "clottingFactorSynthesisRelative", b.clottingFactorSynthesisRelative(y),
                "warfarinVkorInhibition", b.warfarinInhibition(y));
        assertThat(b.outputs()).hasSize(expected.size());
        for (var o : b.outputs()) {
            assertThat(o.value(0, y, d)).as(o.id()).isEqualTo(expected.get(o.id())).isPositive();
        }
        // the four gut depots empty first order at their absorption rates, into no other state
        assertThat(b.linearTransfers()).containsExactly(
                new LinearTransfer("vitk.gutK1", null, v("k1AbsorptionPerH")),
                new LinearTransfer("vitk.gutMk4", null, v("mk4AbsorptionPerH")),
                new LinearTransfer("vitk.gutMk7", null, v("mk7AbsorptionPerH")),
                new LinearTransfer("vitk.warfarinGut", null, v("warfarinAbsorptionPerH")));
        assertThat(VitaminKBlock.mk7UgToNmol(180)).isEqualTo(MolarMass.MENAQUINONE_7.ugToNmol(180)).isPositive();
    }

    /** A stand-in block of three states placed before the vitamin K block. */
    private static final class Other implements Block {
        private static final List<StateVariable> VARS = List.of(
                new StateVariable("other.a", "1", 1e-6, TimeScale.FAST, "a"),
                new StateVariable("other.b", "1", 1e-6, TimeScale.FAST, "b"),
                new StateVariable("other.c", "1", 1e-6, TimeScale.FAST, "c"));

        @Override
        public String id() {
            return "other";
        }

        @Override
        public List<StateVariable> variables() {
            return VARS;
        }

        @Override
        public void bind(StateLayout layout) {
        }

        @Override
        public void initialise(Patient patient, double[] y) {
        }

        @Override
        public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        }
    }
}
