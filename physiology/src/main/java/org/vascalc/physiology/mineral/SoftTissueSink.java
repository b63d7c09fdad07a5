package org.vascalc.physiology.mineral;

import org.vascalc.physiology.model.StateLayout;

/**
 * The hook through which another block (the vascular wall) withdraws mineral from the
 * extracellular pools of the mineral block: calcium from {@code mineral.caEcf} and phosphate from
 * {@code mineral.po4Ecf} in the stoichiometry of hydroxyapatite. The withdrawing block adds the
 * same amount to its own deposit states, so calcium and phosphate balance close by construction
 * (this replaces the commented-out {@code JperiphCa} of the OpenBoneMin FGF23 variant,
 * model-anchors 1.7).
 */
public final class SoftTissueSink {

    /** Ca10(PO4)6(OH)2: 6 phosphate per 10 calcium (a formula fact, not a fitted number). */
    public static final double HYDROXYAPATITE_P_PER_CA = 0.6;

    private int caEcf = -1;
    private int po4Ecf = -1;

    /** Resolves the extracellular pools; call from the withdrawing block's {@code bind}. */
    public void bind(StateLayout layout) {
        caEcf = layout.index(MineralBlock.CA_ECF);
        po4Ecf = layout.index(MineralBlock.PO4_ECF);
    }

    /**
     * Subtracts a deposition flux of {@code caMmolPerHour} calcium (and 0.6 times as much phosphate)
     * from the extracellular pools. Allocation-free; call from {@code addRates}.
     */
    public void withdraw(double caMmolPerHour, double[] dydt) {
        dydt[caEcf] -= caMmolPerHour;
        dydt[po4Ecf] -= HYDROXYAPATITE_P_PER_CA * caMmolPerHour;
    }

    /** Serum total calcium, mmol/L, from the state (for supersaturation drives). */
    public double calciumMmolPerL(double[] y, double ecfVolumeL) {
        return y[caEcf] / ecfVolumeL;
    }

    /** Serum phosphate, mmol/L, from the state. */
    public double phosphateMmolPerL(double[] y, double ecfVolumeL) {
        return y[po4Ecf] / ecfVolumeL;
    }
}
