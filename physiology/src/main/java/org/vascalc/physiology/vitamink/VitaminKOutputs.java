package org.vascalc.physiology.vitamink;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;

/** The recordable quantities of the vitamin K block, in user-facing units. */
final class VitaminKOutputs {

    private VitaminKOutputs() {
    }

    static List<DerivedOutput> list(VitaminKBlock b) {
        return List.of(
                of("dpUcMgp", "pmol/L", "circulating dephospho-uncarboxylated MGP", b::dpUcMgpPmolPerL),
                of("plasmaK1", "nmol/L", "plasma phylloquinone (vitamin K1)", b::plasmaK1NmolPerL),
                of("plasmaMk4", "nmol/L", "plasma menaquinone-4", b::plasmaMk4NmolPerL),
                of("plasmaMk7", "nmol/L", "plasma menaquinone-7", b::plasmaMk7NmolPerL),
                of("plasmaWarfarin", "mg/L", "plasma warfarin", b::warfarinMgPerL),
                of("hepaticVkh2Relative", "1",
                        "hepatic phylloquinone (K1) hydroquinone relative to the reference diet",
                        b::hepaticVkh2Relative),
                of("clottingFactorSynthesisRelative", "1",
                        "hepatic carboxylation cofactor of all forms (K1 + MK-4 + MK-7 hydroquinone) relative to the"
                                + " reference diet: relative synthesis of factors II, VII, IX, X",
                        b::clottingFactorSynthesisRelative),
                of("warfarinVkorInhibition", "1", "fraction of VKOR activity blocked by warfarin",
                        b::warfarinInhibition));
    }

    private static DerivedOutput of(String id, String unit, String description, ToDoubleFunction<double[]> f) {
        return DerivedOutput.of(id, unit, description, (t, y, d) -> f.applyAsDouble(y));
    }
}
