package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The residual kidneys on haemodialysis (docs/model/mineral.md, "Residual kidney on dialysis"): the
 * examples/scenarios/haemodialysis.yaml patient without the binder, residual GFR 2 mL/min (the
 * condition's field), 60 days in fast mode. What the kidneys still excrete is read from the books:
 * urine-and-dialysate (caUrineCum, po4UrineCum) minus the dialysis fluid's share. Phosphate is checked
 * against an independent measurement (not used to set any parameter): 44 haemodialysis patients with
 * urine above 100 mL/d and residual GFR below 3 mL/min excreted 4.5 ± 1.8 mmol/d (Iwasawa 2013,
 * abstract, group B); the model's 24-h urinary phosphate at 2 mL/min must lie within one SD of it.
 * Calcium: below 0.7 mmol/d (the unit test's evidence), where the former eGFR-7 kidney excreted ≈ 3.7.
 * The calcium books still close with the residual kidney (as in {@code HaemodialysisCalciumBalanceTest}).
 */
class ResidualKidneyOnDialysisTest {

    @Test
    void theResidualKidneyExcretesPhosphateAsMeasuredAndLittleCalcium() {
        Scenario file = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        List<String> channels = new ArrayList<>(MassBalance.CHANNELS);
        channels.addAll(List.of("dialysedCalcium", "urinaryCalcium", "serumPhosphate", "mineral.po4UrineCum"));
        Scenario s = new Scenario(file.name(), file.description(), file.patient(),
                List.of(new Condition.Haemodialysis(java.util.OptionalDouble.of(1.5), java.util.OptionalDouble.of(2))),
                List.of(), 60, new Recording(channels, 3, 3, 0, 0));
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        Trajectory t = EngineSimulator.withoutWall(catalog).run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        double clearance = catalog.value("haemodialysisPo4Clearance");
        double[] time = t.timesHours();
        double[] po4 = t.series("serumPhosphate");
        double[] po4Cum = t.series("mineral.po4UrineCum");
        double[] caRate = t.series("urinaryCalcium");
        // the last 30 days: the residual kidneys' phosphate = urine-and-dialysate minus clearance x phosphate
        int from = 0;
        while (time[from] < time[time.length - 1] - 30 * 24) {
            from++;
        }
        double dialysedPo4 = 0;
        double urineCa = 0;
        for (int i = from + 1; i < time.length; i++) {
            double dt = time[i] - time[i - 1];
            dialysedPo4 += 0.5 * (po4[i] + po4[i - 1]) * clearance * dt;
            urineCa += 0.5 * (caRate[i] + caRate[i - 1]) * dt / 24;
        }
        double days = (time[time.length - 1] - time[from]) / 24;
        double urinePo4PerDay = (po4Cum[time.length - 1] - po4Cum[from] - dialysedPo4) / days;
        double urineCaPerDay = urineCa / days;
        double residual = MassBalance.calciumResidual(t, 0);
        double intake = MassBalance.delta(t, "mineral.caIntakeCum");
        System.out.printf(Locale.ROOT, "residual GFR 2 mL/min, last 30 days: urinary phosphate %.2f mmol/d at serum "
                + "phosphate %.2f mmol/L, urinary calcium %.3f mmol/d; calcium residual %.2e of intake %.0f mmol%n",
                urinePo4PerDay, po4[po4.length - 1], urineCaPerDay, residual, intake);
        assertThat(urinePo4PerDay).as("24-h urinary phosphate, mmol/d (Iwasawa 2013 group B 4.5 ± 1.8)")
                .isBetween(4.5 - 1.8, 4.5 + 1.8);
        assertThat(urineCaPerDay).as("24-h urinary calcium, mmol/d").isBetween(0.0, 0.7);
        assertThat(Math.abs(residual)).as("calcium residual, mmol").isLessThan(1e-3 * intake);
    }
}
