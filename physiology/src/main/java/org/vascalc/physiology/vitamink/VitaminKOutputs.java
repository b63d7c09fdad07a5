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
                        "hepatic vitamin K hydroquinone relative to the reference diet (drives clotting-factor synthesis)",
                        b::hepaticVkh2Relative),
                of("warfarinVkorInhibition", "1", "fraction of VKOR activity blocked by warfarin",
                        b::warfarinInhibition));
    }

    private static DerivedOutput of(String id, String unit, String description, ToDoubleFunction<double[]> f) {
        return DerivedOutput.of(id, unit, description, (t, y, d) -> f.applyAsDouble(y));
    }
}
