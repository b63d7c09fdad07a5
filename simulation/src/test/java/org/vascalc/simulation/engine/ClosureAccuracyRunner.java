package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.SimulationResult;

/**
 * The benchmark decade in fast mode (default settings) against reference mode
 * ({@code -Dvascalc.scratch.reference=true}, about four minutes) or a fine fast run (orbit rtol
 * 1e-6, closure 1e-6, flux tolerance 3e-4; {@code vascalc.scratch.fineFlux}, {@code fineAge}), both
 * from the same run-in (default settings): worst relative difference of each output over the yearly
 * rows (cumulative counters and bone as changes since t = 0). Unlike {@code FrameAccuracyRunner}
 * the run-in is the same for both, so the stabilisation's stopping chunk cannot tip the comparison.
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class ClosureAccuracyRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        List<String> ids = List.of("serumCalciumTotal", "pth", "bmd", "mineral.osteoclasts", "mineral.caBone",
                "mineral.caUrineCum", "mineral.caFaecesCum", "mineral.caAbsorbedCum", "mineral.po4UrineCum",
                "vitk.cMgpFraction", "vitk.tissueVk");
        var sc = Scenarios.of("supp", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        FastSettings d = FastSettings.DEFAULT;
        FastSettings fine = new FastSettings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(), 1e-6,
                d.driftTolerance(), Double.parseDouble(System.getProperty("vascalc.scratch.fineAge", "8766")), 1e-6,
                Double.parseDouble(System.getProperty("vascalc.scratch.fineFlux", "3e-4")), d.stageQuadrature(),
                d.exactLinearPart());
        boolean referenceMode = Boolean.getBoolean("vascalc.scratch.reference");
        SimulationResult ref = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), fine, d, true)
                .run(sc, referenceMode ? Mode.REFERENCE : Mode.FAST, ProgressListener.NONE);
        System.out.println((referenceMode ? "reference " : "fine ") + ref.counters());
        SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), d, d, true)
                .run(sc, Mode.FAST, ProgressListener.NONE);
        StringBuilder sb = new StringBuilder();
        double worst = RunDifference.worst(ref, r, ids, sb);
        System.out.printf(Locale.ROOT, "default worst %.1e |%s%n  %s%n", worst, sb, r.counters());
    }
}
