package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * The benchmark decade (reference adult and CKD G4) in fast mode with fewer quadrature samples
 * against the quadrature on all 12 and on 24 orbit samples: worst relative difference of each
 * recorded output ({@link RunDifference}) and the derivative calls. Developer aid, on request only
 * ({@code -Dvascalc.scratch=true}).
 */
class QuadratureSamplesRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        List<String> ids = List.of("serumCalciumTotal", "pth", "bmd", "mineral.osteoclasts", "mineral.caBone",
                "mineral.caUrineCum", "mineral.caFaecesCum", "mineral.caAbsorbedCum", "mineral.po4UrineCum",
                "mineral.glandCapacity", "mineral.po4Icf", "vitk.cMgpFraction", "vitk.tissueVk");
        for (boolean ckd : new boolean[] {false, true}) {
            List<Condition> conditions = ckd ? List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)) : List.of();
            Scenario sc = Scenarios.of(ckd ? "decade-ckd-g4" : "decade", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                    conditions, Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                    new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
            FastSettings d = FastSettings.DEFAULT;
            FastSettings s24 = new FastSettings(d.maxStepPeriods(), 24, d.maxOrbitPeriods(), d.orbitTolerance(),
                    d.driftTolerance(), d.maxOrbitAgeHours(), d.integrationRelativeTolerance(), d.fluxTolerance(),
                    d.stageQuadrature(), d.exactLinearPart()).withQuadratureSamples(24);
            SimulationResult fine = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), s24, d, true)
                    .run(sc, Mode.FAST, ProgressListener.NONE);
            System.out.println(sc.name() + " 24 samples " + fine.counters());
            SimulationResult twelve = null;
            for (int stride : new int[] {1, 2, 3, 4}) {
                // The run-in takes all samples whatever the setting: every run starts from the same state.
                SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                        d.withQuadratureSamples(12 / stride), d, true).run(sc, Mode.FAST, ProgressListener.NONE);
                StringBuilder a = new StringBuilder();
                StringBuilder b = new StringBuilder();
                double vs24 = RunDifference.worst(fine, r, ids, a);
                double vs12 = twelve == null ? 0 : RunDifference.worst(twelve, r, ids, b);
                System.out.printf(Locale.ROOT, "%s stride %d (%d samples): vs 24 %.2e |%s%n   vs 12 %.2e |%s%n   %s%n",
                        sc.name(), stride, 12 / stride, vs24, a, vs12, b, r.counters());
                if (stride == 1) {
                    twelve = r;
                }
            }
        }
    }
}
