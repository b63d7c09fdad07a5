package org.vascalc.simulation.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): the FAST Jacobian J_ff (forward
 * differences) at the stabilised start of the CKD G5 carbonate year and of the reference adult's
 * supplement decade, written as text (ids, then rows) to {@code vascalc.scratch.out} for an
 * eigenvalue analysis outside (docs/performance-log.md, "calcitriol2").
 */
class FastModeSpectrumRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Path out = Path.of(System.getProperty("vascalc.scratch.out", "target/spectrum"));
        Files.createDirectories(out);
        List<Scenario> cases = new ArrayList<>(List.of(AgreementScenarios.oneYearCkdWithCarbonate(Condition.CkdStage.G5),
                AgreementScenarios.oneYearTwiceDailyWithMk7()));
        for (Scenario s0 : cases) {
            AssembledModel probe = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(s0, p));
            List<String> ids = new ArrayList<>();
            for (StateVariable v : probe.layout().variables()) {
                ids.add(v.id());
            }
            Scenario s = new Scenario(s0.name(), "", s0.patient(), s0.conditions(), s0.interventions(), 1,
                    new Recording(ids, 24, 24, 0, 0));
            double[] y = new EngineSimulator(p).run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory().values()[0].clone();
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(s, p));
            double[] init = InitialisedModels.initialState(model, s.patient());
            List<Integer> fast = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (model.layout().variable(i).timeScale() == TimeScale.FAST) {
                    fast.add(i);
                }
            }
            double t = Double.parseDouble(System.getProperty("vascalc.scratch.hour", "3"));
            double[] f0 = new double[y.length];
            double[] f1 = new double[y.length];
            model.derivatives(t, y, f0);
            double[][] jac = new double[fast.size()][fast.size()];
            for (int c = 0; c < fast.size(); c++) {
                int j = fast.get(c);
                double h = 1e-6 * Math.max(Math.abs(y[j]), 1e-3);
                double keep = y[j];
                y[j] = keep + h;
                model.derivatives(t, y, f1);
                y[j] = keep;
                for (int r = 0; r < fast.size(); r++) {
                    jac[r][c] = (f1[fast.get(r)] - f0[fast.get(r)]) / h;
                }
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(s.name() + ".txt")))) {
                StringBuilder names = new StringBuilder();
                StringBuilder values = new StringBuilder();
                for (int j : fast) {
                    names.append(ids.get(j)).append(' ');
                    values.append(String.format(Locale.ROOT, "%.9g ", y[j]));
                }
                w.println(names.toString().trim());
                w.println(values.toString().trim());
                for (double[] row : jac) {
                    StringBuilder line = new StringBuilder();
                    for (double x : row) {
                        line.append(String.format(Locale.ROOT, "%.9g ", x));
                    }
                    w.println(line.toString().trim());
                }
            }
            System.out.println("SPECTRUM " + s.name() + " " + fast.size() + " FAST states");
        }
    }
}
