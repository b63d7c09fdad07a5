package org.vascalc.simulation.trial;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The haemodialysis homeostasis with the residual kidney (docs/model/mineral.md, "Residual kidney on
 * dialysis"): examples/scenarios/haemodialysis.yaml's patient, without and with its calcium binder,
 * one year (fast mode; {@code -Dvascalc.scratch.mode=reference} for reference), at the residual GFRs of
 * {@code -Dvascalc.scratch.gfr} (default "default,0,0.7,2,3.5"; "default" = the catalog's) and the
 * dialysate of {@code -Dvascalc.scratch.cd} (default 1.5). Prints the start (after the run-in) and end
 * serum calcium, phosphate, PTH, 24-h urinary calcium, dialysate calcium and bmd. What-if catalog
 * overrides as in the other runners ({@code -Dvascalc.scratch.override=haemodialysisResidualKidney=0}:
 * the former eGFR-7 kidney). A runner, not a test: asserts nothing, runs only with -Dvascalc.scratch=true.
 */
class ResidualKidneyProbeRunner {

    @Test
    void probe() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        ParameterCatalog cat = WhatIfCatalog.fromSystemProperty();
        Mode mode = "reference".equals(System.getProperty("vascalc.scratch.mode")) ? Mode.REFERENCE : Mode.FAST;
        double cd = Double.parseDouble(System.getProperty("vascalc.scratch.cd", "1.5"));
        Scenario file = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        List<String> outs = List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl", "urinaryCalcium", "dialysedCalcium",
                "bmd", "fgf23", "calcitriol", "absorbedCalcium");
        System.out.printf(Locale.ROOT, "%n== haemodialysis.yaml patient, %s mode, dialysate %.2f mmol/L ==%n", mode, cd);
        for (String g : System.getProperty("vascalc.scratch.gfr", "default,0,0.7,2,3.5").split(",")) {
            OptionalDouble gfr = "default".equals(g) ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(g));
            for (boolean binder : new boolean[] {false, true}) {
                Scenario s = new Scenario(file.name(), file.description(), file.patient(),
                        List.of(new Condition.Haemodialysis(OptionalDouble.of(cd), gfr)),
                        binder ? file.interventions() : List.of(), 365, new Recording(outs, 24, 24, 0, 0));
                Trajectory t = new EngineSimulatorFactory().create(cat).run(s, mode, ProgressListener.NONE).trajectory();
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "residual GFR %-7s %-9s", g,
                        binder ? "binder" : "no binder"));
                for (String o : outs) {
                    b.append(String.format(Locale.ROOT, " | %s %.3f -> %.3f", o, t.series(o)[0], t.last(o)));
                }
                System.out.println(b);
            }
        }
    }
}
