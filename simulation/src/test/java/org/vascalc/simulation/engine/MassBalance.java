package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.simulation.Trajectory;

/** Calcium and phosphorus balance of the mineral block from recorded state variables. */
final class MassBalance {

    static final List<String> CA_POOLS = List.of("mineral.caEcf", "mineral.caGut", "mineral.caGut2", "mineral.caGut3", "mineral.caGut4",
            "mineral.caGut5", "mineral.caGut6", "mineral.caGut7", "mineral.caStomach",
            "mineral.caTablet", "mineral.caMeal", "mineral.caChyme", "mineral.caBoneExch", "mineral.caBone");
    static final List<String> CHANNELS = List.of("mineral.caEcf", "mineral.caGut", "mineral.caGut2", "mineral.caGut3", "mineral.caGut4",
            "mineral.caGut5", "mineral.caGut6", "mineral.caGut7", "mineral.caStomach",
            "mineral.caTablet", "mineral.caMeal", "mineral.caChyme", "mineral.caBoneExch", "mineral.caBone", "mineral.caIntakeCum",
            "mineral.caFaecesCum", "mineral.caUrineCum", "mineral.po4Ecf", "mineral.po4Gut", "mineral.po4Icf",
            "mineral.po4IntakeCum", "mineral.po4FaecesCum", "mineral.po4UrineCum");

    private MassBalance() {
    }

    /** intake - faeces - urine - change of pools, mmol, between the first and last rows (0 when balanced). */
    static double calciumResidual(Trajectory tr, double sinkMmol) {
        double pools = 0;
        for (String p : CA_POOLS) {
            pools += delta(tr, p);
        }
        return delta(tr, "mineral.caIntakeCum") - delta(tr, "mineral.caFaecesCum") - delta(tr, "mineral.caUrineCum")
                - pools - sinkMmol;
    }

    /** Same for phosphorus; bone phosphorus moves with bone calcium at 0.464 mol/mol. */
    static double phosphorusResidual(Trajectory tr, double sinkMmol, double pPerCaBone) {
        double pools = delta(tr, "mineral.po4Ecf") + delta(tr, "mineral.po4Gut") + delta(tr, "mineral.po4Icf")
                + pPerCaBone * (delta(tr, "mineral.caBoneExch") + delta(tr, "mineral.caBone"));
        return delta(tr, "mineral.po4IntakeCum") - delta(tr, "mineral.po4FaecesCum")
                - delta(tr, "mineral.po4UrineCum") - pools - sinkMmol;
    }

    static double delta(Trajectory tr, String id) {
        double[] s = tr.series(id);
        return s[s.length - 1] - s[0];
    }
}
